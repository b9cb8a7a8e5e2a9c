"""Absolute URLs come from the configured origin: no Host or X-Forwarded-Host header a request
sends reaches another reader through the page cache."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from .test_pages import build_archive

pytestmark = pytest.mark.django_db

FORGED = "127.0.0.1:9999"


def urls(articles):
    first = articles[0]
    return [reverse("api-articles") + "?page_size=1", reverse("api-article", args=[first.pk]),
            reverse("api-issues") + "?page_size=1", reverse("api-papers"), reverse("home"), first.get_absolute_url(),
            reverse("tag-detail", args=["防汛"]), reverse("feed"), reverse("tag-feed", args=["防汛"]),
            reverse("paper-feed", args=["qingfeng"]), reverse("sitemap-index"),
            reverse("sitemap-section", args=["articles"]), reverse("robots")]


@pytest.fixture
def production(settings):
    settings.SITE_URL = "https://news.example.org"
    settings.ALLOWED_HOSTS = ["news.example.org", "127.0.0.1"]
    settings.USE_X_FORWARDED_HOST = True  # even were the proxy's header trusted, it must not matter
    settings.PAGE_CACHE_SECONDS = 300
    settings.RATELIMIT_ENABLE = False  # count the page's queries only (see test_client_address)
    return build_archive(3)


def test_a_forged_host_never_reaches_another_readers_cached_page(client, production):
    for url in urls(production):
        for _ in range(6):
            for headers in ({"HTTP_HOST": FORGED}, {"HTTP_HOST": "news.example.org", "HTTP_X_FORWARDED_HOST": FORGED}):
                forged = client.get(url, **headers)
                assert forged.status_code == 200, url
                assert "9999" not in forged.content.decode(), url  # not even the forger's own answer
        with CaptureQueriesContext(connection) as queries:
            reader = client.get(url, HTTP_HOST="news.example.org")
        content = reader.content.decode()
        assert reader.status_code == 200 and "https://news.example.org/" in content, url
        assert "9999" not in content and "127.0.0.1" not in content, url
        if url != reverse("robots"):
            assert len(queries) <= 1, url  # served from the cache the forged requests filled


def test_a_host_the_site_does_not_serve_is_refused(client, production):
    assert client.get(reverse("home"), HTTP_HOST="evil.example").status_code == 400
    assert client.get(reverse("api-articles"), HTTP_X_FORWARDED_HOST="evil.example",
                      HTTP_HOST="news.example.org").status_code == 400


def test_in_development_each_origin_gets_its_own_cached_pages(client, settings):
    settings.SITE_URL = ""
    settings.ALLOWED_HOSTS = ["127.0.0.1", "testserver"]
    settings.PAGE_CACHE_SECONDS = 300
    build_archive(3)
    url = reverse("api-articles") + "?page_size=1"
    for _ in range(6):
        assert f"http://{FORGED}/" in client.get(url, HTTP_HOST=FORGED).json()["next"]  # the forger's own page
    reader = client.get(url, HTTP_HOST="127.0.0.1")
    assert reader.json()["next"].startswith("http://127.0.0.1/api/articles/")
    assert "9999" not in reader.content.decode()


def test_canonical_and_open_graph_urls_use_the_site_origin(client, production):
    article = production[0]
    page = client.get(article.get_absolute_url(), HTTP_HOST="127.0.0.1:9999").content.decode()
    assert f'<link rel="canonical" href="https://news.example.org{article.get_absolute_url()}">' in page
    assert f'<meta property="og:url" content="https://news.example.org{article.get_absolute_url()}">' in page
