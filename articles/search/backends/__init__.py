"""One search backend per database, behind the interface of base.SearchBackend.

The rest of the search code asks `backend()` and never looks at the database vendor itself.
"""

from __future__ import annotations

from django.db import connection

from .base import SearchBackend

_BACKENDS: dict[str, SearchBackend] = {}


def backend() -> SearchBackend:
    """The backend of the database in use."""
    vendor = connection.vendor
    found = _BACKENDS.get(vendor)
    if found is None:
        if vendor == "sqlite":
            from .sqlite import SQLiteBackend as found_class
        elif vendor == "postgresql":
            from .postgres import PostgresBackend as found_class
        else:
            raise NotImplementedError(f"no search backend for {vendor}")
        found = _BACKENDS[vendor] = found_class()
    return found


__all__ = ["SearchBackend", "backend"]
