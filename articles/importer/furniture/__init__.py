"""The paper's furniture, taken out of the article stream: masthead, boilerplate, running heads
and feet, page labels, jump lines and the footer. What they say goes into IssueMeta; where they
stand tells each remaining line's printed page and where a story jumps to another page.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from ..evidence import HEAD_LINES_AFTER_BREAK, MASTHEAD_NAME_MAX, MASTHEAD_ZONE_LINES
from ..lines import Line
from ..model import IssueMeta
from .dates import WEEKDAY_RE, make_date, printed_date
from .footer import continues_footer, is_strong_footer, read_footer_line
from .masthead import (
    NEXT_ISSUE_RE,
    NUMBER_RE,
    PAGES_RE,
    TOTAL_NUMBER_RE,
    is_boilerplate,
    is_date_line,
    is_masthead_line,
    is_named_date_line,
    is_publisher_line,
    publisher_orgs,
)
from .running import jumps_in, lone_page_number, running_page

__all__ = ["Furniture", "is_boilerplate", "is_masthead_line", "printed_date", "take_furniture"]

SENTENCE_MARKS_RE = re.compile(r"[，。；！？,;!?]")
# A PDF's lines set in headline type: a footer, set small, never runs on into one.
HEADLINE_TYPE = {"title", "title_cont", "kicker", "subtitle"}


@dataclass
class Furniture:
    content: list[Line]  # what is left for the articles, in order
    pages: list[int | None]  # the printed page of each content line
    jump_out: set[int] = field(default_factory=set)  # a 下转 follows this content line
    jump_in: set[int] = field(default_factory=set)  # a 上接 stands before this content line
    header_dates: list[dt.date] = field(default_factory=list)
    paged: bool = False  # the pages are known (page breaks or running heads were printed)


def take_furniture(lines: list[Line], meta: IssueMeta) -> Furniture:
    zone_end = _masthead_zone_end(lines)
    paper_names = tuple(line.text for line in lines[:zone_end] if line.text.endswith(("报", "刊")))
    content: list[Line] = []
    pages: list[int | None] = []
    out = Furniture(content, pages)
    page = 1
    has_page_breaks = any(line.page_break for line in lines)
    since_break = 0
    pending_in = False
    next_issue = None
    in_footer = in_board = False
    sheet = None  # the PDF page a line is on, for lines read from a PDF
    for index, line in enumerate(lines):
        text = line.text
        since_break += 1
        if line.page_break and index:
            page += 1
            out.paged = True
            since_break = 0
        if line.page_break or line.notes.get("pdf_page") != sheet:
            in_footer = in_board = False  # a footer ends with its page: the next page's top is not in it
            sheet = line.notes.get("pdf_page")
        if line.notes.get("not_furniture"):
            pending_in = _keep(line, content, pages, page, pending_in, out)
            continue
        if index < zone_end or _is_masthead(line, index, zone_end) or _late_masthead_date(line, page, meta):
            next_issue = _read_masthead(text, meta) or next_issue
            line.role = "masthead"
            continue
        if is_boilerplate(text):
            line.role = "boilerplate"
            continue
        if is_publisher_line(text):
            _read_masthead(text, meta)
            line.role = "masthead"
            continue
        header = running_page(text, paper_names)
        if header is None and (number := lone_page_number(text)) is not None and (line.gap or line.page_break):
            header = number
        if header is not None:
            # With page breaks printed, a running head just after one names the page that begins;
            # without them, a head names the page of the lines that follow it.
            if not has_page_breaks or since_break <= HEAD_LINES_AFTER_BREAK:
                page = header
            out.paged = True
            if found := printed_date(text):
                out.header_dates.append(found[0])
            line.role = "running"
            continue
        if is_strong_footer(text) or (in_footer and line.gap <= 1 and continues_footer(text)
                                      and line.notes.get("pdf_role") not in HEADLINE_TYPE):
            in_board = read_footer_line(text, meta, in_board)
            in_footer = True
            line.role = "footer"
            continue
        in_footer = False
        jumps = jumps_in(text)
        if jumps:
            text = _strip_jumps(line, jumps)
            if any(d == "in" for d, _, _ in jumps):
                pending_in = True
            if not text:
                if any(d == "out" for d, _, _ in jumps) and content:
                    out.jump_out.add(len(content) - 1)
                line.role = "jump"
                continue
            if any(d == "out" for d, _, span in jumps if span[0] > 0):
                out.jump_out.add(len(content))
        pending_in = _keep(line, content, pages, page, pending_in, out)
    if next_issue:
        meta.next_issue_date = _next_issue_date(next_issue, meta.date)
    if not out.paged:
        out.pages[:] = [None] * len(out.pages) if len(out.pages) else []
    if meta.date is None and out.header_dates:
        meta.date, meta.date_precision = Counter(out.header_dates).most_common(1)[0][0], "day"
    return out


def _keep(line: Line, content: list[Line], pages: list, page: int, pending_in: bool, out: Furniture) -> bool:
    """Keep a line for the articles; a 上接 just before it marks it. Returns the pending 上接."""
    if pending_in:
        out.jump_in.add(len(content))
    content.append(line)
    pages.append(page)
    return False


def _masthead_zone_end(lines: list[Line]) -> int:
    """Lines before this index are the masthead: up to its last masthead line near the top,
    with the short lines between (the paper's name, a slogan) taken along."""
    last, others = -1, 0
    for index, line in enumerate(lines[:MASTHEAD_ZONE_LINES]):
        text = line.text
        if is_masthead_line(text) or is_boilerplate(text):
            last, others = index, 0
            continue
        others += 1
        if line.level or len(text) > MASTHEAD_NAME_MAX or SENTENCE_MARKS_RE.search(text) or others > 2:
            break
    return last + 1


def _is_masthead(line: Line, index: int, zone_end: int) -> bool:
    """Outside the masthead, only lines no article prints: page count, running number, next issue."""
    text = line.text
    if len(text) > 40 or SENTENCE_MARKS_RE.search(text):
        return False
    return bool(PAGES_RE.search(text) or TOTAL_NUMBER_RE.search(text) or NEXT_ISSUE_RE.search(text)
                or (is_date_line(text) and index == zone_end))


def _late_masthead_date(line: Line, page: int, meta: IssueMeta) -> bool:
    """A date alone on a line (with its weekday or lunar date) on the first page, before any date was read: the
    masthead's, which an extractor that orders a page by its blocks may set after the first
    story's opening column. An article never prints its date on a line of its own."""
    if page != 1 or meta.date is not None or not WEEKDAY_RE.search(line.text) or not is_date_line(line.text):
        return False
    return printed_date(line.text)[1] == "day"


def _strip_jumps(line: Line, jumps: list[tuple[str, int, tuple[int, int]]]) -> str:
    text = line.text
    for _, _, (start, end) in sorted(jumps, key=lambda j: j[2][0], reverse=True):
        text = (text[:start] + text[end:])
    text = text.strip()
    line.notes["jumps"] = [(d, p) for d, p, _ in jumps]
    line.text = text
    return text


def _read_masthead(text: str, meta: IssueMeta) -> tuple[int | None, int, int] | None:
    """Record what a masthead line says; returns the next issue's (year, month, day) if printed."""
    next_match = NEXT_ISSUE_RE.search(text)
    dated = text[:next_match.start()] + text[next_match.end():] if next_match else text
    found = printed_date(dated) if is_date_line(dated) or is_named_date_line(dated) or PAGES_RE.search(dated) or NUMBER_RE.search(dated) else None
    if found and (meta.date is None or (meta.date_precision == "month" and found[1] == "day"
                                         and (found[0].year, found[0].month) == (meta.date.year, meta.date.month))):
        meta.date, meta.date_precision = found[0], found[1]
    if (m := PAGES_RE.search(text)) and meta.pages is None:
        meta.pages = int(m.group(1))
    # The running number since the first issue (总第N期) is what identifies an issue; the number
    # within the year (第N期) only when no running number is printed.
    if m := TOTAL_NUMBER_RE.search(text):
        if not meta.number_is_total:
            meta.number, meta.number_is_total = int(m.group(1)), True
    elif (m := NUMBER_RE.search(text)) and meta.number is None:
        meta.number = int(m.group(1))
    orgs = publisher_orgs(text) if is_publisher_line(text) else []
    if orgs:
        known = meta.publisher.split("、") if meta.publisher else []
        meta.publisher = "、".join(dict.fromkeys(known + orgs))
    if next_match:
        return (int(next_match.group(1)) if next_match.group(1) else None, int(next_match.group(2)),
                int(next_match.group(3)))
    return None


def _next_issue_date(parts: tuple[int | None, int, int], issue_date: dt.date | None) -> dt.date | None:
    year, month, day = parts
    if year is None:
        if issue_date is None:
            return None
        year = issue_date.year + (1 if month < issue_date.month else 0)
    return make_date(year, month, day)
