"""How faithfully an extractor's text keeps what was printed: paragraphs whose characters come out
in order, and ideographs returned as Kangxi radicals or CJK radical-supplement characters.

A paragraph counts as in order when, once the lines that are only furniture (headers, captions,
jump lines, headlines: every non-body string the typesetter printed) are set aside, its characters
stand contiguous in the text. A column break inside it does not break it; two columns interleaved
line by line, a caption glued into a body line, or a header left inside it do. Paragraphs cut by
a jump to a later page (the typesetter says which) are left out: no extractor can return those
in one piece.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

KANGXI = (0x2F00, 0x2FDF)
RADICAL_SUPPLEMENT = (0x2E80, 0x2EFF)
SPACE_RE = re.compile(r"\s+")


def radical_counts(text: str) -> dict[str, int]:
    kangxi = sum(KANGXI[0] <= ord(c) <= KANGXI[1] for c in text)
    supplement = sum(RADICAL_SUPPLEMENT[0] <= ord(c) <= RADICAL_SUPPLEMENT[1] for c in text)
    return {"kangxi": kangxi, "supplement": supplement}


@dataclass(frozen=True)
class OrderReport:
    in_order: int
    total: int
    jumped: int  # left out: cut by a jump

    @property
    def share(self) -> float:
        return self.in_order / self.total if self.total else 1.0


WILDCARD = "\x00"
RADICALS_RE = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf]")


def _squash(text: str) -> str:
    return SPACE_RE.sub("", text)


def mask_radicals(text: str) -> str:
    return RADICALS_RE.sub(WILDCARD, text)


def find_allowing_radicals(needle: str, stream: str) -> int:
    """str.find, where a radical in the stream (made a wildcard by mask_radicals) stands for any
    character: a radical for an ideograph is a wrong character, not a wrong order."""
    at = stream.find(needle)
    if at >= 0 or WILDCARD not in stream:
        return at
    pattern = "".join(f"(?:{re.escape(c)}|{WILDCARD})" for c in needle)
    match = re.search(pattern, stream)
    return match.start() if match else -1


def body_stream(text: str, furniture: list[str], body: list[str]) -> str:
    """The extracted text without its furniture lines, whitespace removed. A line that could be
    either (a headline's last characters that also occur in a paragraph) is kept as body."""
    pieces = [_squash(f) for f in furniture if _squash(f)]
    paragraphs = [_squash(b) for b in body]
    kept = []
    for line in text.splitlines():
        squashed = _squash(line)
        if not squashed:
            continue
        # Extractors often set several furniture pieces on one line (2 要闻 2024年3月27日).
        is_furniture = all(any(token in piece for piece in pieces) for token in line.split())
        if is_furniture and not any(squashed in p for p in paragraphs):
            continue
        kept.append(squashed)
    return mask_radicals("".join(kept))


def paragraphs_in_order(text: str, expected: dict, furniture: list[str],
                        cut: set[tuple[int, int]] = frozenset()) -> OrderReport:
    """`cut`: the (article, block) pairs the typesetter split across a jump to a later page."""
    body = [b["text"] for a in expected["articles"] for b in a["blocks"]]
    stream = body_stream(text, furniture, body)
    in_order = total = jumped = 0
    for number, article in enumerate(expected["articles"]):
        paragraphs = [(i, b["text"]) for i, b in enumerate(article["blocks"]) if b["type"] == "paragraph"]
        for n, (block, paragraph) in enumerate(paragraphs):
            if (number, block) in cut:
                jumped += 1
                continue
            squashed = _squash(paragraph)
            if n == len(paragraphs) - 1 and article.get("byline"):
                # The byline may be set inline at the end of the last paragraph.
                squashed_byline = f"（{_squash(article['byline'])}）"
                if find_allowing_radicals(squashed + squashed_byline, stream) >= 0:
                    squashed += squashed_byline
            in_order += find_allowing_radicals(squashed, stream) >= 0
            total += 1
    return OrderReport(in_order, total, jumped)
