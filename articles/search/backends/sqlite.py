"""SQLite: an FTS5 table of character bigrams, without content of its own (the texts are in
SearchEntry), with positions, so a term's bigrams as a phrase match exactly where it occurs.

A one-character term is a prefix query: every character starts a bigram or the terminal token
that ends its run (see tokens.py).
"""

from __future__ import annotations

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

from ...models import SearchEntry
from ..tokens import document_tokens, phrase_tokens, term_tokens
from .base import SearchBackend

FTS_TABLE = "articles_search_fts"


def _phrase(term: str) -> str:
    return f'"{term_tokens(term)[0]}"*' if len(term) == 1 else '"' + " ".join(phrase_tokens(term)) + '"'


def _matching_rowids(match: str) -> RawSQL:
    return RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", (match,))


class SQLiteBackend(SearchBackend):
    index_tables = (FTS_TABLE,)

    def store(self, texts: dict[int, str]) -> None:
        super().store(texts)
        if texts:
            with connection.cursor() as cursor:
                cursor.executemany(f"INSERT INTO {FTS_TABLE}(rowid, tokens) VALUES (%s, %s)",
                                   [(pk, " ".join(document_tokens(text))) for pk, text in texts.items()])

    def retract(self, old: dict[int, str]) -> None:
        # A contentless FTS5 table forgets a row only when told the tokens it was given.
        if old:
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, tokens) VALUES ('delete', %s, %s)",
                    [(pk, " ".join(document_tokens(text))) for pk, text in old.items()],
                )

    def clear(self) -> None:
        with connection.cursor() as cursor:
            # A contentless FTS5 table is emptied by its own command; DELETE is refused.
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('delete-all')")
        super().clear()

    def in_step(self) -> bool:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {FTS_TABLE}")
            return cursor.fetchone()[0] == SearchEntry.objects.count()

    def holding(self, term: str) -> Q:
        return Q(pk__in=_matching_rowids(_phrase(term)))

    def entries_holding(self, term: str, *, exact: bool = True):
        return SearchEntry.objects.filter(pk__in=_matching_rowids(_phrase(term)))

    def count_entries(self, terms: list[str]) -> int:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",
                           [" AND ".join(_phrase(t) for t in terms)])
            return cursor.fetchone()[0]

    def count_matches(self, term: str, *, limit: int) -> int:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "
                           f"LIMIT {int(limit)}) AS hits", [_phrase(term)])
            return cursor.fetchone()[0]

    def count_matches_any(self, terms: list[str], *, limit: int) -> int:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "
                           f"LIMIT {int(limit)}) AS hits", [" OR ".join(_phrase(t) for t in terms)])
            return cursor.fetchone()[0]

    def sequential_scans(self, sql: str, params=()) -> list[str]:
        # FTS5 reports a MATCH answered by its index as "VIRTUAL TABLE INDEX n:M..."; a plan that
        # reads every row of it has no M (match) constraint.
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params or None)
            details = [row[-1] for row in cursor.fetchall()]
        return [table for table in self.index_tables for detail in details
                if f"SCAN {table}" in detail and ":M" not in detail]
