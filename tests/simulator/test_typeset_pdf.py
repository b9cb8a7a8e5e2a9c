"""The typesetter's PDFs: pages, furniture, photos and jumps where the expected JSON says they are.

Four issues are typeset from the project's own articles (the demo issues', plus copies given
every field of the clean format), in layouts that cover A4 and A3 and two to four columns.
"""

import dataclasses
import io
import logging
import re

import pytest

from tests.simulator.pdf_layout import Layout
from tests.simulator.texts import demo_articles
from tests.simulator.typeset_pdf import typeset_issue

pdfplumber = pytest.importorskip("pdfplumber")
pdfium = pytest.importorskip("pypdfium2")
logging.getLogger("pdfminer").setLevel(logging.ERROR)

HEADLINE_MIN_SIZE = 15.5  # headlines are set in 16 pt or more, everything else smaller


def rich_articles():
    """The demo articles, and copies of three given every field the clean format has."""
    plain = demo_articles()
    extra = [
        {"column": "社区动态", "kicker": "凝心聚力惠民生", "subtitle": "部署全年十项民生实事",
         "byline": "记者 张三 通讯员 李四", "captions": ["会议现场", "志愿者在投放点指导居民分类"]},
        {"column": "民生实事", "byline": "通讯员 王芳", "byline_at_end": True, "captions": ["居民在新食堂用餐"]},
        {"kicker": "老旧小区换新颜", "subtitle": "十二个小区完成雨污分流", "byline": "记者 陈立",
         "byline_at_end": True, "captions": ["改造后的小区", "施工现场", "居民代表参加验收"]},
    ]
    # A title of its own (not containing the plain copy's) so each headline is found once.
    rich = [dataclasses.replace(plain[n], id=f"rich-{n}", title=f"{plain[n].title[:2]}特稿{plain[n].title[2:]}", **fields)
            for n, fields in enumerate(extra)]
    return [rich[0], *plain[:4], rich[1], *plain[4:], rich[2]]


LAYOUTS = [
    Layout(page="A4", columns=2, gutter=15.0, body_size=10.5, leading_factor=1.4, indent=True, header_at_foot=False,
           column_rules=True, label_box=True, date_form="cn_day", masthead_centered=False, span_share=0.5,
           notice_share=0.3),
    Layout(page="A4", columns=4, gutter=12.0, body_size=9.0, leading_factor=1.5, indent=False, header_at_foot=True,
           column_rules=False, label_box=False, date_form="month", masthead_centered=True, span_share=0.3,
           notice_share=0.3),
    Layout(page="A3", columns=3, gutter=18.0, body_size=10.0, leading_factor=1.3, indent=True, header_at_foot=False,
           column_rules=True, label_box=False, date_form="dotted_day", masthead_centered=True, span_share=0.8,
           notice_share=0.0),
    None,  # drawn from the seed
]


@pytest.fixture(scope="module")
def issues():
    articles = rich_articles()
    return [typeset_issue(articles, seed=seed, layout=layout) for seed, layout in enumerate(LAYOUTS, start=11)]


def squash(text):
    return re.sub(r"\s+", "", text or "")


def page_texts(pdf: bytes) -> list[str]:
    document = pdfium.PdfDocument(pdf)
    texts = [squash(page.get_textpage().get_text_range()) for page in document]
    document.close()
    return texts


def test_the_pdf_has_the_pages_the_expected_json_gives(issues):
    for issue in issues:
        assert issue.pdf.startswith(b"%PDF-")
        document = pdfium.PdfDocument(issue.pdf)
        assert len(document) == issue.pages == issue.expected["issue"]["pages"] >= 2
        width, height = document[0].get_size()
        assert (round(width), round(height)) == {"A4": (595, 842), "A3": (842, 1191)}[issue.layout.page]


def test_masthead_running_headers_and_footer_are_printed(issues):
    for issue in issues:
        furniture, texts = issue.furniture, page_texts(issue.pdf)
        for line in (furniture.paper, furniture.date_line(), furniture.number_line(), furniture.publisher):
            assert squash(line) in texts[0]
        assert f"本期{issue.pages}版" in texts[0]
        for n, text in enumerate(texts[1:], start=2):
            for piece in furniture.running_header(n):
                assert squash(piece) in text, (n, piece)
        for line in furniture.footer_lines():
            assert squash(line) in texts[-1]
        assert not any(squash(furniture.footer_lines()[0]) in t for t in texts[:-1])


def test_the_expected_json_is_well_formed(issues):
    articles = rich_articles()
    for issue in issues:
        expected = issue.expected
        assert set(expected) == {"source", "issue", "articles", "notices"}
        meta = expected["issue"]
        assert meta["town"] == articles[0].town
        assert meta["date_precision"] in {"day", "month"}
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", meta["date"])
        if meta["date_precision"] == "month":
            assert meta["date"].endswith("-01")
        assert isinstance(meta["number"], int) and meta["editorial_board"] and "@" in meta["email"]
        assert [a["title"] for a in expected["articles"]] == [a.title for a in articles]
        for got, clean in zip(expected["articles"], articles, strict=True):
            assert got["blocks"] == clean.blocks and got["captions"] == clean.captions
            assert (got["column"], got["kicker"], got["subtitle"], got["byline"]) == \
                   (clean.column, clean.kicker, clean.subtitle, clean.byline)
            assert 1 <= got["page"] <= issue.pages
            assert got["flags"] in ([], ["continued"])
        assert all(isinstance(n, str) and n for n in expected["notices"])


def test_each_article_is_recorded_on_the_page_its_headline_is_printed(issues):
    for issue in issues:
        with pdfplumber.open(io.BytesIO(issue.pdf)) as document:
            headline_text = [squash("".join(c["text"] for c in page.chars if c["size"] >= HEADLINE_MIN_SIZE))
                             for page in document.pages]
        for article in issue.expected["articles"]:
            pages = [n for n, text in enumerate(headline_text, start=1) if squash(article["title"]) in text]
            assert pages == [article["page"]], article["title"]


def test_every_field_of_a_clean_article_is_printed(issues):
    for issue in issues:
        everything = "".join(page_texts(issue.pdf))
        for article in issue.expected["articles"]:
            for text in (article["column"], article["kicker"], article["subtitle"], *article["captions"]):
                if text:
                    assert squash(text) in everything
            if article["byline"]:
                assert squash(article["byline"]) in everything
        for notice in issue.expected["notices"]:
            assert squash(notice) in everything


def test_no_printed_line_opens_with_a_comma_or_a_full_stop(issues):
    """Chinese typesetting hangs such a mark at the end of the line before. reportlab hangs one
    mark only, so the second of two (`”，`, `。”`) may still open a line: rarely."""
    for issue in issues:
        document = pdfium.PdfDocument(issue.pdf)
        lines = [line for page in document for line in page.get_textpage().get_text_range().splitlines() if line]
        document.close()
        opening = [(before, line) for before, line in zip(lines, lines[1:], strict=False) if line[0] in "，。、；：！？”’）》"]
        after_a_hung_mark = [pair for pair in opening if pair[0][-1] in "”’。！？"]
        assert len(lines) > 100 and opening == after_a_hung_mark, opening[:5]
        assert len(opening) <= len(lines) / 100, opening[:5]


def test_a_byline_at_the_end_is_printed_in_brackets_after_the_last_paragraph(issues):
    clean = [a for a in rich_articles() if a.byline_at_end]
    for issue in issues:
        stream = "".join(page_texts(issue.pdf))
        for article in clean:
            tail = squash(article.paragraphs[-1])[-6:]
            assert re.search(re.escape(tail) + r".{0,40}?" + re.escape(f"（{squash(article.byline)}）"), stream)


def test_photos_are_embedded_one_per_caption(issues):
    for issue in issues:
        with pdfplumber.open(io.BytesIO(issue.pdf)) as document:
            images = sum(len(page.images) for page in document.pages)
        captions = sum(len(a["captions"]) for a in issue.expected["articles"])
        # An article without captions may still carry one uncaptioned photo.
        uncaptioned = sum(1 for a in issue.expected["articles"] if not a["captions"])
        assert captions <= images <= captions + uncaptioned


def test_a_continued_article_jumps_with_both_jump_lines(issues):
    jumps = 0
    for issue in issues:
        texts = page_texts(issue.pdf)
        for article in issue.expected["articles"]:
            if "continued" not in article["flags"]:
                continue
            jumps += 1
            page = article["page"]
            found = re.findall(r"（下转第(\d+)版）", texts[page - 1])
            assert found, article["title"]
            to_page = int(found[-1])
            assert to_page > page
            assert f"（上接第{page}版）" in texts[to_page - 1]
            assert squash(article["title"]) in texts[to_page - 1]
        # A paragraph the jump cut stands in two pieces: its start before （下转）, its end after （上接）.
        everything = "".join(texts)
        for owner, block in issue.cut_paragraphs:
            text = squash(issue.expected["articles"][owner]["blocks"][block]["text"])
            assert text not in everything
            assert re.search(re.escape(text[:4]) + r".*（下转第\d+版）.*（上接第\d+版）.*" + re.escape(text[-4:]), everything)
    assert jumps >= 2


def test_a_jump_inside_a_paragraph_is_recorded_and_printed_in_two_pieces():
    plain = demo_articles()
    long_text = "".join(p for a in plain for p in a.paragraphs)
    article = dataclasses.replace(plain[0], id="long", title="长文测试特稿", captions=[],
                                  blocks=[{"type": "paragraph", "text": long_text}] * 2)
    issue = typeset_issue([article, *plain[1:3]], seed=3, layout=LAYOUTS[0])
    assert issue.expected["articles"][0]["flags"] == ["continued"]
    assert (0, 0) in issue.cut_paragraphs or (0, 1) in issue.cut_paragraphs
    everything = "".join(page_texts(issue.pdf))
    for owner, block in issue.cut_paragraphs:
        text = squash(issue.expected["articles"][owner]["blocks"][block]["text"])
        assert re.search(re.escape(text[:4]) + r".*（下转第\d+版）.*（上接第\d+版）.*" + re.escape(text[-4:]), everything)


def test_one_seed_gives_the_same_issue_to_the_byte():
    articles = rich_articles()[:5]
    first, second = typeset_issue(articles, seed=5), typeset_issue(articles, seed=5)
    assert first.pdf == second.pdf and first.expected == second.expected
    assert typeset_issue(articles, seed=6).pdf != first.pdf
