"""Per-client rate limits on search and the API (django-ratelimit)."""

from functools import wraps

from django.conf import settings
from django_ratelimit.core import is_ratelimited

from .errors import ratelimited


def limited(view):
    """At most settings.RATELIMIT_SEARCH (pages) or RATELIMIT_API (JSON) requests per client address."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        api = request.path.startswith("/api/")
        rate = settings.RATELIMIT_API if api else settings.RATELIMIT_SEARCH
        if is_ratelimited(request, group="api" if api else "search", key="ip", rate=rate, increment=True):
            return ratelimited(request)
        return view(request, *args, **kwargs)

    return wrapper
