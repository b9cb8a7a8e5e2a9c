"""How one simulated issue is printed and extracted: every choice drawn from the seed.

Nothing here is one fixed count: blank lines, line widths and headline forms vary between issues
as they do between papers and extractors, so a rule that depends on one exact count fails.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

# Noise kinds the benchmark reports scores for; an issue carries a subset of them.
KINDS = [
    "column-cut", "picture-gap", "digit-spaces",
    "masthead-day", "masthead-dotted", "masthead-month", "masthead-none", "publisher", "boilerplate",
    "markdown", "bare", "stack-one-line", "kicker", "subtitle", "column", "byline", "byline-end",
    "caption-between", "caption-inside", "caption-before", "caption-end", "caption-forms", "subheads",
    "running-header", "header-mid-sentence", "jump", "notice", "footer", "start-at-end", "side-by-side",
    "wrap-spaces", "tabs-fullwidth", "half-width", "gb18030", "utf16", "crlf",
    "wrapped-lines", "no-blank-lines", "radicals", "interleaved", "side-caption",
]


@dataclass
class Style:
    seed: int
    masthead: str = "day"  # day | dotted | month | none
    markdown: bool = False
    stack_one_line: bool = False
    column_form: str = "bracket"  # bracket | hash | bare
    byline_at_end_rate: float = 0.3
    caption_style: str = "plain"  # plain | tushuo | triangle | credit
    para_gap: int = 1
    article_gap: int = 2
    caption_gap: int = 2
    headline_gap: int = 1
    running_headers: bool = False
    header_style: int = 0
    page_chars: int = 2500
    jump: bool = False
    notices: int = 0
    footer: bool = False
    start_at_end: bool = False
    side_by_side: bool = False  # two stories' headline stacks printed side by side, read one after the other
    wrap_spaces: float = 0.0  # share of column wraps that leave a space (paragraph-per-line form)
    wrap_space_chars: str = " "
    half_width: float = 0.0
    encoding: str = "utf-8"
    crlf: bool = False
    wrapped: bool = False  # one line per printed line
    column_width: int = 20
    indent: str = "none"  # none | fullwidth | spaces (first-line indent, as the extractor kept it)
    radicals: float = 0.0
    interleaved: bool = False
    side_captions: bool = False
    column_cuts: float = 0.0  # share of paragraphs a column end cuts mid-sentence (paragraph form)
    picture_gaps: float = 0.0  # share of paragraphs after a photo printed without a caption
    digit_spaces: float = 0.0  # share of numbers the extractor set apart with spaces (2022 年)
    stack_policy: str = "as-is"  # as-is | drop (the paper prints one-line titles) | prefer (stacks)
    kinds: set[str] = field(default_factory=set)


def draw_style(seed: int, *, form: str | None = None) -> Style:
    """A random print-and-extract style. `form`: None (any), "paragraphs" or "lines"."""
    rng = random.Random(seed)
    s = Style(seed=seed)
    s.masthead = rng.choice(["day", "day", "dotted", "month", "none", "none"])
    s.markdown = rng.random() < 0.35
    s.stack_one_line = rng.random() < 0.25
    s.stack_policy = rng.choice(["as-is", "as-is", "drop", "prefer"])
    s.picture_gaps = rng.choice([0.0, 0.0, 0.05, 0.15])
    s.digit_spaces = rng.choice([0.0, 0.0, 0.5, 1.0])
    s.column_form = rng.choice(["bracket", "hash", "bare"]) if s.markdown else rng.choice(["bracket", "bare"])
    s.byline_at_end_rate = rng.choice([0.0, 0.3, 1.0])
    s.caption_style = rng.choice(["plain", "plain", "plain", "tushuo", "triangle", "credit"])
    s.para_gap = rng.choice([0, 1, 1, 1, 2])
    s.article_gap = s.para_gap + rng.choice([0, 1, 1, 2, 3]) if s.para_gap else rng.choice([0, 1, 1, 2])
    s.caption_gap = s.para_gap + rng.choice([0, 0, 1, 2])
    s.headline_gap = rng.choice([s.para_gap, max(s.para_gap, 1), 0])
    s.running_headers = rng.random() < 0.45
    s.header_style = rng.randrange(6)
    s.page_chars = rng.randint(1200, 4000)
    s.jump = rng.random() < 0.25
    s.notices = rng.choice([0, 0, 0, 1, 2])
    s.footer = rng.random() < 0.4
    s.start_at_end = rng.random() < 0.12
    s.encoding = rng.choice(["utf-8"] * 6 + ["utf-8-sig", "gb18030", "utf-16"])
    s.crlf = rng.random() < 0.2
    lines = form == "lines" or (form is None and rng.random() < 0.4)
    if lines:
        s.wrapped = True
        s.column_width = rng.randint(12, 25)
        s.indent = rng.choice(["none", "none", "fullwidth", "spaces"])
        if rng.random() < 0.5:
            s.para_gap = 0
            s.article_gap = rng.choice([0, 0, 1, 2])
            s.caption_gap = rng.choice([0, 0, 1])
            s.headline_gap = rng.choice([0, 0, 1])
        s.radicals = rng.choice([0.0, 0.0, 0.08])
        s.interleaved = rng.random() < 0.15
        s.side_captions = rng.random() < 0.2
        s.markdown = False
    else:
        s.column_width = rng.randint(10, 24)
        s.wrap_spaces = rng.choice([0.0, 0.3, 0.8])
        s.column_cuts = rng.choice([0.0, 0.1, 0.25, 0.4])
        s.wrap_space_chars = rng.choice([" ", " ", "\t", "\u3000"])
        s.half_width = rng.choice([0.0, 0.0, 0.5, 1.0])
        s.radicals = rng.choice([0.0] * 5 + [0.05])
    s.side_by_side = not lines and rng.random() < 0.2
    s.kinds = _kinds(s)
    return s


def _kinds(s: Style) -> set[str]:
    kinds = {f"masthead-{s.masthead}", "markdown" if s.markdown else "bare"}
    flags = {
        "stack-one-line": s.stack_one_line, "running-header": s.running_headers, "jump": s.jump,
        "notice": bool(s.notices), "footer": s.footer, "start-at-end": s.start_at_end,
        "wrap-spaces": s.wrap_spaces > 0, "tabs-fullwidth": s.wrap_spaces > 0 and s.wrap_space_chars != " ",
        "half-width": s.half_width > 0, "gb18030": s.encoding == "gb18030", "utf16": s.encoding == "utf-16",
        "crlf": s.crlf, "wrapped-lines": s.wrapped, "no-blank-lines": s.wrapped and s.para_gap == 0,
        "radicals": s.radicals > 0, "interleaved": s.interleaved, "side-caption": s.side_captions,
        "caption-forms": s.caption_style != "plain", "byline-end": s.byline_at_end_rate > 0,
        "digit-spaces": s.digit_spaces > 0,
    }
    return kinds | {k for k, on in flags.items() if on}
