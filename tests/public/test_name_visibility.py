"""One visibility rule for names: a person, tag or paper with no public content has no page, no
feed and no answer that tells it apart from one that does not exist, whatever the parameters."""

import datetime as dt
from urllib.parse import quote

import pytest
from django.urls import reverse

from articles.models import Mention, Person, Tag

from ..factories import make_article, make_article_in_each_hidden_state, make_issue, make_publication

pytestmark = pytest.mark.django_db

PARAMETERS = [{}, {"year": "2021"}, {"page": "2"}, {"page": "x"}, {"paper": "qingfeng"}, {"date_from": "2020-01-01"},
              {"year": "1900"}, {"q": "会议"}, {"tag": "公开标签"}]


@pytest.fixture
def hidden_names():
    """A public paper and article; a person, a tag and a paper known only to unpublished articles."""
    public_paper = make_publication("青枫镇")
    public = make_article(make_issue(public_paper, dt.date(2021, 3, 1)), title="公开的会议")
    public.tags.add("公开标签")
    hidden_paper = make_publication("梅园路街道")
    hidden = make_article_in_each_hidden_state(make_issue(hidden_paper, dt.date(2021, 4, 1)))
    person = Person.objects.create(pk=987001, name="卞晓清", town="梅园路街道")  # an id no page holds by chance
    for article in hidden:
        article.tags.add("草稿标签")
        Mention.objects.create(person=person, article=article, title="主任", office="主任", issue_date=dt.date(2021, 4, 1))
    return {"person": person, "tag": Tag.objects.get(name="草稿标签"), "paper": hidden_paper, "public": public}


def pages_of(names):
    person, tag, paper = names["person"], names["tag"], names["paper"]
    return [reverse("person-detail", args=[person.pk]), reverse("tag-detail", args=[tag.slug]),
            reverse("tag-feed", args=[tag.slug]), reverse("paper-detail", args=[paper.slug]),
            reverse("paper-feed", args=[paper.slug]), reverse("paper-year", args=[paper.slug, 2021]),
            reverse("api-paper", args=[paper.slug])]


@pytest.mark.parametrize("params", PARAMETERS)
def test_no_page_or_feed_of_a_hidden_name_answers_whatever_its_parameters(client, hidden_names, params):
    for url in pages_of(hidden_names):
        response = client.get(url, params)
        assert response.status_code == 404, (url, params)
        content = response.content.decode()
        assert "卞晓清" not in content and "草稿标签" not in content and "梅园路街道" not in content, url


def test_the_same_pages_of_public_names_answer(client, hidden_names):
    public = hidden_names["public"]
    person = Person.objects.create(name="杜明远", town="青枫镇")
    Mention.objects.create(person=person, article=public, title="书记", office="书记", issue_date=public.issue.date)
    for url in [reverse("person-detail", args=[person.pk]), reverse("tag-detail", args=["公开标签"]),
                reverse("tag-feed", args=["公开标签"]), reverse("paper-detail", args=["qingfeng"]),
                reverse("paper-feed", args=["qingfeng"]), reverse("paper-year", args=["qingfeng", 2021])]:
        for params in PARAMETERS:
            assert client.get(url, params).status_code == 200, (url, params)


def same_answer(client, url, name, hidden_value, unknown_value):
    hidden = client.get(url, {name: hidden_value})
    unknown = client.get(url, {name: unknown_value})
    assert hidden.status_code == unknown.status_code, (url, name)
    def masked(response, value):  # the value itself, as sent and as URL-encoded, is the client's own
        return response.content.decode().replace(quote(value), "?").replace(value, "?")

    assert masked(hidden, hidden_value) == masked(unknown, unknown_value), (url, name)
    return hidden


@pytest.mark.parametrize("url", ["api-articles", "search"])
def test_a_hidden_filter_value_is_answered_as_an_unknown_one(client, hidden_names, url):
    hidden = {"person": str(hidden_names["person"].pk), "tag": hidden_names["tag"].slug,
              "paper": hidden_names["paper"].slug}
    for name, value in hidden.items():
        response = same_answer(client, reverse(url), name, value, "nope" if name != "person" else "987002")
        if url == "api-articles":
            assert response.status_code == 400 and name in response.json()["fields"]
    same_answer(client, reverse("api-issues"), "paper", hidden["paper"], "nope")


def test_no_list_offers_a_paper_with_nothing_public(client, hidden_names):
    for url in [reverse("search"), reverse("tag-detail", args=["公开标签"]), reverse("api-papers")]:
        content = client.get(url).content.decode()
        assert "青枫镇" in content and "梅园路街道" not in content, url
