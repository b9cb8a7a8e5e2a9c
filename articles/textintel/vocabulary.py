"""The vocabulary shipped with newsroom: the topics of community papers (data/topics.txt).

Each topic has a preferred name, the variants folded into it and the cue words that are evidence
of it; see the head of the file for its format. The archive's own vocabulary (the database,
editable in the admin) is seeded from a frozen copy of this file by a migration; this file is
what a process without a database (a dry run, the benchmarks, the pure tests) uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"
TOPICS_FILE = DATA / "topics.txt"
# The part of speech a vocabulary word is tagged with, so the tagger treats it as it should.
POS_OF_KIND = {"person": "nr", "place": "ns", "body": "nt", "programme": "nz", "term": "nz",
               "event": "nz", "facility": "nz"}
# Kinds a topic line may name; `word` marks a word kept whole that is not a topic.
TOPIC_KINDS = {"programme", "body", "event", "facility", "term"}
PLAIN_WORD = "word"


@dataclass(frozen=True)
class SeedTopic:
    name: str
    kind: str
    variants: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()


@dataclass(frozen=True)
class SeedWord:
    """One word of the shipped vocabulary, as the database holds it."""

    word: str
    kind: str
    preferred: str | None = None
    topic: bool = False


def parse_topics(text: str) -> tuple[SeedTopic, ...]:
    """Topic lines (`name kind [= variants] [; cues]`) into topics; raises ValueError on a bad line."""
    topics = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        head, _, cues = line.partition(";")
        head, _, variants = head.partition("=")
        parts = head.split()
        if len(parts) != 2 or parts[1] not in TOPIC_KINDS | {PLAIN_WORD}:
            raise ValueError(f"line {number}: expected 'name kind', got {head.strip()!r}")
        topics.append(SeedTopic(parts[0], parts[1], tuple(variants.split()), tuple(cues.split())))
    check_topics(topics)
    return tuple(topics)


def check_topics(topics) -> None:
    """Every name and variant once in the whole vocabulary; a cue never a variant of a topic."""
    owner: dict[str, str] = {}
    for topic in topics:
        for word in (topic.name, *topic.variants):
            if word in owner:
                raise ValueError(f"{word} is listed twice (under {owner[word]} and {topic.name})")
            owner[word] = topic.name
    for topic in topics:
        for cue in topic.cues:
            if cue in owner and owner[cue] != cue:
                raise ValueError(f"cue {cue} of {topic.name} is a variant of {owner[cue]}")


@lru_cache(maxsize=1)
def seed_topics() -> tuple[SeedTopic, ...]:
    return parse_topics(TOPICS_FILE.read_text(encoding="utf-8"))


def words_of(topics) -> tuple[SeedWord, ...]:
    """The vocabulary rows a list of topics makes: each topic, its variants, its cues."""
    words: dict[str, SeedWord] = {}
    for topic in topics:
        plain = topic.kind == PLAIN_WORD
        kind = "term" if plain else topic.kind
        words[topic.name] = SeedWord(topic.name, kind, None, not plain)
        for variant in topic.variants:
            words[variant] = SeedWord(variant, kind, topic.name, False)
    for topic in topics:
        for cue in topic.cues:
            words.setdefault(cue, SeedWord(cue, "term"))
    return tuple(words.values())


@lru_cache(maxsize=1)
def seed_words() -> tuple[SeedWord, ...]:
    return words_of(seed_topics())


def seed_cues(topics=None) -> tuple[tuple[str, str], ...]:
    """(cue, topic) pairs of the shipped vocabulary."""
    return tuple((cue, t.name) for t in (topics or seed_topics()) for cue in t.cues)


# A topic or variant the segmenter's dictionary lacks, or holds as rare, gets at least this
# frequency: enough to win over an overlapping dictionary word (街道社区|学校 -> 街道|社区学校,
# 人大代表|之|家里 -> 人大代表之家|里), too little to split two common words apart.
TOPIC_FREQUENCY = 1000


def tokenizer_entries(rows, current_frequency) -> list[tuple[str, int | None, str]]:
    """(word, frequency, part of speech) for the segmenter, from vocabulary rows
    (word, kind, preferred, is a topic, ...); `current_frequency(word)` is what the segmenter
    gives the word now (never lowered)."""
    entries = []
    for word, kind, preferred, is_topic, *_ in rows:
        frequency = None
        if (is_topic or preferred) and kind not in ("person", "place"):
            frequency = max(TOPIC_FREQUENCY, current_frequency(word))
        entries.append((word, frequency, POS_OF_KIND.get(kind, "nz")))
    return entries
