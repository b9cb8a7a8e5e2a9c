"""A resident searches on a phone and at a desk: with an operator and a word the vocabulary knows
another way of writing, for a person's name, then narrows by year, then within one issue from
its page; a query typed wrong is explained. axe-core finds nothing on any of these pages."""

import re

import pytest

from ..public.test_search import brute_force
from .test_printed_page import axe_violations

SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


def named_person():
    """A person the published demo names, with the number of public articles naming them."""
    from articles.models import Person

    person = Person.objects.public().order_by("name").first()
    assert person is not None, "the published demo names nobody"
    return person


@pytest.mark.parametrize("device", SIZES)
def test_search_with_operators_variants_a_persons_card_and_counts(chromium, live_server, published_demo, shot,
                                                                  device):
    context = chromium.new_context(viewport=SIZES[device], locale="zh-CN")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)

    query = "加梯 -垃圾分类"
    expected = len(brute_force(query))
    assert expected >= 2
    page.goto(live_server.url + "/")
    page.get_by_label("搜索全部文章").fill(query)
    page.get_by_role("button", name="搜索").click()
    page.wait_for_url(re.compile(r"/search/\?q="))
    assert page.get_by_role("status").inner_text().startswith(f"找到 {expected} 篇（不含：垃圾分类）")
    variants = page.locator(".search-variants")
    assert variants.is_visible() and variants.inner_text().startswith("也包括：加装电梯")
    assert page.locator("mark", has_text="加装电梯").count() >= 1
    facets = page.get_by_role("complementary", name="缩小搜索范围")
    assert facets.is_visible() and facets.get_by_role("link").count() >= 3
    assert axe_violations(page) == []
    shot(page, f"{device}-search-variants")

    # Each count narrows the search: the year chosen is marked, and the count is what is found.
    year = facets.locator("ul[aria-labelledby='facet-year'] a").first
    label, count = year.inner_text().split()[0], int(re.search(r"(\d+) 篇", year.inner_text()).group(1))
    year.click()
    page.wait_for_url(re.compile(r"year=\d{4}"))
    assert page.get_by_role("status").inner_text().startswith(f"找到 {count} 篇")
    assert page.locator(".search-scope").inner_text().startswith(f"在{label}中搜索")
    assert page.locator("ul[aria-labelledby='facet-year'] a[aria-current]").inner_text().startswith(label)
    shot(page, f"{device}-search-narrowed")

    person = named_person()
    page.get_by_label("搜索全部文章").fill(person.name)
    with page.expect_navigation():
        page.get_by_role("button", name="搜索").click()
    card = page.locator(".person-card")
    assert card.first.is_visible()
    assert card.first.get_by_role("heading").inner_text().startswith(person.name)
    assert card.first.locator(".timeline li").count() >= 1
    assert axe_violations(page) == []
    shot(page, f"{device}-search-person")
    card.first.get_by_role("link", name=f"查看{person.name}的人物页").click()
    page.wait_for_url(re.compile(r"/people/\d+/"))
    assert page.locator("h1").inner_text() == person.name

    # The box on an issue page searches that issue alone, and the page says where it searched.
    from articles.models import Article

    issue = Article.objects.published().filter(pk__in=brute_force("加梯")).order_by("issue_date").first().issue
    in_issue = brute_force("加梯") & set(Article.objects.published().filter(issue=issue).values_list("pk", flat=True))
    page.goto(live_server.url + issue.get_absolute_url())
    page.get_by_role("searchbox", name="在本期中搜索").fill("加梯")
    page.get_by_role("search", name="在本期中搜索").get_by_role("button", name="搜索").click()
    page.wait_for_url(re.compile(r"issue=\d+"))
    assert page.locator(".search-scope").inner_text().startswith(f"在{issue.publication.name} {issue.date_label}")
    assert page.get_by_role("status").inner_text().startswith(f"找到 {len(in_issue)} 篇")
    assert axe_violations(page) == []
    shot(page, f"{device}-search-in-issue")
    with page.expect_navigation():
        page.locator(".search-scope a").click()
    assert page.get_by_role("status").inner_text().startswith(f"找到 {len(brute_force('加梯'))} 篇")

    page.get_by_label("搜索全部文章").fill("“加装电梯")
    with page.expect_navigation():
        page.get_by_role("button", name="搜索").click()
    assert "引号没有配对" in page.get_by_role("alert").inner_text()
    assert page.locator(".article-item").count() == 0
    assert axe_violations(page) == []
    shot(page, f"{device}-search-malformed")
    assert errors == []
    context.close()
