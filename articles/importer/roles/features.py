"""What the role model sees of each line: facts about printed papers, as feature strings.

Nothing here names a paper, a town or a sample: lengths are bucketed, gaps are measured against
the issue's own paragraph gap, widths against the column the line stands in, so the same
features mean the same thing whatever the extractor or the layout.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from statistics import median

from ..chars import CJK_RE, ends_sentence, is_cjk
from ..evidence import (
    COMMON_MIN_LINES,
    COMMON_SHARE,
    CONTEXT_CHARS,
    FULL_LINE_SLACK,
    LEAD_CHARS,
    LENGTH_EDGES,
    RARE_LINES,
    SAME_WIDTH,
    SECTION_CHARS,
    SHORT_LINE,
    STACK_LINE,
    WIDER_THAN_COLUMN,
    WINDOW,
    WRAP_PIECES,
    WRAP_SPREAD,
    WRAPPED_OPEN_SHARE,
)
from ..lines import Line
from . import words

CLOSERS = "”’）》」』】)\"'"
SENTENCE_END = "。！？!?…；;"
BOUND_START = set("的地得了着过们性化度者等之与及而且则其所于被把吗呢吧啊")
# No headline, caption or sentence ends on these: a line that does was cut by the column.
OPEN_ENDINGS = set("的地得和与及或在对向从由以把被将为是让使给并而且")
SENTENCE_INSIDE_RE = re.compile(r"[。；;]|[，,].{12,}")


@dataclass
class Context:
    """What the whole issue says about how it was extracted."""

    markdown: bool
    title_level: int
    wrapped: bool  # a line per printed line
    paragraph_gap: float
    widths: list[float | None]  # the column width each line stands in (wrapped text only)
    stacked: bool = False  # headlines come in stacks (kicker or subtitle with the title)
    # Characters between the spaces a column's wraps left in a line per paragraph, when the
    # issue's paragraphs show them evenly: the width of its body column.
    wrap_width: float | None = None


def length_bucket(n: int) -> str:
    for edge in LENGTH_EDGES:
        if n <= edge:
            return str(edge)
    return "more"


def end_class(text: str) -> str:
    last = text[-1]
    core = text.rstrip(CLOSERS)
    if last in SENTENCE_END:
        return "stop"
    if last in CLOSERS:
        return "close-stop" if core and core[-1] in SENTENCE_END else "close"
    if last in "，,、":
        return "comma"
    if last in "：:":
        return "colon"
    if last.isdigit():
        return "digit"
    if is_cjk(last):
        return "cjk"
    return "other"


def start_class(text: str) -> str:
    first = text[0]
    if first in "“\"「『‘":
        return "quote"
    if words.DATE_START_RE.match(text):
        return "date"
    if words.LEAD_WORD_RE.match(text):
        return "lead"
    if words.ENUMERATION_RE.match(text):
        return "enum"
    if first in "【[〖［":
        return "bracket"
    if first in "（(":
        return "paren"
    if first in "，。、；：！？,.;:!?）)】》”’":
        return "closer"
    if first in BOUND_START or (len(text) > 1 and text[1] in "，,、" and first not in "但而对是好"):
        return "bound"
    if first.isdigit():
        return "digit"
    return "cjk" if is_cjk(first) else "other"


CJK_RUN_RE = re.compile("[\u3400-\u9fff]{2,}")


def bigrams(text: str) -> set[str]:
    """Pairs of Chinese characters side by side: the unit of words that survives any cut."""
    out: set[str] = set()
    for run in CJK_RUN_RE.findall(text):
        out.update(map(str.__add__, run, run[1:]))
    return out


def issue_context(lines: list[Line]) -> Context:
    headings = [line.level for line in lines if line.level]
    markdown = len(headings) >= 2
    title_level = min(headings) if headings else 0
    prose = [line for line in lines if "，" in line.text or "," in line.text]
    lengths = sorted(len(line.text) for line in prose)
    # Printed lines are short, and most stop in the middle of a sentence; paragraphs end on one,
    # however short they are (a file of one-line paragraphs is no wrapped text).
    open_share = sum(1 for line in prose if not ends_sentence(line.text)) / len(prose) if prose else 0.0
    wrapped = bool(lengths) and median(lengths) <= 32 and len(prose) >= 4 and open_share >= WRAPPED_OPEN_SHARE
    gaps = [line.gap for line in prose] or [line.gap for line in lines] or [0]
    columns = _column_widths(lines) if wrapped else [None] * len(lines)
    return Context(markdown, title_level, wrapped, float(median(gaps)), columns, _stacked(lines),
                   None if wrapped else _wrap_width(lines))


WRAP_SPACE_RE = re.compile(r"(?<=[\u3400-\u9fff，。、；：“”])[ \u3000\t]+(?=[\u3400-\u9fff，。、；：“”])")


def _wrap_width(lines: list[Line]) -> float | None:
    """A paragraph printed in a column and extracted a line per paragraph keeps a space at each
    of the column's wraps: the pieces between them are the column's width."""
    pieces = []
    for line in lines:
        parts = WRAP_SPACE_RE.split(line.text)
        if len(parts) >= 3:
            pieces.extend(len(p) for p in parts[1:-1])
    if len(pieces) < WRAP_PIECES:
        return None
    pieces.sort()
    middle = pieces[len(pieces) // 2]
    spread = pieces[3 * len(pieces) // 4] - pieces[len(pieces) // 4]
    return float(middle) if middle >= 6 and spread <= WRAP_SPREAD * middle else None


def _headline_like(line: Line) -> bool:
    text = line.text
    return len(text) <= STACK_LINE and not SENTENCE_INSIDE_RE.search(text) and text[-1] not in "。；，、：:,;"


def _stacked(lines: list[Line]) -> bool:
    """A paper that stacks its headlines prints two headline lines together again and again;
    a lone headline-like line there is a subhead or a caption."""
    pairs = runs = 0
    i = 0
    while i < len(lines):
        if not _headline_like(lines[i]):
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and _headline_like(lines[j + 1]) and lines[j + 1].gap <= max(1, lines[i].gap):
            j += 1
        runs += 1
        pairs += j > i
        i = j + 1
    return pairs >= 2 and pairs * 3 >= runs


def _column_widths(lines: list[Line]) -> list[float | None]:
    """The width of the column around each line: the commonest width of its neighbours.

    Full lines of a column share its width, give or take half a character (a mark hung at the
    line's end); the window slides along the lines, so each line costs the same. `near` keeps,
    for every width, how many lines in the window are within half a character of it.
    """
    halves = [round(line.width * 2) for line in lines]  # widths in half characters
    window: Counter[int] = Counter()
    near: Counter[int] = Counter()
    n = len(lines)
    out: list[float | None] = []
    low = high = 0  # the window is halves[low:high]

    def move(width: int, step: int) -> None:
        window[width] += step
        if not window[width]:
            del window[width]
        for w in (width - 1, width, width + 1):
            near[w] += step

    for i in range(n):
        while high < min(n, i + WINDOW + 1):
            if halves[high] >= 12:
                move(halves[high], 1)
            high += 1
        while low < max(0, i - WINDOW):
            if halves[low] >= 12:
                move(halves[low], -1)
            low += 1
        if not window:
            out.append(None)
            continue
        support, best = max((near[w], w) for w in window)
        widest = max(w for w in (best - 1, best, best + 1) if w in window)
        out.append(widest / 2 if support >= 3 else None)
    return out


def _line_width_class(line: Line, column: float | None) -> str:
    """How a line sat in its column: a paragraph joined from its printed lines filled it; a
    headline wrapped inside it in large type was narrower; one line alone, by its own width."""
    printed = line.notes.get("wrapped_lines", 1)
    if printed > 1:
        return "headwrap" if line.notes.get("headline_wrap") else "joined"
    return _relative_width(line.width, column)


def _relative_width(width: float, column: float | None) -> str:
    if column is None:
        return "na"
    ratio = width / column
    if width >= column - FULL_LINE_SLACK and ratio <= 1.08:
        return "full"
    if ratio > 1.6:
        return "double"
    if ratio > 1.08:
        return "wide"
    if column - width <= 2.5:
        return "indent"  # a full line less the two-character first-line indent
    if ratio >= 0.7:
        return "most"
    if ratio >= 0.4:
        return "half"
    return "short"


def _runs_on(before: str, after: str) -> bool:
    from ..chars import joins_across

    if not before or not after or before[-1] in SENTENCE_END:
        return False
    return joins_across(before, after)


def ends_open(text: str) -> bool:
    """Ends with no clause mark: a headline, a caption, or a line cut by the column."""
    return bool(text) and text[-1] not in "。；，、：:,;！？!?"


def _shape(text: str, length: str, end: str) -> str:
    """What a line is made of: its length, how it ends, its commas, a full stop inside."""
    commas = min(text.count("，") + text.count(",") + text.count("、") // 2, 3)
    stop = "s" if ("。" in text[:-1] or "；" in text[:-1]) else ""
    return f"{length}|{end}|{commas}{stop}"


def _gap_class(gap: int, usual: float) -> str:
    diff = gap - usual
    if diff <= -0.5:
        return "less"
    if diff < 0.5:
        return "same"
    if diff < 1.5:
        return "more"
    return "much"


def line_features(lines: list[Line], ctx: Context, *, jump_in: set[int] = frozenset(),
                  jump_out: set[int] = frozenset(), pages: list | None = None) -> list[list[str]]:
    n = len(lines)
    texts = [line.text for line in lines]
    ends = [end_class(t) for t in texts]
    starts = [start_class(t) for t in texts]
    lengths = [length_bucket(len(t)) for t in texts]
    rel = [_line_width_class(line, ctx.widths[i]) if ctx.wrapped else "na" for i, line in enumerate(lines)]
    gaps = [_gap_class(line.gap, ctx.paragraph_gap) for line in lines]
    shapes = [_shape(t, lengths[i], ends[i]) for i, t in enumerate(texts)]
    # A word cut by the line's end goes on in the next line (or the one after a caption): the
    # two are one sentence, whatever else the line looks like.
    runs_on = [_runs_on(texts[i], texts[i + 1]) if i + 1 < n else False for i in range(n)]
    runs_on_past = [_runs_on(texts[i], texts[i + 2]) if i + 2 < n else False for i in range(n)]
    lead_date = [bool(words.LEAD_DATE_RE.search(t[:LEAD_CHARS])) for t in texts]
    lead_place = [bool(words.LEAD_PLACE_RE.search(t[:LEAD_CHARS])) for t in texts]
    concluding = [bool(words.CONCLUSION_RE.match(t)) for t in texts]
    short_lengths = sorted(len(t) for t in texts if len(t) <= STACK_LINE and ends_open(t))
    typical_short = short_lengths[len(short_lengths) // 2] if short_lengths else 0
    full = [bigrams(t) for t in texts]
    grams = [g if len(t) <= SHORT_LINE else None for t, g in zip(texts, full, strict=True)]
    heads = [g if len(t) <= CONTEXT_CHARS else bigrams(t[:CONTEXT_CHARS]) for t, g in zip(texts, full, strict=True)]
    tails = [g if len(t) <= CONTEXT_CHARS else bigrams(t[-CONTEXT_CHARS:]) for t, g in zip(texts, full, strict=True)]
    common = _common_words(heads)
    whole = [g - common for g in full]
    frequency = Counter(g for line_grams in whole for g in line_grams)
    if common:
        grams = [g - common if g is not None else None for g in grams]
        heads = [g - common for g in heads]
        tails = [g - common for g in tails]
    seen_short: set[str] = set()
    out: list[list[str]] = []
    for i, line in enumerate(lines):
        t = texts[i]
        f = ["bias", f"L={lengths[i]}", f"E={ends[i]}", f"S={starts[i]}", f"G={gaps[i]}",
             f"R={rel[i]}", f"LE={lengths[i]}|{ends[i]}", f"RE={rel[i]}|{ends[i]}", f"doc={'w' if ctx.wrapped else 'p'}",
             f"stacked={ctx.stacked}", f"RS={rel[i]}|{starts[i]}", f"shape={shapes[i]}"]
        commas = t.count("，") + t.count(",")
        f.append(f"C={min(commas, 3)}")
        inner = t[:-1]
        if "。" in inner or "；" in inner:
            f.append("stop-inside")
        if "！" in t or "？" in t or "!" in t or "?" in t:
            f.append("exclaim")
        if "：" in inner or ":" in inner:
            f.append("colon-inside")
        if words.SEPARATOR_RE.search(t):
            f.append("separator")
        if "“" in t or '"' in t:
            f.append("quote")
        if words.DIGIT_RE.search(t):
            f.append("digit")
        if words.LATIN_RE.search(t):
            f.append("latin")
        if words.SPACE_BETWEEN_CJK_RE.search(t):
            f.append("phrase-space")
        if ctx.wrap_width and len(t) > ctx.wrap_width * WIDER_THAN_COLUMN:
            # Longer than the body column: wrapped in it (a space at each wrap), or set across
            # the page as a headline or a caption is.
            f.append("wrapped-long" if WRAP_SPACE_RE.search(t) else "unwrapped-long")
        if words.NOTICE_WORDS_RE.search(t):
            f.append("notice-words")
        if line.indent >= 2:
            f.append("indented")
        if line.ornament:
            f.append("ornament")
        if line.level:
            f.append(f"md={line.level - ctx.title_level}")
        elif ctx.markdown:
            f.append("md=none")
        if line.page_break:
            f.append("page-break")
        if i in jump_in:
            f.append("jump-in")
        if i in jump_out:
            f.append("jump-out")
        if pages is not None and i and pages[i] != pages[i - 1]:
            f.append("new-page")
        if len(t) <= SHORT_LINE:
            _short_line_features(f, t, grams, heads, tails, i, n, texts, whole, frequency)
            if typical_short:
                f.append("longer-than-usual" if len(t) > typical_short * 1.3 else
                         ("shorter-than-usual" if len(t) < typical_short * 0.75 else "usual-length"))
            if i + 1 < n:
                # What follows a title is a story's lead: when, where.
                f.append(f"next-lead={'d' if lead_date[i + 1] else ''}{'p' if lead_place[i + 1] else ''}")
            if i and concluding[i - 1]:
                f.append("after-conclusion")
            if t in seen_short:
                f.append("repeated")
            seen_short.add(t)
        if ctx.wrapped and rel[i] in ("short", "half", "most", "indent"):
            # A headline in large type wraps into lines of one narrower width, none ending a clause.
            if i and abs(lines[i - 1].width - line.width) <= SAME_WIDTH and ends[i - 1] in ("cjk", "digit", "close"):
                f.append("same-width-as-prev")
            if i + 1 < n and abs(lines[i + 1].width - line.width) <= SAME_WIDTH and ends[i] in ("cjk", "digit", "close"):
                f.append("same-width-as-next")
        if runs_on[i]:
            f.append("runs-on")
        if runs_on_past[i]:
            f.append("runs-on-past-next")
        if i and runs_on[i - 1]:
            f.append("run-on-from-prev")
        if i >= 2 and runs_on_past[i - 2]:
            f.append("run-on-from-before-prev")
        if t[-1] in OPEN_ENDINGS:
            f.append("open-ending")
        if i and i + 1 < n:
            f.append(f"cut={ends[i - 1]}|{starts[i + 1]}")
            f.append(f"GnG={gaps[i]}|{gaps[i + 1]}")
        if i == 0:
            f.append("first")
        else:
            f.extend((f"pE={ends[i - 1]}", f"pL={lengths[i - 1]}", f"pR={rel[i - 1]}", f"pS={starts[i - 1]}",
                      f"pRR={rel[i - 1]}|{rel[i]}", f"pERS={ends[i - 1]}|{rel[i]}|{starts[i]}",
                      f"pLE={lengths[i - 1]}|{ends[i - 1]}"))
            f.append(f"pshape={shapes[i - 1]}")
            if lines[i - 1].level:
                f.append(f"pmd={lines[i - 1].level - ctx.title_level}")
        if i + 1 >= n:
            f.append("last")
        else:
            f.extend((f"nS={starts[i + 1]}", f"nL={lengths[i + 1]}", f"nR={rel[i + 1]}", f"nG={gaps[i + 1]}",
                      f"nE={ends[i + 1]}", f"LnS={lengths[i]}|{starts[i + 1]}"))
            f.append(f"nshape={shapes[i + 1]}")
            if lines[i + 1].level:
                f.append(f"nmd={lines[i + 1].level - ctx.title_level}")
        if i + 2 < n:
            f.append(f"nnL={lengths[i + 2]}")
            f.append(f"nnS={starts[i + 2]}")
        if i >= 2:
            f.append(f"ppE={ends[i - 2]}")
        out.append(f)
    return out


def _short_line_features(f: list[str], t: str, grams: list, heads: list, tails: list, i: int, n: int,
                         texts: list[str], whole: list[set[str]], frequency: Counter) -> None:
    if words.BYLINE_RE.match(t):
        f.append("byline")
    if words.CREDIT_RE.search(t):
        f.append("credit")
    if words.CAPTION_TAIL_RE.search(t):
        f.append("caption-tail")
    if words.CAPTION_HEAD_RE.match(t):
        f.append("caption-head")
    if words.NOTICE_RE.match(t):
        f.append("notice-head")

    if words.BRACKET_LABEL_RE.match(t):
        f.append("bracket-label")
    elif words.BRACKET_START_RE.match(t):
        f.append("bracket-start")
    if words.EVENT_RE.search(t):
        f.append("event")
    if words.PLACE_START_RE.match(t):
        f.append("place-start")
    cjk = len(CJK_RE.findall(t))
    if cjk == len(t.replace(" ", "")):
        f.append("all-cjk")
    ahead = _window(heads, texts, i + 1, n, 1)
    behind = _window(tails, texts, i - 1, -1, -1)
    mine = grams[i]
    if mine:
        share_ahead = len(mine & ahead) / len(mine)
        share_behind = len(mine & behind) / len(mine)
        f.append(f"ov+={_share_bucket(share_ahead)}")
        f.append(f"ov-={_share_bucket(share_behind)}")
        f.append("ov>" if share_ahead > share_behind + 0.1 else ("ov<" if share_behind > share_ahead + 0.1 else "ov="))
    if ahead and behind:
        # A new story changes the subject: the words before a line and after it have little in
        # common at a story's start, much in common around a subhead or a caption.
        f.append(f"coh={_cohesion_bucket(len(ahead & behind) / min(len(ahead), len(behind)))}")
    wide_ahead = _window(whole, texts, i + 1, n, 1, SECTION_CHARS)
    wide_behind = _window(whole, texts, i - 1, -1, -1, SECTION_CHARS)
    if wide_ahead and wide_behind:
        # The sections of one story go on about the same people and places: words found in
        # few lines of the issue and on both sides of the line are its names.
        shared = wide_ahead & wide_behind
        f.append(f"wcoh={_cohesion_bucket(len(shared) / min(len(wide_ahead), len(wide_behind)))}")
        rare = sum(1 for g in shared if frequency[g] <= RARE_LINES)
        f.append("rare=" + ("0" if not rare else "1" if rare == 1 else "few" if rare <= 4 else "many"))


def _common_words(grams: list[set[str]]) -> set[str]:
    """Words (bigrams) found all over the issue - the town's name, 居民, 工作 - say nothing about
    where one story ends and the next begins."""
    if len(grams) < COMMON_MIN_LINES:
        return set()
    counts = Counter(g for line in grams for g in line)
    limit = COMMON_SHARE * len(grams)
    return {g for g, c in counts.items() if c >= limit}


def _window(grams: list, texts: list[str], start: int, stop: int, step: int, chars: int = CONTEXT_CHARS) -> set[str]:
    """The words (bigrams) of the text next to a line, up to `chars` characters of it."""
    out: set[str] = set()
    used = 0
    for j in range(start, stop, step):
        out |= grams[j]
        used += len(texts[j])
        if used >= chars:
            break
    return out


def _cohesion_bucket(share: float) -> str:
    for edge, name in ((0.04, "none"), (0.08, "lo"), (0.14, "mid"), (0.22, "hi")):
        if share < edge:
            return name
    return "top"


def _share_bucket(share: float) -> str:
    if share == 0:
        return "0"
    if share < 0.2:
        return "lo"
    if share < 0.5:
        return "mid"
    return "hi"
