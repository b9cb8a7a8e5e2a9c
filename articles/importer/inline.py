"""Pieces of one printed line that belong to different things.

An extractor that reads across a photo's side caption glues the caption, its credit and the
facing body line into one line (`居民代表发言通讯员摄活动开始前`). Such a line is wider than the
column's other lines, and the credit marks where the caption ends: it is cut there.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .lines import Line, printed_width

# A photo credit inside a line: 通讯员摄, 记者 王芳 摄, 王芳 摄 (a name, then 摄, then more text).
GLUED_CREDIT_RE = re.compile(
    r"(?:(?:本报)?(?:记者|通讯员|摄影记者|摄影)\s*(?:[\u4e00-\u9fff·]{2,3}\s*)?摄|[\u4e00-\u9fff·]{2,3}\s+摄)"
    r"(?=[\u4e00-\u9fff“（(])"
)
# Body text runs at least this many characters after the credit, else the line is a caption alone.
MIN_BODY_AFTER = 4
MIN_CAPTION = 2


def split_glued_captions(lines: list[Line], widths: list[float | None]) -> list[Line]:
    """Lines with a caption and its credit glued to their front, cut in two."""
    out: list[Line] = []
    for line, column in zip(lines, widths):
        match = GLUED_CREDIT_RE.search(line.text)
        if not match or match.start() < MIN_CAPTION or len(line.text) - match.end() < MIN_BODY_AFTER:
            out.append(line)
            continue
        wider = column is not None and line.width > column + 1.5
        named = "记者" in match.group(0) or "通讯员" in match.group(0) or "摄影" in match.group(0)
        if not (wider or named):
            out.append(line)
            continue
        caption, rest = line.text[:match.start()].strip(), line.text[match.end():].strip()
        out.append(replace(line, text=caption, notes={**line.notes, "credit": match.group(0)}, part=0))
        out.append(replace(line, text=rest, gap=0, indent=0, level=0, page_break=False, ornament="",
                           notes=dict(line.notes), part=1))
    return out


def widths_changed(lines: list[Line]) -> bool:
    return any(line.part for line in lines)


__all__ = ["split_glued_captions", "printed_width"]
