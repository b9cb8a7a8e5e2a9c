"""Plain dataclasses the import pipeline produces. No Django here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Block:
    """One block of an article body."""

    type: str  # "paragraph" | "subhead"
    text: str

    def to_json(self) -> dict:
        return {"type": self.type, "text": self.text}


@dataclass(frozen=True)
class Notice:
    """Something an editor should know of: a repair made, or a doubt left."""

    code: str
    message: str
    data: dict = field(default_factory=dict, compare=False)

    def to_json(self) -> dict:
        out = {"code": self.code, "message": self.message}
        if self.data:
            out["data"] = self.data
        return out


@dataclass(frozen=True)
class PdfPage:
    """One page of an issue's PDF: its index in the file, its printed number (版) and its size in points."""

    index: int
    width: float
    height: float
    number: int | None = None  # the page number printed on it (its running head), else its place

    def to_json(self) -> dict:
        return {"index": self.index, "number": self.number, "width": round(self.width, 1),
                "height": round(self.height, 1)}


@dataclass(frozen=True)
class PhotoRef:
    """A photo printed in the PDF: the page (0-based index in the file), its box in points from the
    page's top-left corner (x0, top, x1, bottom), and the caption printed with it."""

    page_index: int
    box: tuple[float, float, float, float]
    caption: str | None = None

    def to_json(self) -> dict:
        return {"page_index": self.page_index, "box": [round(v, 1) for v in self.box], "caption": self.caption}


@dataclass
class ParsedArticle:
    title: str
    column: str | None = None
    kicker: str | None = None
    subtitle: str | None = None
    blocks: list[Block] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    byline: str | None = None  # who wrote it, as printed (记者 张三), never body text
    page: int | None = None  # the printed page its headline is on, when the issue shows pages
    photo_credits: list[str] = field(default_factory=list)  # 记者 张三 摄, taken off the captions
    photos: list[PhotoRef] = field(default_factory=list)  # where its photos stand in the PDF
    warnings: list[Notice] = field(default_factory=list)
    source_text: str = ""  # the article's lines exactly as imported

    def to_json(self) -> dict:
        return {
            "column": self.column,
            "kicker": self.kicker,
            "title": self.title,
            "subtitle": self.subtitle,
            "byline": self.byline,
            "page": self.page,
            "blocks": [b.to_json() for b in self.blocks],
            "captions": list(self.captions),
            "photo_credits": list(self.photo_credits),
            "photos": [p.to_json() for p in self.photos],
            "warnings": [w.to_json() for w in self.warnings],
        }

    @property
    def text_length(self) -> int:
        return sum(len(b.text) for b in self.blocks)


@dataclass
class IssueMeta:
    publication: str | None = None
    town: str | None = None
    district: str | None = None
    publisher: str | None = None
    date: dt.date | None = None
    date_precision: str | None = None  # "day" | "month"
    number: int | None = None
    pages: int | None = None
    next_issue_date: dt.date | None = None
    editorial_board: list[str] = field(default_factory=list)
    contact: dict[str, str] = field(default_factory=dict)
    number_is_total: bool = False  # the number is 总第N期, counted since the first issue
    town_basis: str | None = None  # "printed" (masthead or publisher line) | "inferred" (from the text)
    date_basis: str | None = None  # "printed" (masthead or running heads) | "inferred" (from the text)

    def to_json(self) -> dict:
        return {
            "publication": self.publication,
            "town": self.town,
            "district": self.district,
            "publisher": self.publisher,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision,
            "number": self.number,
            "pages": self.pages,
            "next_issue_date": self.next_issue_date.isoformat() if self.next_issue_date else None,
            "editorial_board": list(self.editorial_board),
            "contact": dict(self.contact),
            "town_basis": self.town_basis,
            "date_basis": self.date_basis,
        }


@dataclass
class ParsedIssue:
    source: str
    sha256: str
    encoding: str
    text: str  # the decoded source, verbatim but for line endings
    meta: IssueMeta
    articles: list[ParsedArticle] = field(default_factory=list)
    leftovers: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # the paper's own notices between articles
    pages: list[PdfPage] = field(default_factory=list)  # an imported PDF's pages
    photos: list[PhotoRef] = field(default_factory=list)  # photos that belong to no article found
    warnings: list[Notice] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "source": self.source,
            "sha256": self.sha256,
            "encoding": self.encoding,
            "issue": self.meta.to_json(),
            "articles": [a.to_json() for a in self.articles],
            "leftovers": list(self.leftovers),
            "notices": list(self.notices),
            "pages": [p.to_json() for p in self.pages],
            "photos": [p.to_json() for p in self.photos],
            "warnings": [w.to_json() for w in self.warnings],
        }
