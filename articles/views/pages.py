"""The printed page for readers: a page viewer, and the page images and photos themselves.

Images are streamed from storage (local files or S3) by the app, never from a public bucket or
MEDIA_URL, so the pages of an issue nobody has published yet, and the photos of an article not
(or no longer) public, are not served to anyone.
"""

from __future__ import annotations

import hashlib

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponseNotModified
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView

from ..models import Article, ArticlePhoto, IssuePage
from ..models.article import visible

IMAGE_SECONDS = 300  # a withdrawn article's photo is gone from browsers within this time


def pages_with_articles(issue) -> list[IssuePage]:
    """The issue's pages in print order, each with `articles`: the published ones whose headline is on it."""
    pages = list(IssuePage.objects.filter(issue=issue).order_by("index"))
    articles = list(Article.objects.published().filter(issue=issue, page__isnull=False).order_by("position", "pk"))
    seen = set()
    for page in pages:
        # A number printed on two pages (a misread running head) lists its articles once, on the first.
        page.articles = [a for a in articles if a.page == page.number] if page.number not in seen else []
        seen.add(page.number)
    return pages


def page_for(article) -> IssuePage | None:
    if article.page is None:
        return None
    return IssuePage.objects.filter(issue_id=article.issue_id, number=article.page).order_by("index").first()


class IssuePageView(DetailView):
    """One page of an issue, zoomable, with the articles printed on it."""

    template_name = "articles/issue_page.html"
    context_object_name = "page"

    def get_object(self, queryset=None):
        return get_object_or_404(
            IssuePage.objects.public().select_related("issue__publication"),
            issue__publication__slug=self.kwargs["paper"], issue__slug=self.kwargs["issue"],
            index=self.kwargs["index"] - 1)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pages = pages_with_articles(self.object.issue)
        here = next(n for n, p in enumerate(pages) if p.pk == self.object.pk)
        context.update(issue=self.object.issue, pages=pages, articles=pages[here].articles,
                       previous=pages[here - 1] if here > 0 else None,
                       next=pages[here + 1] if here + 1 < len(pages) else None)
        return context


def print_image(request, kind: str, pk: int, size: str):
    """A page image (thumb or full) or a photo, if the public may see what it belongs to."""
    if kind == "page" and size in ("thumb", "full"):
        page = get_object_or_404(IssuePage.objects.public(), pk=pk)
        name = page.thumbnail.name if size == "thumb" else page.image.name
    elif kind == "photo" and size == "full":
        photo = get_object_or_404(ArticlePhoto.objects.filter(visible("article__")), pk=pk)
        name = photo.image.name
    else:
        raise Http404
    etag = f'"{hashlib.sha1(name.encode()).hexdigest()[:20]}"'
    if request.headers.get("If-None-Match") == etag:
        response = HttpResponseNotModified()
    else:
        try:
            response = FileResponse(default_storage.open(name, "rb"), content_type="image/webp")
        except FileNotFoundError as exc:
            raise Http404 from exc
    response["ETag"] = etag
    response["Cache-Control"] = f"public, max-age={IMAGE_SECONDS}"
    return response
