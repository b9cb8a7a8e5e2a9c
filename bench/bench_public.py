"""Public-site benchmark: each page type and search at 1,000 and at 100,000 published articles,
and search against a plain LIKE '%q%' scan of the same data, all in one run.

Articles are generated from the sample issues (see corpus.py): bodies recombined from their
paragraphs, names and towns drawn from larger pools, tags and people attached, then indexed.
Pages are rendered in-process with Django's test client, whole-page caching off (the short-lived
caches of aggregates stay on, as in production).

    .venv/bin/python bench/bench_public.py                 # SQLite
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom_bench .venv/bin/python bench/bench_public.py
"""

import argparse
import datetime as dt
import json
import random
import re
import time

from _django import OUT, median, percentile, setup
from corpus import GIVEN, SURNAMES, TOWN_STEMS

PER_ISSUE = 6
SAMPLES_PER_PAGE = 25


ISSUES_PER_PAPER = 100  # about five a year from 2005 to 2024
TAGS_PER_PAPER = 90
PEOPLE_PER_TOWN = 300


def build(upto: int, rng: random.Random, state: dict) -> None:
    """Grow the archive to `upto` published articles, a whole paper at a time.

    A larger archive has more towns, more people and more topics, each page showing about as much
    as in a smaller one: the comparison between sizes then measures what a request costs, not
    how much more a page shows.
    """
    from django.utils import timezone

    from articles.models import (
        Article,
        ArticleStatus,
        Issue,
        Mention,
        Person,
        Publication,
        Tag,
        TaggedArticle,
    )
    from articles.search import index_articles

    writer, pool = state["writer"], state["pool"]
    state.setdefault("papers", 0)
    published_at = timezone.now() - dt.timedelta(days=1)
    while Article.objects.count() < upto:
        n = state["papers"] = state["papers"] + 1
        town = f"{TOWN_STEMS[n % len(TOWN_STEMS)]}{n // len(TOWN_STEMS) or ''}"
        paper = Publication.objects.create(name=f"{town}镇社区报", town=f"{town}镇", district="闵行区", slug=f"paper{n}")
        names = list(dict.fromkeys(rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
                                   for _ in range(PEOPLE_PER_TOWN * 2)))[:PEOPLE_PER_TOWN]
        people = [Person(name=name, town=paper.town) for name in names]
        Person.objects.bulk_create(people)
        by_name = {p.name: p for p in people}
        named = re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))
        topics = [state["tag_names"][(n * TAGS_PER_PAPER + i) % len(state["tag_names"])] + ("" if n == 1 else str(n))
                  for i in range(TAGS_PER_PAPER)]
        tags = Tag.objects.bulk_create([Tag(name=name, slug=f"t{n}-{i}") for i, name in enumerate(topics)])
        issues = Issue.objects.bulk_create([
            Issue(publication=paper, date=dt.date(2005, 1, 5) + dt.timedelta(days=73 * k), slug=f"i{k}", number=k + 1,
                  source_name=f"gen-{n}-{k}.txt", source_text="", source_sha256=f"{n:032x}{k:032x}")
            for k in range(ISSUES_PER_PAPER)])
        articles = []
        for issue in issues:
            writer.people = names
            writer.new_cast()
            for position in range(1, PER_ISSUE + 1):
                title, subtitle, body, captions = rng.choice(pool)
                articles.append(Article(
                    issue=issue, issue_date=issue.date, position=position, title=writer._swap_names(title, town)[:300],
                    subtitle=writer._swap_names(subtitle, town)[:300], body=writer._swap_names(body, town),
                    captions=captions, status=ArticleStatus.PUBLISHED, published_at=published_at))
        Article.objects.bulk_create(articles, batch_size=500)
        TaggedArticle.objects.bulk_create(
            [TaggedArticle(tag=tag, content_object=a) for a in articles for tag in rng.sample(tags, 3)], batch_size=2000)
        # Who an article mentions is who its text names, as the importer would find them.
        Mention.objects.bulk_create(
            [Mention(person=by_name[name], article=a, title="镇长", office="镇长", issue_date=a.issue.date)
             for a in articles for name in list(dict.fromkeys(named.findall(a.body)))[:2]], batch_size=2000)
        index_articles(articles)


def pool_from_corpus(issues: int, writer):
    from articles.importer import parse_text
    from articles.services.intel import ensure_vocabulary
    from articles.textintel.tags import suggest_tags

    pool, tag_names = [], set()
    lexicon = ensure_vocabulary(force=True)
    for number in range(1, issues + 1):
        name, text = writer.issue(number)
        for article in parse_text(text, source=name).articles:
            body = "\n\n".join(("## " + b.text) if b.type == "subhead" else b.text for b in article.blocks)
            pool.append((article.title, article.subtitle or "", body, article.captions))
            tag_names.update(t for t, _ in suggest_tags(article.title, body, lexicon))
    return pool, sorted(tag_names)


def time_get(client, url):
    started = time.perf_counter()
    response = client.get(url)
    elapsed = time.perf_counter() - started
    assert response.status_code == 200, (url, response.status_code)
    return elapsed


def measure_pages(rng):
    from django.test import Client

    from articles.models import Article, Issue, Person, Tag

    client = Client()
    articles = sample(rng, Article.objects.all())
    issues = list(Issue.objects.select_related("publication").filter(pk__in=sample(rng, Issue.objects.all())))
    tags = list(Tag.objects.filter(pk__in=sample(rng, Tag.objects.all())))
    people = sample(rng, Person.objects.filter(mentions__isnull=False).distinct())
    queries = search_queries(rng)
    pages = {
        "home": ["/"] * SAMPLES_PER_PAGE,
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
    results = {}
    for name, urls in pages.items():
        for url in urls:  # steady state: each page seen once before (what a busy site serves)
            time_get(client, url)
        times = [time_get(client, url) for url in urls]
        results[name] = {"median_ms": round(median(times) * 1000, 1), "p95_ms": round(percentile(times, 95) * 1000, 1)}
    return results


def sample(rng, queryset, k=SAMPLES_PER_PAGE):
    """k primary keys drawn by the seeded generator, so a re-run draws the same rows."""
    keys = sorted(queryset.values_list("pk", flat=True))
    return rng.sample(keys, min(k, len(keys)))


def search_queries(rng):
    """What residents search for: people's names, topics, and pieces of text of 2-6 characters."""
    from articles.models import Article, Person, Publication

    names = list(Person.objects.filter(pk__in=sample(rng, Person.objects.filter(mentions__isnull=False).distinct(), 8))
                 .order_by("name").values_list("name", flat=True))
    places = list(Publication.objects.filter(pk__in=sample(rng, Publication.objects.all(), 4))
                  .order_by("pk").values_list("town", flat=True))
    topics = ["垃圾分类", "加装电梯", "人大代表", "文明城区", "一网统管", "志愿者"]
    bodies = list(Article.objects.filter(pk__in=sample(rng, Article.objects.all(), 8)).order_by("pk")
                  .values_list("body", flat=True))
    pieces = []
    for body in bodies:
        start = rng.randrange(0, max(1, len(body) - 8))
        piece = "".join(ch for ch in body[start:start + rng.randint(3, 6)] if not ch.isspace() and ch != "#")
        if len(piece) >= 2:
            pieces.append(piece)
    return names + places + topics + pieces


def measure_search(rng):
    from django.db.models import Q

    from articles.models import Article
    from articles.search import search_hits

    queries = search_queries(rng)
    indexed, scanned, ratios = [], [], []
    for query in queries:
        started = time.perf_counter()
        hits = search_hits(query)  # what the search page and the API do: the count and the first page
        n1 = hits.count()
        list(Article.objects.in_bulk(hits[:20]).values())
        t_index = time.perf_counter() - started
        started = time.perf_counter()
        like = Article.objects.published().filter(
            Q(title__icontains=query) | Q(subtitle__icontains=query) | Q(body__icontains=query)
        ).newest_first()
        n2 = like.count()
        list(like[:20])
        t_like = time.perf_counter() - started
        assert n1 == n2, (query, n1, n2)
        indexed.append(t_index)
        scanned.append(t_like)
        ratios.append(t_like / t_index)
    return {
        "queries": len(queries),
        "index_median_ms": round(median(indexed) * 1000, 2), "index_p95_ms": round(percentile(indexed, 95) * 1000, 2),
        "like_median_ms": round(median(scanned) * 1000, 2), "like_p95_ms": round(percentile(scanned, 95) * 1000, 2),
        "speedup_of_medians": round(median(scanned) / median(indexed), 1),
        "median_speedup_per_query": round(median(ratios), 1),
    }


def settle(vendor: str) -> None:
    """Vacuum now what autovacuum would vacuum in the first minutes after a bulk load: left to
    it, its workers share this machine's two cores with the first pages measured."""
    if vendor == "postgresql":
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE)")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,100000")
    parser.add_argument("--pool-issues", type=int, default=300)
    args = parser.parse_args()
    vendor = setup()
    from corpus import IssueWriter, load_source

    rng = random.Random(7)
    writer = IssueWriter(load_source())
    pool, tag_names = pool_from_corpus(args.pool_issues, writer)
    state = {"writer": writer, "pool": pool, "tag_names": tag_names}
    report = {"database": vendor, "pool_articles": len(pool), "sizes": {}}
    for size in [int(s) for s in args.sizes.split(",")]:
        started = time.perf_counter()
        build(size, rng, state)
        built = time.perf_counter() - started
        from articles.models import Article
        from articles.search import refresh_statistics

        refresh_statistics()  # what an import of this size does, too
        settle(vendor)
        report["sizes"][size] = {"articles": Article.objects.count(), "build_s": round(built, 1),
                                 "pages": measure_pages(rng), "search": measure_search(rng)}
        print(json.dumps({size: report["sizes"][size]}, ensure_ascii=False, indent=1), flush=True)
    sizes = list(report["sizes"])
    if len(sizes) >= 2:
        small, large = report["sizes"][sizes[0]], report["sizes"][sizes[-1]]
        report["page_growth"] = {name: round(large["pages"][name]["median_ms"] / small["pages"][name]["median_ms"], 2)
                                 for name in small["pages"]}
        print(json.dumps({"page_growth": report["page_growth"]}, ensure_ascii=False, indent=1))
    # A one-size run (the small archive of page_growth.py) keeps the two-size report.
    name = f"public-{vendor}.json" if len(sizes) >= 2 else f"public-{vendor}-{sizes[0]}.json"
    (OUT / name).write_text(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
