"""Pieces of one printed line that belong to different things.

An extractor that reads across a photo's side caption glues the caption, its credit and the
facing body line into one line (`居民代表发言通讯员摄活动开始前`). Such a line is wider than the
column's other lines, and the credit marks where the caption ends: it is cut there. A caption
set after a paragraph's last line on the same baseline comes glued to it behind its ornament
(`…一起上岗。 ▲志愿者在小区门口为居民测温`): it is cut at the ornament.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .evidence import MIN_BODY_AFTER, MIN_CAPTION, WIDER_BY
from .lines import Line

# A photo credit inside a line: 通讯员摄, 记者 王芳 摄, 王芳 摄 (a name, then 摄, then more text),
# or a bare 摄 that a space parts from the body text after it. The spaces after it go with it.
GLUED_CREDIT_RE = re.compile(
    r"(?:(?:本报)?(?:记者|通讯员|摄影记者|摄影)\s*(?:[\u4e00-\u9fff·]{2,3}\s*)?摄|[\u4e00-\u9fff·]{2,3}\s+摄"
    r"|(?<=[\u4e00-\u9fff])摄(?=[ \u3000]))"
    r"[ \u3000]*(?=[\u4e00-\u9fff“（(0-9])"
)
# 摄 glued between a caption and the body line with nothing around it (`居民代表发言摄活动开始前`):
# only where the line is too wide for its column, and never in a word of its own (拍摄, 摄影).
GLUED_BARE_CREDIT_RE = re.compile(r"(?<=[\u4e00-\u9fff])(?<![拍航抓偷])摄(?![影像制取入氏政护])(?=[\u4e00-\u9fff“（(0-9])")
# A caption's ornament after a space in the middle of a line.
GLUED_ORNAMENT_RE = re.compile(r"\s+([▲△■◆●►])\s*(?=\S)")


def split_glued(lines: list[Line], widths: list[float | None]) -> list[Line]:
    """Lines holding a caption glued to body text, cut in two."""
    out: list[Line] = []
    for line, column in zip(lines, widths, strict=True):
        out.extend(_split(line, column))
    return out


def _split(line: Line, column: float | None) -> list[Line]:
    text = line.text
    ornament = GLUED_ORNAMENT_RE.search(text)
    if ornament and ornament.start() >= MIN_CAPTION:
        before, after = text[:ornament.start()].strip(), text[ornament.end():].strip()
        return [replace(line, text=before, notes=dict(line.notes)),
                _piece(line, after, ornament=ornament.group(1))]
    wider = column is not None and line.width > column + WIDER_BY
    match = GLUED_CREDIT_RE.search(text) or (GLUED_BARE_CREDIT_RE.search(text) if wider else None)
    if not match or match.start() < MIN_CAPTION or len(text) - match.end() < MIN_BODY_AFTER:
        return [line]
    named = any(word in match.group(0) for word in ("记者", "通讯员", "摄影"))
    if not (wider or named):
        return [line]
    caption, rest = text[:match.start()].strip(), text[match.end():].strip()
    return [replace(line, text=caption, notes={**line.notes, "credit": match.group(0).strip()}),
            _piece(line, rest)]


def _piece(line: Line, text: str, *, ornament: str = "") -> Line:
    return replace(line, text=text, gap=0, indent=0, level=0, page_break=False, ornament=ornament,
                   notes=dict(line.notes), part=line.part + 1)
