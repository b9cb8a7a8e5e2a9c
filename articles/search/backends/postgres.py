"""PostgreSQL: a GIN index over an expression of the indexed text, its characters and character
bigrams (articles_search_grams(), a SQL function created by migration 0019).

No tokens are stored: the index is the only copy, a posting list per character and bigram,
so it takes a fraction of the text's bytes, and no row carries a token set the planner would
have to read back. A term of one or two characters is one token, matched exactly by the index;
a longer one is narrowed down by its bigrams and made exact by a substring test on the text.
The function is declared costly, so the planner never evaluates it over the whole table
instead of asking the index.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.db import connection
from django.db.models import Lookup, Q, TextField, Transform

from ...models import SearchEntry
from .base import SearchBackend

GRAMS_FUNCTION = "articles_search_grams"
GRAMS_INDEX = "articles_searchentry_grams_gin"
EXACT_LONGEST = 2  # the longest term the index alone answers exactly


@TextField.register_lookup
class SearchGrams(Transform):
    """text -> its characters and bigrams as a tsvector: the expression the GIN index holds."""

    lookup_name = "search_grams"
    function = GRAMS_FUNCTION
    output_field = SearchVectorField()


@SearchVectorField.register_lookup
class HoldsTokens(Lookup):
    """`tokens @@ '...'::tsquery` with the query as built here: Django's own `@@` lookup would
    run it through a text-search configuration, which would re-parse the tokens."""

    lookup_name = "holds"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} @@ {rhs}::tsquery", [*lhs_params, *rhs_params]


def _lexeme(token: str) -> str:
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def tsquery(term: str) -> str:
    """Tokens every text holding `term` holds: the term itself up to two characters, else its
    bigrams."""
    if len(term) <= EXACT_LONGEST:
        return _lexeme(term)
    bigrams = dict.fromkeys(term[i:i + 2] for i in range(len(term) - 1))
    return " & ".join(map(_lexeme, bigrams))


def _exact(term: str) -> bool:
    return len(term) <= EXACT_LONGEST


class PostgresBackend(SearchBackend):
    index_tables = ("articles_searchentry",)

    def refresh_statistics(self) -> None:
        super().refresh_statistics()
        with connection.cursor() as cursor:
            # New tokens wait in the GIN index's pending list, which every search reads through.
            cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [GRAMS_INDEX])

    def indexed_count(self) -> int:
        # The planner's own count, kept by ANALYZE (refresh_statistics after every import) and
        # autovacuum: counting the rows would read the whole table.
        with connection.cursor() as cursor:
            cursor.execute("SELECT reltuples FROM pg_class WHERE oid = 'articles_searchentry'::regclass")
            estimate = cursor.fetchone()[0]
        return int(estimate) if estimate >= 0 else super().indexed_count()

    def holding(self, term: str) -> Q:
        holding = Q(search_entry__text__search_grams__holds=tsquery(term))
        if not _exact(term):
            holding &= Q(search_entry__text__contains=term)
        return holding

    def entries_holding(self, term: str, *, exact: bool = True):
        entries = SearchEntry.objects.filter(text__search_grams__holds=tsquery(term))
        return entries.filter(text__contains=term) if exact and not _exact(term) else entries

    def count_entries(self, terms: list[str]) -> int:
        entries = SearchEntry.objects.all()
        for term in terms:
            entries = entries.filter(text__search_grams__holds=tsquery(term))
            if not _exact(term):
                entries = entries.filter(text__contains=term)
        return entries.count()

    def sequential_scans(self, sql: str, params=()) -> list[str]:
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params or None)
            plan = cursor.fetchone()[0]
        if isinstance(plan, str):
            import json

            plan = json.loads(plan)
        found = []

        def walk(node):
            if node.get("Node Type") == "Seq Scan" and node.get("Relation Name") in self.index_tables:
                found.append(node["Relation Name"])
            for child in node.get("Plans", ()):
                walk(child)

        for item in plan:
            walk(item["Plan"])
        return found


__all__ = ["GRAMS_FUNCTION", "GRAMS_INDEX", "PostgresBackend", "tsquery"]
