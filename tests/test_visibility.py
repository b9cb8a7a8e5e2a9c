import datetime as dt
from unittest import mock

import pytest
from django.utils import timezone

from articles.models import Article, ArticleStatus

from .factories import make_article, make_issue

pytestmark = pytest.mark.django_db


def test_article_published_in_the_past_is_public():
    article = make_article(status=ArticleStatus.PUBLISHED, published_at="past")
    assert list(Article.objects.published()) == [article]


@pytest.mark.parametrize("status", [ArticleStatus.DRAFT, ArticleStatus.REVIEW, ArticleStatus.WITHDRAWN])
def test_article_not_in_published_status_is_not_public_even_with_a_past_publish_time(status):
    make_article(status=status, published_at="past")
    assert not Article.objects.published().exists()


def test_published_article_without_publish_time_is_not_public():
    make_article(status=ArticleStatus.PUBLISHED, published_at=None)
    assert not Article.objects.published().exists()


def test_article_scheduled_in_the_future_is_not_public_until_its_time():
    publish_at = timezone.now() + dt.timedelta(hours=2)
    article = make_article(status=ArticleStatus.PUBLISHED, published_at=publish_at)
    assert not Article.objects.published().exists()
    assert list(Article.objects.scheduled()) == [article]

    later = publish_at + dt.timedelta(seconds=1)
    with mock.patch("articles.models.article.timezone.now", return_value=later):
        assert list(Article.objects.published()) == [article]
        assert not Article.objects.scheduled().exists()


def test_published_keeps_only_the_public_articles_of_a_mixed_issue():
    issue = make_issue()
    public = make_article(issue, title="公开")
    make_article(issue, status=ArticleStatus.DRAFT, published_at=None)
    make_article(issue, status=ArticleStatus.REVIEW, published_at=None)
    make_article(issue, status=ArticleStatus.WITHDRAWN)
    make_article(issue, status=ArticleStatus.PUBLISHED, published_at="future")
    assert list(Article.objects.published()) == [public]
    assert public.is_public
