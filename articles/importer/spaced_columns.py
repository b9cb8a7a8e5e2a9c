"""Pages laid out with spaces (pdftotext -layout): read them back column by column.

An extractor asked to keep the layout sets each printed row on one text line, the columns side by
side and the gaps between them filled with spaces, so every line holds a piece of each column.
It puts each word at the cell its position on the page gives, or one cell after the word before
it when that one ran long (a Chinese character is wider than a cell), so a column's lines start
at one cell or a little to the right of it, and the line before may leave a single space. A
gutter is a cell where many rows start a word and few rows have a word running far across it;
a headline across the columns runs across it for its own rows only, so those rows are read on
their own and the columns above and below them are parted separately: the recursive XY cut of
page segmentation, on a grid of characters, with the page's blank rows parting its stories.

Text not laid out this way (most extractors' output, and every line-per-paragraph export) is
returned unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .evidence import (
    LAYOUT_DRIFT,
    LAYOUT_GAP,
    LAYOUT_GRID_ROWS,
    LAYOUT_GRID_SHARE,
    LAYOUT_GUTTER_SHARE,
    LAYOUT_INDENT,
    LAYOUT_INDENT_CELLS,
    LAYOUT_LINE_SHARE,
    LAYOUT_MAX_ROWS,
    LAYOUT_MIN_LINES,
    LAYOUT_MIN_SIDE_ROWS,
    LAYOUT_SAME_BAND_GAP,
    LAYOUT_SPANNING_SHARE,
)

# The words of a row: a column's line that fills its column may leave a single space before the
# next column's line, so a row is taken apart at every space and the words put back together
# by the columns they fall in.
PIECE_RE = re.compile(r"\S+")
WIDE_GAP_RE = re.compile(rf"\S {{{LAYOUT_GAP},}}\S")


@dataclass(frozen=True)
class Piece:
    row: int
    start: int  # character cell where it begins on its row
    end: int
    text: str


def is_laid_out(text: str) -> bool:
    """Do the lines hold several columns side by side? Many lines with a wide run of spaces
    inside them, or set far in from the left, say so; prose never does."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < LAYOUT_MIN_LINES:
        return False
    spaced = sum(1 for line in lines if WIDE_GAP_RE.search(line) or len(line) - len(line.lstrip(" ")) > LAYOUT_INDENT)
    return spaced >= LAYOUT_LINE_SHARE * len(lines)


def read_columns(text: str) -> tuple[str, int]:
    """The text with each page's columns read one after the other; and how many pages were
    re-read (0: not laid out, returned as it came)."""
    if not is_laid_out(text):
        return text, 0
    pages = text.split("\f")
    out = ["".join(_read_page(chunk) for chunk in _chunks(page)) for page in pages]
    return "\f".join(out), sum(1 for page in pages if page.strip())


def _chunks(page: str) -> list[str]:
    """A page of at most LAYOUT_MAX_ROWS rows, or that many at a time, each ending at a blank
    row where there is one: text without form feeds is no reason to read it all as one page,
    and the cuts stay linear in the length of the text."""
    rows = page.split("\n")
    if len(rows) <= LAYOUT_MAX_ROWS:
        return [page]
    chunks, start = [], 0
    while start < len(rows):
        end = min(start + LAYOUT_MAX_ROWS, len(rows))
        if end < len(rows):
            blank = [i for i in range(end - 1, start, -1) if not rows[i].strip()]
            end = blank[0] + 1 if blank else end
        chunks.append("\n".join(rows[start:end]))
        start = end
    return chunks


def _pieces(page: str) -> list[Piece]:
    pieces = []
    for row, line in enumerate(page.split("\n")):
        line = line.expandtabs(8)
        pieces.extend(Piece(row, m.start(), m.end(), m.group(0)) for m in PIECE_RE.finditer(line))
    return pieces


@dataclass(frozen=True)
class _Page:
    blank: set[int]  # rows with nothing on them
    grid: set[int]  # cells where the page's columns start, to a cell or two


def _read_page(text: str) -> str:
    pieces = _pieces(text)
    if not pieces:
        return text
    filled = {p.row for p in pieces}
    page = _Page(set(range(max(filled) + 1)) - filled, _grid(pieces))
    out: list[str] = []
    for block in _cut(pieces, page):
        out.extend(_block_lines(block))
    return "\n".join(out) + "\n"


def _cut(pieces: list[Piece], page: _Page) -> list[list[Piece]]:
    """Blocks in reading order: the bands the page's blank rows part (its stories, a headline
    stack and the columns under it) top to bottom, each cut into its columns."""
    out = []
    for band in _bands(pieces, page):
        out.extend(_cut_columns(band, page))
    return out


def _bands(pieces: list[Piece], page: _Page) -> list[list[Piece]]:
    """The pieces parted at blank rows. One blank row between two runs of the same columns is a
    coincidence of their paragraph gaps, not the end of a story: those runs stay one band."""
    runs: list[list[Piece]] = []
    gaps: list[int] = []
    for piece in sorted(pieces, key=lambda p: (p.row, p.start)):
        # Rows between that other columns fill are no gap: only the page's blank rows part bands.
        between = sum(1 for row in range(runs[-1][-1].row + 1, piece.row) if row in page.blank) if runs else 0
        if runs and not between:
            runs[-1].append(piece)
        else:
            if runs:
                gaps.append(between)
            runs.append([piece])
    bands = [runs[0]]
    for gap, run in zip(gaps, runs[1:], strict=True):
        if gap <= LAYOUT_SAME_BAND_GAP and _same_columns(_gutters(bands[-1]), _gutters(run)):
            bands[-1].extend(run)
        else:
            bands.append(run)
    return bands


def _same_columns(one: list[int], other: list[int]) -> bool:
    return bool(one) and len(one) == len(other) and all(abs(a - b) <= LAYOUT_DRIFT for a, b in zip(one, other, strict=True))


def _cut_columns(pieces: list[Piece], page: _Page) -> list[list[Piece]]:
    """Columns left to right at the band's likeliest gutter; the rows that run across it (a
    headline over the columns) read on their own, between the rows above and below them."""
    rows = sorted({p.row for p in pieces})
    if len(rows) < 2:
        return [pieces]
    gutter = _best_gutter(pieces, len(rows), page.grid)
    if gutter is None:
        return [pieces]
    across = {p.row for p in pieces if _runs_across(p, gutter)}
    if across:
        return _around(pieces, rows, across, page)
    left = [p for p in pieces if p.start < gutter]
    right = [p for p in pieces if p.start >= gutter]
    return _cut(left, page) + _cut(right, page)


def _runs_across(piece: Piece, gutter: int) -> bool:
    """A word that starts left of the gutter and ends well past it: not a line that ran a cell
    or two long, but one set across the columns."""
    return piece.start < gutter and piece.end > gutter + LAYOUT_DRIFT


def _around(pieces: list[Piece], rows: list[int], across: set[int], page: _Page) -> list[list[Piece]]:
    bands: list[list[int]] = []
    for row in rows:
        if bands and (row in across) == (bands[-1][0] in across):
            bands[-1].append(row)
        else:
            bands.append([row])
    out = []
    for band in bands:
        members = set(band)
        part = [p for p in pieces if p.row in members]
        out.extend([part] if band[0] in across else _cut(part, page))
    return out


def _gutters(pieces: list[Piece]) -> list[int]:
    """Every gutter of a band, left to right."""
    rows = len({p.row for p in pieces})
    return [x for x, _ in _candidates(pieces, rows, clear_only=True)]


def _best_gutter(pieces: list[Piece], n_rows: int, grid: set[int]) -> int | None:
    """The gutter no row runs across, leftmost first; else the one fewest rows run across."""
    candidates = _candidates(pieces, n_rows, clear_only=False, grid=grid)
    if not candidates:
        return None
    clear = [x for x, crossing in candidates if not crossing]
    if clear:
        return clear[0]
    return min(candidates, key=lambda c: (c[1], c[0]))[0]


def _candidates(pieces: list[Piece], n_rows: int, *, clear_only: bool,
                grid: set[int] = frozenset()) -> list[tuple[int, int]]:
    """(cell, rows running across it) for each cell where a column starts: words start there or
    a cell or two to its right on many rows (on a few, where the page's other stories start a
    column there too), with text on its left on several rows, and no word set across it on
    more than a few."""
    starts: dict[int, set[int]] = {}
    for p in pieces:
        starts.setdefault(p.start, set()).add(p.row)
    found = []
    need = max(LAYOUT_MIN_SIDE_ROWS, LAYOUT_GUTTER_SHARE * n_rows)
    for x in sorted(starts):
        supported = set()
        for dx in range(LAYOUT_DRIFT + 1):
            supported |= starts.get(x + dx, set())
        enough = LAYOUT_GRID_ROWS if x in grid else need
        if len(supported) < enough or (found and x - found[-1][0] <= LAYOUT_DRIFT):
            continue
        crossing = {p.row for p in pieces if _runs_across(p, x)}
        if len(crossing) > LAYOUT_SPANNING_SHARE * n_rows or (clear_only and crossing):
            continue
        left_rows = {p.row for p in pieces if p.start < x}
        if len(left_rows) < LAYOUT_MIN_SIDE_ROWS:
            continue
        found.append((x, len(crossing)))
    return found


def _grid(pieces: list[Piece]) -> set[int]:
    """Cells where the page's columns start: many of its rows start a word there or a cell or
    two to the right. Each start is widened by the drift, so a band can match it loosely."""
    starts: dict[int, set[int]] = {}
    for p in pieces:
        starts.setdefault(p.start, set()).add(p.row)
    rows = len({p.row for p in pieces})
    grid: set[int] = set()
    for x in sorted(starts):
        supported = set().union(*(starts.get(x + dx, set()) for dx in range(LAYOUT_DRIFT + 1)))
        if len(supported) >= max(LAYOUT_MIN_SIDE_ROWS, LAYOUT_GRID_SHARE * rows):
            grid.update(range(x - LAYOUT_DRIFT, x + LAYOUT_DRIFT + 1))
    return grid


def _block_lines(block: list[Piece]) -> list[str]:
    """A block's pieces top to bottom, one a line, a paragraph's indent kept. No blank lines:
    the rows one column leaves empty are as often another column's baselines as a gap."""
    block = sorted(block, key=lambda p: (p.row, p.start))
    first: dict[int, int] = {}
    for p in block:
        first.setdefault(p.row, p.start)  # sorted: a row's first word comes first
    starts = list(first.values())
    left = max(set(starts), key=lambda x: (starts.count(x), -x))  # where the block's lines begin; an indent is further in
    lines: list[str] = []
    previous = None
    for piece in block:
        if previous is not None and piece.row == previous.row:
            lines[-1] += " " + piece.text
            previous = piece
            continue
        indent = "  " if LAYOUT_INDENT_CELLS[0] <= piece.start - left <= LAYOUT_INDENT_CELLS[1] else ""
        lines.append(indent + piece.text)
        previous = piece
    return lines
