"""Absolute URLs from the configured origin (settings.SITE_URL), never from request headers.

A page cached for every reader must not carry an origin one request chose with its Host or
X-Forwarded-Host header. In development, with SITE_URL unset, the request's own origin is used,
and the page cache keys pages by it (see articles.caching.public_page).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings


def site_origin(request) -> str:
    """"https://news.example.org": where absolute URLs point."""
    if settings.SITE_URL:
        return settings.SITE_URL
    return f"{request.scheme}://{request.get_host()}"


def absolute_url(request, path: str) -> str:
    return site_origin(request) + path


class SiteRequest:
    """`request` as Django's feed and sitemap views see it: its host and scheme are the site's.

    Those views build their absolute URLs from request.get_host() and request.scheme (through
    RequestSite); everything else is the real request's.
    """

    def __init__(self, request):
        self._request = request
        origin = urlsplit(site_origin(request))
        self._scheme, self._host = origin.scheme, origin.netloc

    def __getattr__(self, name):
        return getattr(self._request, name)

    @property
    def scheme(self):
        return self._scheme

    def get_host(self):
        return self._host

    def is_secure(self):
        return self._scheme == "https"
