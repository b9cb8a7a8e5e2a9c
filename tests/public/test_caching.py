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



@pytest.fixture
def superuser_client(client):
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_superuser("root", password="pw-Ab3456789"))
    return client


def admin_change(client, obj, **changes):
    """Save an object through its admin change form, as an editor would."""
    from django.forms.models import model_to_dict

    opts = obj._meta
    data = {k: ("" if v is None else v) for k, v in model_to_dict(obj).items() if not isinstance(v, (list, dict))}
    data.update(changes)
    if opts.model_name == "person":
        data.update({"mentions-TOTAL_FORMS": "0", "mentions-INITIAL_FORMS": "0"})
    response = client.post(f"/admin/{opts.app_label}/{opts.model_name}/{obj.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]


def test_a_renamed_tag_shows_at_once_on_every_cached_page(page_cache, superuser_client, client):
    from articles.models import Tag

    article = make_article(title="防汛演练通知")
    article.tags.add("防汛")
    urls = [article.get_absolute_url(), reverse("tag-detail", args=["防汛"]), reverse("tag-index"), reverse("home")]
    for url in urls:
        assert "防汛" in client.get(url).content.decode()
    admin_change(superuser_client, Tag.objects.get(name="防汛"), name="防汛抗台")
    superuser_client.logout()
    for url in urls:
        assert "防汛抗台" in client.get(url).content.decode(), url


def test_merged_tags_show_at_once(page_cache, client):
    from articles.models import VocabularyWord
    from articles.services import topics

    article = make_article(title="加装电梯进展")
    article.tags.add("加梯")
    assert "加梯" in client.get(article.get_absolute_url()).content.decode()
    synonym, _ = VocabularyWord.objects.get_or_create(word="加梯")
    preferred, _ = VocabularyWord.objects.get_or_create(word="加装电梯")
    topics.vocabulary_merge(synonyms=[synonym], preferred=preferred)
    page = client.get(article.get_absolute_url()).content.decode()
    assert ">加装电梯</a>" in page and ">加梯</a>" not in page
    assert client.get(reverse("tag-detail", args=["加梯"])).status_code == 404


def test_person_paper_and_issue_edits_show_at_once(page_cache, superuser_client, client):
    from articles.models import Mention, Person

    article = make_article(title="防汛演练通知")
    person = Person.objects.create(name="沈佳琪", town="青枫镇")
    Mention.objects.create(person=person, article=article, title="镇长", office="镇长", issue_date=article.issue.date)
    paper, issue = article.issue.publication, article.issue
    urls = [article.get_absolute_url(), reverse("person-detail", args=[person.pk]), reverse("home"),
            paper.get_absolute_url(), issue.get_absolute_url()]
    for url in urls:
        assert client.get(url).status_code == 200
    admin_change(superuser_client, person, name="沈佳祺")
    assert "沈佳祺" in client.get(reverse("person-detail", args=[person.pk])).content.decode()
    assert "沈佳祺" in client.get(article.get_absolute_url()).content.decode()
    admin_change(superuser_client, paper, name="青枫新报")
    for url in [reverse("home"), paper.get_absolute_url(), article.get_absolute_url()]:
        assert "青枫新报" in client.get(url).content.decode(), url
    admin_change(superuser_client, issue, number="4242", publication=str(paper.pk))
    assert "4242" in client.get(issue.get_absolute_url()).content.decode()


def test_the_version_goes_up_with_the_change_and_not_without_it(page_cache):
    from django.db import transaction

    from articles.caching import content_version
    from articles.models import Tag

    article = make_article(title="防汛演练通知")
    article.tags.add("防汛")
    tag = Tag.objects.get(name="防汛")
    before = content_version()
    with pytest.raises(RuntimeError), transaction.atomic():
        tag.name = "改名"
        tag.save()
        raise RuntimeError("the rename is rolled back")
    assert content_version() == before
    tag.refresh_from_db()
    Tag.objects.create(name="无人用的标签")  # nothing public shows it: no page is stale
    assert content_version() == before
    tag.name = "防汛抗台"
    tag.save()
    assert content_version() == before + 1
