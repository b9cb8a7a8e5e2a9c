"""The page planner: units (articles, notices) in print order onto pages, with jumps.

An article that does not fit on its page is cut where the page ends, marked （下转第N版）, and
resumes on a later page under （上接第M版） and its title repeated, as community papers do; N is
only known once the continuation has found its page, so the jump line carries a reference that
the planner fills in at the end.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.platypus import Flowable

from .pdf_flow import (
    Entry,
    PagePlan,
    Placed,
    Unit,
    balanced_height,
    column_boxes,
    fill,
    place_span,
    span_height,
)

MAX_PAGES = 60


@dataclass
class JumpRef:
    from_page: int
    to_page: int | None = None


@dataclass
class Geometry:
    xs: list[float]  # left edge of each column
    column_width: float
    full_x: float
    full_width: float
    top: Callable[[int], float]  # body top of page n
    bottom: Callable[[int, bool], float]  # body bottom of page n (True: room kept for the footer)
    line: float  # one body line, the unit of the small gaps
    jump_line: Callable[[JumpRef], Flowable]
    resume: Callable[[JumpRef, str], list[Flowable]]  # （上接第M版） and the title, where a jump resumes


@dataclass
class Plan:
    pages: list[PagePlan]
    head_page: dict[int, int]  # owner -> page its headline is on
    jumps: list[JumpRef] = field(default_factory=list)
    continued: set[int] = field(default_factory=set)  # owners printed in more than one part
    cut_blocks: set[tuple[int, int]] = field(default_factory=set)  # (owner, block) split by a jump


def plan_pages(units: list[Unit], geo: Geometry, footer_pages: set[int]) -> Plan:
    queue = deque(units)
    pending: list[tuple[int, Unit]] = []  # continuations: (first page they may open, unit)
    resumes: dict[int, JumpRef] = {}  # id(resume flowable) -> its jump
    pages: list[PagePlan] = []
    continued: set[int] = set()
    cut_blocks: set[tuple[int, int]] = set()

    def new_page() -> PagePlan:
        n = len(pages) + 1
        if n > MAX_PAGES:
            raise RuntimeError(f"the issue does not fit in {MAX_PAGES} pages: a flowable larger than a page?")
        pages.append(PagePlan(n, geo.top(n), geo.bottom(n, n in footer_pages)))
        return pages[-1]

    page = new_page()
    cursor = page.top
    while queue or pending:
        at_top = cursor == page.top
        due = [p for p in pending if p[0] <= page.number] if at_top else []
        if due:
            group = [u for _, u in due]
            pending = [p for p in pending if p[0] > page.number]
        elif queue:
            group = [queue.popleft()]
        else:
            group = [pending.pop(0)[1]]
        if not group[0].span:
            while queue and not queue[0].span:
                group.append(queue.popleft())

        top = cursor
        span = group[0] if group[0].span else None
        if span is not None:
            top -= span_height(span.span_head, geo.full_width)
        room = top - page.bottom
        if room < 5 * geo.line and not at_top:
            _push_back(group, queue, pending, page.number)
            page = new_page()
            cursor = page.top
            continue
        if span is not None:
            place_span(page, span.span_head, span.owner, geo.full_x, geo.full_width, cursor)
        entries = [e for u in group for e in u.body]
        height = balanced_height(entries, geo.xs, geo.column_width, top, room)
        if height is not None:
            placed, _ = fill(entries, column_boxes(geo.xs, geo.column_width, top, height))
            page.placed += placed
            page.sections.append((top, top - height))
            cursor = top - height - geo.line
            continue

        # The group runs past the page: fill it to the foot, keeping a line for a jump.
        jump_room = geo.line * 1.4
        placed, leftover = fill(entries, column_boxes(geo.xs, geo.column_width, top, room, jump_room))
        if not placed and span is None and not at_top:
            _push_back(group, queue, pending, page.number)
            page = new_page()
            cursor = page.top
            continue
        if not placed and span is None:
            raise RuntimeError("a flowable is larger than a whole page")
        page.placed += placed
        page.sections.append((top, page.bottom))
        owners_here = {p.owner for p in placed} | ({span.owner} if span else set())
        by_owner = {u.owner: u for u in group}
        cut_owner = leftover[0].owner
        rest_units = []
        tail = [e for e in leftover if e.owner == cut_owner]
        if cut_owner in owners_here and all(e.kind == "tail" for e in tail) and len(tail) == 1:
            # Only the closing byline is left: it takes the line kept for a jump, not a jump.
            _place_jump(page, tail[0].flowable, cut_owner, geo, top, kind="tail")
            rest_units = [u for u in group if u.owner != cut_owner and u.owner in {e.owner for e in leftover}]
        elif cut_owner in owners_here:
            unit = by_owner[cut_owner]
            ref = JumpRef(page.number)
            jump = geo.jump_line(ref)
            _place_jump(page, jump, cut_owner, geo, top)
            resume = geo.resume(ref, unit.title)
            resumes[id(resume[0])] = ref
            body = [Entry(f, cut_owner, "resume") for f in resume]
            body[-1].keep = 3 * geo.line
            body += tail
            pending.append((page.number + unit.jump_offset,
                            Unit(cut_owner, body, jump_offset=1, title=unit.title)))
            continued.add(cut_owner)
            if tail[0].split and tail[0].kind == "body":
                cut_blocks.add((cut_owner, tail[0].block))
            rest_units = [u for u in group if u.owner != cut_owner and u.owner in {e.owner for e in leftover}]
        else:
            left = {e.owner for e in leftover}
            rest_units = [u for u in group if u.owner in left]
        _push_back(rest_units, queue, pending, page.number)
        page = new_page()
        cursor = page.top

    while len(pages) < max(footer_pages, default=0):
        new_page()
    refs = []
    for plan_page in pages:
        for piece in plan_page.placed:
            ref = resumes.get(id(piece.flowable))
            if ref is not None and ref.to_page is None:
                ref.to_page = plan_page.number
                refs.append(ref)
    head_page = {}
    for plan_page in pages:
        for piece in plan_page.placed:
            if piece.kind == "head":
                head_page.setdefault(piece.owner, plan_page.number)
    return Plan(pages, head_page, refs, continued, cut_blocks)


def _push_back(units: list[Unit], queue: deque, pending: list, page_number: int) -> None:
    """Units that found no room go first on the next page, continuations before fresh articles."""
    for unit in reversed(units):
        if unit.body and unit.body[0].kind == "resume":
            pending.insert(0, (page_number + 1, unit))
        else:
            queue.appendleft(unit)


def _place_jump(page: PagePlan, jump: Flowable, owner: int, geo: Geometry, top: float, kind: str = "jump") -> None:
    """（下转第N版） (or a closing byline) right under the last line set in the page's last column."""
    last_x = geo.xs[-1]
    in_last = [p.y for p in page.placed if abs(p.x - last_x) < 0.5 and p.y < top]
    y_top = min(in_last) if in_last else top
    _, h = jump.wrap(geo.column_width, geo.line * 2)
    page.placed.append(Placed(jump, owner, kind, last_x, y_top - h, geo.column_width, h))
