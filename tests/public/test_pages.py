"""The public pages: what they show, their filters, and how many queries they cost."""

import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Mention, Person

from ..factories import make_article, make_issue, make_publication

pytestmark = pytest.mark.django_db


def build_archive(n_issues, per_issue=3):
    qingfeng, meiyuan = make_publication("青枫镇"), make_publication("梅园路街道")
    person, _ = Person.objects.get_or_create(name="沈佳琪", town="青枫镇")
    articles = []
    for i in range(n_issues):
        paper = qingfeng if i % 2 == 0 else meiyuan
        issue = make_issue(paper, dt.date(2020 + i % 5, 1 + i % 12, 10))
        for j in range(per_issue):
            article = make_article(issue, title=f"第{i}期第{j}篇 防汛演练", body=f"青枫镇开展防汛演练{i}-{j}。\n\n## 小标题\n\n镇长沈佳琪出席。",
                                   captions=["演练现场"])
            article.tags.add("防汛", f"专题{j}")
            Mention.objects.create(person=person, article=article, title="镇长", office="镇长", issue_date=issue.date)
            articles.append(article)
    return articles


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def pages(articles):
    first = articles[0]
    return [reverse("home"), reverse("search") + "?q=防汛", reverse("search") + "?q=防汛&tag=防汛&year=2020",
            reverse("tag-index"), reverse("tag-detail", args=["防汛"]),
            reverse("person-detail", args=[Person.objects.get().pk]), reverse("paper-detail", args=["qingfeng"]),
            reverse("paper-year", args=["qingfeng", 2020]), first.issue.get_absolute_url(), first.get_absolute_url(),
            reverse("api-articles") + "?q=防汛", reverse("api-article", args=[first.pk]), reverse("api-issues"),
            reverse("feed"), reverse("sitemap-section", args=["articles"])]


def test_queries_per_page_do_not_grow_with_the_number_of_articles(client, settings):
    settings.PUBLIC_CACHE_ENABLED = False  # count what computing each page costs,
    settings.RATELIMIT_ENABLE = False  # not the rate limit's counter (one write per request, see test_proxy)
    small = build_archive(4)
    counts_small = {url: queries(client, url) for url in pages(small)}
    build_archive(40)
    counts_large = {url: queries(client, url) for url in pages(small)}
    assert counts_large == counts_small
    assert max(counts_small.values()) <= 15


def test_article_page_shows_everything_a_reader_needs(client):
    articles = build_archive(1)
    first, second = articles[0], articles[1]
    page = client.get(first.get_absolute_url()).content.decode()
    assert '<html lang="zh-CN">' in page
    assert f"<h1 id=\"article-title\">{first.title}</h1>" in page
    assert "<h2>小标题</h2>" in page and "<figcaption>演练现场</figcaption>" in page
    assert 'href="/tags/%E9%98%B2%E6%B1%9B/"' in page
    assert "镇长沈佳琪" in page
    assert f'rel="next" href="/articles/{second.pk}/"' in page
    assert f'<link rel="canonical" href="http://testserver/articles/{first.pk}/">' in page
    assert f'<meta property="og:title" content="{first.title}">' in page
    assert '<meta property="og:description" content="青枫镇开展防汛演练' in page


def test_the_year_archive_lays_issues_out_by_month_in_one_issue_query(client):
    build_archive(12)
    with CaptureQueriesContext(connection) as captured:
        page = client.get(reverse("paper-year", args=["qingfeng", 2020])).content.decode()
    issue_queries = [q for q in captured if 'FROM "articles_issue"' in q["sql"] and "SELECT DISTINCT" not in q["sql"]]
    assert len(issue_queries) <= 2
    assert "<h2>1月</h2>" in page and "<h2>12月</h2>" in page


def test_filters_combine_and_are_kept_in_a_shareable_url(client):
    build_archive(10)
    response = client.get(reverse("search"), {"q": "防汛", "paper": "qingfeng", "year": "2022", "tag": "专题1"})
    page = response.content.decode()
    titles = re.findall(r'<span class="title">(第\d+期第\d篇)', page)
    assert titles == ["第2期第1篇"]
    assert "paper=qingfeng" in page and "year=2022" in page


def test_invalid_filter_values_are_reported_not_an_error(client):
    build_archive(2)
    for params in [{"year": "abc"}, {"paper": "nope"}, {"date_from": "2020-13-45"}, {"tag": "没有这个"},
                   {"person": "x"}, {"page": "-1"}, {"page": "99999999999999999999"}, {"year": "99999"}]:
        response = client.get(reverse("search"), {"q": "防汛", **params})
        assert response.status_code == 200, params
    assert "已忽略" in client.get(reverse("search"), {"year": "abc"}).content.decode()


def test_feeds_are_atom_and_the_sitemap_lists_articles(client):
    articles = build_archive(2)
    feed = ET.fromstring(client.get(reverse("feed")).content)
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    assert len(feed.findall("{http://www.w3.org/2005/Atom}entry")) == len(articles)
    sitemap = client.get(reverse("sitemap-section", args=["articles"])).content.decode()
    assert all(f"/articles/{a.pk}/" in sitemap for a in articles)
    index = client.get(reverse("sitemap-index")).content.decode()
    assert "sitemap-articles.xml" in index
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in robots and "Sitemap: http://testserver/sitemap.xml" in robots


def test_the_tag_and_person_pages_chart_articles_per_year(client):
    build_archive(10)
    page = client.get(reverse("tag-detail", args=["防汛"])).content.decode()
    svg = re.search(r"<svg class=\"year-chart\".*?</svg>", page, re.S).group(0)
    assert svg.count("<rect") == 5 and "2020年：6 篇" in svg
    assert "<svg class=\"year-chart\"" in client.get(reverse("person-detail", args=[Person.objects.get().pk])).content.decode()


def test_each_listed_article_links_its_tags(client):
    build_archive(2)
    for url in (reverse("home"), reverse("search") + "?q=防汛", reverse("tag-detail", args=["防汛"])):
        page = client.get(url).content.decode()
        items = re.findall(r'<li class="article-item">.*?</li>', page, re.S)
        assert items, url
        for item in items:
            links = re.findall(r'<a class="tag" href="([^"]+)">([^<]+)</a>', item)
            assert [name for _, name in links] == sorted(["防汛", re.search(r"第\d+期第(\d)篇", item).expand(r"专题\1")])
            assert all(href == reverse("tag-detail", args=[name]) for href, name in links)


def test_a_handful_of_papers_share_one_grid_with_their_district_on_each_card(client):
    for town, district in [("青枫镇", "浦江区"), ("梅园路街道", "徐汇区"), ("松岭镇", "")]:
        make_article(make_issue(make_publication(town, district=district)))
    html = client.get("/").content.decode()
    assert html.count('<ul class="card-list">') == 1
    assert 'class="district"' not in html
    assert "浦江区 · " in html and "徐汇区 · " in html


def test_a_long_list_of_papers_is_grouped_under_district_headings(client):
    from articles.views.public import GROUP_PAPERS_ABOVE

    for n in range(GROUP_PAPERS_ABOVE + 1):
        make_article(make_issue(make_publication(f"第{n}镇", district="浦江区" if n % 2 else "徐汇区")))
    html = client.get("/").content.decode()
    assert html.count('<h3 class="district">') == 2
    assert html.count('<ul class="card-list">') == 2
    assert "浦江区 · " not in html
