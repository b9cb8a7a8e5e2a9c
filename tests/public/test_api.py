"""The read-only JSON API."""

import pytest
from django.urls import reverse

from .test_pages import build_archive

pytestmark = pytest.mark.django_db


def test_article_list_has_the_documented_shape_and_pages(client):
    build_archive(10)  # 30 articles
    data = client.get(reverse("api-articles")).json()
    assert set(data) == {"count", "next", "previous", "results"}
    assert data["count"] == 30 and len(data["results"]) == 20 and data["previous"] is None
    first = data["results"][0]
    assert {"id", "url", "title", "subtitle", "date", "paper", "tags", "snippet"} <= set(first)
    second = client.get(data["next"]).json()
    assert len(second["results"]) == 10 and second["next"] is None and second["previous"]


def test_filters_and_search_combine(client):
    build_archive(10)
    data = client.get(reverse("api-articles"), {"q": "防汛", "paper": "qingfeng", "tag": "专题2", "date_from": "2021-01-01",
                                                 "date_to": "2022-12-31"}).json()
    assert {r["paper"] for r in data["results"]} == {"qingfeng"}
    assert all("专题2" in r["tags"] for r in data["results"])
    assert all("2021" <= r["date"] <= "2022-12-31" for r in data["results"])
    assert data["count"] == 2  # issues 2 (2022) and 6 (2021) of the qingfeng paper


def test_article_detail_adds_body_captions_and_people(client):
    article = build_archive(1)[0]
    data = client.get(reverse("api-article", args=[article.pk])).json()
    assert data["body"] == article.body and data["captions"] == ["演练现场"]
    assert data["people"][0]["name"] == "沈佳琪" and data["people"][0]["title"] == "镇长"


def test_issues_and_papers(client):
    build_archive(3)
    issues = client.get(reverse("api-issues"), {"paper": "qingfeng"}).json()
    assert issues["count"] == 2
    issue = client.get(reverse("api-issue", args=[issues["results"][0]["id"]])).json()
    assert len(issue["articles"]) == 3
    papers = client.get(reverse("api-papers")).json()
    assert {p["slug"] for p in papers["results"]} == {"qingfeng", "meiyuanlu"}


@pytest.mark.parametrize("params", [{"page": "0"}, {"page": "x"}, {"page": "999"}, {"page_size": "1000"},
                                    {"year": "abc"}, {"paper": "nope"}, {"date_from": "yesterday"}, {"person": "-1"}])
def test_bad_parameters_get_a_json_error(client, params):
    build_archive(1)
    response = client.get(reverse("api-articles"), params)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert "error" in response.json()


def test_missing_things_are_json_404s(client):
    response = client.get(reverse("api-article", args=[999999]))
    assert response.status_code == 404 and response.json() == {"error": "没有找到"}
