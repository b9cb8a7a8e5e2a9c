from urllib.parse import unquote

import pytest
from django.db import IntegrityError, transaction
from django.urls import resolve, reverse

from articles.models import Issue, Publication, Tag

from .factories import make_article, make_issue, make_publication

pytestmark = pytest.mark.django_db


def test_the_same_source_text_cannot_be_stored_twice():
    issue = make_issue()
    with pytest.raises(IntegrityError), transaction.atomic():
        Issue.objects.create(
            publication=issue.publication, date=issue.date, slug="other", source_name="copy.txt",
            source_text=issue.source_text, source_sha256=issue.source_sha256,
        )
    assert Issue.objects.count() == 1


def test_chinese_tag_names_get_unicode_slugs_that_work_in_urls():
    article = make_article()
    article.tags.add("垃圾分类", "加装电梯")
    tag = Tag.objects.get(name="垃圾分类")
    assert tag.slug == "垃圾分类"
    url = reverse("tag-detail", kwargs={"slug": tag.slug})
    assert url == "/tags/%E5%9E%83%E5%9C%BE%E5%88%86%E7%B1%BB/"
    # The server decodes the path before resolving it, as resolve(unquote(...)) does here.
    assert resolve(unquote(url)).kwargs == {"slug": "垃圾分类"}


def test_a_tag_made_only_of_symbols_gets_a_slug_that_is_not_empty():
    article = make_article()
    article.tags.add("★★", "——")
    slugs = list(Tag.objects.values_list("slug", flat=True))
    assert len(slugs) == 2
    assert all(slugs) and len(set(slugs)) == 2
    for slug in slugs:
        assert resolve(unquote(reverse("tag-detail", kwargs={"slug": slug}))).kwargs["slug"] == slug


def test_tags_whose_names_slugify_alike_get_distinct_slugs():
    first = Tag.objects.create(name="一网 统管")
    second = Tag.objects.create(name="一网-统管")
    assert first.slug != second.slug
    assert first.slug and second.slug


def test_tag_names_are_matched_without_regard_to_latin_case():
    article = make_article()
    article.tags.add("WiFi")
    article.tags.add("wifi")
    assert Tag.objects.count() == 1


def test_paper_slug_is_the_pinyin_of_its_town():
    assert make_publication(town="青枫镇").slug == "qingfeng"
    assert make_publication(town="江川路街道").slug == "jiangchuanlu"


def test_paper_slug_never_takes_a_reserved_url_word():
    paper = Publication.objects.create(name="测试报", town="测试镇", slug=Publication.free_slug("search"))
    assert paper.slug != "search"


def literal_words(patterns, prefix):
    """The fixed first word of each URL pattern under `prefix` (`search` of `search/`)."""
    words = set()
    for pattern in patterns:
        route = str(pattern.pattern)
        if route.startswith(prefix):
            word = route[len(prefix):].split("/")[0]
            if word and "<" not in word:
                words.add(word.split("-<")[0])
    return words


def test_every_word_the_sites_urls_take_is_reserved_from_paper_and_issue_slugs():
    from django.urls import get_resolver

    from articles.urls import urlpatterns
    from articles.validators import RESERVED_ISSUE_SLUGS, RESERVED_PAPER_SLUGS

    top_level = literal_words(get_resolver().url_patterns, "") | literal_words(urlpatterns, "")
    assert top_level - {"sitemap"} <= RESERVED_PAPER_SLUGS
    assert literal_words(urlpatterns, "<slug:paper>/") <= RESERVED_ISSUE_SLUGS


@pytest.mark.parametrize("slug", ["search", "admin", "api", "tags"])
def test_a_paper_cannot_be_given_a_slug_the_sites_urls_take(slug):
    from django.core.exceptions import ValidationError

    paper = Publication(name="测试报", town="测试镇", slug=slug)
    with pytest.raises(ValidationError) as raised:
        paper.full_clean()
    assert "网址用词" in str(raised.value.message_dict["slug"])


@pytest.mark.parametrize("slug", ["date", "feed", "2024"])
def test_an_issue_cannot_be_given_a_slug_its_papers_pages_take(slug):
    from django.core.exceptions import ValidationError

    issue = make_issue()
    issue.slug = slug
    with pytest.raises(ValidationError) as raised:
        issue.full_clean()
    assert "slug" in raised.value.message_dict


@pytest.mark.parametrize("slug", ["2024-03-27", "2024-03-27-2", "spring-2024", "20240327"])
def test_an_issue_may_take_a_date_or_a_word_of_its_own(slug):
    issue = make_issue()
    issue.slug = slug
    issue.full_clean()


def test_issue_slug_is_its_date_and_stays_unique_within_a_paper():
    paper = make_publication()
    first = make_issue(paper)
    second = make_issue(paper, date=first.date)
    assert first.slug == "2024-05-20"
    assert second.slug == "2024-05-20-2"


def test_an_article_keeps_its_issues_date_and_follows_a_correction_of_it():
    import datetime as dt

    from articles.caching import content_version

    issue = make_issue(date=dt.date(2023, 6, 1))
    article = make_article(issue)
    assert article.issue_date == dt.date(2023, 6, 1)
    before = content_version()
    issue.date = dt.date(2023, 7, 15)
    issue.save()
    article.refresh_from_db()
    assert article.issue_date == dt.date(2023, 7, 15)
    assert content_version() != before  # pages that show the old date are stale
    moved = make_issue(date=dt.date(2024, 1, 2))
    article.issue = moved
    article.save(update_fields=["issue"])
    article.refresh_from_db()
    assert article.issue_date == dt.date(2024, 1, 2)
