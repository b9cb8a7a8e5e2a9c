"""Keywords and tag suggestions: TF-IDF over segmented text, with the archive's own IDF.

jieba's general IDF knows how rare a word is in Chinese at large; the archive's IDF knows how
rare it is in community papers (工作 and 会议 are everywhere here). The two are blended, the
archive's weight growing with its size. Stop words for the genre, synonyms folded into their
preferred form (加梯 -> 加装电梯), and words the segmenter invented on the fly are dropped.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import segmenter

DATA = Path(__file__).parent / "data"
# Parts of speech a topic can be: nouns, names of bodies, verbal nouns, abbreviations (not idioms).
TOPIC_POS = {"n", "nz", "nt", "vn", "j", "nw"}
TITLE_WEIGHT = 3
ARCHIVE_HALF_WEIGHT = 200  # archive articles at which its IDF and jieba's count equally
MIN_TAGS, MAX_TAGS = 3, 8
RELATIVE_CUTOFF = 0.35  # a tag scores at least this share of the best one


@dataclass
class TermStats:
    """How many archive articles there are and in how many each term occurs."""

    documents: int = 0
    df: Mapping[str, int] = field(default_factory=dict)
    _idf: dict = field(default_factory=dict, repr=False)  # computed values, per term


@dataclass(frozen=True)
class Lexicon:
    """What the archive's vocabulary says about words: synonyms, and its known terms."""

    synonyms: Mapping[str, str] = field(default_factory=dict)
    terms: frozenset = frozenset()


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    words = set()
    for line in (DATA / "stopwords.txt").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            words.update(line.split())
    return frozenset(words)


@lru_cache(maxsize=1)
def general_idf() -> tuple[dict[str, float], float]:
    """jieba's IDF table (loaded once, only where keywords are computed) and its median."""
    import jieba

    path = Path(jieba.__file__).parent / "analyse" / "idf.txt"
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, value = line.partition(" ")
        if value:
            table[word] = float(value)
    median = sorted(table.values())[len(table) // 2]
    return table, median


_CHINESE_TERM = re.compile("[\u4e00-\u9fff]{2,}")


def _is_chinese_term(word: str) -> bool:
    return bool(_CHINESE_TERM.fullmatch(word))


def topic_terms(text: str, lexicon: Lexicon) -> list[str]:
    """The words of a text that could name its topic, synonyms folded, in order."""
    stop = stopwords()
    out = []
    for word, pos in segmenter.tag(text):
        word = lexicon.synonyms.get(word, word)
        known = word in lexicon.terms
        if not known and pos not in TOPIC_POS:
            continue
        if word in stop or not _is_chinese_term(word) or not (known or segmenter.is_word(word)):
            continue
        out.append(word)
    return out


def term_counts(title: str, body: str, lexicon: Lexicon) -> Counter:
    counts = Counter(topic_terms(body, lexicon))
    for word in topic_terms(title, lexicon):
        counts[word] += TITLE_WEIGHT
    # An article about the 人大代表之家 is about 人大代表 too: credit known terms inside longer ones.
    for word, n in list(counts.items()):
        for inner in _known_inside(word, lexicon.terms):
            counts[lexicon.synonyms.get(inner, inner)] += n
    return counts


def _known_inside(word: str, terms) -> set[str]:
    found = set()
    for length in range(2, len(word)):
        for start in range(len(word) - length + 1):
            piece = word[start:start + length]
            if piece in terms:
                found.add(piece)
    return found


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
              if not any(w in e or e in w for e in excluded)]
    scored.sort(key=lambda ws: (-ws[1], ws[0]))
    return scored


def pick_tags(ranked: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """3 to 8 tags an editor would pick: the best terms, cut where they fall well below the top."""
    if not ranked:
        return []
    best = ranked[0][1]
    kept = [(w, s) for i, (w, s) in enumerate(ranked[:MAX_TAGS]) if i < MIN_TAGS or s >= RELATIVE_CUTOFF * best]
    return kept


def keywords(title: str, body: str, stats: TermStats, lexicon: Lexicon, *, exclude=(), limit=15) -> list[tuple[str, float]]:
    """Terms of an article, best first, with their TF-IDF scores."""
    return rank_terms(term_counts(title, body, lexicon), stats, exclude=exclude)[:limit]


def suggest_tags(title: str, body: str, stats: TermStats, lexicon: Lexicon, *, exclude=()) -> list[tuple[str, float]]:
    return pick_tags(rank_terms(term_counts(title, body, lexicon), stats, exclude=exclude))
