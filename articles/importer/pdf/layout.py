"""The role of each printed line of a PDF, from the type it is set in and where it stands.

A community paper sets its headlines in large type, kickers and subtitles in a size between,
body text in one size in columns, captions, bylines and running heads in small type; captions
stand by their pictures, running heads at a page's top or foot, notices in frames. Relative to
the issue's own body size, these are facts of typesetting that hold whatever the typesetter.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..evidence import (
    BESIDE_REACH,
    CAPTION_REACH_LINES,
    COLUMN_LABEL_MAX,
    HEADLINE,
    INDENT,
    MARGIN_BAND,
    MEDIUM,
    SHORT_END,
    SMALL,
    TITLE_SHARE,
)
from ..furniture.footer import is_strong_footer
from ..furniture.running import PAGE_LABEL_LINE_RE, jumps_in, lone_page_number, running_page
from ..roles.words import BYLINE_RE, CAPTION_HEAD_RE, CREDIT_RE
from .reader import PageText, Picture, Segment


@dataclass
class Placed:
    segment: Segment
    role: str
    page_number: int | None = None  # the printed page (from running heads), set later
    photo: Picture | None = None


def place(pages: list[PageText], body: float) -> list[Placed]:
    out: list[Placed] = []
    for page in pages:
        columns = _columns(page.segments, body)
        heads = _running_heads(page, body)
        placed = [Placed(s, "") for s in page.segments]
        for p in placed:
            if id(p.segment) in heads:
                p.role = "running"
        _notices(placed)
        _headlines(placed, body)
        _small_type(placed, page, body)
        _body(placed, columns, body)
        out.extend(placed)
    return out


def _columns(segments: list[Segment], body: float) -> list[tuple[float, float]]:
    """Column edges (left, right): where the body lines of the page end, and start."""
    body_lines = [s for s in segments if abs(s.size - body) <= 0.12 * body and s.width >= 6 * body]
    rights = Counter(round(s.x1 / (0.6 * body)) for s in body_lines)
    columns = []
    for key, count in rights.items():
        if count < 3:
            continue
        right = key * 0.6 * body
        lefts = [s.x0 for s in body_lines if abs(s.x1 - right) <= 0.9 * body]
        if lefts:
            columns.append((min(lefts), right))
    return sorted(columns)


def _column_of(segment: Segment, columns: list[tuple[float, float]]) -> tuple[float, float] | None:
    fits = [c for c in columns if c[0] - 2 <= segment.x0 <= c[1] and segment.x1 <= c[1] + 6]
    return min(fits, key=lambda c: c[1] - segment.x1) if fits else None


def _running_heads(page: PageText, body: float) -> set[int]:
    """The pieces of a running head or foot, joined along their baseline and read as one."""
    top_limit, foot_limit = MARGIN_BAND * page.height, (1 - MARGIN_BAND) * page.height
    band = [s for s in page.segments if s.bottom <= top_limit or s.top >= foot_limit]
    found: set[int] = set()
    rows: list[list[Segment]] = []
    for segment in sorted(band, key=lambda s: (s.bottom, s.x0)):
        if rows and abs(rows[-1][0].bottom - segment.bottom) <= 0.6 * body:
            rows[-1].append(segment)
        else:
            rows.append([segment])
    for row in rows:
        ordered = sorted(row, key=lambda s: s.x0)
        text = " ".join(s.text for s in ordered)
        jumps = jumps_in(text)
        if jumps and sum(e - b for _, _, (b, e) in jumps) >= len(text.strip()) - 1:
            continue  # （下转第2版） at a column's foot names another page, not this one
        if running_page(text) is not None or (lone_page_number(text) is not None and len(row) == 1):
            found.update(id(s) for s in row)
            # The pieces of one head are read as one line (page number, page name, date, editor).
            ordered[0].notes["joined"] = text
            for piece in ordered[1:]:
                piece.notes["joined_into"] = True
    # A page label (第1版 要闻) is the page's furniture wherever it stands, under a masthead too.
    found.update(id(s) for s in page.segments if PAGE_LABEL_LINE_RE.match(s.text.strip()))
    return found


def _headlines(placed: list[Placed], body: float) -> None:
    """Lines in larger type printed together are one stack: its largest type is the title, the
    smaller lines above it the kicker, below it the subtitle; larger type alone inside a story,
    no larger than a kicker's, is a subhead."""
    i = 0
    while i < len(placed):
        if placed[i].role or placed[i].segment.size < MEDIUM * body:
            i += 1
            continue
        j = i
        while j + 1 < len(placed) and not placed[j + 1].role and placed[j + 1].segment.size >= MEDIUM * body:
            j += 1
        stack = placed[i:j + 1]
        largest = max(p.segment.size for p in stack)
        if largest < HEADLINE * body:
            for p in stack:
                p.role = "subhead"
        else:
            title_at = [k for k, p in enumerate(stack) if p.segment.size >= TITLE_SHARE * largest]
            first, last = title_at[0], title_at[-1]
            for k, p in enumerate(stack):
                if k < first:
                    p.role = "kicker"
                elif k > last:
                    p.role = "subtitle"
                else:
                    p.role = "title" if k == first else "title_cont"
            _join_wrapped_lines(stack)
        i = j + 1


def _join_wrapped_lines(stack: list[Placed]) -> None:
    """A kicker or subtitle wrapped over two lines is one kicker or subtitle (a stack holds one of each)."""
    k = 0
    while k < len(stack):
        role = stack[k].role
        end = k
        while end + 1 < len(stack) and role in ("kicker", "subtitle") and stack[end + 1].role == role:
            end += 1
        if end > k:
            stack[k].segment.notes["joined"] = "".join(p.segment.text for p in stack[k:end + 1])
            for p in stack[k + 1:end + 1]:
                p.segment.notes["joined_into"] = True
        k = end + 1


def _small_type(placed: list[Placed], page: PageText, body: float) -> None:
    for i, p in enumerate(placed):
        s = p.segment
        if p.role or s.size / body >= SMALL:
            continue
        text = s.text
        jumps = jumps_in(text)
        if jumps and sum(e - b for _, _, (b, e) in jumps) >= len(text) - 1:
            p.role = "jump"
            continue
        previous = placed[i - 1] if i else None
        if previous is not None and previous.role in ("caption", "caption_cont") and \
                abs(previous.segment.size - s.size) <= 0.1 * s.size and 0 <= s.top - previous.segment.bottom <= s.size:
            p.role = "caption_cont"
            continue
        picture = _picture_by(s, page.pictures)
        if BYLINE_RE.match(text) and not CREDIT_RE.search(text):
            p.role = "byline"  # a role and a name, no 摄: who wrote it, even set beside a picture
        elif picture is not None or CAPTION_HEAD_RE.match(text) or CREDIT_RE.search(text):
            p.role, p.photo = "caption", picture
        elif (len(text) <= COLUMN_LABEL_MAX and i + 1 < len(placed) and placed[i + 1].role in ("title", "kicker")
              and _label_like(text)):
            p.role = "column"
        else:
            p.role = "small"  # masthead, footer, credits: the text furniture decides


def _label_like(text: str) -> bool:
    """A column label (社区动态, 【聚焦】) holds no sentence mark; a short line that does, or that
    closes a quotation, is the last line of a paragraph."""
    return (not any(mark in text for mark in "。，；：！？、") and text[-1] not in "”’」』）)"
            and text[0] not in "（(")  # （记者 张三） ends the story above


def _picture_by(segment: Segment, pictures: list[Picture]) -> Picture | None:
    """The picture a caption stands under, over or beside."""
    reach = CAPTION_REACH_LINES * segment.size
    for picture in pictures:
        x0, top, x1, bottom = picture.box
        overlaps_x = segment.x0 < x1 + 2 and segment.x1 > x0 - 2
        below = overlaps_x and 0 <= segment.top - bottom <= reach
        above = overlaps_x and 0 <= top - segment.bottom <= reach
        overlaps_y = segment.top < bottom and segment.bottom > top
        beside = overlaps_y and (0 <= segment.x0 - x1 <= BESIDE_REACH or 0 <= x0 - segment.x1 <= BESIDE_REACH)
        if below or above or beside:
            return picture
    return None


def _notices(placed: list[Placed]) -> None:
    """Text in a frame of its own is the paper's notice: its first line heads it. A framed
    editorial board and contact lines are the footer, for the furniture to read."""
    i = 0
    while i < len(placed):
        if not placed[i].segment.boxed or placed[i].role:
            i += 1
            continue
        j = i
        while j + 1 < len(placed) and placed[j + 1].segment.boxed and not placed[j + 1].role:
            j += 1
        box = placed[i:j + 1]
        if not any(is_strong_footer(p.segment.text) for p in box):
            for k, p in enumerate(box):
                p.role = "notice" if k == 0 else "notice_cont"
        i = j + 1


def _body(placed: list[Placed], columns: list[tuple[float, float]], body: float) -> None:
    previous: Placed | None = None
    for i, p in enumerate(placed):
        if p.role:
            if p.role not in ("running", "jump", "small"):
                previous = None
            continue
        s = p.segment
        column = _column_of(s, columns)
        following = placed[i + 1] if i + 1 < len(placed) else None
        if (len(s.text) <= COLUMN_LABEL_MAX and following is not None and following.role in ("title", "kicker")
                and _label_like(s.text)):
            p.role = "column"
            continue
        indented = column is not None and s.x0 - column[0] >= INDENT * body
        if previous is None:
            p.role = "para"
        elif indented:
            p.role = "para"
        else:
            last = previous.segment
            last_column = _column_of(last, columns)
            ended_short = last_column is not None and last.x1 < last_column[1] - SHORT_END * body
            p.role = "para" if ended_short and last.text[-1:] in "。！？”：…；" else "para_cont"
        previous = p
