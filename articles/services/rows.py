"""Plain-row inserts for the many small rows an import writes."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection


def insert_new_rows(model, fields: Sequence[str], rows: list[tuple]) -> None:
    """Insert rows of `fields` into `model`'s table, skipping any a unique constraint already holds.

    An issue brings a few hundred suggestions, keywords and mentions; building and preparing a
    model instance for each cost more than writing it, so these go in as plain parameter rows.
    Every column left out must be nullable. Both SQLite and PostgreSQL read ON CONFLICT DO NOTHING.
    """
    if not rows:
        return
    meta = model._meta
    quote = connection.ops.quote_name
    columns = ", ".join(quote(meta.get_field(name).column) for name in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES ({placeholders}) ON CONFLICT DO NOTHING",
            rows,
        )
