"""The database cache the rate-limit counters live in when there is no Redis."""

from __future__ import annotations

import base64
import pickle

from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router, transaction
from django.utils import timezone


class CounterCache(DatabaseCache):
    """Django's database cache with an atomic `incr`.

    django-ratelimit counts with add() and incr(); the stock incr reads the value and writes it
    back in two steps, so two workers counting the same client at once would both write n + 1.
    Here the read and the write happen in one transaction holding the row: PostgreSQL locks it
    (SELECT ... FOR UPDATE), and SQLite's IMMEDIATE transactions (see settings) take the write
    lock up front. The counter keeps its expiry (the stock incr would push it back).
    """

    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        table = connection.ops.quote_name(self._table)
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
        with transaction.atomic(using=db), connection.cursor() as cursor:
            cursor.execute(f"SELECT value, expires FROM {table} WHERE cache_key = %s{lock}", [key])
            row = cursor.fetchone()
            expires = row and self._expiry(connection, row[1])
            if row is None or expires < timezone.now():
                raise ValueError(f"Key '{key}' not found.")
            value = pickle.loads(base64.b64decode(connection.ops.process_clob(row[0]).encode())) + delta
            encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
            cursor.execute(f"UPDATE {table} SET value = %s WHERE cache_key = %s", [encoded, key])
        return value

    @staticmethod
    def _expiry(connection, value):
        from django.db import models

        expression = models.Expression(output_field=models.DateTimeField())
        for converter in connection.ops.get_db_converters(expression) + expression.get_db_converters(connection):
            value = converter(value, expression, connection)
        return value
