"""The vocabulary shipped with newsroom: genre words and synonyms (data/genre_words.txt)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"
# The part of speech a vocabulary word is tagged with, so the tagger treats it as it should.
POS_OF_KIND = {"person": "nr", "place": "ns", "body": "nt", "programme": "nz", "term": "nz"}


@dataclass(frozen=True)
class SeedWord:
    word: str
    kind: str
    preferred: str | None


@lru_cache(maxsize=1)
def seed_words() -> tuple[SeedWord, ...]:
    words = []
    for line in (DATA / "genre_words.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        head, _, preferred = line.partition("=")
        parts = head.split()
        words.append(SeedWord(parts[0], parts[1] if len(parts) > 1 else "term", preferred.strip() or None))
    return tuple(words)
