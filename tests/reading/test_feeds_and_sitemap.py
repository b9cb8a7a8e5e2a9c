"""Feeds dated by print, with tags; a sitemap of every public page kind, each with lastmod; a footer residents read."""

import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Mention, Person

from ..factories import make_article, make_issue, make_publication

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def back_issue():
    """A 2019 issue put online today."""
    article = make_article(make_issue(make_publication(), dt.date(2019, 4, 24)), title="五年前的文章",
                           published_at=timezone.now() - dt.timedelta(minutes=5))
    article.tags.add("加装电梯", "社区")
    return article


def entries(client, url):
    feed = ET.fromstring(client.get(url).content)
    return {e.findtext(f"{ATOM}title"): e for e in feed.findall(f"{ATOM}entry")}


def test_an_entry_is_dated_by_print_and_updated_by_its_last_change(client, back_issue):
    for url in (reverse("feed"), reverse("paper-feed", args=[back_issue.issue.publication.slug]),
                reverse("tag-feed", args=["加装电梯"])):
        entry = entries(client, url)["五年前的文章"]
        assert entry.findtext(f"{ATOM}published").startswith("2019-04-24T00:00:00+08:00"), url
        updated = dt.datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))
        assert abs(updated - back_issue.updated_at) < dt.timedelta(seconds=1), url
        assert sorted(c.get("term") for c in entry.findall(f"{ATOM}category")) == ["加装电梯", "社区"], url


def test_the_sitemap_covers_every_kind_of_public_page_each_with_lastmod(client, back_issue):
    hidden = make_article(make_issue(make_publication("无公开镇")), status="draft", published_at=None)
    person = Person.objects.create(name="卞晓清", town="青枫镇")
    Mention.objects.create(person=person, article=back_issue, title="镇长", office="镇长",
                           issue_date=back_issue.issue_date)
    index = client.get(reverse("sitemap-index")).content.decode()
    sections = re.findall(r"sitemap-(\w+)\.xml", index)
    assert sections == ["home", "papers", "years", "issues", "articles", "tags", "people"]
    found = {}
    for section in sections:
        root = ET.fromstring(client.get(reverse("sitemap-section", args=[section])).content)
        urls = root.findall(f"{SM}url")
        assert urls, section
        assert all(u.findtext(f"{SM}lastmod") for u in urls), section
        found[section] = {re.sub(r"^https?://[^/]+", "", u.findtext(f"{SM}loc")) for u in urls}
    paper = back_issue.issue.publication
    assert found["home"] == {"/"}
    assert found["papers"] == {paper.get_absolute_url()}
    assert found["years"] == {reverse("paper-year", args=[paper.slug, 2019])}
    assert found["issues"] == {back_issue.issue.get_absolute_url()}
    assert found["articles"] == {back_issue.get_absolute_url()}
    assert found["tags"] == {reverse("tag-detail", args=[t]) for t in ("加装电梯", "社区")}
    assert found["people"] == {person.get_absolute_url()}
    assert not any(hidden.get_absolute_url() in urls for urls in found.values())
    lastmod = ET.fromstring(client.get(reverse("sitemap-section", args=["years"])).content) \
        .find(f"{SM}url").findtext(f"{SM}lastmod")
    assert lastmod == timezone.localtime(back_issue.updated_at).date().isoformat()


def test_the_footer_says_what_a_resident_understands(client, back_issue):
    page = client.get(reverse("home")).content.decode()
    footer = re.search(r'<footer class="site-footer">.*?</footer>', page, re.S).group(0)
    assert f'<a href="{reverse("feed")}"' in footer and ">订阅更新</a>" in footer
    assert f'<a href="{reverse("api-articles")}"' in footer and ">开放数据</a>" in footer
    assert "Atom" not in re.sub(r'title="[^"]*"', "", footer) and "数据接口" not in footer
