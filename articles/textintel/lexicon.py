"""What the archive's vocabulary tells the text layer: synonyms, topics, cues, names, and what
editors decided about tags. Built once per vocabulary version, shared by every article read."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from . import tag_rules

NAME_KINDS = {"person", "place"}


@dataclass(frozen=True)
class Lexicon:
    """The vocabulary as the tagger reads it.

    synonyms  every variant -> its preferred form (加梯 -> 加装电梯)
    terms     every known word except people's names
    topics    preferred names that may be suggested as tags
    cues      word -> ((topic, weight), ...): evidence of topics the word does not name
    names     people and places: never suggested (they have their own pages)
    retired   topics editors retired: never suggested again
    feedback  tag name -> (times accepted, times rejected) by editors, archive-wide
    inside    topic -> the other topics written inside it (人大代表之家 -> 人大代表)
    """

    synonyms: Mapping[str, str] = field(default_factory=dict)
    terms: frozenset = frozenset()
    topics: frozenset = frozenset()
    cues: Mapping[str, tuple] = field(default_factory=dict)
    names: frozenset = frozenset()
    retired: frozenset = frozenset()
    feedback: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    inside: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    memo: dict = field(default_factory=dict, compare=False, repr=False)  # per word, see tags._word

    def preferred(self, word: str) -> str:
        return self.synonyms.get(word, word)


def build_lexicon(words: Iterable[tuple], cues: Iterable[tuple] = (), feedback: Iterable[tuple] = ()) -> Lexicon:
    """A lexicon from vocabulary rows.

    words     (word, kind, preferred word or None, is a topic, retired)
    cues      (cue word, topic, times seen with it, seeded)
    feedback  (tag name, accepted, rejected)
    """
    words = list(words)
    synonyms = {w: preferred for w, _, preferred, _, _ in words if preferred and preferred != w}
    retired = {w for w, _, _, _, is_retired in words if is_retired}
    topics = {w for w, kind, preferred, is_topic, is_retired in words
              if is_topic and not preferred and not is_retired and kind not in NAME_KINDS}
    names = frozenset(w for w, kind, *_ in words if kind in NAME_KINDS)
    terms = frozenset(w for w, kind, *_ in words if kind != "person")
    weights: dict[str, dict[str, float]] = {}
    for word, topic, seen, seeded in cues:
        topic = synonyms.get(topic, topic)
        if topic not in topics or word == topic:
            continue
        weight = tag_rules.CUE if seeded else tag_rules.CUE * min(1.0, seen / tag_rules.LEARNT_CUE_FULL_AFTER)
        known = weights.setdefault(word, {})
        known[topic] = max(known.get(topic, 0.0), weight)
    return Lexicon(
        synonyms=synonyms, terms=terms, topics=frozenset(topics), names=names, retired=frozenset(retired),
        cues={w: tuple(sorted(t.items())) for w, t in weights.items()},
        feedback={name: (accepted, rejected) for name, accepted, rejected in feedback},
        inside=_topics_inside(topics),
    )


def _topics_inside(topics: set[str]) -> dict[str, tuple[str, ...]]:
    inside = {}
    for topic in topics:
        found = {topic[i:j] for i in range(len(topic)) for j in range(i + 2, len(topic) + 1)
                 if (i, j) != (0, len(topic)) and topic[i:j] in topics}
        if found:
            inside[topic] = tuple(sorted(found))
    return inside


def seed_lexicon() -> Lexicon:
    """The shipped vocabulary alone (no database)."""
    from .vocabulary import seed_cues, seed_words

    return build_lexicon([(w.word, w.kind, w.preferred, w.topic, False) for w in seed_words()],
                         [(cue, topic, 0, True) for cue, topic in seed_cues()])
