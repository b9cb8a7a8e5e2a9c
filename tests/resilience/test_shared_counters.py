"""Rate-limit counters are shared by every worker: without Redis they live in the database, and
an increment is atomic however many workers count the same client at once."""

import threading

import pytest
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connections

from newsroom.cache import CounterCache

from ..test_settings import SETUP, run_python

KEY = "rl:test-client"


def test_without_redis_the_counters_are_in_the_database_and_with_it_in_redis():
    code = SETUP + "from django.conf import settings; print(settings.CACHES['ratelimit']['BACKEND'], settings.RATELIMIT_USE_CACHE)"
    assert run_python(code, DJANGO_DEBUG="1").stdout.split() == ["newsroom.cache.CounterCache", "ratelimit"]
    with_redis = run_python(code, DJANGO_DEBUG="1", REDIS_URL="redis://127.0.0.1:6379/3")
    assert with_redis.stdout.split() == ["django.core.cache.backends.redis.RedisCache", "ratelimit"]


def count_in_threads(workers: int, each: int) -> None:
    start = threading.Barrier(workers)
    errors = []

    def work():
        try:
            counters = caches["ratelimit"]  # each thread has its own cache object and connection
            start.wait()
            for _ in range(each):
                counters.incr(KEY)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not errors, errors


@pytest.mark.slow
def test_concurrent_increments_of_one_counter_lose_none(transactional_db):
    counters = caches["ratelimit"]
    assert isinstance(counters, CounterCache)
    counters.clear()
    assert counters.add(KEY, 1, 60)
    count_in_threads(workers=4, each=25)
    assert counters.get(KEY) == 1 + 4 * 25
    counters.clear()


def test_an_increment_keeps_the_counters_expiry_and_a_missing_or_expired_counter_is_missing(db):
    counters = caches["ratelimit"]
    counters.add(KEY, 1, 60)
    before = DatabaseCache.get(counters, KEY)
    assert counters.incr(KEY, 2) == 3 == before + 2
    with connections["default"].cursor() as cursor:
        cursor.execute(f"SELECT expires FROM {counters._table}")
        [expires_once] = cursor.fetchone()
        counters.incr(KEY)
        cursor.execute(f"SELECT expires FROM {counters._table}")
        assert cursor.fetchone()[0] == expires_once
    with pytest.raises(ValueError):
        counters.incr("rl:nobody")
    counters.add("rl:gone", 1, -1)  # already expired
    with pytest.raises(ValueError):
        counters.incr("rl:gone")
