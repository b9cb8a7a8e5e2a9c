"""An issue's PDF in: its text read with its type sizes and places, its pages and its photos.

The lines of a PDF come with what a text file has lost: how large their type is and where on
the page they stand. The roles come from that (pdf/layout.py), not from the role model that
reads extracted text; the rest (furniture, drafts, repair, warnings, metadata) is the same as
for a text file, and so is the ParsedIssue that comes out, with each page's size and each
photo's page, box and caption besides.
"""

from __future__ import annotations

import hashlib

from ..decode import SourceError
from ..evidence import MIN_TEXT_CHARS
from ..fold import fold_ideographs
from ..furniture import take_furniture
from ..furniture.running import running_page
from ..lines import Line
from ..model import IssueMeta, ParsedIssue, PdfPage, PhotoRef
from .layout import Placed, place
from .reader import PageText, body_size, read_pages

# Roles the layout gives that the text stages take as furniture or leave unplaced.
FURNITURE_ROLES = {"running", "jump"}
# Lines the type and place show to be story or notice text: never taken for a footer or masthead
# (a notice's 新闻热线 is not the footer's).
KEPT_ROLES = {"notice", "notice_cont", "caption", "caption_cont"}


def is_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(b"%PDF")


def parse_pdf(data: bytes, *, source: str, sha256: str | None = None) -> ParsedIssue:
    """Parse a PDF issue. Raises SourceError for a PDF that cannot be read or holds no text."""
    from .. import build_issue

    pages = _read(data)
    if sum(len(s.text) for p in pages for s in p.segments) < MIN_TEXT_CHARS * max(1, len(pages)):
        raise SourceError("scanned", "这份 PDF 没有文字层（像是扫描件或图片），无法提取文字；请使用排版软件导出的 PDF 或文字文件")
    placed = place(pages, body_size(pages))
    lines = _lines(placed)
    text = "\n".join(line.raw for line in lines)
    meta = IssueMeta()
    furniture = take_furniture(lines, meta)
    printed = _printed_pages(pages, placed)
    kept = furniture.content
    roles = [_role(line) for line in kept]
    content_pages = [printed[line.notes["pdf_page"]] for line in kept]
    keep = [i for i, role in enumerate(roles) if role not in FURNITURE_ROLES]
    issue = ParsedIssue(source=source, sha256=sha256 or hashlib.sha256(data).hexdigest(), encoding="pdf",
                        text=text, meta=meta)
    issue.pages = [PdfPage(index=p.index, width=p.width, height=p.height, number=printed[p.index]) for p in pages]
    renumber = {old: new for new, old in enumerate(keep)}
    issue = build_issue(issue, [kept[i] for i in keep], [roles[i] for i in keep],
                        pages=[content_pages[i] for i in keep],
                        jump_in={renumber[i] for i in furniture.jump_in if i in renumber},
                        jump_out={renumber[i] for i in furniture.jump_out if i in renumber})
    _photos_left(issue, placed)
    return issue


def _read(data: bytes) -> list[PageText]:
    import pypdfium2

    if not is_pdf(data):
        raise SourceError("not-pdf", "这不是 PDF 文件")
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message or "security" in message:
            raise SourceError("encrypted", "这份 PDF 设有密码或加密保护，无法读取；请导出不加密的 PDF") from exc
        raise SourceError("broken", "这份 PDF 已损坏或不完整，无法打开") from exc
    document.close()
    try:
        return read_pages(data)
    except Exception as exc:
        raise SourceError("broken", f"这份 PDF 的内容无法读取（{type(exc).__name__}）") from exc


def _lines(placed: list[Placed]) -> list[Line]:
    lines = []
    previous_page = 0
    number = 0
    for p in placed:
        s = p.segment
        if s.notes.get("joined_into"):
            continue
        number += 1
        text, _ = fold_ideographs(s.notes.get("joined", s.text))
        line = Line(text=text, raw=s.text, number=number, gap=0 if p.role.endswith("_cont") else 1,
                    page_break=s.page != previous_page)
        line.notes.update(pdf_page=s.page, pdf_role=p.role)
        if p.role in KEPT_ROLES:
            line.notes["not_furniture"] = True
        if p.photo is not None:
            line.notes["photo"] = PhotoRef(page_index=s.page, box=p.photo.box)
        previous_page = s.page
        lines.append(line)
    return lines


def _role(line: Line) -> str:
    role = line.notes["pdf_role"]
    return {"small": "furn", "running": "running"}.get(role, role)


def _printed_pages(pages: list[PageText], placed: list[Placed]) -> dict[int, int]:
    """Each PDF page's printed number: what its running head says, else one more than the last."""
    heads: dict[int, int] = {}
    for page in pages:
        row = " ".join(p.segment.text for p in placed if p.segment.page == page.index and p.role == "running")
        number = running_page(row) if row else None
        if number is not None:
            heads[page.index] = number
    out, last = {}, 0
    for page in pages:
        last = heads.get(page.index, last + 1)
        out[page.index] = last
    return out


def _photos_left(issue: ParsedIssue, placed: list[Placed]) -> None:
    """Photos printed without a caption the layout found: kept for the issue."""
    taken = {(p.page_index, p.box) for a in issue.articles for p in a.photos}
    seen = set()
    for p in placed:
        if p.photo is None:
            continue
        key = (p.segment.page, p.photo.box)
        if key not in taken and key not in seen:
            seen.add(key)
            issue.photos.append(PhotoRef(page_index=p.segment.page, box=p.photo.box))
