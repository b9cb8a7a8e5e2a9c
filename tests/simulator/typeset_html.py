"""The same issues typeset as HTML with CSS columns and printed to PDF by Debian's Chromium.

This is the other way community-paper PDFs are made: by a program that embeds the installed
fonts (Noto CJK here, fonts-noto-cjk). Their glyphs are shared between ideographs and the Kangxi
radicals (日 and ⽇ are one glyph), so extractors that map glyphs back through the font's own
tables (pdfminer.six, pdfplumber) return radicals for some ideographs. The expected JSON is the
reportlab path's, article for article; the page each headline is on is read back from the PDF by
where pypdfium2 (which returns no radicals) finds the headline's large type, since Chromium, not
this code, decides the page breaks. Articles run on across pages in CSS columns: no jumps here.
"""

from __future__ import annotations

import base64
import datetime as dt
import random
import re
import shutil
import subprocess
import tempfile
from html import escape
from pathlib import Path

from .paper_notices import notices_for
from .pdf_layout import article_style, draw_furniture, draw_layout
from .pdf_pictures import photo_jpeg
from .typeset_pdf import TypesetIssue, expected_json

CHROMIUM = "/usr/bin/chromium"
# A photo set inside a paragraph stands at least this many characters from either end of it, and
# this share of the photos that follow a paragraph are set inside the next one instead.
INSET_MARGIN = 12
INSET_SHARE = 0.5
# The flags the browser tests run Chromium with (tests/browser/conftest.py), for printing.
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--no-first-run", "--no-pdf-header-footer"]
FONT = '"Noto Serif CJK SC", "Noto Sans CJK SC", serif'
HEADLINE_MIN_SIZE = 15.5


class ChromiumMissing(RuntimeError):
    pass


def chromium_available() -> bool:
    return Path(CHROMIUM).exists() or shutil.which("chromium") is not None


def typeset_issue(articles, *, seed: int, layout=None, source: str = "issue.pdf") -> TypesetIssue:
    if not chromium_available():
        raise ChromiumMissing(f"{CHROMIUM} is missing: `make test` installs Debian's chromium package")
    rng = random.Random(seed)
    # Drawn even when a layout is given, so the draws after it (styles, photos) stay the same.
    drawn = draw_layout(rng)
    layout = layout or drawn
    first = articles[0]
    town = first.town or "青枫镇"
    date = dt.date.fromisoformat(first.date) if first.date else dt.date(2024, 1, 10) + dt.timedelta(rng.randrange(900))
    furniture = draw_furniture(rng, layout, first.paper or f"{town}社区报", town, date)
    # One running header for every later page (its page number aside): CSS margin boxes cannot
    # name each page or its editor differently.
    furniture.page_names = ["要闻", *["综合"] * 99]
    notice_pool = notices_for(town, email=furniture.email, phone=furniture.phone)
    rng.shuffle(notice_pool)
    printed: list[str] = []
    body, notices = _body(articles, layout, rng, notice_pool, printed)

    # The masthead prints the page count, known only once Chromium has laid the pages out.
    furniture.pages = 1
    for _ in range(3):
        pdf = _print(_document(layout, furniture, body))
        pages = _page_texts(pdf, min_size=0)
        if len(pages) == furniture.pages:
            break
        furniture.pages = len(pages)
    else:
        raise RuntimeError("the page count printed in the masthead keeps changing the page count")
    printed += [furniture.paper, furniture.date_line(), furniture.number_line(), furniture.publisher,
                f"第1版 {furniture.page_name(1)}", *furniture.footer_lines()]
    for n in range(2, furniture.pages + 1):
        printed += [str(n), furniture.page_name(2), furniture.short_date(), f"责任编辑：{furniture.page_editor(2)}"]
    head_page = _head_pages(pdf, articles)
    expected = expected_json(articles, notices, head_page, set(), furniture, source)
    return TypesetIssue(pdf, expected, layout, furniture, printed)


def _body(articles, layout, rng, notice_pool, printed) -> tuple[str, list[str]]:
    """The articles as HTML: runs of in-column articles share one multi-column block."""
    blocks, run, notices = [], [], []

    def close_run():
        if run:
            blocks.append(f'<div class="cols">{"".join(run)}</div>')
            run.clear()

    for article in articles:
        paragraphs = [b for b in article.blocks if b["type"] == "paragraph"]
        look = article_style(rng, layout, article, len(paragraphs))
        html = _article(article, look, layout, rng, printed)
        if look.span:
            close_run()
            blocks.append(f'<div class="cols span">{html}</div>')
        else:
            run.append(html)
        if look.notice_after and len(notices) < len(notice_pool):
            title, text = notice_pool[len(notices)]
            notices.append(text)
            printed += [title, text]
            run.append(f'<aside class="notice"><h4>{escape(title)}</h4><p>{escape(text)}</p></aside>')
    close_run()
    return "".join(blocks), notices


def _article(article, look, layout, rng, printed) -> str:
    head = []
    if article.column:
        label = f"【{article.column}】" if layout.label_box else article.column
        head.append(f'<div class="label{" boxed" if layout.label_box else ""}">{escape(label)}</div>')
        printed.append(label)
    if article.kicker:
        head.append(f'<div class="kicker">{escape(article.kicker)}</div>')
        printed.append(article.kicker)
    align = "center" if look.title_centered else "left"
    head.append(f'<h2 style="font-size:{look.title_size}pt;text-align:{align}">{escape(article.title)}</h2>')
    printed.append(article.title)
    if article.subtitle:
        text = f"——{article.subtitle}" if look.subtitle_dash else article.subtitle
        head.append(f'<div class="subtitle">{escape(text)}</div>')
        printed.append(text)
    if article.byline and not article.byline_at_end:
        head.append(f'<div class="byline">{escape(article.byline)}</div>')
        printed.append(article.byline)
    photos_after: dict[int, list[int]] = {}
    for n, after in enumerate(look.photo_after):
        photos_after.setdefault(after, []).append(n)
    if look.uncaptioned_photo:
        photos_after.setdefault(0, []).append(-1)
    parts, index = [], -1
    last = max((i for i, b in enumerate(article.blocks) if b["type"] == "paragraph"), default=-1)
    end_byline = article.byline if article.byline and article.byline_at_end else None
    # Papers set a photo where the page has room for it, often inside a paragraph, the text running
    # on below it: drawn apart from the issue's own random stream, so the rest of the issue is the
    # same with or without it.
    placing = random.Random(f"inset:{article.title}")
    inset: list[str] = []
    for i, block in enumerate(article.blocks):
        if block["type"] == "subhead":
            parts.extend(inset)
            inset = []
            parts.append(f'<h3>{escape(block["text"])}</h3>')
            continue
        index += 1
        raw = block["text"]
        if end_byline and i == last and look.byline_inline:
            raw += f"（{end_byline}）"
        if inset and len(raw) > 2 * INSET_MARGIN:
            cut = placing.randrange(INSET_MARGIN, len(raw) - INSET_MARGIN)
            parts.append(f"<p>{escape(raw[:cut])}{''.join(inset)}{escape(raw[cut:])}</p>")
        else:
            parts.extend(inset)
            parts.append(f"<p>{escape(raw)}</p>")
        inset = []
        for n in photos_after.get(index, []):
            into_next = n >= 0 and i < last and not look.caption_beside[n] and placing.random() < INSET_SHARE
            (inset if into_next else parts).append(_figure(article, n, look, rng, printed, inline=into_next))
    parts.extend(inset)
    for late in sorted(i for i in photos_after if i > index):  # an article of subheads only
        parts += [_figure(article, n, look, rng, printed) for n in photos_after[late]]
    if end_byline:
        printed.append(f"（{end_byline}）")
        if not look.byline_inline or last < 0:
            parts.append(f'<p class="end-byline">{escape(f"（{end_byline}）")}</p>')
    return f'<article><header>{"".join(head)}</header>{"".join(parts)}</article>'


def _figure(article, n, look, rng, printed, *, inline: bool = False) -> str:
    """A photo and its caption; inline: as a span that can stand inside a paragraph (floated across
    the column, the paragraph's text running on below it)."""
    jpeg, width, height = photo_jpeg(rng)  # drawn first, in the reportlab path's order of draws
    src = "data:image/jpeg;base64," + base64.b64encode(jpeg).decode("ascii")
    if n < 0:
        return f'<figure class="photo"><img src="{src}" width="{width}" height="{height}" alt=""></figure>'
    text = look.caption_mark[n] + article.captions[n] + (f" {look.caption_credit[n]}" if look.caption_credit[n] else "")
    printed.append(text)
    if inline:
        return (f'<span class="photo inset"><img src="{src}" width="{width}" height="{height}" alt="">'
                f'<span class="caption">{escape(text)}</span></span>')
    side = " beside" if look.caption_beside[n] else ""
    return (f'<figure class="photo{side}"><img src="{src}" width="{width}" height="{height}" alt="">'
            f"<figcaption>{escape(text)}</figcaption></figure>")


def _document(layout, furniture, body: str) -> str:
    size, leading = layout.body_size, layout.leading_factor
    header_box = "@bottom-left" if layout.header_at_foot else "@top-left"
    header = (f'counter(page) "　{furniture.page_name(2)}　{furniture.short_date()}　'
              f'责任编辑：{furniture.page_editor(2)}"')
    indent = "2em" if layout.indent else "0"
    gap = "0" if layout.indent else f"{leading * 0.45:.2f}em"
    centred = "center" if layout.masthead_centered else "space-between"
    footer = "".join(f"<div>{escape(line)}</div>" for line in furniture.footer_lines())
    lines = [furniture.date_line(), furniture.number_line(), furniture.publisher]
    return f"""<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
@page {{ size: {layout.page}; margin: {layout.margin + 22:.0f}pt {layout.margin:.0f}pt {layout.margin:.0f}pt;
  {header_box} {{ content: {header}; font: 9pt {FONT}; vertical-align: middle; }} }}
@page :first {{ {header_box} {{ content: none; }} }}
body {{ margin: 0; font: {size}pt/{leading} {FONT}; }}
.masthead {{ display: flex; justify-content: {centred}; align-items: flex-end; border-bottom: 3px double #000; }}
.masthead h1 {{ font-size: {_name_size(layout, furniture.paper):.0f}pt; margin: 0 0.5em 0 0; font-weight: normal;
  white-space: nowrap; }}
.masthead .lines {{ font-size: 8.5pt; text-align: right; }}
.cols {{ columns: {layout.columns}; column-gap: {layout.gutter}pt;
  column-rule: {"0.4pt solid #777" if layout.column_rules else "none"}; margin: 6pt 0;
  border-bottom: 0.4pt solid #777; padding-bottom: 6pt; }}
.span header {{ column-span: all; }}
header {{ break-inside: avoid; break-after: avoid; margin-bottom: 4pt; }}
h2 {{ font-weight: normal; margin: 2pt 0; line-height: 1.25; }}
h3 {{ font-size: {size + 1.5}pt; font-weight: bold; margin: 4pt 0 2pt; break-after: avoid; }}
.kicker, .subtitle {{ font-size: 13pt; }}
.byline {{ font-size: {size - 1}pt; }}
.label {{ display: inline-block; font-size: {size}pt; background: #8a1c1c; color: #fff; padding: 0 4pt; }}
.label.boxed {{ background: none; color: #000; padding: 0; }}
p {{ margin: {gap} 0 0; text-indent: {indent}; text-align: justify; }}
p.end-byline {{ text-align: right; text-indent: 0; }}
figure {{ margin: 6pt 0; break-inside: avoid; }}
figure img {{ width: 100%; height: auto; display: block; }}
figure.beside {{ display: flex; gap: 4pt; align-items: flex-end; }}
figure.beside img {{ width: 60%; }}
figcaption, .inset .caption {{ font-size: {size - 1.5}pt; line-height: 1.35; }}
.inset {{ float: left; width: 100%; margin: 4pt 0; text-indent: 0; text-align: left; }}
.inset img {{ width: 100%; height: auto; display: block; }}
.inset .caption {{ display: block; }}
.notice {{ border: 0.8pt solid #000; padding: 5pt; margin: 6pt 0; break-inside: avoid; }}
.notice h4 {{ text-align: center; margin: 0 0 2pt; font-weight: normal; font-size: {size + 1.5}pt; }}
.notice p {{ font-size: {size - 0.5}pt; text-indent: 2em; }}
.footer {{ border: 0.6pt solid #000; padding: 4pt 6pt; font-size: 8pt; margin-top: 8pt; break-inside: avoid; }}
</style></head><body>
<div class="masthead"><h1>{escape(furniture.paper)}</h1><div class="lines">{"<br>".join(escape(t) for t in lines)}</div></div>
<div class="page-label">{escape(f"第1版 {furniture.page_name(1)}")}</div>
{body}
<div class="footer">{footer}</div>
</body></html>"""


def _name_size(layout, name: str) -> float:
    """The paper's name on one line beside the date lines, as large as that leaves room for."""
    usable = layout.size[0] - 2 * layout.margin
    return min(44.0 if layout.page == "A4" else 60.0, usable * 0.55 / max(1, len(name)))


def _print(html: str) -> bytes:
    with tempfile.TemporaryDirectory(prefix="typeset-html-") as tmp:
        source, target = Path(tmp) / "issue.html", Path(tmp) / "issue.pdf"
        source.write_text(html, encoding="utf-8")
        exe = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
        done = subprocess.run([exe, *CHROMIUM_FLAGS, f"--user-data-dir={tmp}/profile", f"--print-to-pdf={target}",
                               source.as_uri()], capture_output=True, timeout=180, check=False)
        if not target.exists():
            raise RuntimeError(f"chromium printed no PDF ({done.returncode}): {done.stderr.decode()[-300:]}")
        return target.read_bytes()


def _page_texts(pdf: bytes, *, min_size: float) -> list[str]:
    """Each page's characters of at least `min_size` pt, whitespace removed, as pypdfium2 reads them."""
    import pypdfium2 as pdfium
    from pypdfium2 import raw

    document = pdfium.PdfDocument(pdf)
    texts = []
    for page in document:
        textpage = page.get_textpage()
        chars = "".join(chr(raw.FPDFText_GetUnicode(textpage.raw, i)) for i in range(textpage.count_chars())
                        if raw.FPDFText_GetFontSize(textpage.raw, i) >= min_size)
        texts.append(re.sub(r"\s+", "", chars))
    document.close()
    return texts


def _head_pages(pdf: bytes, articles) -> dict[int, int]:
    pages = _page_texts(pdf, min_size=HEADLINE_MIN_SIZE)
    found = {}
    for owner, article in enumerate(articles):
        title = re.sub(r"\s+", "", article.title)
        hits = [n for n, text in enumerate(pages, start=1) if title in text]
        if not hits:
            raise RuntimeError(f"headline not found in the printed PDF: {article.title}")
        found[owner] = hits[0]
    return found
