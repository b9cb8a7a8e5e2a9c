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
from typing import NamedTuple

from . import segmenter, tag_rules
from .lexicon import Lexicon

DATA = Path(__file__).parent / "data"
# Parts of speech a term can be (for keywords and the archive's IDF): nouns, names of bodies,
# verbal nouns, abbreviations.
TERM_POS = {"n", "nz", "nt", "vn", "j", "nw"}
# Parts of speech a word outside the vocabulary must have to be suggested: nouns (not verbal nouns
# such as 考验 or 优化, not idioms, not names).
FREE_POS = {"n", "nz", "j", "nw"}
# Parts of speech of a neighbour a word may be a piece of a compound with (not a person's name:
# a name beside a word makes no compound).
NOUN_POS = {"n", "nz", "vn", "j", "nw", "ns", "nt", "an"}
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
    """A word outside the vocabulary that the headline names: its uses and its neighbours."""

    headline: int = 0  # uses in the headline outside quotation marks
    lead: bool = False
    body: int = 0
    places: int = 0  # uses followed by a place word
    neighbours: Counter = field(default_factory=Counter)  # (side, noun) it stands beside in the body


@dataclass
class Reading:
    """What one pass of the segmenter found in an article."""

    topics: dict[str, Evidence]
    cue_words: set[str]
    terms: Counter  # every term, synonyms folded, the headline counted TITLE_WEIGHT times
    free: dict[str, FreeWord]
    headline_text: str
    length: int


TITLE_WEIGHT = 3  # a headline word counts this many times among an article's terms (keywords)


def read_article(headline: str, body: str, lexicon: Lexicon) -> Reading:
    reading = Reading({}, set(), Counter(), {}, headline, len(body))
    _scan(segmenter.cut(headline), reading, lexicon, in_headline=True)
    lead, rest = split_lead(body)
    for part, in_lead in ((lead, True), (rest, False)):
        if part:
            _scan(segmenter.cut(part), reading, lexicon, in_lead=in_lead)
    return reading


def split_lead(body: str) -> tuple[str, str]:
    """The lead (the first paragraph, up to the sentence that passes LEAD_CHARACTERS) and the rest."""
    text = body.lstrip()
    end = text.find("\n")
    end = len(text) if end < 0 else end
    if end > tag_rules.LEAD_CHARACTERS:
        stop = text.find("。", tag_rules.LEAD_CHARACTERS // 2, end)
        end = stop + 1 if 0 <= stop < tag_rules.LEAD_CHARACTERS * 2 else end
    return text[:end], text[end:]


def _word(word: str, lexicon: Lexicon):
    """What the lexicon says of a word, computed once per word: (preferred form, topic it names or
    None, cue it is or None, counts as a term, may be a word outside the vocabulary, is a noun a
    word may form a compound with).

    The part of speech of a dictionary word is the dictionary's, the same wherever it stands, so
    the text is cut (faster than tagging) and each word's part of speech looked up once here."""
    found = lexicon.memo.get(word)
    if found is None:
        if len(lexicon.memo) > MEMO_SIZE:
            lexicon.memo.clear()
        preferred = lexicon.synonyms.get(word, word)
        known = preferred in lexicon.terms
        chinese = is_chinese_term(preferred)
        stop = stopwords()
        dictionary = chinese and (known or segmenter.is_word(word))
        pos = _part_of_speech(word) if dictionary else "x"
        found = lexicon.memo[word] = (
            preferred,
            preferred if preferred in lexicon.topics else None,
            word if word in lexicon.cues else (preferred if preferred in lexicon.cues else None),
            dictionary and preferred not in stop and (known or pos in TERM_POS),
            dictionary and not known and word not in stop and word not in lexicon.names and pos in FREE_POS,
            dictionary and pos in NOUN_POS,
        )
    return found


def _part_of_speech(word: str) -> str:
    tagged = segmenter.tag(word)
    return tagged[0][1] if len(tagged) == 1 else "x"


MEMO_SIZE = 200_000  # distinct words remembered per lexicon (a few MB)


def _scan(tokens, reading: Reading, lexicon: Lexicon, *, in_headline: bool = False, in_lead: bool = False) -> None:
    if in_headline:
        _scan_headline(tokens, reading, lexicon)
    else:
        _scan_body(tokens, reading, lexicon, in_lead)


def _scan_headline(tokens, reading: Reading, lexicon: Lexicon) -> None:
    known_word, free_words, found_terms = lexicon.memo.get, reading.free, []
    topics_found, inside = reading.topics, lexicon.inside
    quoted = False
    last = len(tokens) - 1
    for i, word in enumerate(tokens):
        if len(word) < 2:  # no topic, cue or term is one character long
            if word in QUOTES_OPEN and not (word == '"' and quoted):
                quoted = True
            elif word in QUOTES_CLOSE:
                quoted = False
            continue
        preferred, topic, cue, term, free_ok, _ = known_word(word) or _word(word, lexicon)
        if topic is not None:
            evidence = topics_found.get(topic)
            if evidence is None:
                evidence = topics_found[topic] = Evidence()
            evidence.headline = 1.0
            if topic in inside:
                _mention_inside(reading, lexicon, topic, True)
        if cue:
            reading.cue_words.add(cue)
        if term:
            found_terms.append(preferred)
        if free_ok:
            free = free_words.get(word)
            if free is None:
                free = free_words[word] = FreeWord()
            free.headline += not quoted
            if i < last and tokens[i + 1] in PLACE_SUFFIXES:
                free.places += 1
    reading.terms.update(found_terms * TITLE_WEIGHT)


def _scan_body(tokens, reading: Reading, lexicon: Lexicon, in_lead: bool) -> None:
    known_word, free_words, found_terms = lexicon.memo.get, reading.free, []
    topics_found, inside = reading.topics, lexicon.inside
    last = len(tokens) - 1
    for i, word in enumerate(tokens):
        if len(word) < 2:  # no topic, cue or term is one character long
            continue
        preferred, topic, cue, term, free_ok, _ = known_word(word) or _word(word, lexicon)
        if topic is not None:
            evidence = topics_found.get(topic)
            if evidence is None:
                evidence = topics_found[topic] = Evidence()
            evidence.body += 1.0
            if in_lead:
                evidence.lead = True
            if topic in inside:
                _mention_inside(reading, lexicon, topic, False)
        if cue:
            reading.cue_words.add(cue)
        if term:
            found_terms.append(preferred)
        if not free_ok or not free_words:
            continue
        free = free_words.get(word)
        if free is None:
            continue
        free.body += 1
        free.lead = free.lead or in_lead
        if i < last:
            after = tokens[i + 1]
            if after in PLACE_SUFFIXES:
                free.places += 1
            if len(after) > 1 and (known_word(after) or _word(after, lexicon))[5]:
                free.neighbours[("after", after)] += 1
        if i > 0:
            before = tokens[i - 1]
            if len(before) > 1 and (known_word(before) or _word(before, lexicon))[5]:
                free.neighbours[("before", before)] += 1
    reading.terms.update(found_terms)


def _mention_inside(reading: Reading, lexicon: Lexicon, topic: str, in_headline: bool) -> None:
    """A topic written inside a longer one (人大代表 in 人大代表之家) is mentioned a little."""
    weight = tag_rules.INSIDE_LONGER
    for name in lexicon.inside[topic]:
        evidence = reading.topics.get(name)
        if evidence is None:
            evidence = reading.topics[name] = Evidence()
        if in_headline:
            evidence.headline = max(evidence.headline, weight)
        else:
            evidence.body += weight


# --- Weighing the evidence -----------------------------------------------------------------------

def feedback_factor(name: str, lexicon: Lexicon) -> float:
    decided = lexicon.feedback.get(name)
    if decided is None:
        return 1.0
    accepted, rejected = decided
    prior = tag_rules.FEEDBACK_PRIOR
    return 2 * (accepted + prior) / (accepted + rejected + 2 * prior)


def _body_score(mentions: float, length: int) -> float:
    scale = min(1.0, tag_rules.REFERENCE_LENGTH / length) if length else 1.0
    return tag_rules.BODY * math.log2(1 + mentions * scale)


def cue_evidence(reading: Reading, lexicon: Lexicon) -> dict[str, float]:
    """Per topic, the evidence of the cue words the article uses (each counted once)."""
    found: dict[str, float] = {}
    for word in reading.cue_words:
        for topic, weight in lexicon.cues.get(word, ()):
            found[topic] = found.get(topic, 0.0) + weight
    return found


def topic_score(name: str, evidence: Evidence, reading: Reading, lexicon: Lexicon, cues: dict[str, float]) -> float:
    score = tag_rules.HEADLINE * evidence.headline + _body_score(evidence.body, reading.length)
    if evidence.lead:
        score += tag_rules.LEAD
    score += min(tag_rules.CUES_AT_MOST, cues.get(name, 0.0))
    return score * feedback_factor(name, lexicon)


class Suggestion(NamedTuple):
    name: str
    score: float
    topic: bool  # a topic of the vocabulary (False: a word outside it)


def suggest(reading: Reading, lexicon: Lexicon, *, documents: int = 0, df=None, exclude=()) -> list[Suggestion]:
    """The suggestions for an article, best first; `documents` and `df` are the archive's counts
    (how many articles, and in how many each term occurs)."""
    excluded = [e for e in exclude if len(e) >= 2]
    cues = cue_evidence(reading, lexicon) if reading.cue_words else {}
    retired = lexicon.retired
    topics = [Suggestion(name, topic_score(name, evidence, reading, lexicon, cues), True)
              for name, evidence in reading.topics.items()
              if name not in retired and not (excluded and _overlaps(name, excluded))]
    if len(topics) > 1:
        topics.sort(key=_best_first)
    shown = _clearing_the_bar(topics)
    if not shown and reading.free:
        # Only where the vocabulary has nothing to say: its topics are what editors chose.
        free = sorted(_free_candidates(reading, lexicon, documents, df or {}, excluded), key=_best_first)
        shown = _clearing_the_bar(free)[:tag_rules.FREE_AT_MOST]
    return shown


def _best_first(suggestion: Suggestion):
    return -suggestion.score, suggestion.name


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
    for word, found in reading.free.items():
        compound = _compound_of(word, found, reading)
        if compound is not None:
            name, headline_named, mentions = compound
        else:
            name, headline_named, mentions = word, found.headline > 0, found.body
        if not headline_named or mentions < tag_rules.FREE_BODY_MENTIONS:
            continue
        if found.places or not found.headline:
            continue
        if (name in lexicon.retired or name in lexicon.terms or _overlaps(name, excluded)
                or _is_generic(name, documents, df) or any(name.endswith(s) for s in PLACE_SUFFIXES if len(s) > 1)):
            continue
        score = tag_rules.HEADLINE + _body_score(mentions, reading.length) + (tag_rules.LEAD if found.lead else 0)
        score *= tag_rules.FREE_FACTOR * feedback_factor(name, lexicon)
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
    return name, name in reading.headline_text, together


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
