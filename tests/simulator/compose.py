"""Compose one issue from clean articles: what the printer's PDF held, in reading order.

The result is a list of printed items, each labelled with the role it plays (the truth the
importer must recover), and the expected JSON of a perfect import. `render.py` then turns the
items into text the way one extractor or another returns it.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from . import pools
from .headlines import printed_variant
from .style import Style
from .texts import CleanArticle, CleanNotice

SENTENCE_END = "。！？；"


@dataclass
class Item:
    """One printed block: a headline line, a paragraph, a caption, a running header ..."""

    text: str
    role: str  # furn | column | kicker | title | subtitle | byline | subhead | para | caption | notice
    gap: int = 1  # blank lines before it in a paragraph-per-line export
    page: int = 1
    level: int = 0  # markdown heading level, 0 for none
    continues: bool = False  # a paragraph's rest after an interruption (caption, header, jump)


@dataclass
class Composed:
    items: list[Item]
    expected: dict
    style: Style
    kinds: set[str] = field(default_factory=set)


def _jitter(rng: random.Random, gap: int) -> int:
    """Extractors do not leave exactly the same number of blank lines every time."""
    roll = rng.random()
    if roll < 0.08:
        return gap + 1
    if roll < 0.12 and gap > 0:
        return gap - 1
    return gap


def _cut_point(rng: random.Random, text: str, width: int | None = None) -> int | None:
    """A place inside a sentence where a column or a picture may cut the paragraph.

    With `width` (a column's characters per line), the cut falls at a printed line's end: a column
    holds at least one whole line of a paragraph, so the piece before a cut is never shorter."""
    if width:
        # The first line is indented two characters (or not); the cut ends the k-th printed line.
        ends = {k * width - indent for k in range(1, len(text) // width + 1) for indent in (0, 2)}
        candidates = sorted(i for i in ends if 8 <= i < len(text) - 6)
    else:
        candidates = list(range(8, len(text) - 6))
    candidates = [i for i in candidates
                  if text[i - 1] not in SENTENCE_END + "，、：" and text[i] not in "，。、；：！？”）》"]
    return rng.choice(candidates) if candidates else None


class Composer:
    def __init__(self, style: Style, articles: list[CleanArticle], notices: list[CleanNotice]):
        self.s = style
        self.rng = random.Random(style.seed * 7919 + 17)
        self.articles = articles
        self.notices = notices
        self.items: list[Item] = []
        self.page = 1
        self.page_fill = 0
        self.kinds = set(style.kinds)
        first = articles[0]
        self.town = first.town or "青枫镇"
        self.paper = first.paper or f"{self.town}社区报"
        year = int((first.date or "2024-03-27")[:4])
        self.date = dt.date(year, self.rng.randint(1, 12), self.rng.randint(1, 28))
        self.number = self.rng.randint(1, 24)
        self.total = self.number + self.rng.randint(0, 300)
        self.title_level = self.rng.choice([1, 1, 2])
        self.captions_of: dict[str, list[str]] = {}
        self.paged = style.running_headers or (style.wrapped and style.jump)

    # --- emitting ------------------------------------------------------------------------------
    def emit(self, text: str, role: str, gap: int, *, level: int = 0, continues: bool = False) -> None:
        self.items.append(Item(text, role, _jitter(self.rng, gap), self.page, level, continues))

    def body_text(self, text: str, role: str, gap: int, *, continues: bool = False) -> None:
        """A paragraph, cut by a running header where the page ends."""
        s = self.s
        if s.running_headers and self.page_fill + len(text) > s.page_chars:
            cut = _cut_point(self.rng, text, None if s.wrapped else s.column_width) if self.rng.random() < 0.6 else None
            if cut is not None and role == "para":
                self.emit(text[:cut], role, gap, continues=continues)
                self.new_page()
                self.emit(text[cut:], role, self.rng.choice([0, 1, s.para_gap]), continues=True)
                self.kinds.add("header-mid-sentence")
                self.page_fill += len(text) - cut
                return
            self.new_page()
        self.page_fill += len(text)
        if role == "para" and not s.wrapped and self.rng.random() < s.column_cuts:
            # The column ends inside a sentence: the paragraph's rest comes as a block of its own.
            cut = _cut_point(self.rng, text, s.column_width)
            if cut is not None:
                self.emit(text[:cut], role, gap, continues=continues)
                self.emit(text[cut:], role, s.para_gap + self.rng.choice([0, 0, 0, 1, 2]), continues=True)
                self.kinds.add("column-cut")
                return
        if self.rng.random() < s.picture_gaps:
            gap += self.rng.choice([2, 3])  # a photo printed without a caption
            self.kinds.add("picture-gap")
        self.emit(text, role, gap, continues=continues)

    def new_page(self) -> None:
        self.page += 1
        self.page_fill = 0
        if self.s.running_headers:
            header = pools.running_header(self.rng, self.page, self.date, self.paper, self.s.header_style)
            self.emit(header, "furn", self.rng.choice([0, 1, 2]))

    # --- the issue -----------------------------------------------------------------------------
    def compose(self) -> Composed:
        meta = self.masthead()
        order = list(range(len(self.articles)))
        jump_of = self.rng.randrange(len(order) - 1) if self.s.jump and len(order) >= 2 else None
        notice_slots = set(self.rng.sample(range(1, len(order) + 1), min(self.s.notices, len(order))))
        notices_out = []
        expected_articles: list[dict] = []
        deferred: list[tuple[int, CleanArticle, list, int]] = []
        start_at_end = None
        if self.s.start_at_end:
            start_at_end = self.rng.randrange(len(order))
        tail_fragment = None
        side = None  # a story whose stack is printed, waiting for the stack beside it
        for position, index in enumerate(order):
            if position in notice_slots and self.notices:
                notices_out.append(self.notice(self.rng.choice(self.notices)))
            article = printed_variant(self.rng, self.articles[index], drop_stack=self.s.stack_policy == "drop")
            page = self.page
            blocks = list(article.blocks)
            fragment = None
            if position == start_at_end and blocks and blocks[0]["type"] == "paragraph":
                cut = _cut_point(self.rng, blocks[0]["text"], None if self.s.wrapped else self.s.column_width)
                if cut is not None:
                    fragment = blocks[0]["text"][:cut]
                    blocks[0] = {"type": "paragraph", "text": blocks[0]["text"][cut:]}
            rest = []
            if position == jump_of and len(blocks) >= 3:
                split = self.rng.randint(1, len(blocks) - 2)
                blocks, rest = blocks[:split], blocks[split:]
            if side is not None:
                # The story before printed its stack beside this one's: both stacks, then both bodies.
                held, held_blocks = side
                self.stack(article, self.s.headline_gap or self.s.para_gap)
                self.article(held, held_blocks, first=False, with_stack=False)
                self.article(article, blocks, first=False, with_stack=False, lead_gap=self.s.article_gap)
                self.kinds.add("side-by-side")
                side = None
            elif (self.s.side_by_side and position + 1 < len(order) and position > 0 and not rest and not fragment
                  and not article.byline and self.rng.random() < 0.5):
                self.stack(article, self.s.article_gap)
                side = (article, blocks)
            else:
                self.article(article, blocks, first=position == 0)
            if fragment:
                tail_fragment = fragment
                self.kinds.add("start-at-end")
            if rest:
                deferred.append((position, article, rest, page))
            expected_articles.append(self.expected_article(article, page))
        for _position, article, rest, page in deferred:
            self.new_page()
            self.resume(article, rest, page)
            self.kinds.add("jump")
        if tail_fragment:
            self.emit(tail_fragment, "para", self.s.article_gap + 1)
        if self.s.footer:
            for n, line in enumerate(pools.footer_lines(self.rng)):
                self.emit(line, "furn", self.s.article_gap if n == 0 else 0)
        if not self.paged:
            for expected in expected_articles:
                expected["page"] = None
        meta["pages"] = max(meta.get("pages") or 0, self.page) if "pages" in meta else None
        if meta.get("pages") is None:
            meta.pop("pages", None)
        expected = {"source": "", "issue": meta, "articles": expected_articles, "notices": notices_out}
        return Composed(self.items, expected, self.s, self.kinds)

    def masthead(self) -> dict:
        s, rng = self.s, self.rng
        meta: dict = {}
        pages = rng.choice([4, 4, 8, 8, 12, 16])
        if s.masthead != "none":
            precision = "month" if s.masthead == "month" else "day"
            date_line = pools.masthead_date_line(rng, self.date, precision, self.number)
            if s.masthead == "dotted":
                date_line = f"{self.date.year}.{self.date.month:02d}.{self.date.day:02d} 星期{pools.WEEKDAYS[self.date.weekday()]}"
            if rng.random() < 0.5:
                self.emit(self.paper, "furn", 0)
            self.emit(date_line, "furn", rng.choice([0, 1]))
            number_lines = pools.number_lines(rng, self.number, self.total, pages)
            for line in number_lines:
                self.emit(line, "furn", rng.choice([0, 1]))
            meta["date"] = self.date.isoformat() if precision == "day" else f"{self.date.year}-{self.date.month:02d}-01"
            meta["date_precision"] = precision
            if number_lines:
                meta["pages"] = pages
                meta["number"] = self.total if "总第" in " ".join(number_lines) else self.number
            elif precision == "month":
                meta["number"] = self.number
        if rng.random() < 0.7:
            brand = rng.choice([self.paper, f"{self.town[:2]}发布", f"上海{self.town}"])
            for line in rng.choice(pools.QR_LINES):
                self.emit(line.format(brand=brand), "furn", rng.choice([0, 1, 2]))
            self.kinds.add("boilerplate")
        if rng.random() < 0.4:
            self.emit(" / ".join(rng.choice(pools.SLOGANS)), "furn", rng.choice([1, 2]))
        if rng.random() < 0.75:
            for line in pools.publisher_lines(rng, self.town):
                self.emit(line, "furn", rng.choice([0, 1, 2]))
            meta["town"] = self.town
            self.kinds.add("publisher")
        return meta

    def heading(self, text: str, role: str, gap: int) -> None:
        level = 0
        if self.s.markdown:
            level = {"title": self.title_level, "subtitle": self.title_level + 1,
                     "kicker": self.title_level + 1, "column": self.title_level + 2,
                     "subhead": self.title_level + 2}.get(role, 0)
            if role == "column" and self.s.column_form != "hash":
                level = 0
        self.emit(text, role, gap, level=level)

    def stack(self, article: CleanArticle, gap: int) -> None:
        s, rng = self.s, self.rng
        if article.column:
            label = article.column
            if s.column_form == "bracket":
                label = f"【{label}】"
            self.heading(label, "column", gap)
            gap = s.headline_gap
            self.kinds.add("column")
        parts = [(article.kicker, "kicker"), (article.title, "title"), (article.subtitle, "subtitle")]
        parts = [(t, r) for t, r in parts if t]
        if s.stack_one_line and len(parts) >= 2 and rng.random() < 0.7:
            self.heading(" ".join(t for t, _ in parts), "title", gap)
            self.kinds.add("stack-one-line")
            return
        for text, role in parts:
            self.heading(text, role, gap)
            gap = s.headline_gap
            if role != "title":
                self.kinds.add(role)

    def article(self, article: CleanArticle, blocks: list[dict], *, first: bool, with_stack: bool = True,
                lead_gap: int | None = None) -> None:
        s, rng = self.s, self.rng
        if with_stack:
            self.stack(article, 1 if first else s.article_gap)
        at_end = article.byline and (article.byline_at_end or rng.random() < s.byline_at_end_rate)
        if article.byline and not at_end:
            self.emit(article.byline, "byline", s.headline_gap)
            self.kinds.add("byline")
        clean, printed = self.printed_captions(article)
        self.captions_of[article.id] = clean
        slots = self.caption_slots(blocks, printed)
        gap = s.headline_gap if s.headline_gap else s.para_gap
        if lead_gap is not None:
            gap = lead_gap
        for n, block in enumerate(blocks):
            for caption in slots.get((n, "before"), []):
                self.emit(caption, "caption", s.caption_gap)
                gap = s.caption_gap
            text = block["text"]
            if block["type"] == "subhead":
                self.heading(text, "subhead", max(gap, s.para_gap))
                self.kinds.add("subheads")
            else:
                inside = slots.get((n, "inside"), [])
                last = n == len(blocks) - 1
                if last and at_end:
                    text = f"{text}（{article.byline}）"
                    self.kinds.add("byline-end")
                cut = _cut_point(rng, text, None if s.wrapped else s.column_width) if inside else None
                if cut is not None:
                    self.body_text(text[:cut], "para", gap)
                    for caption in inside:
                        self.emit(caption, "caption", s.caption_gap)
                    self.body_text(text[cut:], "para", s.caption_gap, continues=True)
                    self.kinds.add("caption-inside")
                else:
                    for caption in inside:
                        slots.setdefault((n, "after"), []).append(caption)
                    self.body_text(text, "para", gap)
            gap = s.para_gap
            for caption in slots.get((n, "after"), []):
                self.emit(caption, "caption", s.caption_gap)
                gap = s.caption_gap

    def resume(self, article: CleanArticle, rest: list[dict], page: int) -> None:
        s, rng = self.s, self.rng
        marker = f"（上接第{page}版）"
        # Where the story breaks off it says where it goes on.
        jump_to = f"（下转第{self.page}版）"
        for index in range(len(self.items) - 1, -1, -1):
            item = self.items[index]
            if item.role == "para" and item.page == page:
                if rng.random() < 0.5:
                    item.text += jump_to
                else:
                    self.items.insert(index + 1, Item(jump_to, "furn", rng.choice([0, 1]), page))
                break
        if rng.random() < 0.5:
            self.emit(f"{marker}{article.title}", "title", s.article_gap)
        else:
            self.emit(marker, "furn", s.article_gap)
            self.heading(article.title, "title", rng.choice([0, 1]))
        gap = s.para_gap
        for block in rest:
            if block["type"] == "subhead":
                self.heading(block["text"], "subhead", gap)
            else:
                self.body_text(block["text"], "para", gap)
            gap = s.para_gap

    def printed_captions(self, article: CleanArticle) -> tuple[list[str], list[str]]:
        """(clean captions, the same as printed)."""
        captions = list(article.captions)
        if (not captions and article.origin == "shared" and self.rng.random() < 0.7) or self.rng.random() < 0.25:
            # Many papers caption a photo with a few plain words: 会议现场, 活动现场.
            captions = self.rng.sample(pools.GENERIC_CAPTIONS, self.rng.choice([1, 1, 2]))
        if self.s.caption_style != "plain" and captions:
            self.kinds.add("caption-forms")
        return captions, [pools.caption_form(self.rng, c, self.s.caption_style) for c in captions]

    def caption_slots(self, blocks: list[dict], printed: list[str]) -> dict:
        """Where each picture stands: before the body, between paragraphs, inside one, at the end."""
        slots: dict = {}
        paragraphs = [n for n, b in enumerate(blocks) if b["type"] == "paragraph"]
        if not paragraphs:
            return slots
        for caption in printed:
            where = self.rng.choice(["before", "between", "between", "inside", "inside", "end"])
            if where == "before":
                key = (0, "before")
            elif where == "end":
                key = (len(blocks) - 1, "after")
            elif where == "inside":
                key = (self.rng.choice(paragraphs), "inside")
            else:
                key = (self.rng.choice(paragraphs), "after")
            self.kinds.add(f"caption-{where}")
            slots.setdefault(key, []).append(caption)
        return slots

    def notice(self, notice: CleanNotice) -> str:
        lines = [notice.title] if notice.title else []
        lines.append(notice.text)
        gap = self.s.article_gap
        for n, line in enumerate(lines):
            self.emit(line, "notice" if n == 0 else "notice_cont", gap if n == 0 else self.s.para_gap)
        self.kinds.add("notice")
        return "".join(lines)

    def expected_article(self, article: CleanArticle, page: int) -> dict:
        return {
            "column": article.column, "kicker": article.kicker, "title": article.title,
            "subtitle": article.subtitle, "byline": article.byline, "page": page if self.paged else None,
            "blocks": [dict(b) for b in article.blocks], "captions": list(self.captions_of.get(article.id, [])),
            "flags": [],
        }


def compose(style: Style, articles: list[CleanArticle], notices: list[CleanNotice]) -> Composed:
    return Composer(style, articles, notices).compose()

