"""Decoded text to the lines the role model reads, the furniture taken out."""

from __future__ import annotations

from dataclasses import dataclass, field

from .furniture import Furniture, take_furniture
from .inline import split_glued
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
    first_look = issue_context(every_line)
    if first_look.wrapped:
        every_line = split_glued(every_line, first_look.widths)
    furniture = take_furniture(every_line, meta)
    lines = furniture.content
    removed = [line for line in every_line if line.role]
    return Prepared(lines, furniture.pages, furniture.jump_in, furniture.jump_out, issue_context(lines), meta,
                    furniture, removed)
