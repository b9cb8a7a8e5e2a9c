"""Caching what the public pages show, safely.

Every cached public value is keyed by the content version (articles.models.ContentVersion),
which goes up in the same transaction as any change the public can see: an article published,
edited while public, withdrawn or deleted, a tag added to a public article. A reader therefore
never gets a page or a figure cached before such a change, on any app server. Articles
scheduled for later appear without any event, so cached pages also expire no later than the
next scheduled publication, pages and figures alike.
"""

from __future__ import annotations

import hashlib
import math
import threading
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db.models import F, Min
from django.utils import timezone
from django.utils.cache import patch_cache_control

from .siteurl import site_origin

AGGREGATE_SECONDS = 300
VERSION_ROW = 1


_request = threading.local()


class RequestContentVersion:
    """Middleware: read the content version at most once per request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        _request.active, _request.version = True, None
        try:
            return self.get_response(request)
        finally:
            _request.active, _request.version = False, None


_VERSION_SQL = "SELECT version FROM articles_contentversion WHERE id = %s"


def content_version() -> int:
    if getattr(_request, "active", False) and _request.version is not None:
        return _request.version
    from django.db import connection

    from .models import ContentVersion

    # One statement straight to the database: a cached page costs little more than this look-up,
    # and building it through the ORM took more than half of that.
    with connection.cursor() as cursor:
        cursor.execute(_VERSION_SQL, [VERSION_ROW])
        found = cursor.fetchone()
    row = found[0] if found else None
    if row is None:
        ContentVersion.objects.get_or_create(pk=VERSION_ROW)
        row = 1
    if getattr(_request, "active", False):
        _request.version = row
    return row


def bump_content_version() -> None:
    """Call inside the transaction that changes public content."""
    from .models import ContentVersion

    _request.version = None
    if not ContentVersion.objects.filter(pk=VERSION_ROW).update(version=F("version") + 1):
        ContentVersion.objects.get_or_create(pk=VERSION_ROW, defaults={"version": 2})


def _enabled() -> bool:
    return getattr(settings, "PUBLIC_CACHE_ENABLED", True)


def cached(key: str, compute, seconds: int = AGGREGATE_SECONDS):
    """`compute()` once per content version (and at most every `seconds`)."""
    if not _enabled():
        return compute()
    if len(key) > 80 or not key.isascii():
        key = hashlib.sha1(key.encode("utf-8", "surrogateescape")).hexdigest()
    full_key = f"public:{content_version()}:{key}"
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, _until_next_scheduled(seconds))
    return value


def _next_scheduled():
    """When the next scheduled article goes public (None if none is waiting)."""
    from .models import Article

    key = f"public:{content_version()}:next-scheduled"
    known = cache.get(key)  # a 1-tuple, so that "none waiting" can be cached too
    if known is not None and (known[0] is None or known[0] > timezone.now()):
        return known[0]
    upcoming = Article.objects.scheduled().aggregate(at=Min("published_at"))["at"]
    cache.set(key, (upcoming,), AGGREGATE_SECONDS)
    return upcoming


def _until_next_scheduled(limit: int) -> int:
    """`limit` seconds, or fewer if a scheduled article goes public sooner: whatever is cached
    now must expire by then, as no event will announce it."""
    upcoming = _next_scheduled()
    if upcoming is None:
        return limit
    return max(1, min(limit, math.ceil((upcoming - timezone.now()).total_seconds())))


# A cached page holds this where a form's CSRF token goes; each reader's own token replaces it
# as the page is served (template tag `csrf_field`), so one reader's token is never another's.
CSRF_HOLE = "<!--newsroom:csrf-token-->"


def fill_csrf_hole(request, response):
    """Put the reader's CSRF token into a page that has a form; such a page is private."""
    from django.middleware.csrf import get_token

    hole = CSRF_HOLE.encode()
    if hole in response.content:
        response.content = response.content.replace(hole, get_token(request).encode())
        patch_cache_control(response, private=True, no_cache=True)
    return response


def public_page(view):
    """Cache a public page's response for anonymous GETs, keyed by the content version.

    Browsers and proxies are told to revalidate (ETag), never to keep a page on their own: a
    withdrawn article must disappear at once.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        seconds = settings.PAGE_CACHE_SECONDS
        if request.method not in ("GET", "HEAD") or not seconds or not _enabled():
            return view(request, *args, **kwargs)
        request.csrf_hole = True
        version = content_version()
        # The origin absolute URLs are written with is part of the key: the configured SITE_URL in
        # production (one key per page), the request's validated host and port in development.
        where = site_origin(request) + request.get_full_path()
        digest = hashlib.sha1(where.encode("utf-8", "surrogateescape")).hexdigest()
        key = f"page:{version}:{digest}"
        etag = f'"{version}-{digest[:16]}"'
        if request.headers.get("If-None-Match") == etag:
            from django.http import HttpResponseNotModified

            response = HttpResponseNotModified()
            response["ETag"] = etag
            return response
        stored = cache.get(key)
        if stored is None:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            if response.status_code != 200 or response.cookies:
                return response
            stored = (response.content, response["Content-Type"])
            cache.set(key, stored, _until_next_scheduled(seconds))
        from django.http import HttpResponse

        response = HttpResponse(stored[0], content_type=stored[1])
        response["ETag"] = etag
        patch_cache_control(response, public=True, no_cache=True)
        return fill_csrf_hole(request, response)

    return wrapper
