"""Decoded text to the lines the role model reads, the furniture taken out."""

from __future__ import annotations

from dataclasses import dataclass, field

from .furniture import Furniture, take_furniture
from .inline import split_glued_captions
from .lines import Line, split_lines
from .model import IssueMeta
from .roles.features import Context, issue_context


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


def prepare(text: str) -> Prepared:
    meta = IssueMeta()
    every_line = split_lines(text)
    furniture = take_furniture(every_line, meta)
    lines = furniture.content
    context = issue_context(lines)
    pages, jump_in, jump_out = furniture.pages, furniture.jump_in, furniture.jump_out
    if context.wrapped:
        split = split_glued_captions(lines, context.widths)
        if len(split) != len(lines):
            lines, pages, jump_in, jump_out = _reindex(lines, split, pages, jump_in, jump_out)
            context = issue_context(lines)
    removed = [line for line in every_line if line.role]
    return Prepared(lines, pages, jump_in, jump_out, context, meta, furniture, removed)


def _reindex(old: list[Line], new: list[Line], pages, jump_in, jump_out):
    """Carry pages and jump marks over to lines some of which were cut in pieces."""
    position = {id(line): i for i, line in enumerate(old)}
    by_number = {(line.number, line.part): i for i, line in enumerate(old)}
    new_pages, new_in, new_out = [], set(), set()
    for j, line in enumerate(new):
        i = position.get(id(line), by_number.get((line.number, 0)))
        new_pages.append(pages[i] if i is not None else None)
        if i in jump_in and line.part == 0:
            new_in.add(j)
        if i in jump_out:
            new_out.add(j)
    return new, new_pages, new_in, new_out
