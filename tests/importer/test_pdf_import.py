"""The printer's PDF in: issues typeset by the tests (reportlab) from the project's own texts, read
with their type sizes and places, come out as the articles that were set, each on its page."""

import io
import random
import sys
from pathlib import Path

import pytest

from articles.importer import SourceError, parse_issue

pytest.importorskip("reportlab")
pytest.importorskip("pdfplumber")

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from make_pdf_corpus import issue_articles

from tests.simulator.score import mean_scores, score_issue
from tests.simulator.texts import clean_articles
from tests.simulator.typeset_pdf import typeset_issue

# The issue's bars for PDFs typeset from real articles; the texts here are papers the role model
# never saw (the held-out split), in layouts drawn at random.
BARS = {"article_f1": 0.95, "body_f1": 0.95, "caption_f1": 0.90, "page": 0.95}


@pytest.fixture(scope="module")
def typeset():
    pool = clean_articles(shared=False, split="holdout")
    rng = random.Random(20261201)
    return [typeset_issue(articles, seed=rng.randrange(2**31), source=f"t{n}.pdf")
            for n, articles in enumerate(issue_articles(pool, 12, rng, 3, 8))]


def test_typeset_issues_import_with_their_articles_captions_and_pages(typeset):
    rows = [score_issue(issue.expected, parse_issue(issue.pdf, source="issue.pdf").to_json()) for issue in typeset]
    scores = mean_scores(rows)
    for metric, bar in BARS.items():
        assert scores[metric] >= bar, (metric, scores)


def test_every_page_of_the_pdf_is_listed_with_its_printed_number(typeset):
    issue = typeset[0]
    parsed = parse_issue(issue.pdf, source="issue.pdf")
    assert len(parsed.pages) == issue.pages
    numbers = [page.number for page in parsed.pages]
    assert numbers == sorted(numbers) and numbers[0] == 1


def _picture_only_pdf() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    page.setFillGray(0.5)
    page.rect(50, 50, 400, 600, fill=1)  # a scanned page is a picture: no text layer
    page.showPage()
    page.save()
    return out.getvalue()


def test_a_scan_without_a_text_layer_is_refused_with_a_clear_reason():
    with pytest.raises(SourceError) as info:
        parse_issue(_picture_only_pdf(), source="scan.pdf")
    assert info.value.reason == "scanned"
    assert "扫描" in info.value.message


def test_an_encrypted_pdf_is_refused_with_a_clear_reason():
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, encrypt=pdfencrypt.StandardEncryption("reader", ownerPassword="owner", canPrint=0))
    page.drawString(100, 700, "locked")
    page.showPage()
    page.save()
    with pytest.raises(SourceError) as info:
        parse_issue(out.getvalue(), source="locked.pdf")
    assert info.value.message and "PDF" in info.value.message
