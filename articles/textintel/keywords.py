"""Keywords: an article's distinctive terms by TF-IDF, with the archive's own IDF.

jieba's general IDF knows how rare a word is in Chinese at large; the archive's IDF knows how
rare it is in community papers (工作 and 会议 are everywhere here). The two are blended, the
archive's weight growing with its size. The terms come from `tags.read_article` (synonyms
folded, stop words and words the segmenter invented on the fly dropped). Keywords are what
related articles are matched on; tag suggestions are `tags.suggest`.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .lexicon import Lexicon
from .tags import read_article

ARCHIVE_HALF_WEIGHT = 200  # archive articles at which its IDF and jieba's count equally


@dataclass
class TermStats:
    """How many archive articles there are and in how many each term occurs."""

    documents: int = 0
    df: Mapping[str, int] = field(default_factory=dict)
    _idf: dict = field(default_factory=dict, repr=False)  # computed values, per term


@lru_cache(maxsize=1)
def general_idf() -> tuple[dict[str, float], float]:
    """jieba's IDF table (loaded once, only where keywords are computed) and its median."""
    from importlib.util import find_spec

    path = Path(find_spec("jieba").origin).parent / "analyse" / "idf.txt"
    fields = path.read_text(encoding="utf-8").split()  # "word value" lines; no word holds a space
    table = dict(zip(fields[0::2], map(float, fields[1::2]), strict=True))
    median = sorted(table.values())[len(table) // 2]
    return table, median


def idf(word: str, stats: TermStats) -> float:
    cached = stats._idf.get(word)
    if cached is None:
        cached = stats._idf[word] = _idf(word, stats)
    return cached


def _idf(word: str, stats: TermStats) -> float:
    table, median = general_idf()
    general = table.get(word, median)
    if not stats.documents:
        return general
    archive = math.log((stats.documents + 1) / (stats.df.get(word, 0) + 1)) + 1
    weight = stats.documents / (stats.documents + ARCHIVE_HALF_WEIGHT)
    return weight * archive * (general / median) ** 0.5 + (1 - weight) * general


def rank_terms(counts: Counter, stats: TermStats, *, exclude=()) -> list[tuple[str, float]]:
    """Terms best first, scored by TF-IDF; the excluded words (the paper's own town) and terms
    overlapping them are left out."""
    excluded = [e for e in exclude if len(e) >= 2]
    scored = [(w, (1 + math.log(n)) * idf(w, stats)) for w, n in counts.items()
              if not excluded or not any(w in e or e in w for e in excluded)]
    scored.sort(key=lambda ws: (-ws[1], ws[0]))
    return scored


def keywords(title: str, body: str, stats: TermStats, lexicon: Lexicon, *, exclude=(), limit=15) -> list[tuple[str, float]]:
    """Terms of an article, best first, with their TF-IDF scores."""
    return rank_terms(read_article(title, body, lexicon).terms, stats, exclude=exclude)[:limit]
