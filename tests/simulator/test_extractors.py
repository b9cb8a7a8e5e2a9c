"""The real extractors on the typeset issues, and the checker that measures their reading order.

Each extractor that is installed here runs untouched; one that is missing skips with the reason
(pdftotext comes with Debian's poppler-utils, which `make test` installs).
"""

import re

import pytest

from tests.simulator.extractors import EXTRACTORS, Extraction, extract_all
from tests.simulator.reading_order import paragraphs_in_order, radical_counts
from tests.simulator.test_typeset_pdf import LAYOUTS, rich_articles
from tests.simulator.typeset_pdf import typeset_issue

pytest.importorskip("reportlab")

# These keep a headline's characters together. -layout and pdfplumber set neighbouring columns
# side by side on one line, and so does pdftotext now and then: the second line of a headline set
# inside a column joins the body line level with it in the next column (银发特稿课堂开 / 沈佳琪部署了
# 2024年政府工作。 讲啦). Their headlines come out in order, with other text between.
READING_ORDER_TOOLS = ["pdfminer", "pypdfium2"]
SIDE_BY_SIDE_TOOLS = ["pdftotext", "pdftotext-layout", "pdfplumber"]


@pytest.fixture(scope="module")
def issues():
    articles = rich_articles()
    return [typeset_issue(articles, seed=seed, layout=layout) for seed, layout in enumerate(LAYOUTS, start=11)]


def squash(text):
    return re.sub(r"\s+", "", text or "")


def run(tool, pdf) -> str:
    extraction = EXTRACTORS[tool](pdf)
    if extraction.text is None:
        pytest.skip(extraction.reason)
    return extraction.text


@pytest.mark.parametrize("tool", READING_ORDER_TOOLS)
def test_reading_order_extractors_return_every_title_whole(issues, tool):
    for issue in issues:
        text = squash(run(tool, issue.pdf))
        for article in issue.expected["articles"]:
            assert squash(article["title"]) in text, (tool, article["title"])


@pytest.mark.parametrize("tool", SIDE_BY_SIDE_TOOLS)
def test_side_by_side_extractors_return_every_title_in_order(issues, tool):
    for issue in issues:
        text = squash(run(tool, issue.pdf))
        for article in issue.expected["articles"]:
            # A two-line headline in large type has up to two rows of the page's other columns between
            # its lines (four columns of some sixteen characters each, twice over).
            pattern = ".{0,160}?".join(map(re.escape, squash(article["title"])))
            assert re.search(pattern, text), (tool, article["title"])


@pytest.mark.parametrize("tool", ["pdftotext", "pdftotext-layout", "pypdfium2", "pdfplumber"])
def test_pages_end_with_a_form_feed(issues, tool):
    for issue in issues:
        text = run(tool, issue.pdf)
        assert text.count("\f") == issue.pages
        pages = text.split("\f")
        assert squash(issue.furniture.paper) in squash(pages[0])


def test_a_missing_tool_says_why(monkeypatch):
    import shutil

    monkeypatch.setattr(shutil, "which", lambda name: None)
    got = EXTRACTORS["pdftotext"](b"%PDF-1.4")
    assert got == Extraction("pdftotext", None, "pdftotext is not installed (Debian package poppler-utils)")


def test_the_drawing_order_extractor_keeps_nearly_every_paragraph_in_order(issues):
    """pypdfium2 returns text as it was drawn, column by column: the checker must see that."""
    for issue in issues:
        text = run("pypdfium2", issue.pdf)
        report = paragraphs_in_order(text, issue.expected, issue.printed_furniture, issue.cut_paragraphs)
        assert report.total > 10 and report.share >= 0.95


def test_extract_all_runs_every_tool_on_the_same_bytes(issues):
    results = extract_all(issues[0].pdf, ["pypdfium2", "pdfminer"])
    assert set(results) == {"pypdfium2", "pdfminer"}
    assert all(r.text and squash(issues[0].furniture.paper) in squash(r.text) for r in results.values())


EXPECTED = {"articles": [{"title": "T", "byline": None, "flags": [], "blocks": [
    {"type": "paragraph", "text": "第一段的第一行文字第一段的第二行文字。"},
    {"type": "paragraph", "text": "第二段只有一行。"},
]}]}


def test_checker_counts_a_paragraph_broken_by_a_column_as_in_order_and_furniture_between_lines_as_noise():
    text = "第一段的第一行文字\n2 要闻 2024年3月27日\n第一段的第二行文字。\n第二段只有一行。\n"
    report = paragraphs_in_order(text, EXPECTED, ["2", "要闻", "2024年3月27日"])
    assert (report.in_order, report.total) == (2, 2)


def test_checker_counts_interleaved_columns_as_out_of_order():
    text = "第一段的第一行文字\n第二段只有一行。\n第一段的第二行文字。\n"
    report = paragraphs_in_order(text, EXPECTED, [])
    assert (report.in_order, report.total) == (1, 2)


def test_checker_leaves_out_a_paragraph_cut_by_a_jump():
    expected = {"articles": [dict(EXPECTED["articles"][0], flags=["continued"])]}
    text = "第一段的第一行\n（下转第3版）\n别的文章。\n（上接第1版）\n文字第一段的第二行文字。\n第二段只有一行。"
    report = paragraphs_in_order(text, expected, ["（下转第3版）", "（上接第1版）"], {(0, 0)})
    assert (report.in_order, report.total, report.jumped) == (1, 1, 1)
    assert paragraphs_in_order(text, expected, ["（下转第3版）", "（上接第1版）"]).total == 2


def test_checker_takes_a_radical_for_the_ideograph_it_stands_for():
    text = "第⼀段的第⼀⾏文字第一段的第二行文字。\n第二段只有一行。"
    assert paragraphs_in_order(text, EXPECTED, []).in_order == 2


def test_radicals_are_counted_per_block():
    assert radical_counts("⽇⽉新天⻓⻔日") == {"kangxi": 2, "supplement": 2}
    assert radical_counts("日月长门") == {"kangxi": 0, "supplement": 0}
