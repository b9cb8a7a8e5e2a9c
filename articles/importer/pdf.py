"""An issue's PDF in: its text, its pages and the photos printed on them.

The text goes through the same stages as an extracted text file (parse_text), so a PDF import
yields the same ParsedIssue; what only a PDF has comes with it: each page's size, and each photo
with the page and box it stands in and the caption printed under or beside it.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass

from .decode import SourceError
from .model import ParsedIssue, PdfPage, PhotoRef

logger = logging.getLogger(__name__)

# A page with fewer characters than this in its text layer is a picture of a page (a scan).
MIN_TEXT_CHARS = 20
# A caption stands within this many points below or beside its photo.
CAPTION_REACH = 24.0


@dataclass
class _Image:
    page: int
    box: tuple[float, float, float, float]


def is_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(b"%PDF")


def parse_pdf(data: bytes, *, source: str, sha256: str) -> ParsedIssue:
    """Parse a PDF issue. Raises SourceError for a PDF that cannot be read or holds no text."""
    from . import parse_text

    document = _open(data)
    try:
        pages_text, pages = [], []
        for index in range(len(document)):
            page = document[index]
            width, height = page.get_size()
            pages.append(PdfPage(index=index, width=width, height=height))
            textpage = page.get_textpage()
            pages_text.append(textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n"))
            textpage.close()
            page.close()
    finally:
        document.close()
    if sum(len(t.strip()) for t in pages_text) < MIN_TEXT_CHARS * max(1, len(pages_text)):
        raise SourceError("scanned", "这份 PDF 没有文字层（像是扫描件或图片），无法提取文字；请使用排版软件导出的 PDF 或文字文件")
    issue = parse_text("\f".join(pages_text), source=source, encoding="pdf", sha256=sha256)
    issue.pages = pages
    _attach_photos(issue, data)
    return issue


def _open(data: bytes):
    import pypdfium2

    if not is_pdf(data):
        raise SourceError("not-pdf", "这不是 PDF 文件")
    try:
        return pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message or "security" in message:
            raise SourceError("encrypted", "这份 PDF 设有密码或加密保护，无法读取；请导出不加密的 PDF") from exc
        raise SourceError("broken", "这份 PDF 已损坏或不完整，无法打开") from exc


def _attach_photos(issue: ParsedIssue, data: bytes) -> None:
    """Each photo goes to the article whose caption is printed next to it."""
    import pdfplumber

    by_caption = {}
    for article in issue.articles:
        for caption in article.captions:
            by_caption.setdefault(_squash(caption), article)
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for index, page in enumerate(pdf.pages):
                for image in page.images:
                    box = (float(image["x0"]), float(image["top"]), float(image["x1"]), float(image["bottom"]))
                    caption = _caption_near(page, box)
                    article = by_caption.get(_squash(caption)) if caption else None
                    if article is None and caption:
                        article = next((a for key, a in by_caption.items() if key and key in _squash(caption)), None)
                    ref = PhotoRef(page_index=index, box=box, caption=caption)
                    (article.photos if article else issue.photos).append(ref)
    except Exception:  # noqa: BLE001 - photos are a bonus: the text import stands without them
        logger.warning("photos of %s could not be read", issue.source, exc_info=True)


def _caption_near(page, box: tuple[float, float, float, float]) -> str | None:
    x0, top, x1, bottom = box
    below = page.within_bbox((max(0, x0 - 2), bottom, min(page.width, x1 + 2),
                              min(page.height, bottom + CAPTION_REACH)), relative=False, strict=False)
    text = below.extract_text() or ""
    first = text.strip().split("\n")[0] if text.strip() else ""
    if first:
        return first
    beside = page.within_bbox((x1, top, min(page.width, x1 + 160), bottom), relative=False, strict=False)
    text = beside.extract_text() or ""
    return text.strip().split("\n")[0] if text.strip() else None


def _squash(text: str | None) -> str:
    return "".join((text or "").split()).lstrip("▲△")
