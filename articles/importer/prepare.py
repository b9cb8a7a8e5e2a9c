"""Decoded text to the lines the role model reads, the furniture taken out."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .columns import close_up, reorder_columns, split_joined
from .furniture import Furniture, take_furniture
from .inline import split_glued
from .lines import Line, split_lines
from .model import IssueMeta
from .roles.features import Context, issue_context
from .unwrap import join_wrapped, join_wrapped_headlines

DIGIT_SPACE_RE = re.compile(r"(?<=[\u3400-\u9fff])[ \u00a0]+(?=[0-9])|(?<=[0-9])[ \u00a0]+(?=[\u3400-\u9fff])")


@dataclass
class Prepared:
    lines: list[Line]
    pages: list[int | None]
    jump_in: set[int]
    jump_out: set[int]
    context: Context
    meta: IssueMeta
    furniture: Furniture
    removed: list[Line] = field(default_factory=list)
    columns_reordered: int = 0  # runs of alternating column lines put back in order
    columns_unclear: int = 0  # runs that looked alternating, left as extracted
    form: str = "paragraphs"  # as extracted: "paragraphs" (a line per paragraph) or "lines" (per printed line)


def prepare(text: str, *, columns_read: bool = False) -> Prepared:
    """columns_read: the columns were already parted by where they stood (spaced_columns), so
    the lines are not weighed again for columns read across."""
    meta = IssueMeta()
    every_line = split_lines(text)
    first_look = issue_context(every_line)
    if first_look.wrapped:
        every_line = close_up(every_line)
        glued = split_glued(every_line, first_look.widths)
        # The column widths hold as long as no line was cut in two.
        widths = first_look.widths if len(glued) == len(every_line) else issue_context(glued).widths
        every_line = split_joined(glued, widths)
    furniture = take_furniture(every_line, meta)
    lines = furniture.content
    for line in lines:
        # Chinese is set with no space before or after a number; extractors put one in (召开 2022 年).
        # Taken out before the roles are read, so a headline with a year in it reads as one.
        line.text = DIGIT_SPACE_RE.sub("", line.text)
    removed = [line for line in every_line if line.role]
    reordered = unclear = 0
    pages, jump_in, jump_out = furniture.pages, furniture.jump_in, furniture.jump_out
    if first_look.wrapped:
        if not columns_read:
            ordered, reordered, unclear = reorder_columns(lines)
            if reordered:
                lines, pages, jump_in, jump_out = _follow(lines, ordered, pages, jump_in, jump_out)
        widths = issue_context(lines).widths
        for line, column in zip(lines, widths, strict=True):
            line.notes["column"] = column  # the printed column, for the role model after the joins
        joined = join_wrapped_headlines(lines, widths)
        lines, pages, jump_in, jump_out = _merged(lines, joined, pages, jump_in, jump_out)
        joined = join_wrapped(lines, issue_context(lines).widths)
        lines, pages, jump_in, jump_out = _merged(lines, joined, pages, jump_in, jump_out)
    context = issue_context(lines)
    if first_look.wrapped:
        # The lines are joined into paragraphs now, but the role model still weighs each unjoined
        # line against the column it was printed in.
        context.wrapped = True
        context.widths = [line.notes.get("column") for line in lines]
    prepared = Prepared(lines, pages, jump_in, jump_out, context, meta, furniture, removed)
    prepared.columns_reordered, prepared.columns_unclear = reordered, unclear
    prepared.form = "lines" if first_look.wrapped else "paragraphs"
    return prepared


def _merged(old: list[Line], new: list[Line], pages, jump_in, jump_out):
    """Pages and jump marks of lines joined into the line before: a 下转 goes with the joined line."""
    kept = {id(line): k for k, line in enumerate(new)}
    new_pages, new_in, new_out = [], set(), set()
    k = -1
    for i, line in enumerate(old):
        if id(line) in kept:
            k = kept[id(line)]
            new_pages.append(pages[i])
            if i in jump_in:
                new_in.add(k)
        if i in jump_out:
            new_out.add(k)
    return new, new_pages, new_in, new_out


def _follow(old: list[Line], new: list[Line], pages, jump_in, jump_out):
    """Pages and jump marks follow their lines to their new places."""
    where = {id(line): i for i, line in enumerate(old)}
    moved = [where[id(line)] for line in new]
    return (new, [pages[i] for i in moved], {k for k, i in enumerate(moved) if i in jump_in},
            {k for k, i in enumerate(moved) if i in jump_out})
