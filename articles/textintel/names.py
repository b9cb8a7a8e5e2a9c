"""Misread names: a rare name printed with the same title as a frequent one, one look-alike character apart.

OCR reads 卞 as 下: one issue prints 镇党委书记下晓清 where every other prints 镇党委书记卞晓清.
A name is suspect when, in the same town and office, another name is printed in more issues,
differs from it by exactly one character, the two characters look alike, and the rare one was
printed while the frequent one held that office (give or take a year). Two people who held one
office in different years, or whose names differ by characters that do not look alike, are not
confused.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"
TENURE_SLACK = dt.timedelta(days=400)
MIN_ISSUES_OF_RIGHT_FORM = 2


@dataclass(frozen=True)
class NameUse:
    """One printing of a (title, name) pair in an issue."""

    name: str
    office: str
    town: str
    issue: str  # any key that tells issues apart
    date: dt.date | None


@dataclass(frozen=True)
class Suspect:
    wrong: str
    right: str
    office: str
    town: str


@lru_cache(maxsize=1)
def confusable_pairs() -> frozenset[frozenset[str]]:
    pairs = set()
    for line in (DATA / "confusables.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            pair = line.split()[0]
            if len(pair) == 2:
                pairs.add(frozenset(pair))
    return frozenset(pairs)


def look_alike(a: str, b: str) -> bool:
    """Same length, exactly one character different, and those two characters look alike."""
    if len(a) != len(b) or a == b:
        return False
    diffs = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(diffs) == 1 and frozenset(diffs[0]) in confusable_pairs()


@dataclass
class _Form:
    issues: set
    archive_issues: int = 0
    first: dt.date | None = None
    last: dt.date | None = None

    @property
    def count(self) -> int:
        return len(self.issues) + self.archive_issues

    def extend(self, first: dt.date | None, last: dt.date | None) -> None:
        if first:
            self.first = min(self.first, first) if self.first else first
        if last:
            self.last = max(self.last, last) if self.last else last


class NameIndex:
    """Every printed form of a name per (town, office): from the archive and the batch at hand."""

    def __init__(self) -> None:
        self._forms: dict[tuple[str, str], dict[str, _Form]] = defaultdict(dict)

    def _form(self, town: str, office: str, name: str) -> _Form:
        return self._forms[(town, office)].setdefault(name, _Form(set()))

    def add(self, use: NameUse) -> None:
        form = self._form(use.town, use.office, use.name)
        form.issues.add(use.issue)
        form.extend(use.date, use.date)

    def add_archive(self, *, name: str, office: str, town: str, issues: int, first: dt.date | None,
                    last: dt.date | None) -> None:
        form = self._form(town, office, name)
        form.archive_issues += issues
        form.extend(first, last)

    def suspects(self) -> list[Suspect]:
        found = []
        for (town, office), names in self._forms.items():
            for wrong, rare in names.items():
                for right, frequent in names.items():
                    if look_alike(wrong, right) and _more_credible(right, frequent, wrong, rare) \
                            and _within_tenure(rare, frequent):
                        found.append(Suspect(wrong, right, office, town))
        return found


def _more_credible(right: str, frequent: _Form, wrong: str, rare: _Form) -> bool:
    """Printed in more issues; or as often, but only the right form begins with a surname."""
    if frequent.count >= MIN_ISSUES_OF_RIGHT_FORM and frequent.count > rare.count:
        return True
    from .people import starts_with_surname

    return frequent.count >= rare.count and starts_with_surname(right) and not starts_with_surname(wrong)


def find_suspects(uses: list[NameUse]) -> list[Suspect]:
    index = NameIndex()
    for use in uses:
        index.add(use)
    return index.suspects()


def _within_tenure(rare: _Form, frequent: _Form) -> bool:
    if not (rare.first and frequent.first):
        return True
    return frequent.first - TENURE_SLACK <= rare.first and rare.last <= frequent.last + TENURE_SLACK
