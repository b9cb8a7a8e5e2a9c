"""The admin's preview of an uploaded PDF, read by the task worker.

Reading a 40-page PDF takes longer than a web request should; the preview request queues the
reading and shows what is ready, refreshing itself until all is. What was read is kept by the
PDF's SHA-256, so the import job that follows does not read the same PDF again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import pickle

from django.db import IntegrityError, transaction
from django.utils import timezone

from ..importer import ParsedIssue, SourceError
from ..models import ImportUpload, JobStatus, PdfPreview
from .importing import Source, SourceFailure, parse_source

logger = logging.getLogger("newsroom.import")
KEPT_FOR = dt.timedelta(days=1)  # as long as an upload waits for its confirmation


def previews_collect(*, uploads: list[ImportUpload]) -> tuple[list[ParsedIssue], list[SourceFailure], list[str]]:
    """For each uploaded PDF: what was read, why it cannot be read, or (queued now) that it is being read."""
    parsed, failed, pending = [], [], []
    PdfPreview.objects.filter(created_at__lt=timezone.now() - KEPT_FOR).delete()
    for upload in uploads:
        data = bytes(upload.data)
        refused = pdf_refusal(data)
        if refused is not None:
            failed.append(SourceFailure(upload.name, refused.reason, refused.message))
            continue
        preview = _preview_for(hashlib.sha256(data).hexdigest(), upload)
        if preview.status == JobStatus.DONE:
            issue = pickle.loads(preview.parsed)  # written by our own worker (see PdfPreview)
            issue.source = upload.name
            parsed.append(issue)
        elif preview.status == JobStatus.FAILED:
            reason, _, message = preview.error.partition(":")
            failed.append(SourceFailure(upload.name, reason, message))
        else:
            pending.append(upload.name)
    return parsed, failed, pending


def pdf_refusal(data: bytes) -> SourceError | None:
    """What is wrong with a PDF that pdfium cannot even open (broken, encrypted): found in
    milliseconds, so the editor is told at once rather than after the worker's turn."""
    import pypdfium2

    try:
        pypdfium2.PdfDocument(data).close()
    except pypdfium2.PdfiumError as exc:
        if "password" in str(exc).lower() or "security" in str(exc).lower():
            return SourceError("encrypted", "这份 PDF 设有密码或加密保护，无法读取；请导出不加密的 PDF")
        return SourceError("broken", "这份 PDF 已损坏或不完整，无法打开")
    return None


def preview_parsed(sha256: str) -> ParsedIssue | None:
    """The PDF as the preview read it, if it did."""
    preview = PdfPreview.objects.filter(sha256=sha256, status=JobStatus.DONE).first()
    return pickle.loads(preview.parsed) if preview is not None else None


def preview_run(*, upload_id: int) -> None:
    """Read one uploaded PDF for the preview (in the worker)."""
    upload = ImportUpload.objects.filter(pk=upload_id).first()
    if upload is None:
        return  # imported or expired meanwhile
    data = bytes(upload.data)
    sha256 = hashlib.sha256(data).hexdigest()
    try:
        issue = parse_source(Source(upload.name, data))
    except SourceError as exc:
        PdfPreview.objects.filter(sha256=sha256).update(status=JobStatus.FAILED, error=f"{exc.reason}:{exc.message}")
        return
    except Exception as exc:
        logger.exception("preview of %s failed", upload.name)
        PdfPreview.objects.filter(sha256=sha256).update(
            status=JobStatus.FAILED, error=f"crash:导入程序出错：{type(exc).__name__}: {exc}")
        return
    PdfPreview.objects.filter(sha256=sha256).update(status=JobStatus.DONE, parsed=pickle.dumps(issue), error="")


def _preview_for(sha256: str, upload: ImportUpload) -> PdfPreview:
    preview = PdfPreview.objects.filter(sha256=sha256).first()
    if preview is not None:
        return preview
    try:
        with transaction.atomic():
            preview = PdfPreview.objects.create(sha256=sha256)
    except IntegrityError:
        return PdfPreview.objects.get(sha256=sha256)  # another request queued it first
    from ..tasks import read_pdf_preview

    transaction.on_commit(lambda: read_pdf_preview.enqueue(upload.pk))
    return preview
