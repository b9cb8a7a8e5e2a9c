"""The printed page: an issue's PDF rendered to page images, its photos taken out, all written
with the issue's articles in one transaction.

The slow part (rendering every page, decoding every photo) runs before the transaction and
writes files only, through Django's storage API; the rows (the issue, its articles, its pages,
its photos) are then written together, so a reader never sees an issue without its pages nor
pages without their issue. If anything fails, the files already written are deleted.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from ..importer import ParsedIssue, PhotoRef
from ..models import Article, ArticlePhoto, IssuePage
from .importing import ImportResult, issue_import

logger = logging.getLogger("newsroom.import")

THUMBNAIL_WIDTH = 240  # px: a row of thumbnails on a phone
READING_WIDTH = 1600  # px: a page read at twice a phone's width, zoomed in by the viewer
PHOTO_MAX_SIDE = 1600
WEBP_QUALITY = 80
# A picture object and a photo the importer found are one when their boxes overlap this much.
MIN_OVERLAP = 0.5

Progress = Callable[[int, str], None]


@dataclass
class RenderedPage:
    index: int
    number: int
    width: float
    height: float
    thumbnail: str
    image: str
    image_size: tuple[int, int]


@dataclass
class RenderedPhoto:
    article: int  # index into parsed.articles, or -1 for a photo of no article
    position: int
    page_index: int
    box: tuple[float, float, float, float]
    name: str
    size: tuple[int, int]
    caption: str = ""
    credit: str = ""


@dataclass
class Rendered:
    """Files written for one PDF, not yet referred to by any row."""

    pages: list[RenderedPage] = field(default_factory=list)
    photos: list[RenderedPhoto] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [n for p in self.pages for n in (p.thumbnail, p.image)] + [p.name for p in self.photos]

    def discard(self) -> None:
        delete_files(self.names)


def delete_files(names: list[str]) -> None:
    for name in names:
        try:
            default_storage.delete(name)
        except OSError:  # a file that cannot be removed is only litter, never shown
            logger.warning("could not delete %s", name)


def print_render(*, data: bytes, parsed: ParsedIssue, progress: Progress | None = None) -> Rendered:
    """Render each page at two sizes and take out each photo; files only, one page in memory at a time."""
    import pypdfium2

    progress = progress or (lambda percent, step: None)
    rendered = Rendered()
    folder = f"print/{parsed.sha256[:2]}/{parsed.sha256}"
    numbers = {p.index: p.number for p in parsed.pages}
    wanted = _photos_by_page(parsed)
    document = pypdfium2.PdfDocument(data)
    try:
        total = len(document)
        for index in range(total):
            page = document[index]
            try:
                width, height = page.get_size()
                number = numbers.get(index) or index + 1
                image = _render(page, READING_WIDTH / width)
                reading = _save(f"{folder}/page-{index + 1}.webp", image)
                image_size = image.size
                image.thumbnail((THUMBNAIL_WIDTH, THUMBNAIL_WIDTH * 4))
                thumbnail = _save(f"{folder}/page-{index + 1}-thumb.webp", image)
                rendered.pages.append(RenderedPage(index, number, width, height, thumbnail, reading, image_size))
                for photo, picture in _photo_images(page, height, wanted.get(index, []), pypdfium2):
                    photo.name = _save(f"{folder}/photo-{index + 1}-{len(rendered.photos) + 1}.webp", picture)
                    photo.size = picture.size
                    rendered.photos.append(photo)
            finally:
                page.close()
            progress(20 + int(70 * (index + 1) / total), f"已处理第 {index + 1}/{total} 页")
    except BaseException:
        rendered.discard()
        raise
    finally:
        document.close()
    return rendered


def print_issue_import(*, data: bytes, parsed: ParsedIssue, progress: Progress | None = None,
                       **import_options) -> ImportResult:
    """Import a PDF issue with its pages and photos: the files first, then every row at once."""
    rendered = print_render(data=data, parsed=parsed, progress=progress)
    try:
        with transaction.atomic():
            result = issue_import(parsed=parsed, **import_options)
            print_attach(result=result, rendered=rendered)
    except BaseException:
        rendered.discard()
        raise
    return result


def print_attach(*, result: ImportResult, rendered: Rendered) -> None:
    """The rows for pages and photos already rendered, in the import's transaction."""
    issue = result.issue
    pages = IssuePage.objects.bulk_create([
        IssuePage(issue=issue, index=p.index, number=p.number, width=p.width, height=p.height,
                  thumbnail=p.thumbnail, image=p.image, image_width=p.image_size[0], image_height=p.image_size[1])
        for p in rendered.pages
    ])
    by_index = {p.index: p for p in pages}
    articles = list(Article.objects.filter(issue=issue).order_by("position", "pk"))
    photos = []
    for photo in rendered.photos:
        if not 0 <= photo.article < len(articles):
            continue  # a photo printed with no article found: on its page image, not beside any text
        photos.append(ArticlePhoto(
            article=articles[photo.article], page=by_index.get(photo.page_index), position=photo.position,
            image=photo.name, width=photo.size[0], height=photo.size[1], caption=photo.caption,
            credit=photo.credit, box=[round(v, 1) for v in photo.box],
        ))
    ArticlePhoto.objects.bulk_create(photos)


def _photos_by_page(parsed: ParsedIssue) -> dict[int, list[RenderedPhoto]]:
    """The photos the importer placed, each with its article, caption and credit, by page."""
    out: dict[int, list[RenderedPhoto]] = {}
    seen = set()
    for n, article in enumerate(parsed.articles):
        for position, ref in enumerate(article.photos):
            key = (ref.page_index, ref.box)
            if key in seen:
                continue  # one photo placed with two articles stays with the first
            seen.add(key)
            caption = ref.caption or (article.captions[position] if position < len(article.captions) else "")
            credit = article.photo_credits[position] if position < len(article.photo_credits) else ""
            out.setdefault(ref.page_index, []).append(
                RenderedPhoto(n, position, ref.page_index, ref.box, "", (0, 0), caption or "", credit or ""))
    return out


def _photo_images(page, height: float, wanted: list[RenderedPhoto], pypdfium2):
    """Each wanted photo with its picture: the image embedded in the PDF at that place, else the
    page rendered there (a photo drawn as vectors, or an image format pdfium cannot hand over)."""
    if not wanted:
        return
    embedded = []
    for obj in page.get_objects(filter=[pypdfium2.raw.FPDF_PAGEOBJ_IMAGE]):
        left, bottom, right, top = obj.get_bounds()
        embedded.append(((left, height - top, right, height - bottom), obj))
    for photo in wanted:
        best = max(embedded, key=lambda e: _overlap(e[0], photo.box), default=None)
        picture = None
        if best is not None and _overlap(best[0], photo.box) >= MIN_OVERLAP:
            try:
                picture = best[1].get_bitmap(render=False).to_pil()
            except pypdfium2.PdfiumError:
                picture = None
        if picture is None:
            picture = _crop(page, photo.box)
        picture.thumbnail((PHOTO_MAX_SIDE, PHOTO_MAX_SIDE))
        yield photo, picture


def _overlap(a: tuple, b: PhotoRef | tuple) -> float:
    """The share of the smaller box that the two boxes have in common."""
    ax0, at, ax1, ab = a
    bx0, bt, bx1, bb = b
    w, h = min(ax1, bx1) - max(ax0, bx0), min(ab, bb) - max(at, bt)
    if w <= 0 or h <= 0:
        return 0.0
    smaller = min((ax1 - ax0) * (ab - at), (bx1 - bx0) * (bb - bt)) or 1.0
    return (w * h) / smaller


def _render(page, scale: float):
    return page.render(scale=scale).to_pil().convert("RGB")


def _crop(page, box):
    x0, top, x1, bottom = box
    scale = 2.0
    image = _render(page, scale)
    return image.crop((int(x0 * scale), int(top * scale), int(x1 * scale), int(bottom * scale)))


def _save(name: str, image) -> str:
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="WEBP", quality=WEBP_QUALITY, method=4)
    return default_storage.save(name, ContentFile(buffer.getvalue()))


def print_files_forget(names: list[str]) -> None:
    """Delete the files of pages and photos whose rows are being deleted, once that is committed
    (a rolled-back deletion keeps its files)."""
    names = [n for n in names if n]
    if names:
        transaction.on_commit(lambda: delete_files(names))
