"""Readers and the printed page: the issue's 版面 in print order with their articles, the page
viewer, 第N版 and photos on article pages, Open Graph cards with absolute URLs; nothing of an
issue or article the public may not see."""

import re

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from articles.models import Article, ArticlePhoto, ArticleStatus, Issue, IssuePage
from articles.services import workflow
from articles.services.importing import Source
from articles.services.jobs import job_run, jobs_create

from ..printed import issue_pdf

pytestmark = pytest.mark.django_db


def import_pdf(publish: bool) -> Issue:
    # Publishing at import is a chief's; the paper is made because the import is told to.
    chief = User.objects.create_superuser("importer", password="pw-Ab3456789") if publish else None
    job = jobs_create(source=Source("issue.pdf", issue_pdf().pdf), publish=publish, user=chief, create_paper=True,
                      enqueue=False)
    return job_run(job_id=job.pk).issue


@pytest.fixture
def published(media_root, settings):
    settings.SITE_URL = "https://news.example.org"
    return import_pdf(publish=True)


def html(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def og(page: str, prop: str) -> str | None:
    found = re.search(rf'<meta property="{prop}" content="([^"]*)"', page)
    return found.group(1) if found else None


def test_the_issue_page_shows_its_pages_in_print_order_with_the_articles_on_each(client, published):
    page = html(client, published.get_absolute_url())
    labels = re.findall(r'<span class="print-label">(第\d+版)</span>', page)
    assert labels == [f"第{p.number}版" for p in published.print_pages.order_by("index")]
    first_page = published.print_pages.order_by("index").first()
    on_first = Article.objects.filter(issue=published, page=first_page.number).order_by("position")
    section = page.split('class="print-page-card"')[1]
    assert all(a.title in section for a in on_first)


def test_the_page_viewer_shows_the_page_and_links_its_articles(client, published):
    first = published.print_pages.order_by("index").first()
    page = html(client, first.get_absolute_url())
    assert first.full_url in page and 'id="viewer-frame"' in page and "newsroom/viewer.js" in page
    for article in Article.objects.filter(issue=published, page=first.number):
        assert article.get_absolute_url() in page
    assert "https://" not in page.split("<body>")[1]  # nothing from elsewhere is loaded


def test_an_article_page_says_its_page_links_to_it_and_shows_its_photos_with_captions_as_alt(client, published):
    photo = ArticlePhoto.objects.filter(article__issue=published).select_related("article").first()
    article = photo.article
    page = html(client, article.get_absolute_url())
    viewer = IssuePage.objects.get(issue=published, number=article.page, index=photo.page.index).get_absolute_url()
    assert f'href="{viewer}">第{article.page}版</a>' in page
    assert f'<img src="{photo.url}" alt="{photo.caption}"' in page
    assert "photo-placeholder" not in page
    assert og(page, "og:image") == f"https://news.example.org{photo.url}"


def test_an_article_without_a_photo_offers_its_page_as_the_card_image(client, published):
    article = Article.objects.filter(issue=published, page__isnull=False).last()
    ArticlePhoto.objects.filter(article=article).delete()
    page = html(client, article.get_absolute_url())
    assert og(page, "og:image").startswith("https://news.example.org/media/print/page/")
    assert og(page, "og:title") == article.title and og(page, "og:description")


def test_images_are_served_as_webp_from_storage(client, published):
    first = published.print_pages.order_by("index").first()
    response = client.get(first.thumb_url)
    assert response.status_code == 200 and response["Content-Type"] == "image/webp"
    assert b"".join(response.streaming_content)[:4] == b"RIFF"


def test_an_unpublished_issue_shows_no_pages_and_no_photos(client, media_root):
    issue = import_pdf(publish=False)
    first = issue.print_pages.order_by("index").first()
    photo = ArticlePhoto.objects.filter(article__issue=issue).first()
    assert client.get(first.get_absolute_url()).status_code == 404
    assert client.get(first.full_url).status_code == 404
    assert client.get(photo.url).status_code == 404


def test_a_withdrawn_articles_photo_is_no_longer_served(client, published):
    photo = ArticlePhoto.objects.filter(article__issue=published).first()
    assert client.get(photo.url).status_code == 200
    chief = User.objects.create_superuser("chief", password="pw-Ab3456789")
    workflow.article_transition(article=photo.article, action="withdraw", user=chief)
    assert Article.objects.get(pk=photo.article_id).status == ArticleStatus.WITHDRAWN
    assert client.get(photo.url).status_code == 404


def test_an_issue_imported_as_a_draft_shows_its_pages_once_the_chief_publishes_it(client, media_root):
    issue = import_pdf(publish=False)
    assert client.get(issue.get_absolute_url()).status_code == 404
    chief = User.objects.create_superuser("chief", password="pw-Ab3456789")
    workflow.issue_publish(issue=issue, user=chief)
    page = html(client, issue.get_absolute_url())
    first = issue.print_pages.order_by("index").first()
    assert first.thumb_url in page
    assert client.get(first.thumb_url).status_code == 200


def test_the_api_gives_an_articles_page_and_its_photos_with_absolute_urls(client, published):
    photo = ArticlePhoto.objects.filter(article__issue=published).select_related("article").first()
    data = client.get(reverse("api-article", args=[photo.article_id])).json()
    assert data["page"] == photo.article.page
    assert {"url": f"https://news.example.org{photo.url}", "caption": photo.caption} in [
        {k: p[k] for k in ("url", "caption")} for p in data["photos"]]
