"""Clean articles typeset as a community-paper issue in PDF, with what a perfect import yields.

`typeset_issue(articles, seed=...)` draws a layout from the seed (A4 or A3, two to four columns,
headlines across the columns or inside one, photos with captions below or beside, running
headers, jumps to later pages, notices in boxes, a masthead and a footer) and returns the PDF
with the expected JSON in the format of ../shared/samples/*.expected.json, plus each article's
byline and the page its headline is on. The expected text is the clean article's; the print
decorations added here (【】, ——, ▲, photo credits, jump lines) are what an import must remove.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from . import pdf_page
from .paper_notices import notices_for
from .pdf_flow import Entry, Unit
from .pdf_layout import ArticleStyle, Furniture, Layout, article_style, draw_furniture, draw_layout
from .pdf_parts import (
    BoldParagraph,
    JumpLine,
    Label,
    NoticeBox,
    Stack,
    body_styles,
    escape,
    headline_style,
    medium_style,
    para,
    register_font,
)
from .pdf_pictures import Photo, photo_jpeg
from .pdf_plan import Geometry, JumpRef, plan_pages

NOTICE_OWNER = 10_000


@dataclass
class TypesetIssue:
    pdf: bytes
    expected: dict
    layout: Layout
    furniture: Furniture
    printed_furniture: list[str] = field(default_factory=list)  # every line printed that is not body text
    cut_paragraphs: set[tuple[int, int]] = field(default_factory=set)  # (article, block) split by a jump

    @property
    def pages(self) -> int:
        return self.expected["issue"]["pages"]

    def write(self, directory: Path, stem: str) -> Path:
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / f"{stem}.pdf"
        path.write_bytes(self.pdf)
        expected = dict(self.expected, source=path.name)
        import json

        (directory / f"{stem}.expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1),
                                                         encoding="utf-8")
        return path


def typeset_issue(articles, *, seed: int, layout: Layout | None = None, source: str = "issue.pdf") -> TypesetIssue:
    """Typeset `articles` (tests.simulator.texts.CleanArticle) as one issue of the first one's paper."""
    if not articles:
        raise ValueError("an issue needs at least one article")
    register_font()
    rng = random.Random(seed)
    # Drawn even when a layout is given, so the draws after it (styles, photos) stay the same.
    drawn = draw_layout(rng)
    layout = layout or drawn
    first = articles[0]
    town = first.town or "青枫镇"
    date = dt.date.fromisoformat(first.date) if first.date else dt.date(2024, 1, 10) + dt.timedelta(rng.randrange(900))
    furniture = draw_furniture(rng, layout, first.paper or f"{town}社区报", town, date)
    printed: list[str] = []
    units, styles = _units(articles, layout, furniture, rng, printed)
    geometry = _geometry(layout, printed)

    # The footer goes on the last page; make room for it there, and re-plan if that adds a page.
    footer_pages: set[int] = set()
    while True:
        plan = plan_pages(units, geometry, footer_pages)
        if len(plan.pages) in footer_pages:
            break
        footer_pages.add(len(plan.pages))
    furniture.pages = len(plan.pages)
    pdf = _draw(plan, layout, furniture, printed)
    expected = expected_json(articles, styles["notices"], plan.head_page, plan.continued, furniture, source)
    return TypesetIssue(pdf, expected, layout, furniture, printed, plan.cut_blocks)


def _units(articles, layout: Layout, furniture: Furniture, rng: random.Random, printed: list[str]):
    styles = body_styles(layout.body_size, layout.leading, layout.indent)
    line = layout.leading
    notice_pool = notices_for(furniture.town, email=furniture.email, phone=furniture.phone)
    rng.shuffle(notice_pool)
    units, article_styles, notices = [], [], []
    for owner, article in enumerate(articles):
        paragraphs = [b for b in article.blocks if b["type"] == "paragraph"]
        look = article_style(rng, layout, article, len(paragraphs))
        article_styles.append(look)
        head = Stack(_head_parts(article, look, layout, styles, printed), space_after=line * 0.6)
        body = _body(article, look, layout, styles, rng, owner, printed)
        if look.span:
            units.append(Unit(owner, body, span_head=[head], span=True, jump_offset=look.jump_offset,
                              title=article.title))
        else:
            units.append(Unit(owner, [Entry(head, owner, "head", keep=3 * line), *body],
                              jump_offset=look.jump_offset, title=article.title))
        if look.notice_after and len(notices) < len(notice_pool):
            title, text = notice_pool[len(notices)]
            notices.append(text)
            printed += [title, text]
            box = NoticeBox(title, text, layout.body_size)
            units.append(Unit(NOTICE_OWNER + len(notices), [Entry(box, NOTICE_OWNER + len(notices), "notice")]))
    return units, {"articles": article_styles, "notices": notices}


def _head_parts(article, look: ArticleStyle, layout: Layout, styles, printed: list[str]):
    centered = look.title_centered
    medium = medium_style(min(14.0, max(11.5, look.title_size * 0.55)), centered)
    parts = []
    if article.column:
        label = Label(article.column, layout.body_size, boxed=layout.label_box)
        parts.append(label)
        printed.append(label.printed())
    if article.kicker:
        parts.append(para(article.kicker, medium))
        printed.append(article.kicker)
    parts.append(para(article.title, headline_style(look.title_size, centered)))
    printed.append(article.title)
    if article.subtitle:
        text = f"——{article.subtitle}" if look.subtitle_dash else article.subtitle
        parts.append(para(text, medium))
        printed.append(text)
    if article.byline and not article.byline_at_end:
        parts.append(para(article.byline, styles["byline"]))
        printed.append(article.byline)
    return parts


def _body(article, look: ArticleStyle, layout: Layout, styles, rng: random.Random, owner: int,
          printed: list[str]) -> list[Entry]:
    photos_after: dict[int, list[int]] = {}
    for n, after in enumerate(look.photo_after):
        photos_after.setdefault(after, []).append(n)
    if look.uncaptioned_photo:
        photos_after.setdefault(0, []).append(-1)
    blocks = list(article.blocks)
    end_byline = article.byline if article.byline and article.byline_at_end else None
    entries: list[Entry] = []
    paragraph_index = -1
    last_paragraph = max((i for i, b in enumerate(blocks) if b["type"] == "paragraph"), default=-1)
    for i, block in enumerate(blocks):
        if block["type"] == "subhead":
            entries.append(Entry(BoldParagraph(escape(block["text"]), styles["subhead"]), owner, "head-sub",
                                 keep=2 * layout.leading))
            continue
        paragraph_index += 1
        text = block["text"]
        if end_byline and look.byline_inline and i == last_paragraph:
            text += f"（{end_byline}）"
        entries.append(Entry(para(text, styles["body"]), owner, block=i))
        for photo in photos_after.get(paragraph_index, []):
            entries.append(Entry(_photo(article, photo, look, layout, styles, rng, printed), owner, "photo"))
    for index in sorted(i for i in photos_after if i > paragraph_index):  # an article of subheads only
        for photo in photos_after[index]:
            entries.append(Entry(_photo(article, photo, look, layout, styles, rng, printed), owner, "photo"))
    if end_byline and (not look.byline_inline or last_paragraph < 0):
        entries.append(Entry(para(f"（{end_byline}）", styles["byline_end"]), owner, "tail"))
    if end_byline:
        printed.append(f"（{end_byline}）")
    return entries


def _photo(article, n: int, look: ArticleStyle, layout: Layout, styles, rng, printed: list[str]) -> Photo:
    jpeg, w, h = photo_jpeg(rng)
    if n < 0:
        return Photo(jpeg, (w, h), None, beside=False)
    text = look.caption_mark[n] + article.captions[n]
    if look.caption_credit[n]:
        text += f" {look.caption_credit[n]}"
    printed.append(text)
    # A caption beside the photo needs a column wide enough to leave it a few characters a line.
    beside = look.caption_beside[n] and layout.column_width >= 160
    return Photo(jpeg, (w, h), para(text, styles["caption"]), beside=beside)


def _geometry(layout: Layout, printed: list[str]) -> Geometry:
    width, height = layout.size
    margin = layout.margin
    column_w = layout.column_width
    xs = [margin + n * (column_w + layout.gutter) for n in range(layout.columns)]
    styles = body_styles(layout.body_size, layout.leading, layout.indent)

    def top(n: int) -> float:
        if n == 1:
            return height - margin - pdf_page.masthead_height(layout)
        return height - margin - (0 if layout.header_at_foot else pdf_page.HEADER_HEIGHT + 6)

    def bottom(n: int, footer: bool) -> float:
        foot = pdf_page.HEADER_HEIGHT if layout.header_at_foot and n > 1 else 0
        return margin + foot + (pdf_page.footer_height(layout) if footer else 0)

    def resume(ref: JumpRef, title: str):
        line = f"（上接第{ref.from_page}版）"
        printed.extend([line, title])
        return [Stack([para(line, styles["small"]), para(title, medium_style(13.0, False))],
                      space_after=layout.leading * 0.5)]

    return Geometry(xs=xs, column_width=column_w, full_x=margin, full_width=width - 2 * margin,
                    top=top, bottom=bottom, line=layout.leading,
                    jump_line=lambda ref: JumpLine(ref, layout.body_size - 1), resume=resume)


def _draw(plan, layout: Layout, furniture: Furniture, printed: list[str]) -> bytes:
    out = io.BytesIO()
    # invariant: no creation date or random document id, so one seed gives the same bytes.
    canvas = Canvas(out, pagesize=layout.size, pageCompression=1, invariant=1)
    canvas.setTitle(f"{furniture.paper} {furniture.short_date()}")
    for page in plan.pages:
        printed += pdf_page.draw_furniture(canvas, layout, furniture, page.number, last=page.number == len(plan.pages))
        pdf_page.draw_rules(canvas, layout, page)
        for piece in page.placed:
            piece.flowable.wrap(piece.width, piece.height + 1000)
            piece.flowable.drawOn(canvas, piece.x, piece.y)
            if isinstance(piece.flowable, JumpLine):
                printed.append(piece.flowable.text())
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def expected_json(articles, notices: list[str], head_page: dict[int, int], continued: set[int],
                  furniture: Furniture, source: str) -> dict:
    """What a perfect import yields: the clean articles, each with the page its headline is on."""
    issue = {
        "town": furniture.town,
        "date": furniture.issue_date.isoformat(),
        "date_precision": furniture.date_precision,
        "number": furniture.number,
        "pages": furniture.pages,
        "editorial_board": furniture.editorial_board(),
        "email": furniture.email,
        "phone": furniture.phone,
    }
    out = []
    for owner, article in enumerate(articles):
        out.append({
            "column": article.column,
            "kicker": article.kicker,
            "title": article.title,
            "subtitle": article.subtitle,
            "byline": article.byline,
            "page": head_page[owner],
            "blocks": [{"type": b["type"], "text": b["text"]} for b in article.blocks],
            "captions": list(article.captions),
            "flags": ["continued"] if owner in continued else [],
        })
    return {"source": source, "issue": issue, "articles": out, "notices": list(notices)}
