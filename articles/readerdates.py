"""Dates as residents type them (2024-03-27, 2024/3/27, 2024年3月27日, 20240327, 2024年3月).

Pure parsing, no Django: the date jump on paper and year pages reads its field through here.
"""

from __future__ import annotations

import datetime as dt
import re

FIRST_YEAR, LAST_YEAR = 1900, 2100

_DAY_RE = re.compile(r"^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*[日号]?$")
_COMPACT_RE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_MONTH_RE = re.compile(r"^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?$")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９－／．", "0123456789-/.")


class ReaderDateError(ValueError):
    """A date a reader typed that names no day; the message says so in Chinese."""


def parse_reader_date(text: str | None) -> dt.date:
    """The day a reader means; a month alone means its first day."""
    value = (text or "").strip().translate(_FULL_WIDTH)
    if not value:
        raise ReaderDateError("请填写日期，例如 2024-03-27。")
    if len(value) > 20:
        raise ReaderDateError("日期太长了，请按 2024-03-27 这样的格式填写。")
    match = _DAY_RE.match(value) or _COMPACT_RE.match(value)
    if match:
        year, month, day = (int(g) for g in match.groups())
    elif match := _MONTH_RE.match(value):
        year, month, day = int(match.group(1)), int(match.group(2)), 1
    else:
        raise ReaderDateError(f"看不懂“{value}”这个日期，请按 2024-03-27 这样的格式填写。")
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ReaderDateError(f"年份 {year} 不在 {FIRST_YEAR}–{LAST_YEAR} 年之间，请检查。")
    if not 1 <= month <= 12:
        raise ReaderDateError(f"没有 {month} 月，请检查月份。")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ReaderDateError(f"{year}年{month}月没有 {day} 日，请检查日期。") from None
