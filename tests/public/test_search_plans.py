"""Every kind of search is answered through the index: on a generated archive, no query a search
makes reads the whole index table, for the commonest words as for the rarest.

A plan that scans the index table costs little on a test-sized archive and everything on a real
one, so the plans are checked rather than the times.
"""

import datetime as dt
import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, ArticleStatus, Issue
from articles.search import (
    index_articles,
    parse_query,
    plan_with_variants,
    refresh_statistics,
    search_hits,
    split_query,
)
from articles.search.backends import backend
from articles.search.tokens import document_text, fold

from ..factories import make_publication

pytestmark = pytest.mark.django_db

ARTICLES = 2400
FILLER = "的一是在了和有这中人上为们地个用工时要动国以我到他会作来就分生对于学下级义发成部民可出能方进同行面说种过命度"
COMMON = ["居民", "镇", "镇党委", "社区"]  # in most or all articles
RARE = ["卞晓清", "晓清", "梅园路", "加装电梯工程"]  # in a handful


@pytest.fixture
def archive():
    """ARTICLES published articles of filler text, each naming the common words, a few the rare."""
    rng = random.Random(15)
    paper = make_publication(town="青枫镇")
    published_at = timezone.now() - dt.timedelta(days=1)
    issues = Issue.objects.bulk_create([
        Issue(publication=paper, date=dt.date(2010, 1, 6) + dt.timedelta(days=7 * k), slug=f"p{k}", number=k + 1,
              source_name=f"plan-{k}.txt", source_text="", source_sha256=f"{k:064x}")
        for k in range(ARTICLES // 6)])
    articles = []
    for n in range(ARTICLES):
        words = ["".join(rng.choice(FILLER) for _ in range(rng.randint(2, 4))) for _ in range(60)]
        words += ["居民", "镇党委", "社区"] if n % 5 else ["居民"]
        if n % 700 == 0:
            words += RARE
        rng.shuffle(words)
        articles.append(Article(issue=issues[n // 6], issue_date=issues[n // 6].date, position=n % 6 + 1,
                                title=f"{words[0]}{words[1]}", body="，".join(words) + "。",
                                status=ArticleStatus.PUBLISHED, published_at=published_at))
    Article.objects.bulk_create(articles, batch_size=500)
    index_articles(Article.objects.all(), new=True)
    refresh_statistics()
    return articles


def index_queries(captured):
    tables = backend().index_tables
    return [q["sql"] for q in captured.captured_queries if any(t in q["sql"] for t in tables)]


def scans_while(run):
    """The index tables read in full by the plans of the queries `run` makes."""
    with CaptureQueriesContext(connection) as captured:
        run()
    queries = index_queries(captured)
    assert queries, "the search did not go through the index at all"
    return {sql: scans for sql in queries if (scans := backend().sequential_scans(sql))}


def substring_matches(query):
    terms = split_query(query)
    return sum(1 for a in Article.objects.published()
               if all(t in fold(document_text(a.title, a.subtitle, a.body)) for t in terms))


QUERIES = [*COMMON, *RARE, "居民 卞晓清", "镇党委 社区", "不存在的词"]


def test_searches_for_common_and_rare_words_never_scan_the_index_table(archive):
    for query in QUERIES:
        def search(query=query):
            hits = search_hits(query)
            assert hits.count() == substring_matches(query), query
            hits[:20]

        assert scans_while(search) == {}, query


# What residents type: known variants (加装电梯工程 is one of 加装电梯's), exclusions, either, phrases.
TYPED = ["加装电梯", "居民 -卞晓清", "镇党委 -社区", "卞晓清 或 梅园路", "居民 或 社区 -镇党委", "“镇党委”", "“居民 社区”",
         "-梅园路 镇"]


def test_typed_queries_with_operators_and_variants_never_scan_the_index_table(archive):
    for query in TYPED:
        plan = plan_with_variants(parse_query(query))

        def search(plan=plan, query=query):
            hits = search_hits(plan)
            assert hits.count() == sum(1 for a in Article.objects.published()
                                       if plan.matches(fold(document_text(a.title, a.subtitle, a.body)))), query
            hits[:20]

        assert scans_while(search) == {}, query
    assert len(plan_with_variants(parse_query("加装电梯")).clauses[0]) > 1  # the variants were searched too


def test_the_search_page_and_the_api_never_scan_the_index_table(archive, client):
    for query in ["居民", "镇党委", "卞晓清", "居民 社区", *TYPED]:
        def pages(query=query):
            assert client.get(reverse("search"), {"q": query}).status_code == 200
            assert client.get(reverse("search"), {"q": query, "page": 2}).status_code in (200, 404)
            assert client.get(reverse("api-articles"), {"q": query}).status_code == 200

        assert scans_while(pages) == {}, query
