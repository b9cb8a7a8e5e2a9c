"""The flowables and type styles a community-paper page is made of: headline stacks, column
labels, subheads in fake bold, notice boxes, jump lines. All in reportlab's built-in Chinese CID
font, which needs no font file and maps back to Unicode in every PDF reader.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib import colors, textsplit
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus import paragraph as paragraph_module

from .render import NO_LINE_START

FONT = "STSong-Light"
_registered = False


def register_font() -> None:
    global _registered
    if not _registered:
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
        # Chinese typesetting never starts a line with a comma, a colon or a closing quote: it hangs
        # the mark in the margin. reportlab's CJK line breaker knows only the Japanese marks (。、」),
        # so without the rest one printed line in thirty would open with a "，". Each module holds
        # its own copy of the constant.
        for module in (textsplit, paragraph_module):
            module.ALL_CANNOT_START += "".join(sorted(NO_LINE_START - set(module.ALL_CANNOT_START)))
        _registered = True


def style(name: str, size: float, *, leading: float | None = None, align=TA_LEFT, indent: float = 0.0,
          before: float = 0.0, after: float = 0.0) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=FONT, fontSize=size, leading=leading or round(size * 1.3, 1),
                          alignment=align, firstLineIndent=indent, spaceBefore=before, spaceAfter=after,
                          wordWrap="CJK", allowWidows=0, allowOrphans=0)


def para(text: str, paragraph_style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), paragraph_style)


class BoldParagraph(Paragraph):
    """Bold type the CID font lacks, as fill-and-stroke rendering (text render mode 2): readers
    still get the characters, once each."""

    def draw(self):
        canvas = self.canv
        canvas.saveState()
        canvas.setLineWidth(self.style.fontSize * 0.035)
        canvas._code.append("2 Tr")
        super().draw()
        canvas.restoreState()


class Stack(Flowable):
    """Flowables set one under the other and never split: a headline stack with its label and
    byline, or the （上接第M版） line with the repeated title."""

    def __init__(self, parts: list[Flowable], *, space_after: float = 4.0):
        super().__init__()
        self.parts, self.spaceAfter, self.spaceBefore = parts, space_after, 4.0

    def wrap(self, avail_width, avail_height):
        self.width, self.sizes = avail_width, []
        for n, part in enumerate(self.parts):
            _, h = part.wrap(avail_width, 10_000)
            self.sizes.append((h, part.getSpaceBefore() if n else 0.0, part.getSpaceAfter()))
        self.height = sum(h + b + a for h, b, a in self.sizes) - (self.sizes[-1][2] if self.sizes else 0)
        return self.width, self.height

    def split(self, avail_width, avail_height):
        return []

    def draw(self):
        y = self.height
        for part, (h, before, after) in zip(self.parts, self.sizes, strict=True):
            y -= before + h
            part.drawOn(self.canv, 0, y)
            y -= after


class Label(Flowable):
    """A column label (栏目): white characters on a dark ground, or the text in 【】 as printed."""

    def __init__(self, text: str, size: float, *, boxed: bool):
        super().__init__()
        self.text, self.size, self.boxed = text, size, boxed
        self.spaceAfter = 3.0

    def printed(self) -> str:
        return f"【{self.text}】" if self.boxed else self.text

    def wrap(self, avail_width, avail_height):
        self.width = min(avail_width, pdfmetrics.stringWidth(self.printed(), FONT, self.size) + 8)
        self.height = self.size * 1.5
        return self.width, self.height

    def draw(self):
        canvas = self.canv
        if not self.boxed:
            canvas.setFillColor(colors.HexColor("#8a1c1c"))
            canvas.rect(0, 0, self.width, self.height, stroke=0, fill=1)
            canvas.setFillColor(colors.white)
        canvas.setFont(FONT, self.size)
        canvas.drawString(0 if self.boxed else 4, self.size * 0.4, self.printed())
        canvas.setFillColor(colors.black)


class NoticeBox(Flowable):
    """One of the paper's own notices (温馨提示, 征稿启事) in a ruled box between articles."""

    def __init__(self, title: str, text: str, size: float):
        super().__init__()
        self.title = para(title, style("notice-title", size + 1.5, align=TA_CENTER, after=2))
        self.body = para(text, style("notice", size - 0.5, indent=2 * (size - 0.5)))
        self.pad, self.spaceBefore, self.spaceAfter = 5.0, 6.0, 6.0

    def wrap(self, avail_width, avail_height):
        inner = avail_width - 2 * self.pad
        _, self.title_h = self.title.wrap(inner, 10_000)
        _, self.body_h = self.body.wrap(inner, 10_000)
        self.width, self.height = avail_width, self.title_h + 2 + self.body_h + 2 * self.pad
        return self.width, self.height

    def split(self, avail_width, avail_height):
        return []

    def draw(self):
        canvas = self.canv
        canvas.setLineWidth(0.8)
        canvas.rect(0, 0, self.width, self.height, stroke=1, fill=0)
        self.title.drawOn(canvas, self.pad, self.height - self.pad - self.title_h)
        self.body.drawOn(canvas, self.pad, self.pad)


class JumpLine(Flowable):
    """（下转第N版）, right-aligned under the cut; N is filled in once the continuation is placed."""

    def __init__(self, ref, size: float):
        super().__init__()
        self.ref, self.size = ref, size

    def text(self) -> str:
        return f"（下转第{self.ref.to_page}版）"

    def wrap(self, avail_width, avail_height):
        self.width, self.height = avail_width, self.size * 1.4
        return self.width, self.height

    def draw(self):
        self.canv.setFont(FONT, self.size)
        self.canv.drawRightString(self.width, self.size * 0.3, self.text())


def body_styles(body_size: float, leading: float, indent: bool) -> dict[str, ParagraphStyle]:
    first = 2 * body_size if indent else 0.0
    # Without the indent a paragraph is told by a little space before it, as such papers set it.
    gap = 0.0 if indent else round(leading * 0.45, 1)
    return {
        "body": style("body", body_size, leading=leading, align=TA_JUSTIFY, indent=first, before=gap),
        "subhead": style("subhead", body_size + 1.5, leading=leading + 2, before=leading * 0.5,
                         after=leading * 0.25),
        "byline_end": style("byline-end", body_size, leading=leading, align=TA_RIGHT),
        "caption": style("caption", body_size - 1.5, leading=round((body_size - 1.5) * 1.35, 1)),
        "byline": style("byline", body_size - 1, after=2),
        "medium": style("medium", body_size + 3, after=2),
        "small": style("small", body_size - 1),
    }


def headline_style(size: float, centered: bool) -> ParagraphStyle:
    return style("title", size, leading=round(size * 1.25, 1), align=TA_CENTER if centered else TA_LEFT, after=3)


def medium_style(size: float, centered: bool) -> ParagraphStyle:
    return style("medium", size, leading=round(size * 1.3, 1), align=TA_CENTER if centered else TA_LEFT, after=2)
