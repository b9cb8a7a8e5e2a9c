"""What a search looks for once its words are known: the exact strings, no syntax left.

Pure, no Django. A SearchPlan is clauses of alternatives (an article must hold, for every
clause, at least one of its strings) and strings it must not hold; every string is folded and
matched as an exact substring of the indexed text. `matches` is the definition the database
queries, the walk through the newest articles and the brute-force tests all agree on.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .syntax import ParsedQuery
from .tokens import split_query


@dataclass(frozen=True)
class SearchPlan:
    clauses: tuple[tuple[str, ...], ...]
    excluded: tuple[str, ...] = ()
    # For each clause, the strings added to what was typed (known variants), for the results to
    # say so; the typed word comes first in its clause and ranks the hits.
    added: tuple[tuple[str, ...], ...] = field(default=(), compare=False)

    @classmethod
    def literal(cls, query: str) -> SearchPlan:
        """Every whitespace-separated term, as the search box read queries before operators."""
        return cls(clauses=tuple((term,) for term in split_query(query)))

    def matches(self, text: str) -> bool:
        return (bool(self.clauses) and all(any(s in text for s in clause) for clause in self.clauses)
                and not any(s in text for s in self.excluded))

    @property
    def conjunction(self) -> list[str] | None:
        """The strings, when the plan is a plain "all of these" (what the index can count alone:
        no phrase with a space, which no index token spans)."""
        if self.excluded or any(len(clause) != 1 or " " in clause[0] for clause in self.clauses):
            return None
        return [clause[0] for clause in self.clauses]

    @property
    def narrowed_by_text(self) -> bool:
        """Does a test of the text, not the index, narrow the hits (an excluded word, a phrase
        with a space)? Then how many of the index's candidates are hits is anyone's guess."""
        return bool(self.excluded) or any(" " in s for clause in self.clauses for s in clause)

    @property
    def highlighted(self) -> list[str]:
        """Every string a hit may hold: what a snippet marks."""
        return list(dict.fromkeys(s for clause in self.clauses for s in clause))


def minimal_alternatives(word: str, variants) -> tuple[str, ...]:
    """`word` and its variants, less each one holding another (加梯工作 holds 加梯: every text
    with it is found through 加梯 already). The typed word stays first when it is kept."""
    candidates = list(dict.fromkeys([word, *variants]))
    kept = [c for c in candidates if c and not any(o != c and o in c for o in candidates)]
    return tuple(kept)


def plan_for(parsed: ParsedQuery, variants_of=None) -> SearchPlan:
    """The plan of a parsed query; `variants_of(text)` gives the known variants of a bare word.

    A quoted word and an excluded one are taken as typed: quoting asks for exactly that text, and
    excluding a word's variants would hide articles the searcher never named.
    """
    clauses, added = [], []
    for clause in parsed.clauses:
        strings: list[str] = []
        for word in clause:
            found = variants_of(word.text) if variants_of and not word.exact else ()
            strings.extend(minimal_alternatives(word.text, found))
        strings = list(minimal_alternatives(strings[0], strings[1:]))
        typed = {w.text for w in clause}
        clauses.append(tuple(strings))
        added.append(tuple(s for s in strings if s not in typed))
    return SearchPlan(clauses=tuple(clauses), excluded=tuple(w.text for w in parsed.excluded), added=tuple(added))
