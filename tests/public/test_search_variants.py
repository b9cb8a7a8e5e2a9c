"""Search with operators and known variants still finds exactly what a brute-force reading finds:
the published texts, each checked for every clause's word or any variant editors recorded (read
here the slow way: every vocabulary row, every warning), and for none of the excluded words."""

import pytest
from django.urls import reverse

from articles.models import Article, ArticleWarning, Tag, VocabularyWord
from articles.search import parse_query, plan_with_variants, search_hits

from ..factories import make_article, make_article_in_each_hidden_state, make_issue, make_publication
from .test_search import SUSPECT, baseline, brute_force, corpus  # noqa: F401  (corpus: the fixture)

pytestmark = pytest.mark.django_db

def searched(query):
    return search_hits(plan_with_variants(parse_query(query)))


@pytest.fixture
def recorded(corpus):  # noqa: F811
    """Misreads and synonyms as editors leave them: a name misread in a public article with its
    warning, warnings on hidden articles and a dismissed one (neither may widen a search), and a
    Latin synonym the editors added."""
    paper = make_publication(town="梅园路街道")
    issue = make_issue(paper)
    make_article(issue, title="卞晓清调研加装电梯", body="街道党工委书记卞晓清走访居民。")
    misread = make_article(issue, title="街道召开会议", body="街道党工委书记下晓清出席会议。")
    ArticleWarning.objects.create(article=misread, code=SUSPECT, message="“下晓清”疑为“卞晓清”",
                                  data={"wrong": "下晓清", "right": "卞晓清"})
    make_article(issue, title="老楼加梯有进展", body="居民盼望的电梯开工了。")
    make_article(issue, title="王炜调研", body="副主任王炜到场。")
    make_article(issue, title="王伟参加", body="居民王伟发言。")
    for hidden in make_article_in_each_hidden_state(issue, marker="王伟"):
        ArticleWarning.objects.create(article=hidden, code=SUSPECT, message="“王伟”疑为“王炜”",
                                      data={"wrong": "王伟", "right": "王炜"})
    make_article(issue, title="李明讲话", body="李明与李鸣是两个人。")
    dismissed = make_article(issue, title="李鸣来访", body="李鸣到访。")
    ArticleWarning.objects.create(article=make_article(issue, title="李明", body="李明发言。"), code=SUSPECT,
                                  message="“李明”疑为“李鸣”", data={"wrong": "李明", "right": "李鸣"},
                                  dismiss_reason="两人同在街道工作")
    assert dismissed
    wireless = VocabularyWord.objects.create(word="无线网络")
    VocabularyWord.objects.create(word="WiFi", preferred=wireless)
    make_article(issue, title="无线网络进社区", body="社区学校开通无线网络。")
    return corpus


VARIANT_QUERIES = [
    "加梯", "加装电梯", "电梯加装", "加梯工作", "加装电梯工程", "既有多层住宅加装电梯", "卞晓清", "下晓清", "王炜", "王伟",
    "李鸣", "wifi", "WIFI", "无线网络", "晓清",
]
OPERATOR_QUERIES = [
    '"加梯"', "“加装电梯”", "“卞晓清”", "加梯 -电梯", "加装电梯 -加梯", "加梯 或 垃圾分类", "垃圾分类 OR 防汛 -镇",
    "卞晓清 或 王炜", "社区 食堂 -助餐", "加梯 新泾 或 青枫镇", "镇 -镇", '"wifi 全覆盖"', "“WiFi   全覆盖”",
    "“社区 食堂”", "-“助餐” 社区", "无线网络 -“无线网络”", "加装电梯 -“加装电梯”",
]


def test_variants_and_operators_find_exactly_the_brute_force_set(recorded):
    for query in VARIANT_QUERIES + OPERATOR_QUERIES:
        hits = searched(query)
        assert set(hits[:10_000]) == brute_force(query), query
        assert hits.count() == len(brute_force(query)), query


def test_the_comparisons_mean_something(recorded):
    # Variants add articles the word alone misses, and only the recorded ones.
    assert baseline("加梯") < brute_force("加梯") == brute_force("加装电梯")
    assert baseline("卞晓清") < brute_force("卞晓清") and brute_force("下晓清") == baseline("下晓清")
    assert brute_force("王炜") == baseline("王炜") and baseline("王伟")  # a hidden article's warning widens nothing
    assert brute_force("李鸣") == baseline("李鸣") < baseline("李鸣") | baseline("李明")  # nor a dismissed one
    assert brute_force("wifi") == baseline("wifi") | baseline("无线网络") > baseline("wifi")
    # Quotes and exclusions narrow; 或 widens.
    assert brute_force("“加装电梯”") == baseline("加装电梯") < brute_force("加装电梯")
    assert brute_force("“加梯”") == baseline("加梯") < brute_force("加梯")
    assert brute_force("加装电梯 -“加装电梯”") == baseline("加梯") - baseline("加装电梯") != set()
    assert brute_force("无线网络 -“无线网络”") == baseline("wifi") - baseline("无线网络") != set()
    assert brute_force("加梯 或 垃圾分类") > brute_force("加梯") and brute_force("镇 -镇") == set()
    assert brute_force('"wifi 全覆盖"') == brute_force("“WiFi   全覆盖”") != set()


def test_the_index_is_rebuilt_and_still_exact(recorded):
    from articles.search import rebuild_index

    rebuild_index()
    for query in ["加梯", "卞晓清", "加梯 -电梯", "“社区 食堂”"]:
        assert set(searched(query)[:10_000]) == brute_force(query), query


def status_count(page):
    import re

    return int(re.search(r"找到 (\d+) 篇", page).group(1))


def test_the_results_page_counts_the_brute_force_set_and_says_which_variants_it_added(client, recorded):
    page = client.get(reverse("search"), {"q": "加装电梯"}).content.decode()
    assert status_count(page) == len(brute_force("加装电梯"))
    assert "也包括：加梯、电梯加装" in page  # the variants holding these add nothing and are not named
    assert "既有多层住宅加装电梯" not in page.split("也包括")[1].split("</p>")[0]
    page = client.get(reverse("search"), {"q": "卞晓清"}).content.decode()
    assert "也包括：下晓清" in page and status_count(page) == len(brute_force("卞晓清"))
    page = client.get(reverse("search"), {"q": "“加装电梯”"}).content.decode()
    assert "也包括" not in page and status_count(page) == len(baseline("加装电梯"))
    page = client.get(reverse("search"), {"q": "王炜"}).content.decode()
    assert "也包括" not in page and "王伟" not in page


def test_the_exact_link_searches_the_typed_words_alone(client, recorded):
    response = client.get(reverse("search"), {"q": "加装电梯 -停车"})
    link = response.context["exact_link"]
    again = client.get(reverse("search") + link)
    assert again.context["q"] == "“加装电梯” -“停车”"
    assert again.context["paginator"].count == len(baseline("加装电梯") - baseline("停车"))


@pytest.mark.parametrize("query", ["", " ", '"加梯', "“加梯", "加梯”", "-", "-加梯", "或", "加梯 或", "加梯 或 -电梯",
                                   '""', "－", "“" * 300, "-" * 300, "或 " * 100])
def test_malformed_queries_get_a_message_and_no_results_never_an_error(client, recorded, query):
    response = client.get(reverse("search"), {"q": query})
    assert response.status_code == 200
    page = response.content.decode()
    if query.strip():
        assert 'role="alert"' in page and response.context["paginator"].count == 0
        assert response.context["query_error"] == parse_query(query.strip()[:200]).error
    else:
        assert response.context["query_error"] and 'role="alert"' in page


def test_a_name_query_shows_the_persons_card_with_titles_and_link(client, recorded):
    from articles.models import Mention, Person

    person = Person.objects.create(name="卞晓清", town="梅园路街道")
    article = Article.objects.published().filter(title="卞晓清调研加装电梯").get()
    Mention.objects.create(person=person, article=article, title="街道党工委书记", office="街道党工委书记",
                           issue_date=article.issue_date)
    hidden = Person.objects.create(name="王伟", town="梅园路街道")
    draft = Article.objects.filter(title="王伟草稿").get()
    Mention.objects.create(person=hidden, article=draft, title="居民", office="居民", issue_date=draft.issue_date)
    page = client.get(reverse("search"), {"q": "卞晓清"}).content.decode()
    card = page.split(f'aria-labelledby="person-{person.pk}"')[1].split("</section>")[0]
    assert person.get_absolute_url() in card and "街道党工委书记" in card and "梅园路街道" in card
    assert 'class="person-card"' not in client.get(reverse("search"), {"q": "王伟"}).content.decode()
    assert 'class="person-card"' not in client.get(reverse("search"), {"q": "“卞晓清” -卞晓清"}).content.decode()


def test_counts_per_paper_year_and_tag_are_of_public_hits_and_each_link_narrows(client, recorded):
    hits = brute_force("加梯 或 社区")
    articles = list(Article.objects.filter(pk__in=hits).select_related("issue__publication"))
    for hidden in make_article_in_each_hidden_state(marker="社区"):
        hidden.tags.add("隐藏的标签")
    articles[0].tags.add("加装电梯")
    response = client.get(reverse("search"), {"q": "加梯 或 社区"})
    facets = {f["name"]: f for f in response.context["facets"]}
    by_paper = {}
    for a in articles:
        by_paper[a.issue.publication.name] = by_paper.get(a.issue.publication.name, 0) + 1
    assert {v["label"]: v["count"] for v in facets["paper"]["values"]} == dict(
        sorted(by_paper.items(), key=lambda kv: -kv[1])[:12])
    assert sum(v["count"] for v in facets["year"]["values"]) == len(hits)
    tag_counts = {}
    for tag in Tag.objects.filter(tagged_articles__content_object__in=hits):
        tag_counts[tag.name] = tag_counts.get(tag.name, 0) + 1
    shown = {v["label"]: v["count"] for v in facets["tag"]["values"]}
    assert "隐藏的标签" not in shown and shown.items() <= tag_counts.items()
    for name in ("paper", "year", "tag"):
        value = facets[name]["values"][0]
        narrowed = client.get(reverse("search") + value["url"])
        assert narrowed.context["paginator"].count == value["count"], name
        assert any(v["current"] for f in narrowed.context["facets"] if f["name"] == name for v in f["values"])
        assert narrowed.context["scope"] is not None


def test_a_search_within_one_issue_paper_or_year(client, recorded):
    article = Article.objects.published().filter(title="街道召开会议", body__contains="下晓清").get()
    issue = article.issue
    in_issue = {a.pk for a in Article.objects.published().filter(issue=issue)}
    response = client.get(reverse("search"), {"q": "卞晓清", "issue": issue.pk})
    assert {a.pk for a in response.context["object_list"]} == brute_force("卞晓清") & in_issue
    assert issue.publication.name in response.context["scope"]["label"]
    everywhere = client.get(reverse("search") + response.context["scope"]["everywhere"])
    assert everywhere.context["paginator"].count == len(brute_force("卞晓清"))
    in_paper = {a.pk for a in Article.objects.published().filter(issue__publication=issue.publication)}
    response = client.get(reverse("search"), {"q": "加梯", "paper": issue.publication.slug})
    assert {a.pk for a in response.context["object_list"]} == brute_force("加梯") & in_paper
    year = min(a.issue_date.year for a in Article.objects.published().filter(pk__in=brute_force("加梯")))
    in_year = {a.pk for a in Article.objects.published().filter(issue_date__year=year)}
    response = client.get(reverse("search"), {"q": "加梯", "year": year})
    assert set(response.context["paginator"].object_list[:1000]) == brute_force("加梯") & in_year


def test_a_hidden_or_unknown_issue_is_refused_with_a_message(client, recorded):
    hidden = make_article_in_each_hidden_state(issue=make_issue(date=__import__("datetime").date(2021, 1, 1)))[0]
    for value in [hidden.issue_id, 99_999_999, "abc"]:
        response = client.get(reverse("search"), {"q": "草稿", "issue": value})
        assert response.status_code == 200
        page = response.content.decode()
        assert "没有这一期，或这一期还没有公开" in page or "有的筛选条件无效" in page
        assert "草稿正文" not in page
    from articles.models import Publication

    paper = Publication.objects.public().order_by("slug").first()
    word = Article.objects.published().filter(issue__publication=paper).first().title[:2]
    response = client.get(reverse("search"), {"q": f"“{word}”", "issue": 99_999_999, "paper": paper.slug})
    assert response.context["scope"]["label"] == paper.name  # the valid scope still applies, and says so
    assert {a.issue.publication_id for a in response.context["object_list"]} == {paper.pk}


def test_a_synonym_or_misread_editors_record_reaches_the_cached_search_page_at_once(client):
    from articles.services import topics

    lift = make_article(title="爬楼机到了", body="社区引进爬楼机。")
    chair = make_article(title="楼道升降椅", body="社区安装楼道升降椅。")

    def found(query):
        response = client.get(reverse("search"), {"q": query})
        return {a.pk for a in response.context["object_list"]}

    assert found("爬楼机") == {lift.pk}  # now cached
    preferred = VocabularyWord.objects.create(word="爬楼机")
    synonym = VocabularyWord(word="楼道升降椅", preferred=preferred)
    topics.vocabulary_word_save(word=synonym, changed=["preferred"])
    assert found("爬楼机") == {lift.pk, chair.pk} == found("楼道升降椅")
    synonym.preferred = None
    topics.vocabulary_word_save(word=synonym, changed=["preferred"])
    assert found("爬楼机") == {lift.pk}
    misread = make_article(title="居民会议", body="主任丁晓燕主持。")
    named = make_article(title="走访", body="主任丁晓雁走访居民。")
    assert found("丁晓雁") == {named.pk}
    warning = ArticleWarning.objects.create(article=misread, code=SUSPECT, message="“丁晓燕”疑为“丁晓雁”",
                                            data={"wrong": "丁晓燕", "right": "丁晓雁"})
    assert found("丁晓雁") == {named.pk, misread.pk}
    warning.delete()
    assert found("丁晓雁") == {named.pk}
