"""A resident looks at the printed page, on a phone and at a desk: the issue's pages, one page
zoomed with fingers and keys, an article with its photo and its page; axe-core finds nothing."""

import json
import re
from pathlib import Path

import pytest

from ..printed import issue_pdf

SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def printed_issue(transactional_db, media_root):
    from django.contrib.auth.models import User

    from articles.services.importing import Source
    from articles.services.jobs import job_run, jobs_create
    from tests.conftest import restore_seed_data

    restore_seed_data()
    chief = User.objects.create_superuser("importer", password="pw-Ab3456789")
    job = jobs_create(source=Source("issue.pdf", issue_pdf().pdf), publish=True, user=chief, create_paper=True,
                      enqueue=False)
    return job_run(job_id=job.pk).issue


def axe_violations(page) -> list[dict]:
    """axe-core, read from node_modules at test time and run in the page through the driver
    (not a script tag: the site's CSP admits only its own scripts, and axe is not one of them)."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: `make test` installs axe-core from npm (npm ci)")
    page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate("""async () => (await axe.run(document, {runOnly: ["wcag2a", "wcag2aa", "wcag21aa", "best-practice"]}))
        .violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(" "))}))""")


def scale_of(page) -> float:
    transform = page.evaluate("getComputedStyle(document.querySelector('.viewer-image')).transform")
    if transform in ("none", ""):
        return 1.0
    return round(float(re.match(r"matrix\(([-\d.e]+)", transform).group(1)), 4)


def pinch(page, spread: float):
    """Two fingers on the page, moved apart by `spread` pixels each (pointer events, as a touch screen sends)."""
    page.evaluate("""(spread) => {
        const frame = document.getElementById("viewer-frame");
        const box = frame.getBoundingClientRect();
        const cx = box.left + box.width / 2, cy = box.top + box.height / 3;
        const send = (type, id, x) => frame.dispatchEvent(new PointerEvent(type, {pointerId: id, pointerType: "touch",
            clientX: x, clientY: cy, bubbles: true, isPrimary: id === 11}));
        send("pointerdown", 11, cx - 20); send("pointerdown", 12, cx + 20);
        for (let step = 1; step <= 5; step++) { send("pointermove", 11, cx - 20 - spread * step / 5);
                                                send("pointermove", 12, cx + 20 + spread * step / 5); }
        send("pointerup", 11, cx - 20 - spread); send("pointerup", 12, cx + 20 + spread);
    }""", spread)


@pytest.mark.parametrize("device", SIZES)
def test_resident_sees_the_pages_zooms_one_and_reads_an_article_with_its_photo(
        chromium, live_server, printed_issue, shot, device):
    context = chromium.new_context(viewport=SIZES[device], locale="zh-CN", has_touch=device == "phone")
    page = context.new_page()
    errors, outside = [], []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(live_server.url) else None)

    page.goto(live_server.url + printed_issue.get_absolute_url())
    thumbs = page.locator(".print-thumb img")
    assert thumbs.count() == issue_pdf().pages
    assert page.locator(".print-label").all_inner_texts() == [
        f"第{n}版" for n in printed_issue.print_pages.order_by("index").values_list("number", flat=True)]
    for n in range(thumbs.count()):  # lazy images load as they come into view
        thumbs.nth(n).scroll_into_view_if_needed()
    page.wait_for_function("Array.from(document.querySelectorAll('.print-thumb img')).every(i => i.complete)")
    assert page.evaluate("Array.from(document.querySelectorAll('.print-thumb img')).every(i => i.naturalWidth > 0)")
    page.evaluate("window.scrollTo(0, 0)")
    shot(page, f"print-{device}-1-issue-pages")
    assert axe_violations(page) == []

    thumbs.first.click()
    page.wait_for_url(re.compile(r"/pages/1/$"))
    # The page image loads after the document; the viewer fits it to the frame once it has.
    page.wait_for_function("() => { const i = document.querySelector('.viewer-image'); return i.complete && i.naturalWidth > 0; }")
    whole = scale_of(page)
    assert page.evaluate("""() => { const f = document.getElementById('viewer-frame').getBoundingClientRect(),
        i = document.querySelector('.viewer-image').getBoundingClientRect();
        return i.top >= f.top - 1 && i.bottom <= f.bottom + 1 && i.left >= f.left - 1 && i.right <= f.right + 1; }""")
    page.locator("#viewer-frame").focus()
    page.keyboard.press("+")
    assert scale_of(page) > whole
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowDown")
    shot(page, f"print-{device}-2-page-zoomed")
    page.keyboard.press("0")
    assert scale_of(page) == whole
    pinch(page, 80)
    assert scale_of(page) > whole
    page.get_by_role("button", name="复原").click()
    assert scale_of(page) == whole
    shot(page, f"print-{device}-3-page")
    assert axe_violations(page) == []

    page.locator("#page-articles ~ ul a, section[aria-labelledby=page-articles] a").first.click()
    page.wait_for_selector("#article-title")
    page_link = page.locator("a.print-link")
    assert re.fullmatch(r"第\d+版", page_link.inner_text())
    photo = page.locator(".photos img").first
    photo.scroll_into_view_if_needed()
    photo.evaluate("img => img.complete || new Promise(done => img.addEventListener('load', done))")
    caption = page.locator(".photos figcaption").first.inner_text()
    assert photo.get_attribute("alt") and caption.startswith(photo.get_attribute("alt"))
    assert photo.evaluate("img => img.complete && img.naturalWidth > 0")
    image = page.locator('meta[property="og:image"]').get_attribute("content")
    assert image.startswith(live_server.url + "/media/print/")
    shot(page, f"print-{device}-4-article-photo")
    assert axe_violations(page) == []

    page_link.click()
    page.wait_for_url(re.compile(r"/pages/\d+/$"))
    assert errors == [], json.dumps(errors, ensure_ascii=False)
    assert outside == []
    context.close()
