"""The issue date when the masthead prints none: the latest event the articles report.

A community paper reports what happened since the last issue and comes out soon after, so
the latest date its articles mention, in the year they speak of, is the best estimate of when
it appeared; the precision is then a month, not a day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

MENTION_RE = re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年(?!代)")
# 到2035年, 2035年前, 2035年远景目标: a plan's horizon, not the year being reported.
PLAN_BEFORE_RE = re.compile(r"(到|至|截至|展望)\s*$")
PLAN_AFTER_RE = re.compile(r"^\s*(前|底前|之前|以前|远景|目标|规划|愿景)")
# A deadline or a range end (3月31日前, 5月1日起, 将于6月1日) is not something that happened.
NOT_AN_EVENT_AFTER_RE = re.compile(r"^\s*(前|之前|以前|起|开始|至|到|止|截止|为止)")
NOT_AN_EVENT_BEFORE_RE = re.compile(r"(将于|计划于|预计|将在|截至|截止|到|至)\s*$")


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


FILENAME_DATE_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:[-_.年]?(0[1-9]|1[0-2])(?:[-_.月]?(0[1-9]|[12]\d|3[01]))?)?(?!\d)")


def filename_date(name: str) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) from a file name such as qingfeng-2024-05.txt or 20240516.txt."""
    match = FILENAME_DATE_RE.search(name)
    if not match:
        return None
    year, month, day = match.groups()
    return int(year), int(month) if month else None, int(day) if day else None


def issue_year(text: str, fallback: int | None = None) -> int | None:
    """The year the articles speak of: the most mentioned, the later one on a tie."""
    years = Counter(
        int(m.group(1)) for m in YEAR_RE.finditer(text)
        if 1949 <= int(m.group(1)) <= 2100
        and not PLAN_BEFORE_RE.search(text[max(0, m.start() - 3):m.start()])
        and not PLAN_AFTER_RE.match(text[m.end():m.end() + 4])
    )
    if not years:
        return fallback
    top = max(years.values())
    return max(y for y, n in years.items() if n == top)


def event_dates(text: str, fallback_year: int | None = None) -> list[tuple[dt.date, str]]:
    """Dates of events the text reports, each with the words that gave it."""
    year = issue_year(text, fallback_year)
    mentions = []
    for match in MENTION_RE.finditer(text):
        after = text[match.end():match.end() + 4]
        before = text[max(0, match.start() - 4):match.start()]
        if NOT_AN_EVENT_AFTER_RE.match(after) or NOT_AN_EVENT_BEFORE_RE.search(before):
            continue
        mentions.append((int(match.group(1)) if match.group(1) else None, int(match.group(2)),
                         int(match.group(3)), match.group(0)))
    if not mentions:
        return []
    months = {m for y, m, _, _ in mentions if y is None}
    # A January issue that mentions December speaks of the December before.
    year_turns = bool(months) and min(months) <= 3 and max(months) >= 10
    found = []
    for y, m, d, words in mentions:
        if y is None:
            if year is None:
                continue
            y = year - 1 if (year_turns and m >= 10) else year
        date = _date(y, m, d)
        if date:
            found.append((date, re.sub(r"\s+", "", words)))
    return found


def infer_issue_date(text: str, source_name: str = "") -> tuple[dt.date, str] | None:
    """(date, basis) from the latest event the text reports, or None.

    When the text names no year, the year in the file's name (editors name files by date) is
    used for the days and months the articles mention.
    """
    hint = filename_date(source_name)
    fallback_year = hint[0] if hint else None
    found = event_dates(text, fallback_year)
    if not found:
        if hint and hint[1]:
            return dt.date(hint[0], hint[1], hint[2] or 1), f"文件名 {source_name}"
        return None
    year = issue_year(text, fallback_year)
    # Dates in other years (history, plans) do not date this issue when the issue's year has some.
    in_year = [f for f in found if year is None or f[0].year == year] or found
    return max(in_year, key=lambda f: f[0])
