"""The Chromium path: the same issue as HTML in CSS columns, printed with the Noto CJK fonts.

It must yield the reportlab path's expectation (the same articles, notices and issue fields), and
it is the path on which extractors return Kangxi radicals for ideographs, which the tests check
is so (the importer must fold them back) and that the reportlab path never does.
"""

import io
import logging
import re

import pytest

from tests.simulator import typeset_pdf
from tests.simulator.extractors import EXTRACTORS
from tests.simulator.reading_order import find_allowing_radicals, mask_radicals, radical_counts
from tests.simulator.test_typeset_pdf import HEADLINE_MIN_SIZE, LAYOUTS, rich_articles
from tests.simulator.typeset_html import chromium_available, typeset_issue

pdfplumber = pytest.importorskip("pdfplumber")
logging.getLogger("pdfminer").setLevel(logging.ERROR)
pytestmark = pytest.mark.skipif(not chromium_available(), reason="Debian's chromium is not installed")
CASES = [(21, LAYOUTS[0]), (22, LAYOUTS[1])]


@pytest.fixture(scope="module")
def pairs():
    articles = rich_articles()
    return [(typeset_issue(articles, seed=seed, layout=layout), typeset_pdf.typeset_issue(articles, seed=seed, layout=layout))
            for seed, layout in CASES]


def squash(text):
    return re.sub(r"\s+", "", text or "")


def without_pages(expected):
    articles = [{k: v for k, v in a.items() if k not in ("page", "flags")} for a in expected["articles"]]
    issue = {k: v for k, v in expected["issue"].items() if k != "pages"}
    return {"issue": issue, "articles": articles, "notices": expected["notices"]}


def test_it_yields_the_reportlab_paths_expectation(pairs):
    for html, pdf in pairs:
        assert without_pages(html.expected) == without_pages(pdf.expected)
        assert html.expected["issue"]["pages"] == html.pages >= 2


def test_each_article_is_recorded_on_the_page_its_headline_is_printed(pairs):
    for html, _ in pairs:
        with pdfplumber.open(io.BytesIO(html.pdf)) as document:
            pages = [mask_radicals(squash("".join(c["text"] for c in page.chars if c["size"] >= HEADLINE_MIN_SIZE)))
                     for page in document.pages]
        for article in html.expected["articles"]:
            found = [n for n, text in enumerate(pages, start=1) if find_allowing_radicals(squash(article["title"]), text) >= 0]
            assert found[:1] == [article["page"]], article["title"]


def test_glyph_mapping_extractors_return_radicals_here_and_never_on_the_reportlab_path(pairs):
    for html, pdf in pairs:
        assert radical_counts(EXTRACTORS["pdfminer"](html.pdf).text)["kangxi"] > 0
        assert sum(radical_counts(EXTRACTORS["pypdfium2"](html.pdf).text).values()) == 0
        for tool in ("pdfminer", "pypdfium2"):
            assert sum(radical_counts(EXTRACTORS[tool](pdf.pdf).text).values()) == 0


def test_every_title_is_in_the_drawing_order_text(pairs):
    for html, _ in pairs:
        text = squash(EXTRACTORS["pypdfium2"](html.pdf).text)
        for article in html.expected["articles"]:
            assert squash(article["title"]) in text
