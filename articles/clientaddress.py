"""The one client address every part of the site uses: rate limits, login lockouts and logs.

Behind `settings.TRUSTED_PROXY_HOPS` reverse proxies, each of which appends the address it saw to
X-Forwarded-For, the client is the entry that many places from the right: anything to its left
was written by the client and proves nothing. With no trusted proxy (0 hops) the client is the
connecting address. No header value, however malformed, changes that rule or raises.
"""

from __future__ import annotations

import contextvars
import ipaddress
import logging

from django.conf import settings

logger = logging.getLogger("newsroom.request")

# The client of the request this thread or task is serving, for log lines.
current_client: contextvars.ContextVar[str] = contextvars.ContextVar("current_client", default="-")


def plain_address(value: str) -> str | None:
    """`value` as a canonical IP address, or None. Accepts what proxies write: "203.0.113.9",
    "203.0.113.9:4711", "[2001:db8::1]:4711", "2001:db8::1"."""
    value = value.strip()
    if value.startswith("["):
        value = value[1:].partition("]")[0]
    elif value.count(":") == 1:
        value = value.partition(":")[0]
    value = value.partition("%")[0]  # an IPv6 zone is the proxy's business, not the client's
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def client_address(remote_addr: str, forwarded_for: str | None, hops: int) -> str:
    """The client's address, given the connecting address, the X-Forwarded-For header and the
    number of trusted proxies in front of the app.

    When the header has fewer entries than there are proxies, or the trusted entry is not an
    address, the request did not come the way the proxies send it: the connecting address is
    the only fact left.
    """
    connecting = plain_address(remote_addr or "") or "0.0.0.0"
    if hops <= 0 or not forwarded_for:
        return connecting
    entries = [entry for entry in forwarded_for.split(",") if entry.strip()]
    if len(entries) < hops:
        return connecting
    return plain_address(entries[-hops]) or connecting


def client_ip(request) -> str:
    """The client address of `request` (derived once, by ClientAddressMiddleware or here).

    django-ratelimit (RATELIMIT_IP_META_KEY) and django-axes (AXES_CLIENT_IP_CALLABLE) call this.
    """
    known = getattr(request, "client_ip", None)
    if known:
        return known
    address = client_address(request.META.get("REMOTE_ADDR", ""), request.META.get("HTTP_X_FORWARDED_FOR"),
                             settings.TRUSTED_PROXY_HOPS)
    request.client_ip = address
    return address


class ClientLogFilter(logging.Filter):
    """Give every log record the client address of the request being served (`%(client)s`)."""

    def filter(self, record):
        if not hasattr(record, "client"):
            record.client = current_client.get()
        return True
