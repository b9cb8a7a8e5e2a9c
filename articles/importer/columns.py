"""Neighbouring columns read across: put their lines back in column order where the text shows it.

Some extractors read a page line by line across the columns, so the lines of two columns
alternate (pdfminer.six, pdftotext on closely set pages), and two lines on one baseline may come
joined by a space. A sentence then reads on from a line to the line after next, not to the next.
Where words run across line ends far more often when the lines are taken alternately, the run is
put back column by column; where the evidence is not clear the text stays as extracted, and the
editor is warned.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .chars import cjk_count, ends_sentence
from .evidence import (
    DOES_NOT,
    DOUBT_AT,
    EVERY_LINE_GAPPED,
    FULL_SLACK,
    MAX_JOINED,
    MIN_RUN,
    MIN_WIDTH,
    PERIODS,
    REORDER_AT,
    RUNS_ACROSS,
)
from .furniture.masthead import PUBLISHER_PREFIX_RE
from .lines import Line, printed_width

# A name in a list of credits, after its label if it is the first (编审团：孙志勇).
NAME_TOKEN_RE = re.compile(r"(?:[\u4e00-\u9fff]{1,5}[：:])?[\u4e00-\u9fff·]{2,4}")
# Two columns' lines joined on one baseline: two pieces of this many characters around spaces.
JOINED_RE = re.compile(r"^(\S.{5,}?\S)[ \u3000]{1,6}(\S.{5,}\S)$")


def _crosses(before: str, after: str) -> int:
    """Does a dictionary word run across the end of `before` into `after`?"""
    from .chars import joins_across

    if not before or not after:
        return 0
    if after[0] in "，。、；：！？）》”":
        return 1  # a line never opens with these: it goes on with something
    return 1 if joins_across(before, after) else 0


def close_up(lines: list[Line]) -> list[Line]:
    """An extractor that leaves a blank line after every printed line says nothing by one: only
    a wider gap than its usual one parts paragraphs, headlines and columns. For text already
    known to come a line per printed line (short paragraphs a line each keep their blank lines:
    `issue_context` does not take them for printed lines)."""
    n = len(lines)
    if not n or sum(1 for line in lines if line.gap) < EVERY_LINE_GAPPED * n:
        return lines
    return [replace(line, gap=max(0, line.gap - 1)) for line in lines]


def split_joined(lines: list[Line], widths: list[float | None]) -> list[Line]:
    """Lines two columns' lines share (`…消防、 镇人大代表12人参加活动。`), cut at the space."""
    out: list[Line] = []
    for line, column in zip(lines, widths, strict=True):
        match = JOINED_RE.match(line.text) if len(line.text) <= MAX_JOINED else None
        if column and match and line.width > column * 1.3 and _side_by_side(*match.groups(), column):
            out.append(replace(line, text=match.group(1), notes=dict(line.notes)))
            out.append(replace(line, text=match.group(2), gap=0, indent=0, page_break=False, notes=dict(line.notes),
                               part=line.part + 1))
        else:
            out.append(line)
    return out


def _side_by_side(left: str, right: str, column: float) -> bool:
    """Two columns' lines on one baseline: one of them is a body line (the left fills its column
    or ends its paragraph short, or the right fills its column beside a headline's piece in the
    column before). A headline's halves set apart by a space (`老洋房“修旧如旧” 百年街区焕发新生`)
    fill nothing, and a masthead's list of names is no column."""
    if cjk_count(left) < 5 or cjk_count(right) < 5:
        return False
    if PUBLISHER_PREFIX_RE.match(left):
        return False  # 主办：中共…委员会 …办事处: the masthead names its publishers with a space between
    if sum(1 for token in f"{left} {right}".split() if NAME_TOKEN_RE.fullmatch(token)) >= 3:
        return False  # 编审团：孙志勇 杜玉文 卢卫峰: a list of names, set apart by spaces
    left_width, right_width = printed_width(left), printed_width(right)
    return left_width >= column - FULL_SLACK or ends_sentence(left) or right_width >= column - FULL_SLACK


def reorder_columns(lines: list[Line]) -> tuple[list[Line], int, int]:
    """(lines in column order, runs put back, runs left as extracted for want of evidence).

    A page of two to four columns read across gives their lines in turn: with k columns, a
    sentence reads on from a line to the line k further down. Each period is weighed over each
    run of body lines and the run is put back by the period the words bear out best."""
    n = len(lines)
    if n < MIN_RUN + 2:
        return lines, 0, 0
    texts = [line.text for line in lines]
    # Body lines: as wide as a column's, or a paragraph's short last line.
    body = [(line.width >= MIN_WIDTH or line.text[-1] in "。！？”") and not line.gap and not line.page_break
            for line in lines]
    next_crosses = [_weight(_crosses(texts[i], texts[i + 1])) if i + 1 < n else 0.0 for i in range(n)]
    # gain[k][i]: how much better line i goes on in line i + k than in line i + 1.
    gain = {k: [0.0] * n for k in PERIODS}
    for k in PERIODS:
        for i in range(n - k):
            if all(body[i:i + k + 1]):
                gain[k][i] = _weight(_crosses(texts[i], texts[i + k])) - next_crosses[i]
    out: list[Line] = []
    reordered = unclear = 0
    i = 0
    while i < n:
        best = max(((*_best_run(i, n, gain[k], body, k), k) for k in PERIODS), key=lambda r: r[1])
        end, evidence, k = best
        if end is None:
            out.append(lines[i])
            i += 1
            continue
        run = lines[i:end]
        if evidence >= REORDER_AT:
            for column in range(k):
                out.extend(run[column::k])
            reordered += 1
        else:
            out.extend(run)
            unclear += 1
        i = end
    return out, reordered, unclear


def _weight(crosses: int) -> float:
    return RUNS_ACROSS if crosses else DOES_NOT


def _best_run(start: int, n: int, gain: list[float], body: list[bool], k: int) -> tuple[int | None, float]:
    """The run of lines taken k apart starting at `start` with the most evidence, if it has enough."""
    if not body[start] or gain[start] <= 0:
        return None, 0.0
    total = best = 0.0
    best_end = None
    end = start
    while end < n - k and all(body[end:end + k + 1]):
        total += gain[end]
        if total <= 0:
            break
        length = end + k + 1 - start
        if total >= best and length >= MIN_RUN * k // 2:  # a tie goes on: the run's last lines say little
            best, best_end = total, end + k + 1
        end += 1
    if best_end is None or best < DOUBT_AT:
        return None, 0.0
    best_end -= (best_end - start) % k  # each line of one column has its neighbours in the others
    return best_end, best
