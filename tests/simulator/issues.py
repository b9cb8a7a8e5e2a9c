"""Simulated issues: seeded draws of articles, a print style and an extractor form."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from functools import lru_cache

from .compose import compose
from .render import render
from .style import draw_style
from .texts import CleanArticle, CleanNotice, clean_articles, own_notices


@dataclass
class SimulatedIssue:
    name: str
    data: bytes
    text: str
    expected: dict
    lines: dict[int, str]  # true role by line number
    kinds: set[str] = field(default_factory=set)

    def write(self, directory) -> None:
        (directory / self.name).write_bytes(self.data)
        stem = self.name.rsplit(".", 1)[0]
        (directory / f"{stem}.expected.json").write_text(json.dumps(self.expected, ensure_ascii=False, indent=1),
                                                         encoding="utf-8")


@lru_cache(maxsize=8)
def _pool(shared: bool, split: str) -> tuple[tuple[CleanArticle, ...], tuple[CleanNotice, ...]]:
    return tuple(clean_articles(shared=shared, split=split)), tuple(own_notices())


def simulate(seed: int, *, form: str | None = None, shared: bool = True, split: str = "all",
             articles: list[CleanArticle] | None = None) -> SimulatedIssue:
    """One issue: 3 to 8 articles (of one paper, or of several towns as the corpus composes them).

    split: "train" (the texts the role model learns from), "holdout" (texts it never saw), "all".
    """
    pool, notices = _pool(shared, split)
    rng = random.Random(seed)
    style = draw_style(seed, form=form)
    if articles is None:
        by_paper: dict[str, list[CleanArticle]] = {}
        for article in pool:
            by_paper.setdefault(article.paper or article.town, []).append(article)
        papers = [group for group in by_paper.values() if len(group) >= 3]
        count = rng.randint(3, 8)
        if papers and rng.random() < 0.5:
            group = rng.choice(papers)
            articles = rng.sample(group, min(count, len(group)))
        else:
            articles = rng.sample(list(pool), min(count, len(pool)))
    if style.stack_policy == "prefer":
        # A paper that stacks its headlines does so for every story: take stories that have stacks.
        stacked = [a for a in pool if a.kicker or a.subtitle]
        if len(stacked) >= 3:
            articles = rng.sample(stacked, min(len(articles), len(stacked)))
    composed = compose(style, articles, list(notices))
    rendered = render(composed)
    suffix = "txt"
    name = f"sim_{seed:06d}.{suffix}"
    expected = dict(composed.expected, source=name)
    return SimulatedIssue(name, rendered.data, rendered.text, expected, rendered.lines, composed.kinds)
