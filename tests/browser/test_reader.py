"""A resident on a phone and at a desk: search from the home page, read, filter by tag, larger text."""

import re

import pytest

from ..public.test_search import brute_force

SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


@pytest.mark.parametrize("device", SIZES)
def test_resident_searches_reads_filters_and_enlarges_the_text(chromium, live_server, published_demo, shot, device):
    context = chromium.new_context(viewport=SIZES[device], locale="zh-CN")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)

    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "zh-CN"
    shot(page, f"{device}-1-home")
    page.get_by_label("搜索全部文章").fill("加梯")
    page.get_by_role("button", name="搜索").click()
    page.wait_for_url(re.compile(r"/search/\?q="))
    # 加梯 and the ways the vocabulary says it is also written (加装电梯…): see test_search_knows.
    assert page.get_by_role("status").inner_text().startswith(f"找到 {len(brute_force('加梯'))} 篇")
    assert page.locator("mark", has_text="加梯").count() >= 1
    shot(page, f"{device}-2-search")

    page.locator(".article-link").first.click()
    assert page.locator("h1").inner_text() == "一部电梯 一片温情"
    body_size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.article-body p')).fontSize)")
    assert body_size >= 18
    shot(page, f"{device}-3-article")

    page.locator(".tags a.tag", has_text="加装电梯").click()
    assert page.locator("h1").inner_text() == "标签：加装电梯"
    page.locator("summary", has_text="筛选").click()
    page.get_by_label("年份").fill("2024")
    page.get_by_role("button", name="应用筛选").click()
    page.wait_for_url(re.compile(r"year=2024"))
    assert page.locator(".article-item").count() >= 1
    shot(page, f"{device}-4-tag-filtered")

    page.get_by_role("button", name="大字").click()
    large = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert large >= 22
    page.reload()
    assert page.evaluate("document.documentElement.classList.contains('large-text')")
    assert page.get_by_role("button", name="标准字").get_attribute("aria-pressed") == "true"
    shot(page, f"{device}-5-large-text")

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "跳到正文"
    assert errors == []
    context.close()
