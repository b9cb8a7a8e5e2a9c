"""Search index size and speed: the bytes the search tables and indexes take against the bytes of
the published text they index, the plans of common and rare searches, and search against a plain
LIKE '%q%' scan, all in one run on one generated archive.

    nice -n 10 .venv/bin/python bench/bench_search.py --articles 20000                   # SQLite
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom_bench nice -n 10 .venv/bin/python bench/bench_search.py --articles 20000
"""

import argparse
import json
import random
import time

from _django import OUT, setup

PLAN_QUERIES = ["居民", "镇", "社区", "垃圾分类", "镇党委", "卞晓清", "晓清", "加装电梯", "居民 志愿者"]


def published_text_bytes() -> int:
    from articles.models import Article
    from articles.search.tokens import document_text

    return sum(len(document_text(*row).encode()) for row in
               Article.objects.published().values_list("title", "subtitle", "body").iterator(chunk_size=2000))


def search_bytes(vendor: str) -> dict:
    from django.db import connection

    with connection.cursor() as cursor:
        if vendor == "postgresql":
            cursor.execute("SELECT pg_table_size('articles_searchentry'), pg_indexes_size('articles_searchentry')")
            table, indexes = cursor.fetchone()
            return {"table_and_toast": table, "indexes": indexes, "total": table + indexes}
        cursor.execute("SELECT name, SUM(pgsize) FROM dbstat WHERE name LIKE 'articles_search%' "
                       "OR name LIKE 'sqlite_autoindex_articles_searchentry%' GROUP BY name")
        parts = dict(cursor.fetchall())
        return {**parts, "total": sum(parts.values())}


def plans() -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles.search import search_hits
    from articles.search.backends import backend

    report = {}
    for query in PLAN_QUERIES:
        with CaptureQueriesContext(connection) as captured:
            hits = search_hits(query)
            count = hits.count()
            hits[:20]
        sqls = [q["sql"] for q in captured.captured_queries if any(t in q["sql"] for t in backend().index_tables)]
        report[query] = {"hits": count, "queries": len(sqls),
                         "sequential_scans": sum(len(backend().sequential_scans(sql)) for sql in sqls)}
    return report


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--pool-issues", type=int, default=300)
    args = parser.parse_args()
    vendor = setup()
    from bench_public import TAGS_PER_PAPER, build, measure_search, pool_from_corpus, settle
    from corpus import IssueWriter, load_source

    from articles.models import Article
    from articles.search import refresh_statistics

    rng = random.Random(15)
    writer = IssueWriter(load_source())
    pool, tag_names = pool_from_corpus(args.pool_issues, writer)
    # A paper takes TAGS_PER_PAPER distinct names: pad a short list with numbered ones.
    tag_names += [f"话题{chr(0x4e00 + i)}" for i in range(max(0, TAGS_PER_PAPER - len(tag_names)))]
    started = time.perf_counter()
    build(args.articles, rng, {"writer": writer, "pool": pool, "tag_names": tag_names})
    built = time.perf_counter() - started
    refresh_statistics()
    settle(vendor)
    text = published_text_bytes()
    size = search_bytes(vendor)
    report = {
        "database": vendor, "articles": Article.objects.published().count(), "build_s": round(built, 1),
        "published_text_bytes": text, "search_bytes": size, "size_ratio": round(size["total"] / text, 2),
        "plans": plans(), "search": measure_search(rng),
    }
    print(json.dumps(report, ensure_ascii=False, indent=1))
    (OUT / f"search-{vendor}.json").write_text(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
