"""Related articles are computed when an article is published or changed, stored, and read with
one query."""

import pytest
from django.utils import timezone

from articles.models import ArticleStatus, RelatedArticle
from articles.services.related import related_articles

from ..factories import make_article, make_issue

pytestmark = pytest.mark.django_db


def tagged(issue, title, *tags, **kwargs):
    article = make_article(issue, title=title, **kwargs)
    article.tags.add(*tags)
    return article


def test_an_article_page_reads_its_related_articles_with_one_query(django_assert_num_queries):
    issue = make_issue()
    me = tagged(issue, "垃圾分类推进会", "垃圾分类")
    close = tagged(issue, "垃圾分类评估", "垃圾分类")
    with django_assert_num_queries(1):
        assert related_articles(me) == [close]


def test_an_article_published_later_joins_the_lists_of_the_articles_it_relates_to():
    issue = make_issue()
    me = tagged(issue, "垃圾分类推进会", "垃圾分类")
    assert related_articles(me) == []
    later = tagged(issue, "垃圾分类评估", "垃圾分类", status=ArticleStatus.DRAFT, published_at=None)
    assert related_articles(me) == []
    later.status, later.published_at = ArticleStatus.PUBLISHED, timezone.now()
    later.save()
    assert related_articles(me) == [later]


def test_a_withdrawn_article_leaves_the_lists_that_named_it():
    issue = make_issue()
    me = tagged(issue, "垃圾分类推进会", "垃圾分类")
    gone = tagged(issue, "垃圾分类评估", "垃圾分类")
    kept = tagged(issue, "垃圾分类表彰", "垃圾分类")
    assert set(related_articles(me)) == {gone, kept}
    gone.status = ArticleStatus.WITHDRAWN
    gone.save()
    assert related_articles(me) == [kept]


def test_a_tag_removed_takes_the_article_out_of_its_old_neighbours_lists():
    issue = make_issue()
    me = tagged(issue, "垃圾分类推进会", "垃圾分类")
    other = tagged(issue, "垃圾分类评估", "垃圾分类")
    assert related_articles(me) == [other]
    other.tags.remove("垃圾分类")
    assert related_articles(other) == []


def test_an_article_with_no_stored_list_gets_one_when_first_read():
    issue = make_issue()
    me = tagged(issue, "垃圾分类推进会", "垃圾分类")
    close = tagged(issue, "垃圾分类评估", "垃圾分类")
    RelatedArticle.objects.all().delete()  # as after a bulk import, which sends no signals
    assert related_articles(me) == [close]
    assert RelatedArticle.objects.filter(article=me, related=close).exists()
