"""What a search backend does: keep its index of the published texts and answer, for one term,
which indexed articles hold it exactly.

The texts themselves live in SearchEntry (folded, see tokens.indexed_text) on every database;
a backend adds the index over them. Ranking, paging and visibility stay in query.py, shared.
"""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.db import connection
from django.db.models import Q

from ...models import SearchEntry


class SearchBackend:
    # Tables whose full scan a search must never need (see sequential_scans()).
    index_tables: tuple[str, ...] = ()

    # --- writing -------------------------------------------------------------------------------
    def store(self, texts: dict[int, str]) -> None:
        """Index these texts (article id -> indexed text), replacing what those articles had."""
        if texts:
            with connection.cursor() as cursor:
                cursor.executemany(
                    "INSERT INTO articles_searchentry (article_id, text) VALUES (%s, %s) "
                    "ON CONFLICT (article_id) DO UPDATE SET text = EXCLUDED.text",
                    list(texts.items()),
                )

    def retract(self, old: dict[int, str]) -> None:
        """Before entries are replaced or removed: forget what the index derived from their old
        texts (article id -> the text indexed). Nothing to do where the index follows the rows."""

    def clear(self) -> None:
        """Empty the index."""
        SearchEntry.objects.all().delete()

    def in_step(self) -> bool:
        """Does the index hold exactly the entries SearchEntry holds?"""
        return True

    def refresh_statistics(self) -> None:
        """After a bulk change: let the planner know the tables' sizes."""
        with connection.cursor() as cursor:
            # Every table: a plan built on a stale count of tags or mentions misjudges.
            cursor.execute("ANALYZE")

    # --- reading -------------------------------------------------------------------------------
    def holding(self, term: str) -> Q:
        """Articles (a filter on Article) holding `term` (folded, no spaces) exactly."""
        raise NotImplementedError

    def lacking(self, term: str) -> Q:
        """Articles (a filter on Article) not holding `term` (folded; spaces allowed). Applied to
        the rows a search already found, so a test of their text is exact and cheap, where a
        look-up of every article holding a common word would not be."""
        return ~Q(search_entry__text__contains=term)

    def entries_holding(self, term: str, *, exact: bool = True):
        """SearchEntry rows holding `term`; exact=False may return a superset, found from the
        index alone (for estimating how common a term is)."""
        raise NotImplementedError

    def count_entries(self, terms: list[str]) -> int:
        """How many indexed articles hold every term, counted without reading articles."""
        entries = SearchEntry.objects.all()
        for term in terms:
            entries = entries.filter(pk__in=self.entries_holding(term).values("pk"))
        return entries.count()

    def indexed_count(self) -> int:
        """How many articles the index holds (an estimate will do: it sets what "common" means)."""
        return SearchEntry.objects.count()

    def count_matches(self, term: str, *, limit: int) -> int:
        """Indexed articles holding `term`'s tokens (a superset is fine), counted up to `limit`."""
        return self.entries_holding(term, exact=False)[:limit].count()

    def count_matches_any(self, terms: list[str], *, limit: int) -> int:
        """Indexed articles holding the tokens of any of `terms` (a superset is fine), counted up to
        `limit`, in one query: a word and its variants are asked together."""
        if len(terms) == 1:
            return self.count_matches(terms[0], limit=limit)
        entries = reduce(or_, (self.entries_holding(term, exact=False) for term in terms))
        return entries[:limit].count()

    # --- checking ------------------------------------------------------------------------------
    def sequential_scans(self, sql: str, params=()) -> list[str]:
        """The index tables a query's plan reads in full (empty: the index answers it)."""
        raise NotImplementedError
