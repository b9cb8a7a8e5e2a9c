"""A PDF page's text as printed lines, each with its type size and its place on the page.

Characters are read in the order the PDF draws them, which is the order the typesetter set the
text in: story after story, column after column. A printed line ends where the next character
stands on another baseline, far to the side, or in another size of type. Sizes, boxes, pictures
and frames come along: they tell a headline (large type), a caption (small type by a picture), a
running head (the page's top or foot) and a notice (a framed box).
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass, field

from ..evidence import BASELINE_TOLERANCE, GAP_IN_SIZES, SIZE_TOLERANCE


@dataclass
class Segment:
    """One printed line, or the piece of one that stands apart from the rest."""

    page: int  # 0-based page index in the file
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float  # the type size most of its characters are set in
    order: int  # place in the drawing order of its page
    boxed: bool = False  # set inside a drawn frame (a notice box)
    notes: dict = field(default_factory=dict)

    @property
    def width(self) -> float:
        return self.x1 - self.x0


@dataclass
class Picture:
    page: int
    box: tuple[float, float, float, float]  # x0, top, x1, bottom in points from the top-left


@dataclass
class PageText:
    index: int
    width: float
    height: float
    segments: list[Segment]
    pictures: list[Picture]
    frames: list[tuple[float, float, float, float]]


def read_pages(data: bytes) -> list[PageText]:
    import pdfplumber

    pages = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for index, page in enumerate(pdf.pages):
            chars = [c for c in page.chars if c.get("text")]
            frames = [(float(r["x0"]), float(r["top"]), float(r["x1"]), float(r["bottom"])) for r in page.rects
                      if r["x1"] - r["x0"] > 40 and r["bottom"] - r["top"] > 20]
            segments = _segments(chars, index)
            for segment in segments:
                segment.boxed = any(_inside(segment, frame) for frame in frames)
            pictures = [Picture(index, (float(i["x0"]), float(i["top"]), float(i["x1"]), float(i["bottom"])))
                        for i in page.images]
            pages.append(PageText(index, float(page.width), float(page.height), segments, pictures, frames))
            page.flush_cache()
    return pages


def body_size(pages: list[PageText]) -> float:
    """The type size most of the issue's text is set in: its body type."""
    counts: Counter = Counter()
    for page in pages:
        for segment in page.segments:
            counts[round(segment.size * 2) / 2] += len(segment.text)
    return counts.most_common(1)[0][0] if counts else 10.0


def _inside(segment: Segment, frame: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = frame
    return segment.x0 >= x0 - 1 and segment.x1 <= x1 + 1 and segment.top >= top - 1 and segment.bottom <= bottom + 1


def _segments(chars: list[dict], page_index: int) -> list[Segment]:
    out: list[Segment] = []
    current: list[dict] = []

    def close() -> None:
        if current:
            out.append(_segment(current, page_index, len(out)))
            current.clear()

    for ch in chars:
        if current:
            last = current[-1]
            size = max(float(last["size"]), 1.0)
            same_line = abs(float(ch["bottom"]) - float(last["bottom"])) <= BASELINE_TOLERANCE * size
            gap = float(ch["x0"]) - float(last["x1"])
            same_type = abs(float(ch["size"]) - size) <= SIZE_TOLERANCE * size
            if not (same_line and same_type and -0.5 * size <= gap <= GAP_IN_SIZES * size):
                close()
        current.append(ch)
    close()
    return [s for s in out if s.text]


def _segment(chars: list[dict], page_index: int, order: int) -> Segment:
    sizes = Counter(round(float(c["size"]), 1) for c in chars if not c["text"].isspace())
    text_parts = []
    for n, ch in enumerate(chars):
        if n and float(ch["x0"]) - float(chars[n - 1]["x1"]) > 0.6 * float(ch["size"]) and not ch["text"].isspace():
            text_parts.append(" ")  # a space the typesetter left between words or phrases
        text_parts.append(" " if ch["text"].isspace() else ch["text"])
    return Segment(
        page=page_index, text="".join(text_parts).strip(), x0=min(float(c["x0"]) for c in chars),
        x1=max(float(c["x1"]) for c in chars), top=min(float(c["top"]) for c in chars),
        bottom=max(float(c["bottom"]) for c in chars), size=sizes.most_common(1)[0][0], order=order,
    )
