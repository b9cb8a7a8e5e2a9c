"""Search finds exactly the articles a plain substring match finds, on whichever database runs.

`baseline` is the literal answer; `brute_force` the answer for what a resident types, with its
operators and the variants editors recorded (test_search_variants.py compares the search with it)."""

import datetime as dt
import random
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article, ArticleWarning, VocabularyWord
from articles.search import parse_query, search_articles, split_query
from articles.search.tokens import document_text, fold
from articles.services import workflow

from ..factories import make_article, make_article_in_each_hidden_state

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)
DEMOS = ROOT / "articles" / "demo_issues"
SAMPLES = ROOT.parent / "shared" / "samples"


def baseline(query):
    """The brute-force answer: published articles holding every term as a substring."""
    terms = split_query(query)
    return {a.pk for a in Article.objects.published()
            if terms and all(t in fold(document_text(a.title, a.subtitle, a.body)) for t in terms)}


SUSPECT = "suspect-name"


def recorded_variants(word):
    """Every string a search for `word` should also find as editors recorded it (vocabulary
    synonyms; misreads warned of in public articles, not dismissed), read the slow way: every row."""
    rows = list(VocabularyWord.objects.values_list("pk", "word", "preferred_id"))
    found = set()
    for pk, text, preferred in rows:
        if fold(text) == word:
            root = preferred or pk
            found |= {fold(other) for other_pk, other, other_preferred in rows if root in (other_pk, other_preferred)}
    for warning in ArticleWarning.objects.select_related("article"):
        if (warning.code == SUSPECT and warning.article.is_public and not warning.dismiss_reason
                and warning.data.get("right") == word):
            found.add(fold(warning.data["wrong"]))
    found.discard(word)
    return found


def brute_force(query):
    """Published articles matching the parsed query, every variant tried on every text."""
    parsed = parse_query(query)
    assert not parsed.error, query
    clauses = [{w.text for w in clause} | {v for w in clause if not w.exact for v in recorded_variants(w.text)}
               for clause in parsed.clauses]
    excluded = [w.text for w in parsed.excluded]
    found = set()
    for article in Article.objects.published():
        text = fold(document_text(article.title, article.subtitle, article.body))
        if all(any(s in text for s in clause) for clause in clauses) and not any(x in text for x in excluded):
            found.add(article.pk)
    return found


def found(query):
    return set(search_articles(query).values_list("pk", flat=True))


# Queries on the project's own demo issues: each finds something there (checked below), so every
# comparison with the substring baseline means something in a clone with no ../shared.
DEMO_QUERIES = ["明远", "杜明远", "沈佳琪", "加梯", "加装电梯", "垃圾分类", "青枫镇", "2024年", "“新时尚”", "防汛", "助餐",
                "银发", "一江清水", "镇", "8", "wifi", "WIFI", "100%", "_零_", "<script>", "O'Neil", "垃圾分类 青枫镇",
                "杜明远 2024", "社区 食堂", "镇 镇", "“"]
NO_HIT_QUERIES = ["不存在的词语", "zzqx", "”出垃"]
# Queries written for the shared sample issues (their people and places).
SAMPLE_QUERIES = ["晓清", "卞晓清", "下晓清", "加梯", "加装电梯", "一网统管", "人大代表", "新泾", "2019年", "8:30", "“",
                  "”出", "镇", "桥", "8", "wifi", "WIFI", "100%", "_零_", "<script>", "O'Neil", "不存在的词语", "zzqx",
                  "垃圾分类 新泾", "卞晓清 2022", "人大 代表 新泾镇", "镇 镇"]


@pytest.fixture(params=["demo issues", "shared samples"])
def corpus(request):
    """The demo issues (always), or the demo and the shared sample issues (when ../shared is there),
    published; plus markup-laden text, and hidden articles holding the words searched for."""
    sources = [DEMOS]
    if request.param == "shared samples":
        if not SAMPLES.exists():
            pytest.skip("../shared/samples is not beside this clone; the demo issues cover the same checks")
        sources.append(SAMPLES)
    from django.contrib.auth.models import User

    from articles.models import ArticleWarning
    from articles.services import workflow

    chief = User.objects.create_superuser("importer", password="pw-Ab3456789")
    call_command("import_issues", "--create-papers", *map(str, sources), stdout=mock.MagicMock())
    # The whole corpus goes public: its warnings handled first, as publishing requires.
    for warning in ArticleWarning.objects.filter(resolved_at__isnull=True):
        if warning.code in workflow.MUST_RESOLVE:
            workflow.warning_apply_name_fix(warning=warning, user=chief)
        else:
            workflow.warning_dismiss(warning=warning, user=chief, reason="检索测试语料")
    workflow.articles_transition(articles=list(Article.objects.all()), action="publish", user=chief)
    make_article(title="WiFi 全覆盖", body="社区学校开通 WiFi，网速100%提升；费用_零_元。<script>alert(1)</script> O'Neil")
    make_article_in_each_hidden_state(marker="明远")
    make_article_in_each_hidden_state(marker="晓清")
    return list(Article.objects.published())


@pytest.fixture
def queries(request, corpus):
    if "shared" in request.node.callspec.params["corpus"]:
        return SAMPLE_QUERIES
    return DEMO_QUERIES + NO_HIT_QUERIES


def test_the_demo_queries_find_something_in_the_demo_issues(corpus, request):
    if request.node.callspec.params["corpus"] != "demo issues":
        pytest.skip("a check of the demo queries on the demo issues alone")
    assert [q for q in DEMO_QUERIES if not baseline(q)] == []
    assert all(not baseline(q) for q in NO_HIT_QUERIES)


def test_every_listed_query_finds_exactly_the_substring_set(corpus, queries):
    for query in queries:
        assert found(query) == baseline(query), query


def test_every_listed_query_counts_exactly_the_substring_set_though_hidden_articles_are_indexed(corpus, queries):
    from articles.search import search_hits

    for query in queries:
        assert search_hits(query).count() == len(baseline(query)), query


def test_rebuilding_the_index_keeps_every_search_and_count_exact(corpus, queries):
    from articles.search import rebuild_index, search_hits

    assert rebuild_index() >= len(corpus)
    for query in queries:
        assert found(query) == baseline(query), query
        assert search_hits(query).count() == len(baseline(query)), query


def test_a_search_counts_from_the_article_table_when_many_articles_wait_to_go_public(corpus, queries):
    from articles.search import query as search_query
    from articles.search import search_hits

    word = queries[0]  # a name the corpus and its hidden articles both hold
    with mock.patch.object(search_query, "SCHEDULED_LIMIT", 0):
        assert search_hits(word).count() == len(baseline(word)) >= 1


def test_random_substrings_of_the_archive_find_exactly_the_substring_set(corpus):
    rng = random.Random(20261122)
    texts = [document_text(a.title, a.subtitle, a.body) for a in corpus]
    checked = 0
    while checked < 300:
        text = rng.choice(texts)
        length = rng.randint(2, 7)
        start = rng.randrange(0, max(1, len(text) - length))
        query = text[start:start + length]
        if not query.strip() or any(ch.isspace() for ch in query):
            continue
        assert found(query) == baseline(query), query
        checked += 1


def test_title_hits_come_first_then_more_frequent_hits(corpus):
    results = list(search_articles("垃圾分类"))
    title_hits = [a for a in results if "垃圾分类" in a.title + a.subtitle]
    assert results[: len(title_hits)] == title_hits
    rest = results[len(title_hits):]
    counts = [a.occurrences for a in rest]
    assert counts == sorted(counts, reverse=True)


def test_the_index_follows_publish_edit_withdraw_and_delete(chief_user):
    article = make_article(status="draft", published_at=None, body="梅溪湾首次出现。")
    assert found("梅溪湾") == set()
    workflow.article_transition(article=article, action="publish", user=chief_user)
    assert found("梅溪湾") == {article.pk}
    article.refresh_from_db()
    workflow.article_update(article=article, user=chief_user, expected_version=article.version,
                            data={"body": "改成了枫泾湾。"})
    assert found("梅溪湾") == set() and found("枫泾湾") == {article.pk}
    workflow.article_transition(article=article, action="withdraw", user=chief_user)
    assert found("枫泾湾") == set()
    workflow.article_transition(article=article, action="redraft", user=chief_user)
    workflow.article_transition(article=article, action="publish", user=chief_user)
    assert found("枫泾湾") == {article.pk}
    article.delete()
    assert found("枫泾湾") == set()


def test_search_page_shows_snippets_with_hits_highlighted_and_text_escaped(client, corpus):
    page = client.get(reverse("search"), {"q": "script"}).content.decode()
    assert "&lt;<mark>script</mark>&gt;" in page
    assert "<script>alert" not in page
    page = client.get(reverse("search"), {"q": "加梯"}).content.decode()
    expected = len(brute_force("加梯"))  # with the variants the vocabulary records
    assert expected > len(baseline("加梯")) >= 1
    assert f"找到 {expected} 篇" in page and "<mark>加梯</mark>" in page and "<mark>加装电梯</mark>" in page
    page = client.get(reverse("search"), {"q": "“加梯”"}).content.decode()
    assert f"找到 {len(baseline('加梯'))} 篇" in page and "<mark>加梯</mark>" in page


def test_empty_and_overlong_queries_are_answered_calmly(client, corpus):
    assert client.get(reverse("search"), {"q": ""}).status_code == 200
    assert client.get(reverse("search"), {"q": "镇" * 5000}).status_code == 200
    assert client.get(reverse("search"), {"q": "   "}).status_code == 200


@pytest.fixture
def common_word_archive():
    """Thirty published articles over ten issues, most holding “街道”, plus hidden ones that do too."""
    from ..factories import make_issue

    articles = []
    for k in range(10):
        issue = make_issue(date=dt.date(2020, 1, 1) + dt.timedelta(days=40 * ((k * 7) % 10)))
        for position in range(1, 4):
            body = "街道召开会议。" if (k + position) % 4 else "居民区开展活动。"
            articles.append(make_article(issue, position=position, title=f"第{k}期第{position}篇", body=body))
    make_article_in_each_hidden_state(marker="街道")
    return articles


def newest_first(articles, word):
    hits = [a for a in articles if word in a.body]
    return [a.pk for a in sorted(hits, key=lambda a: (-a.issue_date.toordinal(), a.issue_id, a.position, a.pk))]


@pytest.mark.parametrize("chunk,rows", [(4, 40), (4, 8), (1000, 5000)])
def test_a_common_word_lists_its_hits_newest_first_whether_walked_or_ordered(common_word_archive, chunk, rows):
    from articles.search import NEWEST, query, search_hits

    with mock.patch.multiple(query, FREQUENCY_RANK_LIMIT=10, COMMON_SHARE=10_000, WALK_CHUNK=chunk, WALK_ROWS=rows,
                             WALK_DEPTH=12):
        hits = search_hits("街道")
        assert hits.ordering == NEWEST
        expected = newest_first(common_word_archive, "街道")
        assert hits.count() == len(expected) == len(baseline("街道"))
        pages = [hits[start:start + 5] for start in range(0, 30, 5)]
        assert [pk for page in pages for pk in page] == expected
        assert hits[3] == expected[3]


def test_a_rarer_word_keeps_relevance_ranking(common_word_archive):
    from articles.search import RELEVANCE, query, search_hits

    with mock.patch.multiple(query, FREQUENCY_RANK_LIMIT=10, COMMON_SHARE=10_000):
        assert search_hits("居民区").ordering == RELEVANCE  # held by 7 of 30: at most the limit
        assert set(search_hits("居民区")[:30]) == baseline("居民区")
        assert search_hits("街道 第9期").ordering == RELEVANCE  # one rare term: the conjunction is rare


def test_search_page_says_when_hits_are_shown_newest_first(client, common_word_archive):
    from articles.search import query

    with mock.patch.multiple(query, FREQUENCY_RANK_LIMIT=10, COMMON_SHARE=10_000):
        page = client.get(reverse("search"), {"q": "街道"}).content.decode()
    assert "按时间从新到旧排列" in page
    assert "按时间从新到旧排列" not in client.get(reverse("search"), {"q": "第9期"}).content.decode()


def test_newest_first_is_one_order_whether_the_index_is_walked_or_the_rows_sorted(common_word_archive):
    published = Article.objects.published()
    assert list(published.newest_first()) == list(published.newest_first(by_index=False))
    assert [a.pk for a in published.newest_first()] == newest_first(common_word_archive, "")


def test_a_search_within_a_tag_sorts_its_hits_instead_of_walking(client, common_word_archive):
    from articles.search import query, search_hits

    tagged = common_word_archive[::2]
    for article in tagged:
        article.tags.add("会议")
    with mock.patch.multiple(query, FREQUENCY_RANK_LIMIT=10, COMMON_SHARE=10_000):
        hits = search_hits("街道", Article.objects.published().filter(tags__name="会议"), walk=False)
        assert hits.within is None
        assert hits[:30] == newest_first(tagged, "街道")
        page = client.get(reverse("search"), {"q": "街道", "tag": tagged[0].tags.get().slug})
    assert page.status_code == 200
    assert [a.pk for a in page.context["object_list"]] == newest_first(tagged, "街道")[:20]
