"""Nothing Article.objects.published() excludes may appear on any public surface."""

import datetime as dt

import pytest
from django.urls import reverse

from articles.models import Mention, Person
from articles.search import index_articles
from articles.services.related import related_articles

from ..factories import make_article, make_article_in_each_hidden_state, make_issue, make_publication

pytestmark = pytest.mark.django_db
MARKER = "隐藏"


@pytest.fixture
def site():
    paper = make_publication("青枫镇")
    issue = make_issue(paper, dt.date(2024, 5, 20))
    public = make_article(issue, title="公开的防汛演练", body="青枫镇开展防汛演练，镇长沈佳琪出席。")
    hidden = make_article_in_each_hidden_state(issue, marker=MARKER)
    hidden_only_issue = make_issue(paper, dt.date(2024, 6, 20))
    hidden += make_article_in_each_hidden_state(hidden_only_issue, marker=MARKER)
    person = Person.objects.create(name="沈佳琪", town="青枫镇")
    for article in [public, *hidden]:
        article.tags.add("防汛", f"{MARKER}标签" if article is not public else "防汛")
        article.body += " 防汛"
        article.save()
        Mention.objects.create(person=person, article=article, title="镇长", office="镇长", issue_date=article.issue.date)
    index_articles([public, *hidden])
    return public, hidden, hidden_only_issue, person


SURFACES = [
    lambda s: reverse("home"),
    lambda s: reverse("search") + "?q=防汛",
    lambda s: reverse("search") + f"?q={MARKER}",
    lambda s: reverse("search"),
    lambda s: reverse("tag-index"),
    lambda s: reverse("tag-detail", args=["防汛"]),
    lambda s: reverse("person-detail", args=[s[3].pk]),
    lambda s: reverse("paper-detail", args=["qingfeng"]),
    lambda s: reverse("paper-year", args=["qingfeng", 2024]),
    lambda s: s[0].issue.get_absolute_url(),
    lambda s: s[0].get_absolute_url(),
    lambda s: reverse("api-articles"),
    lambda s: reverse("api-articles") + "?q=防汛",
    lambda s: reverse("api-article", args=[s[0].pk]),
    lambda s: reverse("api-issues"),
    lambda s: reverse("api-issue", args=[s[0].issue_id]),
    lambda s: reverse("api-papers"),
    lambda s: reverse("feed"),
    lambda s: reverse("paper-feed", args=["qingfeng"]),
    lambda s: reverse("tag-feed", args=["防汛"]),
    lambda s: reverse("sitemap-section", args=["articles"]),
    lambda s: reverse("sitemap-section", args=["issues"]),
    lambda s: reverse("sitemap-section", args=["tags"]),
]


@pytest.mark.parametrize("surface", range(len(SURFACES)))
def test_no_hidden_article_appears_on_any_surface(client, site, surface):
    url = SURFACES[surface](site)
    path, _, query = url.partition("?")
    response = client.get(path, dict(pair.split("=") for pair in query.split("&")) if query else {})
    assert response.status_code == 200, url
    content = response.content.decode()
    if response["Content-Type"].startswith("application/json"):
        content = str(response.json())
    for article in site[1]:
        assert article.title not in content, url
        assert article.body.split()[0] not in content, url
        assert f"/articles/{article.pk}/" not in content, url
    assert f"{MARKER}标签" not in content, url


def test_hidden_articles_and_hidden_only_issues_have_no_page(client, site):
    _, hidden, hidden_only_issue, _ = site
    for article in hidden:
        assert client.get(article.get_absolute_url()).status_code == 404
        assert client.get(reverse("api-article", args=[article.pk])).status_code == 404
    assert client.get(hidden_only_issue.get_absolute_url()).status_code == 404
    assert client.get(reverse("api-issue", args=[hidden_only_issue.pk])).status_code == 404
    assert client.get(reverse("tag-detail", args=[f"{MARKER}标签"])).status_code == 404


def test_tag_counts_and_the_person_count_only_public_articles(client, site):
    page = client.get(reverse("tag-index")).content.decode()
    assert "防汛 <span class=\"count\">1</span>" in page
    assert "见于 1 篇文章" in client.get(reverse("person-detail", args=[site[3].pk])).content.decode()
    assert client.get(reverse("api-articles")).json()["count"] == 1


def test_previous_and_next_skip_hidden_articles(client, site):
    public = site[0]
    page = client.get(public.get_absolute_url()).content.decode()
    assert 'rel="prev"' not in page and 'rel="next"' not in page


def test_related_articles_never_include_hidden_ones(site):
    public = site[0]
    other = make_article(public.issue, title="另一篇防汛")
    other.tags.add("防汛")
    assert related_articles(public) == [other]
