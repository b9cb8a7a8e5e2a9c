"""What a typeset issue looks like, drawn from a seed: the page geometry and the paper's furniture.

Everything random about an issue is drawn here, before any page is planned, so that planning
the same issue twice (the typesetter re-plans to make room for the last page's footer) makes
the same choices.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A3, A4

PAGE_NAMES = ["要闻", "综合", "民生", "文化", "党建", "专版"]
WEEKDAYS = "一二三四五六日"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙朱马胡郭林何高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁沈任姚卢姜崔钟谭陆汪范金石廖贾夏韦顾"
GIVEN = "建国华明丽娟敏静燕军平伟芳秀英玉兰桂珍志强勇磊洋艳杰涛超霞晨颖佳琪欣怡浩宇子涵思雨俊文博雅婷晓峰海燕春梅冬梅立新卫东红霞"
# Page sizes as reportlab points; both are printed by town papers (A3 broadsheet-like, A4 tabloid).
PAGE_SIZES = {"A4": A4, "A3": A3}
MARGIN = {"A4": 36.0, "A3": 46.0}
DATE_FORMS = ("cn_day", "dotted_day", "month")


@dataclass(frozen=True)
class Layout:
    """The issue's geometry and house style. Per-article choices are drawn in `article_style`."""

    page: str  # "A4" | "A3"
    columns: int
    gutter: float  # space between columns; narrow gutters make extractors join neighbouring columns
    body_size: float
    # Leading as a multiple of the type size. Past 1.5 poppler and pdfminer no longer group a
    # column's lines into one block, and read the page line by line across the columns.
    leading_factor: float
    indent: bool  # the two-character first-line indent
    header_at_foot: bool  # running header printed at the page foot instead of the top
    column_rules: bool  # thin vertical lines between columns
    label_box: bool  # column label as 【社区动态】 rather than a small label on a dark ground
    date_form: str
    masthead_centered: bool
    span_share: float  # share of articles with the headline across all columns
    notice_share: float  # chance of one of the paper's notices after an article

    @property
    def size(self) -> tuple[float, float]:
        return PAGE_SIZES[self.page]

    @property
    def margin(self) -> float:
        return MARGIN[self.page]

    @property
    def column_width(self) -> float:
        usable = self.size[0] - 2 * self.margin
        return (usable - (self.columns - 1) * self.gutter) / self.columns

    @property
    def chars_per_line(self) -> int:
        return int(self.column_width // self.body_size)

    @property
    def leading(self) -> float:
        return round(self.body_size * self.leading_factor, 1)


def draw_layout(rng: random.Random) -> Layout:
    """A layout whose column lines hold 12 to 25 characters, as the community papers print them."""
    while True:
        layout = Layout(
            page=rng.choice(["A4", "A4", "A3"]),
            columns=rng.choice([2, 3, 4]),
            gutter=rng.choice([12.0, 15.0, 18.0]),
            body_size=rng.choice([9.0, 9.5, 10.0, 10.5]),
            leading_factor=rng.choice([1.25, 1.35, 1.45, 1.45, 1.6]),
            indent=rng.random() < 0.85,
            header_at_foot=rng.random() < 0.25,
            column_rules=rng.random() < 0.5,
            label_box=rng.random() < 0.5,
            date_form=rng.choice(DATE_FORMS),
            masthead_centered=rng.random() < 0.4,
            span_share=rng.choice([0.3, 0.5, 0.8]),
            notice_share=rng.choice([0.0, 0.15, 0.3]),
        )
        if 12 <= layout.chars_per_line <= 25:
            return layout


@dataclass(frozen=True)
class ArticleStyle:
    """How one article is set: drawn once per article, before planning."""

    span: bool  # headline across the columns (else inside one column)
    title_size: float
    title_centered: bool
    subtitle_dash: bool  # subtitle printed as ——副题
    byline_inline: bool  # byline_at_end appended to the last paragraph, not on a line of its own
    photo_after: list[int]  # for each caption, the paragraph index the photo follows
    caption_beside: list[bool]
    caption_mark: list[str]  # "" | "▲" | "△"
    caption_credit: list[str | None]  # a photo credit printed after the caption, or None
    uncaptioned_photo: bool
    jump_offset: int  # a jump goes this many pages on (1 or 2)
    notice_after: bool


def person(rng: random.Random) -> str:
    given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
    return rng.choice(SURNAMES) + given


def article_style(rng: random.Random, layout: Layout, article, n_paragraphs: int) -> ArticleStyle:
    n_photos = len(article.captions)
    span = rng.random() < layout.span_share
    # A headline inside one column must still hold five or more characters a line.
    biggest = 28.0 if span else max(16.0, min(24.0, layout.column_width / 6))
    # A photo never follows the last paragraph, so an article never ends on a photo alone.
    slots = max(1, n_paragraphs - 1)
    return ArticleStyle(
        span=span,
        title_size=float(rng.randint(16, int(biggest))),
        title_centered=span and rng.random() < 0.5,
        subtitle_dash=rng.random() < 0.5,
        byline_inline=rng.random() < 0.5,
        photo_after=sorted(rng.randrange(slots) for _ in range(n_photos)),
        caption_beside=[rng.random() < 0.3 for _ in range(n_photos)],
        caption_mark=[rng.choice(["", "", "▲", "△"]) for _ in range(n_photos)],
        caption_credit=[f"{rng.choice(['通讯员', '记者', '摄影'])} {person(rng)} 摄" if rng.random() < 0.3 else None
                        for _ in range(n_photos)],
        uncaptioned_photo=n_photos == 0 and rng.random() < 0.15,
        jump_offset=rng.choice([1, 1, 2]),
        notice_after=rng.random() < layout.notice_share,
    )


@dataclass
class Furniture:
    """The paper's own lines: masthead, running headers, footer. `pages` is set after planning."""

    paper: str
    town: str
    publisher: str
    date: dt.date
    date_form: str
    number: int
    year_number: int
    board: list[str]
    chief: str
    page_editors: list[str]
    email: str
    phone: str
    page_names: list[str] = field(default_factory=list)
    pages: int = 0

    @property
    def date_precision(self) -> str:
        return "month" if self.date_form == "month" else "day"

    @property
    def issue_date(self) -> dt.date:
        return self.date.replace(day=1) if self.date_form == "month" else self.date

    def date_line(self) -> str:
        d, weekday = self.date, "星期" + WEEKDAYS[self.date.weekday()]
        if self.date_form == "cn_day":
            return f"{d.year}年{d.month}月{d.day}日 {weekday}"
        if self.date_form == "dotted_day":
            return f"{d:%Y.%m.%d} {weekday}"
        return f"第 {self.year_number} 期 {d.year}年{d.month}月"

    def short_date(self) -> str:
        d = self.date
        return f"{d.year}年{d.month}月" if self.date_form == "month" else f"{d.year}年{d.month}月{d.day}日"

    def number_line(self) -> str:
        return f"总第{self.number}期 本期{self.pages}版"

    def running_header(self, page: int) -> list[str]:
        """The pieces of a later page's running header, in print order."""
        return [str(page), self.page_name(page), self.short_date(), f"责任编辑：{self.page_editor(page)}"]

    def page_name(self, page: int) -> str:
        return self.page_names[(page - 1) % len(self.page_names)]

    def page_editor(self, page: int) -> str:
        return self.page_editors[(page - 1) % len(self.page_editors)]

    def footer_lines(self) -> list[str]:
        return [f"编审团：{' '.join(self.board)}", f"主编：{self.chief}",
                f"责任编辑：{'、'.join(dict.fromkeys(self.page_editors))}",
                f"投稿邮箱：{self.email}", f"新闻热线：{self.phone}"]

    def editorial_board(self) -> list[str]:
        return list(dict.fromkeys([*self.board, self.chief, *self.page_editors]))


def publisher_for(town: str) -> str:
    if town.endswith("街道"):
        return f"主办：中共{town}工作委员会 {town}办事处"
    if town.endswith("镇"):
        return f"主办：中共{town}委员会 {town}人民政府"
    return f"主办：中共{town}委员会"


def draw_furniture(rng: random.Random, layout: Layout, paper: str, town: str, date: dt.date) -> Furniture:
    from pypinyin import lazy_pinyin

    stem = "".join(lazy_pinyin(town.removesuffix("街道").removesuffix("镇"))) or "shequ"
    editors = [person(rng) for _ in range(rng.randint(1, 3))]
    names = PAGE_NAMES[1:]
    rng.shuffle(names)
    return Furniture(
        paper=paper, town=town, publisher=publisher_for(town), date=date, date_form=layout.date_form,
        number=rng.randint(20, 260), year_number=rng.randint(1, 12),
        board=[person(rng) for _ in range(rng.randint(2, 4))], chief=person(rng), page_editors=editors,
        email=f"{stem}{rng.choice(['bao', 'news', 'sqb'])}@{rng.choice(['163.com', '126.com', 'qq.com'])}",
        phone=f"021-{rng.randint(3, 6)}{rng.randint(1000000, 9999999)}",
        page_names=["要闻", *names],
    )
