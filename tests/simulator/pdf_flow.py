"""Frame logic for the typesetter: flowables poured into columns, sections balanced, pages planned.

reportlab's own Frame draws as it places, and a page's plan must be redone when the last page
needs room for the footer, so placing here only measures (wrap/split) and records where each
piece goes; the typesetter draws the pieces afterwards. A page is a stack of sections: a band
across the width (a headline set across the columns) over equal columns, balanced so that the
next section starts under the shortest height that holds the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.platypus import Flowable

EPSILON = 0.01


@dataclass
class Entry:
    """A flowable in a column's flow, with the unit (article, notice) it belongs to."""

    flowable: Flowable
    owner: int
    # "head" (a headline stack) | "head-sub" (a subhead) | "body" | "photo" | "notice" | "tail" (a
    # closing byline) | "resume" (（上接第M版） and the repeated title) | "jump" (（下转第N版）)
    kind: str = "body"
    keep: float = 0.0  # room needed under a head so it never ends a column alone
    block: int = -1  # the article block (paragraph) it prints, for telling which one a jump cut
    split: bool = False  # the rest of a paragraph split at a column end (of a photo: floated once)


@dataclass
class Placed:
    flowable: Flowable
    owner: int
    kind: str
    x: float
    y: float  # bottom edge, in page coordinates
    width: float
    height: float


@dataclass
class Unit:
    """One article (or a continuation of one, or a notice) as the planner sees it."""

    owner: int
    body: list[Entry]
    span_head: list[Flowable] = field(default_factory=list)  # set across the whole width
    span: bool = False
    jump_offset: int = 1
    title: str = ""  # repeated where a jumped article resumes


@dataclass
class PagePlan:
    number: int
    top: float
    bottom: float
    placed: list[Placed] = field(default_factory=list)
    sections: list[tuple[float, float]] = field(default_factory=list)  # (top, bottom) of column blocks


def fill(entries: list[Entry], columns: list[tuple[float, float, float, float]]):
    """Pour entries into columns (x, top, width, height) in order; returns (placed, leftover)."""
    queue, placed = list(entries), []
    heads_before: list[tuple[float, float]] = []  # (top, bottom) of headlines in the previous column
    for x, top, width, height in columns:
        used, heads_here = 0.0, []
        while queue:
            entry = queue[0]
            flowable = entry.flowable
            before = flowable.getSpaceBefore() if used else 0.0
            avail = height - used - before
            _, h = flowable.wrap(width, max(avail, 0.0))
            if entry.kind == "head":
                # Never two headlines side by side ("bumping heads"): papers stagger them, and
                # extractors would read both as one line. Start this one under its neighbour.
                y_top = top - used - before
                clash = [b for t, b in heads_before if b < y_top + EPSILON and t > y_top - h - EPSILON]
                if clash:
                    used += y_top - min(clash) + 6.0
                    avail = height - used - before
            if h + entry.keep <= avail + EPSILON:
                placed.append(Placed(flowable, entry.owner, entry.kind, x, top - used - before - h, width, h))
                if entry.kind == "head":
                    heads_here.append((top - used - before, top - used - before - h))
                used += before + h + flowable.getSpaceAfter()
                queue.pop(0)
                continue
            if entry.kind == "photo" and not entry.split and len(queue) > 1 and queue[1].owner == entry.owner \
                    and queue[1].kind == "body":
                # A photo that does not fit lets the text after it move up, and floats to the next
                # column, as a make-up editor would set it; once only, so the two cannot swap back.
                queue[0:2] = [queue[1], Entry(flowable, entry.owner, "photo", split=True)]
                continue
            if not entry.keep and avail > 0:
                parts = flowable.split(width, avail)
                if len(parts) >= 2:
                    _, h = parts[0].wrap(width, avail)
                    if h <= avail + EPSILON:
                        placed.append(Placed(parts[0], entry.owner, entry.kind, x, top - used - before - h, width, h))
                        queue[0:1] = [Entry(p, entry.owner, entry.kind, block=entry.block, split=True)
                                      for p in parts[1:]]
            break
        heads_before = heads_here
    return placed, queue


def column_boxes(xs: list[float], width: float, top: float, height: float, last_short: float = 0.0):
    boxes = [(x, top, width, height) for x in xs]
    if last_short:
        x, t, w, h = boxes[-1]
        boxes[-1] = (x, t, w, h - last_short)
    return boxes


def balanced_height(entries: list[Entry], xs: list[float], width: float, top: float, cap: float) -> float | None:
    """The least column height (to a point) that holds every entry, or None when even `cap` does not."""
    _, leftover = fill(entries, column_boxes(xs, width, top, cap))
    if leftover:
        return None
    low, high = 0.0, cap
    while high - low > 1.0:
        mid = (low + high) / 2
        _, leftover = fill(entries, column_boxes(xs, width, top, mid))
        if leftover:
            low = mid
        else:
            high = mid
    return high


def span_height(flowables: list[Flowable], width: float) -> float:
    total = 0.0
    for n, flowable in enumerate(flowables):
        _, h = flowable.wrap(width, 10_000)
        total += h + flowable.getSpaceAfter() + (flowable.getSpaceBefore() if n else 0.0)
    return total


def place_span(page: PagePlan, flowables: list[Flowable], owner: int, x: float, width: float, top: float) -> float:
    """Set flowables across the width from `top` down; returns the new top."""
    for n, flowable in enumerate(flowables):
        top -= flowable.getSpaceBefore() if n else 0.0
        _, h = flowable.wrap(width, 10_000)
        page.placed.append(Placed(flowable, owner, "head", x, top - h, width, h))
        top -= h + flowable.getSpaceAfter()
    return top
