"""Import jobs: an issue's PDF kept in storage, read and written by the task queue's worker.

A job is created (and its PDF stored) in the web request; everything slow happens in
`job_run`, in the worker. A job that fails for a reason that will not change (not a PDF, a
scan, a duplicate) fails at once with the reason; one that fails otherwise (the database went
away, the disk filled) is queued again, up to ImportJob.MAX_ATTEMPTS tries. Either way no row
of the issue is written unless all of it is (services.pages.print_issue_import).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from ..importer import SourceError
from ..importer.pdf import is_pdf
from ..models import ImportJob, JobStatus, Publication
from .importing import ImportRefused, ImportResult, Source, parse_source
from .intel import check_batch
from .pages import print_issue_import
from .previews import preview_parsed

logger = logging.getLogger("newsroom.import")
# A job running longer than this lost its worker (killed, machine restarted): it may be retried.
STALLED_AFTER = dt.timedelta(minutes=30)


def is_pdf_source(source: Source) -> bool:
    return is_pdf(source.data)


@transaction.atomic
def jobs_create(*, source: Source, user=None, publication: Publication | None = None, date: dt.date | None = None,
                publish: bool = False, replace: bool = False, enqueue: bool = True,
                create_paper: bool = False) -> ImportJob:
    """Keep the PDF and queue its import (once this transaction commits)."""
    options = {"publication": publication.pk if publication else None, "date": date.isoformat() if date else None,
               "publish": publish, "replace": replace, "create_paper": create_paper}
    job = ImportJob(source_name=Path(source.name).name[:255], size=len(source.data),
                    sha256=hashlib.sha256(source.data).hexdigest(), options=options,
                    created_by=user if getattr(user, "pk", None) else None)
    job.pdf.save(f"uploads/{job.sha256}.pdf", ContentFile(source.data), save=False)
    job.save()
    if enqueue:
        jobs_enqueue(job=job)
    return job


def jobs_enqueue(*, job: ImportJob) -> None:
    from ..tasks import run_import_job

    def send():
        result = run_import_job.enqueue(job.pk)
        ImportJob.objects.filter(pk=job.pk).update(task_id=str(result.id)[:64])

    transaction.on_commit(send)


@transaction.atomic
def jobs_retry(*, job: ImportJob) -> bool:
    """Queue a failed job again (the admin's 重试); a finished or running one is left alone."""
    job = ImportJob.objects.select_for_update().get(pk=job.pk)
    stalled = job.status == JobStatus.RUNNING and job.started_at and job.started_at < timezone.now() - STALLED_AFTER
    if job.status != JobStatus.FAILED and not stalled:
        return False
    job.status, job.error, job.reason, job.progress, job.step, job.attempts = JobStatus.QUEUED, "", "", 0, "等待重试", 0
    job.save(update_fields=["status", "error", "reason", "progress", "step", "attempts"])
    jobs_enqueue(job=job)
    return True


def job_run(*, job_id: int, parsed=None, readings=None, retry: bool = True) -> ImportResult | None:
    """Run one job to its end (in the worker). Returns the import, or None if it did not import.

    `retry=False` (the command line, which runs the job itself) fails at the first error instead
    of queueing the job again."""
    with transaction.atomic():
        job = ImportJob.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.status in (JobStatus.DONE, JobStatus.RUNNING):
            return None  # deleted, done, or taken by another worker
        job.status, job.started_at, job.attempts = JobStatus.RUNNING, timezone.now(), job.attempts + 1
        job.progress, job.step, job.error = 5, "读取 PDF", ""
        job.save(update_fields=["status", "started_at", "attempts", "progress", "step", "error"])
    try:
        with job.pdf.open("rb") as handle:
            data = handle.read()
        parsed = parsed or preview_parsed(job.sha256) or parse_source(Source(job.source_name, data))
        parsed.source = job.source_name
        _progress(job, 20, f"已读出 {len(parsed.articles)} 篇文章，正在生成版面图")
        if readings is None:
            readings = check_batch([parsed]).get(parsed.sha256)
        options = job.options
        publication = Publication.objects.filter(pk=options.get("publication")).first() if options.get("publication") else None
        result = print_issue_import(
            data=data, parsed=parsed, progress=lambda percent, step: _progress(job, percent, step),
            user=job.created_by, publication=publication,
            date=dt.date.fromisoformat(options["date"]) if options.get("date") else None,
            publish=bool(options.get("publish")), replace=bool(options.get("replace")), readings=readings,
            create_paper=bool(options.get("create_paper")),
        )
    except (SourceError, ImportRefused) as exc:
        # The same file would fail the same way again: say why, do not retry.
        _finish(job, JobStatus.FAILED, error=exc.message, reason=exc.reason)
        return None
    except Exception as exc:
        logger.exception("import job %s failed (attempt %s)", job.pk, job.attempts)
        message = f"第 {job.attempts} 次尝试出错：{type(exc).__name__}: {exc}"
        if retry and job.attempts < ImportJob.MAX_ATTEMPTS:
            _finish(job, JobStatus.QUEUED, error=message, step="出错，稍后自动重试", reason="crash")
            jobs_enqueue(job=job)
        else:
            _finish(job, JobStatus.FAILED, error=message, reason="crash")
        return None
    _finish(job, JobStatus.DONE, issue=result.issue, step=f"已导入 {result.articles} 篇文章")
    return result


def _progress(job: ImportJob, percent: int, step: str) -> None:
    job.progress, job.step = percent, step[:200]
    ImportJob.objects.filter(pk=job.pk).update(progress=percent, step=job.step)


def _finish(job: ImportJob, status: str, *, error: str = "", step: str = "", issue=None, reason: str = "") -> None:
    job.status, job.error, job.reason = status, error, reason
    job.finished_at = timezone.now() if status != JobStatus.QUEUED else None
    job.progress = 100 if status == JobStatus.DONE else job.progress
    job.step = step or job.step
    job.issue = issue or job.issue
    job.save(update_fields=["status", "error", "reason", "finished_at", "progress", "step", "issue"])
