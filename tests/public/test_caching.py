"""Whole-page caching: pages are served from the cache until public content changes, then at once
from the database; a withdrawn article is never served, in local memory or in a shared Redis."""

import datetime as dt
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.services import workflow

from ..factories import make_article, make_issue

pytestmark = pytest.mark.django_db

REDIS = "redis://127.0.0.1:6379/14"


def redis_available() -> bool:
    import socket

    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
        return True
    except OSError:
        return False


@pytest.fixture(params=["local memory", "redis"])
def page_cache(request, settings):
    if request.param == "redis":
        if not redis_available():
            pytest.skip("no Redis on 127.0.0.1:6379")
        settings.CACHES = {**settings.CACHES, "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                                          "LOCATION": REDIS, "KEY_PREFIX": "newsroom-test"}}
    settings.PAGE_CACHE_SECONDS = 300
    from django.core.cache import cache

    cache.clear()
    yield request.param
    cache.clear()


def pages_showing(article):
    return [reverse("home"), article.get_absolute_url(), article.issue.get_absolute_url(),
            reverse("search") + "?q=防汛", reverse("tag-detail", args=["防汛"]), reverse("feed")]


def test_a_page_is_computed_once_then_served_from_the_cache(client, page_cache):
    article = make_article(title="防汛演练", body="防汛演练正文。")
    with CaptureQueriesContext(connection) as first:
        assert client.get(article.get_absolute_url()).status_code == 200
    with CaptureQueriesContext(connection) as second:
        assert client.get(article.get_absolute_url()).status_code == 200
    assert len(second) == 1 < len(first)  # only the content version is read


def test_a_withdrawn_article_disappears_from_every_cached_page_at_once(client, page_cache, chief_user):
    article = make_article(title="防汛演练通知", body="防汛演练正文。")
    article.tags.add("防汛")
    for url in pages_showing(article):
        assert "防汛演练通知" in client.get(url).content.decode(), url
    workflow.article_transition(article=article, action="withdraw", user=chief_user)
    assert client.get(article.get_absolute_url()).status_code == 404
    for url in pages_showing(article)[2:]:
        response = client.get(url)
        assert response.status_code in (200, 404) and "防汛演练通知" not in response.content.decode(), url
    assert "防汛演练通知" not in client.get(reverse("home")).content.decode()


def test_an_edit_shows_on_the_next_request(client, page_cache, chief_user):
    article = make_article(title="防汛演练通知", body="防汛演练正文。")
    assert "防汛演练通知" in client.get(article.get_absolute_url()).content.decode()
    workflow.article_update(article=article, user=chief_user, expected_version=article.version,
                            data={"title": "防汛演练改期通知"})
    assert "防汛演练改期通知" in client.get(article.get_absolute_url()).content.decode()


def test_browsers_revalidate_and_get_not_modified_until_content_changes(client, page_cache, chief_user):
    article = make_article(title="防汛演练通知")
    response = client.get(article.get_absolute_url())
    assert "no-cache" in response["Cache-Control"]
    etag = response["ETag"]
    assert client.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=etag).status_code == 304
    workflow.article_transition(article=article, action="withdraw", user=chief_user)
    assert client.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=etag).status_code == 404


def test_a_scheduled_article_appears_on_time_though_pages_are_cached(client, page_cache):
    issue = make_issue(date=dt.date(2024, 6, 1))
    make_article(issue, title="先发的文章")
    make_article(issue, title="定时发布的文章", published_at=timezone.now() + dt.timedelta(seconds=2))
    assert "定时发布的文章" not in client.get(reverse("home")).content.decode()
    time.sleep(2.5)
    assert "定时发布的文章" in client.get(reverse("home")).content.decode()

