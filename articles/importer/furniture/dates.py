"""Dates as mastheads and running headers print them."""

from __future__ import annotations

import datetime as dt
import re

CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "Ｏ": 0, "O": 0}
CN_DATE_RE = re.compile(
    r"([〇零○Ｏ一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月(?:\s*([一二三四五六七八九十]{1,3})\s*[日号])?")
DAY_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
DOTTED_RE = re.compile(r"(?<![\d.])((?:19|20)\d{2})\s*([./\-])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?![\d.])")
MONTH_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?!\s*\d{1,2}\s*[日号])(?!份?\s*\d)")
WEEKDAY_RE = re.compile(r"(星期|周|礼拜)[一二三四五六日天]|农历\S{0,8}|[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年")


def cn_number(text: str) -> int:
    """一 … 三十一 as printed in dates."""
    if "十" not in text:
        return CN_DIGITS[text]
    tens, _, ones = text.partition("十")
    return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[ones] if ones else 0)


def arabic_dates(text: str) -> str:
    """二〇二一年十一月二十四日 -> 2021年11月24日."""
    if "年" not in text:
        return text

    def convert(match: re.Match) -> str:
        year = "".join(str(CN_DIGITS[c]) for c in match.group(1))
        out = f"{year}年{cn_number(match.group(2))}月"
        return out + (f"{cn_number(match.group(3))}日" if match.group(3) else "")

    return CN_DATE_RE.sub(convert, text)


def make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def printed_date(text: str) -> tuple[dt.date, str, tuple[int, int]] | None:
    """The first date printed in a short line: (date, "day" | "month", its span)."""
    text = arabic_dates(text)
    for pattern, precision in ((DAY_RE, "day"), (DOTTED_RE, "day"), (MONTH_RE, "month")):
        match = pattern.search(text)
        if not match:
            continue
        if pattern is DOTTED_RE:
            year, month, day = int(match.group(1)), int(match.group(3)), int(match.group(4))
        elif precision == "day":
            year, month, day = map(int, match.groups())
        else:
            year, month, day = int(match.group(1)), int(match.group(2)), 1
        date = make_date(year, month, day)
        if date:
            return date, precision, match.span()
    return None


def without_dates(text: str) -> str:
    """What a line says besides its date and weekday."""
    text = arabic_dates(text)
    for pattern in (DAY_RE, DOTTED_RE, MONTH_RE, WEEKDAY_RE):
        text = pattern.sub(" ", text)
    return text
