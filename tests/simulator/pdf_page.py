"""Page furniture drawn straight on the canvas: the masthead on page 1, the running header on later
pages (at the top, or at the foot in some papers), the editorial footer on the last page, and the
rules between columns and sections. Each function returns the strings it printed, so the order
checker can tell furniture from body text.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from .pdf_layout import Furniture, Layout
from .pdf_parts import FONT

HEADER_HEIGHT = 26.0
FOOTER_SIZE = 8.0


def masthead_height(layout: Layout) -> float:
    return 112.0 if layout.page == "A4" else 140.0


def footer_height(layout: Layout) -> float:
    return 3 * FOOTER_SIZE * 1.6 + 12


def _text(canvas, x: float, y: float, text: str, size: float, *, align: str = "left") -> str:
    canvas.setFont(FONT, size)
    {"left": canvas.drawString, "right": canvas.drawRightString, "centre": canvas.drawCentredString}[align](x, y, text)
    return text


def draw_furniture(canvas, layout: Layout, furniture: Furniture, page: int, *, last: bool) -> list[str]:
    printed = _masthead(canvas, layout, furniture) if page == 1 else _running_header(canvas, layout, furniture, page)
    if last:
        printed += _footer(canvas, layout, furniture)
    return printed


def _masthead(canvas, layout: Layout, furniture: Furniture) -> list[str]:
    width, height = layout.size
    margin = layout.margin
    usable = width - 2 * margin
    top = height - margin
    small = 8.5 if layout.page == "A4" else 10.0
    lines = [furniture.date_line(), furniture.number_line(), furniture.publisher]
    printed = []
    name = furniture.paper
    if layout.masthead_centered:
        size = min(48.0 if layout.page == "A4" else 64.0, usable * 0.8 / len(name))
        printed.append(_text(canvas, width / 2, top - size, name, size, align="centre"))
        y = top - size - 24
        printed.append(_text(canvas, margin, y, lines[0], small))
        printed.append(_text(canvas, width / 2, y, lines[1], small, align="centre"))
        printed.append(_text(canvas, width - margin, y - small * 1.6, lines[2], small, align="right"))
    else:
        block = max(stringWidth(t, FONT, small) for t in lines)
        size = min(44.0 if layout.page == "A4" else 60.0, (usable - block - 24) / len(name))
        printed.append(_text(canvas, margin, top - size - 8, name, size))
        for n, line in enumerate(lines):
            printed.append(_text(canvas, width - margin, top - 14 - n * small * 1.8, line, small, align="right"))
    label_y = height - margin - masthead_height(layout) + 14
    printed.append(_text(canvas, margin, label_y, f"第1版 {furniture.page_name(1)}", small))
    canvas.setLineWidth(2.0)
    canvas.line(margin, label_y - 6, width - margin, label_y - 6)
    canvas.setLineWidth(0.5)
    canvas.line(margin, label_y - 9, width - margin, label_y - 9)
    return printed


def _running_header(canvas, layout: Layout, furniture: Furniture, page: int) -> list[str]:
    width, height = layout.size
    margin = layout.margin
    number, name, date, editor = furniture.running_header(page)
    if layout.header_at_foot:
        y, rule_y = margin + 6, margin + HEADER_HEIGHT - 6
    else:
        y, rule_y = height - margin - HEADER_HEIGHT + 10, height - margin - HEADER_HEIGHT + 4
    # The page number stands on the outer edge: left on even pages, right on odd ones.
    if page % 2 == 0:
        printed = [_text(canvas, margin, y, number, 14), _text(canvas, margin + 24, y, name, 11),
                   _text(canvas, width - margin - 130, y, date, 8.5, align="right"),
                   _text(canvas, width - margin, y, editor, 8.5, align="right")]
    else:
        printed = [_text(canvas, margin, y, date, 8.5), _text(canvas, margin + 130, y, editor, 8.5),
                   _text(canvas, width - margin - 24, y, name, 11, align="right"),
                   _text(canvas, width - margin, y, number, 14, align="right")]
    canvas.setLineWidth(0.8)
    canvas.line(margin, rule_y, width - margin, rule_y)
    return printed


def _footer(canvas, layout: Layout, furniture: Furniture) -> list[str]:
    width, _ = layout.size
    margin = layout.margin
    foot = margin + (HEADER_HEIGHT if layout.header_at_foot else 0)
    box_h = footer_height(layout) - 6
    canvas.setLineWidth(0.6)
    canvas.rect(margin, foot, width - 2 * margin, box_h, stroke=1, fill=0)
    board, chief, editors, email, phone = furniture.footer_lines()
    rows = [f"{board}  {chief}", editors, f"{email}  {phone}"]
    printed = []
    for n, row in enumerate(rows):
        printed.append(_text(canvas, margin + 6, foot + box_h - 6 - FOOTER_SIZE - n * FOOTER_SIZE * 1.6, row,
                             FOOTER_SIZE))
    return printed


def draw_rules(canvas, layout: Layout, page) -> None:
    """Thin rules between the columns of each section and under each section but the last."""
    canvas.setStrokeColor(colors.HexColor("#777777"))
    canvas.setLineWidth(0.4)
    width = layout.size[0]
    xs = _gutters(layout)
    for n, (top, bottom) in enumerate(page.sections):
        if layout.column_rules:
            for x in xs:
                canvas.line(x, top, x, bottom)
        if n < len(page.sections) - 1:
            y = bottom - layout.leading / 2
            canvas.line(layout.margin, y, width - layout.margin, y)
    canvas.setStrokeColor(colors.black)


def _gutters(layout: Layout) -> list[float]:
    step = layout.column_width + layout.gutter
    return [layout.margin + n * step - layout.gutter / 2 for n in range(1, layout.columns)]
