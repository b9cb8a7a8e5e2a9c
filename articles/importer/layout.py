"""Split decoded text into items: one per printed block (headline, paragraph, caption ...).

An extracted issue is a sequence of blocks separated by blank lines. How many blank lines
stand before a block is kept (`gap`): the extractor leaves several where a picture stood, and
captions sit right after pictures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .chars import cjk_count, ends_sentence, has_prose_punctuation

HEADING_RE = re.compile(r"^(#{1,6})\s*(.*?)\s*#*\s*$")
# Ornaments printers put around masthead lines and section labels.
DECORATION = "■□◆◇●○★☆▲△▼▽►◄━─═▬▪▫◼◻⬛⬜|｜▌▍▎▏│┃"
DECORATION_RE = re.compile(f"^[{DECORATION}\\s]+|[{DECORATION}\\s]+$")


@dataclass
class Item:
    kind: str  # "heading" | "line" | "para" | "noise"
    text: str  # text with ornaments and markup removed, internal spacing as printed
    raw: str  # the source lines, verbatim
    line: int  # first source line, 1-based
    last_line: int
    gap: int  # blank lines before it
    level: int = 0  # heading level (number of #) for markdown headings
    hard_breaks: bool = False  # lines joined by a markdown line break, kept as line breaks
    role: str = ""  # what the segmenter decided: title, subtitle, column, subhead, caption ...
    notes: dict = field(default_factory=dict)


def strip_decoration(text: str) -> str:
    return DECORATION_RE.sub("", text)


def split_items(text: str) -> list[Item]:
    """Items in source order. Heading markup is parsed; furniture is classified later."""
    items: list[Item] = []
    lines = text.split("\n")
    block: list[tuple[int, str]] = []
    gap = 0
    for number, line in enumerate(lines + [""], start=1):
        if line.strip():
            block.append((number, line))
            continue
        if block:
            items.extend(_block_items(block, gap))
            block, gap = [], 0
        gap += 1
    if items:
        items[0].gap = max(items[0].gap, 1)
    return items


def _block_items(block: list[tuple[int, str]], gap: int) -> list[Item]:
    first, last = block[0][0], block[-1][0]
    raw = "\n".join(line for _, line in block)
    if len(block) == 1:
        return [_line_item(block[0][1], first, gap)]
    if all(line.endswith("  ") or i == len(block) - 1 for i, (_, line) in enumerate(block)):
        # Markdown line breaks: an address, opening hours - lines that belong together.
        text = "\n".join(strip_decoration(line).strip() for _, line in block)
        return [Item("para", text, raw, first, last, gap, hard_breaks=True)]
    if _is_wrapped_prose([line for _, line in block]):
        text = " ".join(line.strip() for _, line in block)
        return [Item("para", text, raw, first, last, gap)]
    # Otherwise each line stands alone (masthead stacks, footers, lists of names).
    return [_line_item(line, number, gap if i == 0 else 0) for i, (number, line) in enumerate(block)]


def _line_item(line: str, number: int, gap: int) -> Item:
    match = HEADING_RE.match(line.strip())
    if match:
        text = strip_decoration(match.group(2)).strip()
        if text:
            return Item("heading", text, line, number, number, gap, level=len(match.group(1)))
        return Item("noise", "", line, number, number, gap)
    text = strip_decoration(line).strip()
    if not text or not (cjk_count(text) or any(ch.isalnum() for ch in text)):
        return Item("noise", "", line, number, number, gap)
    return Item("line", text, line, number, number, gap)


def _is_wrapped_prose(lines: list[str]) -> bool:
    """Several lines of one paragraph broken at the column edge, as some exports do.

    Such lines are all about as wide as the column, and only the last may end a paragraph;
    a file that simply puts each paragraph on its own line has lines of any width.
    """
    body = [line.strip() for line in lines]
    if any(HEADING_RE.match(line) for line in body):
        return False
    widths = [len(line) for line in body[:-1]]
    if min(widths) < 8 or max(widths) - min(widths) > max(3, max(widths) // 5):
        return False
    if any(ends_sentence(line) and line[-1] in "。！？!?" for line in body[:-1]):
        return False
    return has_prose_punctuation("".join(body)) and len(body[-1]) <= max(widths) + 2
