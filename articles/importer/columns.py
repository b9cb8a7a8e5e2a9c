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
    INDENT_DEFICIT,
    LAST_ROWS_TRIED,
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
    out, reordered, unclear = _put_back(lines, gain, body, REORDER_AT)
    if reordered:
        # An extractor reads a whole issue the same way: once one run shows it read the columns
        # across, a run with less evidence than a first one needs is read across too.
        out, reordered, unclear = _put_back(lines, gain, body, DOUBT_AT)
    return out, reordered, unclear


def _put_back(lines: list[Line], gain: dict[int, list[float]], body: list[bool], threshold: float):
    n = len(lines)
    out: list[Line] = []
    reordered = unclear = 0
    loose = 0  # lines passed on one by one since the last run
    i = 0
    while i < n:
        end, evidence, k = _best_of_periods(i, n, gain, body)
        if end is None:
            out.append(lines[i])
            loose += 1
            i += 1
            continue
        if evidence < threshold:
            out.extend(lines[i:end])
            unclear += 1
            loose = 0
            i = end
            continue
        start = i - _first_row_before(i, end, min(k - 1, loose), lines, gain[k], body)
        del out[len(out) - (i - start):]
        end -= (end - start) % k  # whole rows from the first
        columns = [lines[start:end][c::k] for c in range(k)]
        # Columns of one story end together but for the last ones: once they end, the longer
        # ones read on in turns of fewer lines, the first columns still first.
        while True:
            change = _fewer_columns(start, end, k, n, gain, body)
            if change is None:
                break
            row, tail_end, fewer = change
            dropped = (end - row) // k  # the rows read again in turns of fewer
            for c in range(k):
                del columns[c][len(columns[c]) - dropped:]
            for c in range(fewer):
                columns[c].extend(lines[row:tail_end][c::fewer])
            start, k, end = row, fewer, tail_end
        for column in columns:
            out.extend(column)
        reordered += 1
        loose = 0
        i = end
    return out, reordered, unclear


def _best_of_periods(i: int, n: int, gain: dict[int, list[float]], body: list[bool]):
    return max(((*_best_run(i, n, gain[k], body, k), k) for k in PERIODS), key=lambda r: r[1])


def _fewer_columns(start: int, end: int, k: int, n: int, gain: dict[int, list[float]], body: list[bool]):
    """(row, end, period) where the lines of a run read across in turns of k go on in turns of
    fewer, or None. The run's last rows bear k out no better than they bear a shorter period out
    (their words run on fewer lines down) once the last column has ended."""
    best = None
    lost = 0.0
    tried = 0
    row = end - k
    while row > start + k and tried < LAST_ROWS_TRIED:
        lost += sum(gain[k][row:row + k]) if row + k <= end - k else 0.0
        tried += 1
        if lost <= 0:
            for fewer in (f for f in PERIODS if f < k):
                for phase in range(fewer):
                    tail_end, evidence = _best_run(row + phase, n, gain[fewer], body, fewer)
                    if tail_end is not None and evidence >= DOUBT_AT and all(body[row:row + phase]):
                        tail_end -= (tail_end - row) % fewer
                        score = evidence - lost
                        if tail_end > end and (best is None or score > best[0]):
                            best = (score, row, tail_end, fewer)
                        break
        row -= k
    return None if best is None else best[1:]


def _first_row_before(start: int, end: int, most: int, lines: list[Line], gain: list[float], body: list[bool]) -> int:
    """How many lines before a run read across belong to its first row. The evidence starts where a
    word first runs across a line end, often one or two columns into the first row; the lines
    before it in that row are as wide as the run's, or a paragraph's indented first line, and say
    nothing against going on a row further down (a headline is wider, and a paragraph's end closes a
    sentence)."""
    widths = sorted(line.width for line in lines[start:end])
    widest, usual = widths[-1], widths[len(widths) // 2]
    taken = 0
    while taken < most:
        j = start - taken - 1
        line = lines[j]
        if not body[j] or gain[j] < 0 or ends_sentence(line.text) or line.width > widest + FULL_SLACK \
                or line.width < usual - INDENT_DEFICIT[1] - FULL_SLACK:
            break
        taken += 1
    return taken


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
