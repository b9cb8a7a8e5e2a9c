"""Decoded text to physical lines: what each printed line says, and where it stands.

A line keeps what the later stages weigh: the blank lines before it (the extractor leaves more
where a picture or a story ended), its indent (a paragraph's first line is indented two
characters where the extractor kept it), its markdown heading level, the printed page it is on
(a form feed, as pdftotext writes between pages) and its printed width.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .evidence import LETTER_SPACED_PIECES, LETTER_SPACED_SHARE

HEADING_RE = re.compile(r"^(#{1,6})\s*(.*?)\s*#*\s*$")
# Ornaments printers put around masthead lines, section labels and captions.
DECORATION = "■□◆◇●○★☆▲△▼▽►◄━─═▬▪▫◼◻⬛⬜|｜▌▍▎▏│┃"
INDENT_RE = re.compile(r"^[ \t\u3000\u00a0]+")
CONTENT_RE = re.compile(r"[\w\u3400-\u9fff]")
HANGING_RE = re.compile(r"[。，、；：！？”’）》」』…]{1,4}")


@dataclass
class Line:
    text: str  # ornaments, markup and outer spaces removed; inner spacing as printed
    raw: str  # the source line, verbatim
    number: int  # 1-based source line number
    gap: int  # blank lines before it
    indent: int = 0  # leading spaces (a full-width space counts two)
    level: int = 0  # markdown heading level (number of #), 0 for none
    page_break: bool = False  # a form feed stands before it
    ornament: str = ""  # the ornament it began with (▲, ■ ...), if any
    hard_break: bool = False  # ends with a markdown line break (two spaces): keep the break
    kept_breaks: bool = False  # several printed lines kept as one block (an address, opening hours)
    role: str = ""  # what the importer decided it is
    notes: dict = field(default_factory=dict)
    part: int = 0  # index of the piece when one source line was cut in pieces

    _measured: tuple[str, float] | None = field(default=None, repr=False, compare=False)

    @property
    def width(self) -> float:
        """Printed width in em; measured once for the text the line holds now."""
        if self._measured is None or self._measured[0] is not self.text:
            self._measured = (self.text, printed_width(self.text))
        return self._measured[1]


def printed_width(text: str) -> float:
    """Width in em: Latin letters, digits and half-width marks take half a Chinese character."""
    ascii_count = sum(1 for ch in text if ch < "\u0100")
    return len(text) - ascii_count / 2


STRIPPED = DECORATION + " \t\u3000\u00a0\r\n\f\v"
# A heading is short; a longer line starting with # is text (and never costs a regex's backtracking).
MAX_HEADING = 200


def strip_decoration(text: str) -> str:
    return text.strip(STRIPPED)


def close_letter_spacing(text: str) -> str:
    """A line set with a space after every character, as it was printed without them: the
    spaces go, but for one between two Latin words or numbers."""
    pieces = text.split()
    if len(pieces) < LETTER_SPACED_PIECES or sum(len(p) == 1 for p in pieces) < LETTER_SPACED_SHARE * len(pieces):
        return text
    out = pieces[0]
    for piece in pieces[1:]:
        out += (" " if out[-1].isascii() and out[-1].isalnum() and piece[0].isascii() and piece[0].isalnum() else "") + piece
    return out


def split_lines(text: str) -> list[Line]:
    """Every non-blank line in source order, with the blank lines and page breaks before it."""
    out: list[Line] = []
    gap = 0
    page_break = False
    for number, source_line in enumerate(text.split("\n"), start=1):
        # A form feed starts a page (pdftotext); one inside a line ends the line before it too
        # (pypdfium2's pages joined without a line end).
        pieces = source_line.split("\f")
        for piece_index, raw in enumerate(pieces):
            if piece_index:
                page_break = True
            gap, page_break = _take(out, raw, number, piece_index, gap, page_break)
    return out


def _take(out: list[Line], raw: str, number: int, part: int, gap: int, page_break: bool) -> tuple[int, bool]:
    """Add one source line (or piece of one); returns the blank lines and page break pending."""
    stripped = raw.strip()
    if not stripped:
        return (gap + 1 if part == 0 else gap), page_break
    previous = out[-1] if out else None
    if previous is not None and not gap and not page_break and HANGING_RE.fullmatch(stripped):
        # A sentence's closing marks wrapped onto a line of their own (。 / ”。): they end the line before.
        previous.text += stripped
        previous.raw += stripped
        return 0, False
    line = _line(raw, number, gap, page_break)
    if line is None:
        return gap + 1, page_break  # a rule or an ornament alone spaces the page as a blank line
    line.part = part
    if previous is not None and previous.hard_break and not gap and not line.level:
        # A markdown line break: an address, opening hours - lines printed as one block.
        previous.text += "\n" + line.text
        previous.raw += "\n" + line.raw
        previous.notes["last_number"] = number
        previous.hard_break = line.hard_break
        previous.kept_breaks = True
        return 0, False
    out.append(line)
    return 0, False


def _line(raw: str, number: int, gap: int, page_break: bool) -> Line | None:
    indent_match = INDENT_RE.match(raw)
    indent = sum(2 if ch == "\u3000" else 1 for ch in indent_match.group(0)) if indent_match else 0
    stripped = raw.strip()
    level = 0
    match = HEADING_RE.match(stripped) if stripped.startswith("#") and len(stripped) <= MAX_HEADING else None
    if match:
        level, stripped = len(match.group(1)), match.group(2)
    lead = stripped[:1]
    text = close_letter_spacing(strip_decoration(stripped).strip())
    if not text or not CONTENT_RE.search(text):
        return None
    ornament = lead if lead in DECORATION else ""
    return Line(text, raw, number, gap, indent=indent, level=level, page_break=page_break, ornament=ornament,
                hard_break=raw.endswith("  ") and not raw.endswith("   "))
