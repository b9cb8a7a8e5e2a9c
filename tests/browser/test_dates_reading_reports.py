"""A resident on a phone and at a desk: from a paper to an issue by date, issue to issue, a year's
grid; an article read aloud, printed, its lost text marked, an error reported. axe-core finds nothing."""

import re

import pytest

from .test_printed_page import axe_violations

SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}

# A browser that can speak Chinese (or only English): the speech API as the page sees it, recording calls.
FAKE_SPEECH = """(lang) => {
  const calls = window.__speech = {spoken: [], cancelled: 0, last: null};
  class Utterance { constructor(text) { this.text = text; } }
  const synth = {
    getVoices: () => [{name: "Test voice", lang: lang, default: true, localService: true, voiceURI: "test"}],
    speak(u) { calls.spoken.push(u.text); calls.last = u; },
    cancel() { calls.cancelled += 1; },
    addEventListener() {}, speaking: false, pending: false, paused: false,
  };
  Object.defineProperty(window, "speechSynthesis", {value: synth, configurable: true});
  window.SpeechSynthesisUtterance = Utterance;
}"""

GAP_TITLE = "青枫镇召开2024年工作会议"


@pytest.fixture
def demo_with_lost_text(published_demo):
    """The demo, and its article with a gap the PDF lost, published with the warning dismissed."""
    from django.contrib.auth.models import User

    from articles.models import Article
    from articles.services import workflow

    chief = User.objects.get(username="demo-chief")
    article = Article.objects.get(title=GAP_TITLE)
    for warning in article.import_warnings.filter(resolved_at__isnull=True):
        workflow.warning_dismiss(warning=warning, user=chief, reason="原报如此")
    if article.status == "draft":
        workflow.article_transition(article=article, action="submit", user=chief)
    workflow.article_transition(article=Article.objects.get(pk=article.pk), action="publish", user=chief)
    return Article.objects.get(pk=article.pk)


def new_page(chromium, device, errors):
    context = chromium.new_context(viewport=SIZES[device], locale="zh-CN")
    page = context.new_page()
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    # A form sent back with a message answers 400 on purpose; the browser logs that, nothing else may be.
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error"
            and "status of 400 (Bad Request)" not in msg.text else None)
    return context, page


def dates_on_one_line(page) -> list[str]:
    """The date spans broken across lines (each should have one line box)."""
    return page.evaluate("""Array.from(document.querySelectorAll('.date, time'))
        .filter(el => el.offsetParent !== null && el.getClientRects().length > 1).map(el => el.textContent)""")


def smallest_chart_text(page) -> float:
    return page.evaluate("""(() => { const svg = document.querySelector('.year-chart');
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return Math.min(...Array.from(svg.querySelectorAll('text')).map(t => parseFloat(getComputedStyle(t).fontSize) * scale)); })()""")


@pytest.mark.parametrize("device", SIZES)
def test_resident_finds_an_issue_by_date_and_walks_issue_to_issue(chromium, live_server, published_demo, shot, device):
    errors = []
    context, page = new_page(chromium, device, errors)
    page.goto(live_server.url + "/qingfeng/")
    assert axe_violations(page) == []
    assert smallest_chart_text(page) >= 14
    shot(page, f"h16b-{device}-1-paper")
    page.get_by_label("按日期找一期").fill("2024-04-01")
    page.get_by_role("button", name="前往").click()
    page.wait_for_url(re.compile(r"/qingfeng/2024-03-27/$"))
    assert page.locator("h1").inner_text().endswith("2024年3月27日")
    nav = page.get_by_role("navigation", name="上一期和下一期", exact=True)
    assert nav.get_by_role("link").all_inner_texts()[-1].startswith("下一期：")
    assert page.evaluate("getComputedStyle(document.querySelector('h1')).textWrap").startswith("balance")
    assert dates_on_one_line(page) == []
    assert axe_violations(page) == []
    shot(page, f"h16b-{device}-2-issue")
    nav.locator("a[rel=next]").click()
    page.wait_for_url(re.compile(r"/qingfeng/2024-10-23/$"))  # 2024年5月 is still on the desk: skipped
    later = page.url
    page.get_by_role("navigation", name="上一期和下一期", exact=True).locator("a[rel=prev]").click()
    page.wait_for_url(re.compile(r"/qingfeng/2024-03-27/$"))
    page.goto(later)
    assert dates_on_one_line(page) == []

    page.goto(live_server.url + "/qingfeng/date/?date=2024-02-30")
    assert "2024年2月没有 30 日" in page.get_by_role("alert").inner_text()
    assert axe_violations(page) == []
    shot(page, f"h16b-{device}-3-bad-date")

    page.goto(live_server.url + "/qingfeng/2024/")
    cells = page.locator(".month a").all_inner_texts()
    assert "3月27日 · 第131期" in cells and not any("本月" == c.strip() for c in cells)
    assert axe_violations(page) == []
    shot(page, f"h16b-{device}-4-year")
    page.get_by_role("searchbox", name="在本年中搜索").fill("电梯")
    page.get_by_role("searchbox", name="在本年中搜索").press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=%E7%94%B5%E6%A2%AF&paper=qingfeng&year=2024"))

    page.goto(live_server.url + "/qingfeng/")
    page.get_by_role("button", name="大字").click()
    assert smallest_chart_text(page) >= 16
    assert page.evaluate("parseFloat(getComputedStyle(document.querySelector('.meta')).fontSize)") >= 16
    assert errors == []
    context.close()


@pytest.mark.parametrize("device", SIZES)
def test_resident_has_an_article_read_aloud_prints_it_and_reports_an_error(
        chromium, live_server, demo_with_lost_text, shot, device):
    from articles.models import ErrorReport

    url = live_server.url + demo_with_lost_text.get_absolute_url()
    errors = []
    # This Chromium's own voices: the button shows exactly when it has a Chinese one.
    context, page = new_page(chromium, device, errors)
    page.goto(url)
    native_zh = page.evaluate("""() => new Promise(done => { const s = window.speechSynthesis;
        if (!s) return done(false); const check = () => (s.getVoices() || []).some(v => /^zh/i.test(v.lang));
        if (check()) return done(true); setTimeout(() => done(check()), 500); })""")
    assert page.locator("#read-aloud").is_visible() == native_zh
    context.close()

    context, page = new_page(chromium, device, errors)
    page.add_init_script(f"({FAKE_SPEECH})('en-US')")
    page.goto(url)
    assert not page.locator("#read-aloud").is_visible()  # no Chinese voice: no button
    context.close()

    context, page = new_page(chromium, device, errors)
    page.add_init_script(f"({FAKE_SPEECH})('zh-CN')")
    page.goto(url)
    button = page.get_by_role("button", name="朗读全文")
    assert button.is_visible()
    marker = page.locator(".article-body .text-lost")
    assert marker.all_inner_texts() == ["〔原报此处文字缺失〕"]
    assert "一要坚定信心" in marker.evaluate("el => el.previousElementSibling.textContent")
    assert marker.evaluate("el => el.nextElementSibling.textContent").startswith("二要狠抓落实")
    assert axe_violations(page) == []
    shot(page, f"h16b-{device}-5-article")
    button.click()
    spoken = page.evaluate("window.__speech.spoken")
    assert spoken[0] == GAP_TITLE and len(spoken) > 3
    stop = page.get_by_role("button", name="停止朗读")
    assert stop.get_attribute("aria-pressed") == "true"
    stop.click()
    assert page.evaluate("window.__speech.cancelled") >= 2
    assert page.get_by_role("button", name="朗读全文").get_attribute("aria-pressed") == "false"
    page.get_by_role("button", name="朗读全文").click()
    page.evaluate("window.__speech.last.onend()")  # the last paragraph read: the button is ready again
    assert page.get_by_role("button", name="朗读全文").is_visible()

    page.emulate_media(media="print")
    for hidden in (".site-header", ".site-footer", ".report", "#read-aloud", ".prev-next"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator(".article-url").inner_text().endswith(demo_with_lost_text.get_absolute_url())
    assert page.evaluate("getComputedStyle(document.querySelector('.article-body p')).color") == "rgb(0, 0, 0)"
    shot(page, f"h16b-{device}-6-print")
    page.emulate_media(media="screen")

    page.locator("summary", has_text="报告错误").click()
    page.get_by_label("哪里有错？").fill("https://spam.example.com/offer")
    page.get_by_role("button", name="发送给编辑").click()
    assert "不要只留链接" in page.get_by_role("alert").first.inner_text()
    assert page.get_by_label("哪里有错？").input_value() == "https://spam.example.com/offer"
    assert axe_violations(page) == []
    shot(page, f"h16b-{device}-7-report-error")
    page.get_by_label("哪里有错？").fill("第一段的“杜明远”职务应为镇党委书记，请核对。")
    page.get_by_label("联系方式（可选）").fill("13800000000")
    page.get_by_role("button", name="发送给编辑").click()
    page.wait_for_url(re.compile(r"\?reported=1#report$"))
    assert "你的报告已转给本报编辑" in page.get_by_role("status").inner_text()
    report = ErrorReport.objects.get(article=demo_with_lost_text)
    assert report.message == "第一段的“杜明远”职务应为镇党委书记，请核对。" and report.contact == "13800000000"
    assert "杜明远”职务应为" not in page.content()
    assert axe_violations(page) == []
    shot(page, f"h16b-{device}-8-reported")
    assert errors == []
    context.close()
