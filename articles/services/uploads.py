"""Uploads in the admin: keep the files for the preview, import them on confirmation."""

from __future__ import annotations

import datetime as dt
import uuid

from django.db import transaction
from django.utils import timezone

from ..importer.pdf import is_pdf
from ..models import ImportUpload
from .batch import BatchOutcome, import_sources, parse_sources
from .importing import Source
from .intel import check_batch
from .previews import previews_collect

STALE_AFTER = dt.timedelta(days=1)


@transaction.atomic
def uploads_store(*, files, user) -> uuid.UUID:
    """Keep uploaded files until the editor confirms; returns the batch id."""
    ImportUpload.objects.filter(uploaded_at__lt=timezone.now() - STALE_AFTER).delete()
    batch = uuid.uuid4()
    ImportUpload.objects.bulk_create(
        [ImportUpload(batch=batch, name=f.name[:255], data=f.read(), uploaded_by=user) for f in files]
    )
    return batch


def uploads_preview(*, batch: uuid.UUID, user) -> BatchOutcome:
    """The batch as the import would split it. PDFs are read by the worker: those not read yet
    are listed in `pending`, and a later preview shows them."""
    uploads = list(ImportUpload.objects.filter(batch=batch, uploaded_by=user))
    pdfs = [u for u in uploads if is_pdf(bytes(u.data[:1024]))]
    outcome = BatchOutcome()
    parse_sources([Source(u.name, bytes(u.data)) for u in uploads if u not in pdfs], outcome)
    parsed, failed, outcome.pending = previews_collect(uploads=pdfs)
    outcome.parsed.extend(parsed)
    outcome.failed.extend(failed)
    check_batch(outcome.parsed)
    return outcome


def uploads_import(*, batch: uuid.UUID, user, publication=None, date=None, publish=False,
                   choices=None) -> BatchOutcome:
    outcome = import_sources(_sources(batch, user), user=user, publication=publication, date=date, publish=publish,
                             choices=choices, queue_pdfs=True)
    ImportUpload.objects.filter(batch=batch, uploaded_by=user).delete()
    return outcome


def _sources(batch: uuid.UUID, user) -> list[Source]:
    return [Source(u.name, bytes(u.data)) for u in ImportUpload.objects.filter(batch=batch, uploaded_by=user)]
