"""Tag suggestions an editor would accept: topics of the vocabulary the article gives evidence for.

One pass of the segmenter reads an article (`read_article`): which topics it names and where
(headline, lead, body; variants folded into the preferred name first), which cue words of topics
it uses, and which words outside the vocabulary its headline and body share. `suggest` weighs
that evidence (tag_rules.py), scales it by what editors accepted and rejected before, and keeps
what clears the bar: an article may get a few suggestions, one, or none.

Words outside the vocabulary are held to more: a whole dictionary word or a compound of two, in
the headline (outside quotation marks, where puns and slogans live) and used in the body, never a
piece of a longer unit (高空|抛物: the pair is the candidate), never a person's or a place's name,
never a word of the genre.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import segmenter, tag_rules
from .lexicon import Lexicon

DATA = Path(__file__).parent / "data"
# Parts of speech a term can be (for keywords and the archive's IDF): nouns, names of bodies,
# verbal nouns, abbreviations.
TERM_POS = {"n", "nz", "nt", "vn", "j", "nw"}
# Parts of speech a word outside the vocabulary must have to be suggested: nouns (not verbal nouns
# such as 考验 or 优化, not idioms, not names).
FREE_POS = {"n", "nz", "j", "nw"}
# Parts of speech of a neighbour a word may be a piece of a compound with.
NOUN_POS = {"n", "nz", "vn", "j", "nw", "ns", "nt", "nr", "an"}
NAME_POS = {"nr", "nrfg", "nrt", "ns", "nt"}
# Words after a name that make it a place: 东盛|居民区, 天目|西路.
PLACE_SUFFIXES = frozenset(
    "居民区 居委 居委会 小区 村 村委会 路 西路 东路 南路 北路 中路 街道 镇 新村 花园 公园 苑 大道 广场 街 弄 "
    "里 湾 港 浜 泾 桥 河 公寓 大厦 社区 片区 园区 地块 站 中学 小学 学校 幼儿园 医院".split())
QUOTES_OPEN, QUOTES_CLOSE = set("“‘「『《\""), set("”’」』》\"")
_CHINESE_TERM = re.compile("[\u4e00-\u9fff]{2,}")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    words = set()
    for line in (DATA / "stopwords.txt").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            words.update(line.split())
    return frozenset(words)


def is_chinese_term(word: str) -> bool:
    return bool(_CHINESE_TERM.fullmatch(word))


@dataclass
class Evidence:
    """Where an article names one candidate."""

    headline: float = 0.0  # 1 when the headline names it, INSIDE_LONGER when only inside a longer topic
    lead: bool = False
    body: float = 0.0  # mentions in the body, a mention inside a longer topic counting INSIDE_LONGER


@dataclass
class FreeWord:
    """A word outside the vocabulary: its mentions and, per body mention, its neighbours."""

    headline: int = 0
    lead: bool = False
    body: int = 0
    places: int = 0  # uses followed by a place word
    neighbours: Counter = field(default_factory=Counter)  # (side, noun) it stands beside


@dataclass
class Reading:
    """What one pass of the segmenter found in an article."""

    topics: dict[str, Evidence]
    cue_words: set[str]
    terms: Counter  # every term, synonyms folded, the headline counted TITLE_WEIGHT times
    free: dict[str, FreeWord]
    pairs: Counter  # adjacent noun pairs in the body, for compounds the dictionary lacks
    headline_text: str
    length: int


TITLE_WEIGHT = 3  # a headline word counts this many times among an article's terms (keywords)


def read_article(headline: str, body: str, lexicon: Lexicon) -> Reading:
    reading = Reading({}, set(), Counter(), {}, Counter(), headline, len(body))
    _scan(segmenter.tag(headline), reading, lexicon, in_headline=True)
    _scan(segmenter.tag(body), reading, lexicon, in_headline=False)
    return reading


def _scan(tokens, reading: Reading, lexicon: Lexicon, *, in_headline: bool) -> None:
    stop = stopwords()
    synonyms, topics, terms, cues, names = lexicon.synonyms, lexicon.topics, lexicon.terms, lexicon.cues, lexicon.names
    weight = TITLE_WEIGHT if in_headline else 1
    quoted, in_lead, offset, seen = False, not in_headline, 0, False
    previous = None  # the previous content token (word, pos, free word) when adjacent
    for word, pos in tokens:
        offset += len(word)
        if word in QUOTES_OPEN and not (word == '"' and quoted):
            quoted, previous = True, None
            continue
        if word in QUOTES_CLOSE:
            quoted, previous = False, None
            continue
        if word == "\n" or offset > tag_rules.LEAD_CHARACTERS:
            in_lead = in_lead and not seen
        if word == "\n":
            previous = None
            continue
        seen = seen or not word.isspace()
        preferred = synonyms.get(word, word)
        if preferred in topics:
            _mention(reading.topics, preferred, in_headline, in_lead, 1.0)
            for inner in lexicon.inside.get(preferred, ()):
                _mention(reading.topics, inner, in_headline, in_lead, tag_rules.INSIDE_LONGER)
        if word in cues:
            reading.cue_words.add(word)
        known = preferred in terms
        chinese = is_chinese_term(preferred)
        if chinese and (known or pos in TERM_POS) and preferred not in stop and (known or segmenter.is_word(word)):
            reading.terms[preferred] += weight
        if previous is not None and previous[2] is not None and word in PLACE_SUFFIXES:
            previous[2].places += 1
        free = None
        if (not known and chinese and pos in FREE_POS and word not in stop and word not in names
                and segmenter.is_word(word)):
            free = reading.free.get(word)
            if free is None:
                free = reading.free[word] = FreeWord()
            if in_headline:
                free.headline += not quoted
            else:
                free.body += 1
                free.lead = free.lead or in_lead
        if not in_headline and pos in NOUN_POS and chinese:
            if previous is not None:
                before, before_free = previous[0], previous[2]
                if free is not None:
                    free.neighbours[("before", before)] += 1
                if before_free is not None:
                    before_free.neighbours[("after", word)] += 1
                if free is not None or before_free is not None:
                    reading.pairs[before + word] += 1
            previous = (word, pos, free)
        else:
            previous = None


def _mention(found: dict, name: str, in_headline: bool, in_lead: bool, weight: float) -> None:
    evidence = found.get(name)
    if evidence is None:
        evidence = found[name] = Evidence()
    if in_headline:
        evidence.headline = max(evidence.headline, weight)
    else:
        evidence.body += weight
        evidence.lead = evidence.lead or (in_lead and weight == 1.0)


# --- Weighing the evidence -----------------------------------------------------------------------

def feedback_factor(name: str, lexicon: Lexicon) -> float:
    accepted, rejected = lexicon.feedback.get(name, (0, 0))
    prior = tag_rules.FEEDBACK_PRIOR
    return 2 * (accepted + prior) / (accepted + rejected + 2 * prior)


def _body_score(mentions: float, length: int) -> float:
    scale = min(1.0, tag_rules.REFERENCE_LENGTH / length) if length else 1.0
    return tag_rules.BODY * math.log2(1 + mentions * scale)


def topic_score(name: str, evidence: Evidence, reading: Reading, lexicon: Lexicon) -> float:
    score = tag_rules.HEADLINE * evidence.headline + _body_score(evidence.body, reading.length)
    if evidence.lead:
        score += tag_rules.LEAD
    cue = sum(w for word in reading.cue_words for topic, w in lexicon.cues.get(word, ()) if topic == name)
    score += min(tag_rules.CUES_AT_MOST, cue)
    return score * feedback_factor(name, lexicon)


@dataclass(frozen=True)
class Suggestion:
    name: str
    score: float
    topic: bool  # a topic of the vocabulary (False: a word outside it)


def suggest(reading: Reading, lexicon: Lexicon, *, documents: int = 0, df=None, exclude=()) -> list[Suggestion]:
    """The suggestions for an article, best first; `documents` and `df` are the archive's counts
    (how many articles, and in how many each term occurs)."""
    excluded = [e for e in exclude if len(e) >= 2]
    topics = sorted((Suggestion(name, topic_score(name, evidence, reading, lexicon), True)
                     for name, evidence in reading.topics.items()
                     if name not in lexicon.retired and not _overlaps(name, excluded)),
                    key=lambda s: (-s.score, s.name))
    shown = _clearing_the_bar(topics)
    if not shown:
        # Only where the vocabulary has nothing to say: its topics are what editors chose.
        free = sorted(_free_candidates(reading, lexicon, documents, df or {}, excluded),
                      key=lambda s: (-s.score, s.name))
        shown = _clearing_the_bar(free)[:tag_rules.FREE_AT_MOST]
    return shown


def _clearing_the_bar(candidates: list[Suggestion]) -> list[Suggestion]:
    shown: list[Suggestion] = []
    for candidate in candidates:
        if candidate.score < tag_rules.SHOW_AT or len(shown) >= tag_rules.SHOW_AT_MOST:
            break
        if shown and candidate.score < tag_rules.RELATIVE_TO_BEST * shown[0].score:
            break
        shown.append(candidate)
    return shown


def _overlaps(word: str, others) -> bool:
    return any(word in other or other in word for other in others)


def _free_candidates(reading: Reading, lexicon: Lexicon, documents: int, df, excluded) -> list[Suggestion]:
    out = []
    headline = reading.headline_text
    for word, found in reading.free.items():
        compound = _compound_of(word, found, reading)
        if compound is not None:
            name, headline_named, mentions = compound
        else:
            name, headline_named, mentions = word, found.headline > 0, found.body
        if not headline_named or mentions < tag_rules.FREE_BODY_MENTIONS:
            continue
        if compound is None and found.places:
            continue
        if (name in lexicon.retired or name in lexicon.terms or _overlaps(name, excluded)
                or _is_generic(name, documents, df) or any(name.endswith(s) for s in PLACE_SUFFIXES if len(s) > 1)):
            continue
        score = tag_rules.HEADLINE + _body_score(mentions, reading.length) + (tag_rules.LEAD if found.lead else 0)
        score *= tag_rules.FREE_FACTOR * feedback_factor(name, lexicon)
        if compound is not None and name not in headline:
            continue
        out.append(Suggestion(name, score, False))
    best: dict[str, Suggestion] = {}
    for s in out:
        if s.name not in best or best[s.name].score < s.score:
            best[s.name] = s
    return list(best.values())


def _compound_of(word: str, found: FreeWord, reading: Reading):
    """When a word mostly stands beside the same noun, the pair it forms: (name, in headline, uses)."""
    if not found.body or not found.neighbours:
        return None
    (side, other), together = found.neighbours.most_common(1)[0]
    if together < tag_rules.PIECE_OF_COMPOUND * found.body:
        return None
    name = other + word if side == "before" else word + other
    return name, name in reading.headline_text, reading.pairs.get(name, together)


def _is_generic(word: str, documents: int, df) -> bool:
    if word in stopwords():
        return True
    if documents >= tag_rules.FREE_DF_MIN_DOCUMENTS:
        return df.get(word, 0) > tag_rules.FREE_DF_SHARE * documents
    return False


def suggest_tags(headline: str, body: str, lexicon: Lexicon, *, documents: int = 0, df=None,
                 exclude=()) -> list[tuple[str, float]]:
    """(name, score) of the suggestions for one article, best first."""
    return [(s.name, s.score) for s in suggest(read_article(headline, body, lexicon), lexicon,
                                               documents=documents, df=df, exclude=exclude)]
