"""Request hardening: clean query parameters, and a clean answer while the database is away."""

from __future__ import annotations

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse, QueryDict
from django.template.loader import render_to_string

from .clientaddress import client_ip, current_client

logger = logging.getLogger("newsroom.request")
RETRY_AFTER = "5"


class ClientAddressMiddleware:
    """Derive the client address once, first of all (see articles.clientaddress), for the rate
    limits, the login lockouts and every log line of the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.client_ip = None
        token = current_client.set(client_ip(request))
        try:
            return self.get_response(request)
        finally:
            current_client.reset(token)


class CleanQueryMiddleware:
    """Drop NUL characters and unpaired surrogates from query parameters before any view sees them
    (no database stores them, and no resident types them)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        raw = request.META.get("QUERY_STRING", "")
        if "%00" in raw or "\x00" in raw or any(_dirty(v) for values in request.GET.lists() for v in values[1]):
            cleaned = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                cleaned.setlist(_clean(key), [_clean(v) for v in values])
            cleaned._mutable = False
            request.GET = cleaned
        return self.get_response(request)


def _dirty(value: str) -> bool:
    return "\x00" in value or any("\ud800" <= ch <= "\udfff" for ch in value)


def _clean(value: str) -> str:
    return "".join(ch for ch in value if ch != "\x00" and not "\ud800" <= ch <= "\udfff")


class DatabaseUnavailableMiddleware:
    """While the database cannot be reached, answer 503 at once (and the site recovers by itself:
    connections are health-checked and reopened on the next request)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        # Also SQLite's "database is locked" after its busy timeout: the write did not happen,
        # and the editor is told to try again.
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        logger.warning("database unavailable: %s", exception)
        return unavailable(request)


def unavailable(request) -> HttpResponse:
    if request.path.startswith("/api/"):
        response = JsonResponse({"error": "服务暂时不可用或数据库繁忙，请稍后再试"}, status=503,
                                json_dumps_params={"ensure_ascii": False})
    else:
        response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = RETRY_AFTER
    response["Cache-Control"] = "no-store"
    return response
