"""Each public page against `/healthz`, in the same process, interleaved: with the page cache off
(every request renders) and on (every request served from the cache after one render).

A request for `/healthz` (middleware, routing, a response) is the floor a Django request costs
here; each page's figure is the median of its times over the median of the `/healthz` times
measured between them, so a slow spell of the shared machine weighs on both alike.

    nice -n 10 .venv/bin/python bench/bench_pages.py --articles 20000                    # SQLite
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom_bench nice -n 10 .venv/bin/python bench/bench_pages.py --articles 20000

`--reuse` measures the archive an earlier run left behind (building 20,000 articles takes longer
than measuring them), so a change to a page can be measured again in a minute.
"""

import argparse
import json
import random
import time

from _django import OUT, median, percentile, setup

ROUNDS = 5
PER_PAGE = 12


def page_urls(rng) -> dict[str, list[str]]:
    from bench_public import sample, search_queries

    from articles.models import Article, Issue, Person, Tag

    articles = sample(rng, Article.objects.published(), PER_PAGE)
    issues = list(Issue.objects.select_related("publication").filter(pk__in=sample(rng, Issue.objects.all(), PER_PAGE)))
    tags = list(Tag.objects.filter(pk__in=sample(rng, Tag.objects.all(), PER_PAGE)))
    people = sample(rng, Person.objects.filter(mentions__isnull=False).distinct(), PER_PAGE)
    queries = search_queries(rng)[:PER_PAGE]
    return {
        "home": ["/"],
        "paper": [f"/{i.publication.slug}/" for i in issues],
        "paper year": [f"/{i.publication.slug}/{i.date.year}/" for i in issues],
        "issue": [i.get_absolute_url() for i in issues],
        "article": [f"/articles/{pk}/" for pk in articles],
        "tag": [t.get_absolute_url() for t in tags],
        "person": [f"/people/{pk}/" for pk in people],
        "search": [f"/search/?q={q}" for q in queries],
        "api list": [f"/api/articles/?q={q}" for q in queries],
        "api article": [f"/api/articles/{pk}/" for pk in articles],
    }


def timed(client, url) -> float:
    started = time.perf_counter()
    response = client.get(url)
    elapsed = time.perf_counter() - started
    assert response.status_code == 200, (url, response.status_code)
    return elapsed


def measure(pages: dict[str, list[str]], rng, *, cache_seconds: int) -> dict:
    from django.core.cache import cache
    from django.test import Client, override_settings

    client = Client()
    with override_settings(PAGE_CACHE_SECONDS=cache_seconds):
        cache.clear()
        for urls in pages.values():  # each page seen once: stored lists, caches of aggregates, the page cache
            for url in urls:
                timed(client, url)
        floor: list[float] = []
        times: dict[str, list[float]] = {name: [] for name in pages}
        for _ in range(ROUNDS):
            order = [(name, url) for name, urls in pages.items() for url in urls]
            rng.shuffle(order)
            for name, url in order:
                floor.append(timed(client, "/healthz"))
                times[name].append(timed(client, url))
    base = median(floor)
    return {
        "healthz_median_ms": round(base * 1000, 3),
        "pages": {name: {"median_ms": round(median(t) * 1000, 2), "p95_ms": round(percentile(t, 95) * 1000, 2),
                         "against_healthz": round(median(t) / base, 2)} for name, t in times.items()},
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--pool-issues", type=int, default=300)
    parser.add_argument("--reuse", action="store_true",
                        help="measure the archive a previous run left in the benchmark database if it holds enough articles")
    args = parser.parse_args()
    vendor = setup(fresh=not args.reuse)
    from bench_public import TAGS_PER_PAPER, build, pool_from_corpus, settle
    from corpus import IssueWriter, load_source

    from articles.models import Article
    from articles.search import refresh_statistics

    rng = random.Random(15)
    if not (args.reuse and Article.objects.published().count() >= args.articles):
        writer = IssueWriter(load_source())
        pool, tag_names = pool_from_corpus(args.pool_issues, writer)
        tag_names += [f"话题{chr(0x4e00 + i)}" for i in range(max(0, TAGS_PER_PAPER - len(tag_names)))]
        build(args.articles, rng, {"writer": writer, "pool": pool, "tag_names": tag_names})
        refresh_statistics()
        settle(vendor)
    pages = page_urls(rng)
    report = {"database": vendor, "articles": Article.objects.published().count(), "rounds": ROUNDS,
              "uncached": measure(pages, rng, cache_seconds=0), "cached": measure(pages, rng, cache_seconds=300)}
    print(json.dumps(report, ensure_ascii=False, indent=1))
    (OUT / f"pages-{vendor}.json").write_text(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
