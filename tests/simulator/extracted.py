"""Issues typeset to PDF and read back by a real extractor, each extracted line with its role.

The role of a line is found by where its text comes from in what was typeset: a headline, a
caption, a byline, a notice, the start or the rest of a paragraph, or the page's furniture. This
is the role model's training data for the forms extractors really return (a line per printed
line, headlines broken into short lines, captions in between).
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from articles.importer.roles.words import CAPTION_AND_CREDIT_RE, CREDIT_PIECE_RE

from .texts import CleanArticle, clean_articles

SPACE_RE = re.compile(r"\s+")
SPACED_RE = re.compile(r"[ \t\u3000\f]+")
DECORATION = "▲△■◆●【】[]"


def squash(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    return SPACE_RE.sub("", text).strip(DECORATION + "—-")


@dataclass
class ExtractedIssue:
    name: str
    data: bytes
    expected: dict
    lines: dict[int, str]  # the true role of every non-blank line, by its 1-based line number
    kinds: set[str] = field(default_factory=set)


@lru_cache(maxsize=4)
def _pool(split: str) -> tuple[CleanArticle, ...]:
    return tuple(clean_articles(shared=False, split=split))


def _articles(rng: random.Random, pool: tuple[CleanArticle, ...]) -> list[CleanArticle]:
    by_paper: dict[str, list[CleanArticle]] = {}
    for article in pool:
        by_paper.setdefault(article.paper or article.town, []).append(article)
    group = rng.choice([g for g in by_paper.values() if len(g) >= 2] or [list(pool)])
    others = [a for a in pool if a not in group]
    count = rng.randint(4, 9)
    chosen = rng.sample(group, min(len(group), count))
    if len(chosen) < count:
        chosen += rng.sample(others, min(len(others), count - len(chosen)))
    return chosen


def extracted(seed: int, *, tool: str = "pypdfium2", split: str = "train") -> ExtractedIssue | None:
    from .extractors import EXTRACTORS
    from .typeset_pdf import typeset_issue

    rng = random.Random(seed)
    articles = _articles(rng, _pool(split))
    issue = typeset_issue(articles, seed=rng.randrange(2**31), source=f"ext_{seed}.pdf")
    extraction = EXTRACTORS[tool](issue.pdf)
    if extraction.text is None:
        return None
    text = extraction.text
    return ExtractedIssue(f"ext_{seed}.{tool}.txt", text.encode("utf-8"), dict(issue.expected),
                          label_lines(text, issue.expected, issue.printed_furniture), {f"pdf-{tool}"})


def label_lines(text: str, expected: dict, furniture: list[str]) -> dict[int, str]:
    pieces: list[tuple[str, str]] = []  # (squashed text, role of its first line)
    for article in expected["articles"]:
        for key in ("column", "kicker", "title", "subtitle"):
            if article.get(key):
                pieces.append((squash(article[key]), key))
        if article.get("byline"):
            pieces.append((squash(article["byline"]), "byline"))
            # A byline after the last paragraph is printed in brackets: （通讯员 郝思彤）.
            pieces.append((squash(f"（{article['byline']}）"), "byline"))
        for block in article["blocks"]:
            pieces.append((squash(block["text"]), "para" if block["type"] == "paragraph" else "subhead"))
        for caption in article["captions"]:
            pieces.append((squash(caption), "caption"))
    for notice in expected.get("notices") or []:
        pieces.append((squash(notice), "notice"))
    furniture_set = {squash(f) for f in furniture}
    labels: dict[int, str] = {}
    for number, raw in enumerate(text.split("\n"), start=1):
        line = squash(raw.replace("\f", ""))
        if not line:
            continue
        labels[number] = _role(line, pieces, furniture_set)
    numbers = sorted(labels)
    for here, after in zip(numbers, numbers[1:], strict=False):
        # A notice's heading (温馨提示) stands above its text: it heads the notice.
        if labels[here] == "furn" and labels[after] == "notice":
            labels[here], labels[after] = "notice", "notice_cont"
        # A caption and its credit on two lines (新塘村整修后的村宅 记者 / 韩芳 摄).
        if labels[here] == labels[after] == "furn" and CAPTION_AND_CREDIT_RE.match(
                "".join(SPACED_RE.sub(" ", text.split("\n")[n - 1]).strip() for n in (here, after))):
            labels[here], labels[after] = "caption", "caption_cont"
        # A caption's photo credit wrapped onto the next line (体验割稻 摄影 蔡 / 超 摄) goes on with it.
        if labels[here] in ("caption", "caption_cont") and labels[after] == "furn" and CREDIT_PIECE_RE.search(
                SPACED_RE.sub(" ", text.split("\n")[after - 1]).strip()):
            labels[after] = "caption_cont"
    return labels


CONT = {"title": "title_cont", "caption": "caption_cont", "notice": "notice_cont", "para": "para_cont",
        "kicker": "kicker", "subtitle": "subtitle", "column": "column", "byline": "byline", "subhead": "subhead"}


CREDIT_RE = re.compile(r"(?:(?:本报)?(?:记者|通讯员|摄影记者|摄影))?[\u4e00-\u9fff·]{0,4}摄$")


def _role(line: str, pieces: list[tuple[str, str]], furniture: set[str]) -> str:
    best = _match(line, pieces)
    if best is None and CREDIT_RE.search(line):
        best = _match(CREDIT_RE.sub("", line), pieces)  # a caption with its photo credit
    if best is not None:
        return best
    return "furn"


def _match(line: str, pieces: list[tuple[str, str]]) -> str | None:
    if not line:
        return None
    best = None
    for text, role in pieces:
        if line == text:
            return role
        if line in text:
            role_here = role if text.startswith(line) else CONT[role]
            # Prefer the piece the line starts (a paragraph's first line), then the longest match.
            rank = (text.startswith(line), -len(text))
            if best is None or rank > best[0]:
                best = (rank, role_here)
    return best[1] if best is not None else None
