"""A batch of issue files: parse them all, check them together, write each in its own transaction."""

from __future__ import annotations

import hashlib
import logging
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..importer import ParsedIssue, SourceError
from ..search import refresh_statistics
from .importing import (
    BatchReport,
    ImportRefused,
    Source,
    SourceFailure,
    collect_sources,
    issue_import,
    parse_source,
)
from .intel import check_batch

logger = logging.getLogger("newsroom.import")
STATISTICS_AFTER = 20  # imports of this many issues refresh the query planner's statistics


@dataclass
class BatchOutcome(BatchReport):
    parsed: list[ParsedIssue] = field(default_factory=list)
    queued: list = field(default_factory=list)  # PDF imports handed to the task queue (ImportJob)
    pending: list[str] = field(default_factory=list)  # PDFs the worker is still reading for a preview

    @property
    def parsed_json(self) -> list[dict]:
        return [issue.to_json() for issue in self.parsed]


def parse_sources(sources: Iterable[Source | SourceFailure], outcome: BatchOutcome, *, progress: bool = False) -> None:
    sources = list(sources)
    for source in _progress(sources, progress, "解析"):
        if isinstance(source, SourceFailure):
            outcome.failed.append(source)
            continue
        try:
            outcome.parsed.append(parse_source(source))
        except SourceError as exc:
            outcome.failed.append(SourceFailure(source.name, exc.reason, exc.message))
        except Exception as exc:  # noqa: BLE001 - one bad file must not stop the others
            outcome.failed.append(SourceFailure(source.name, "crash", f"导入程序出错：{type(exc).__name__}: {exc}"))


@dataclass
class FileChoice:
    """What the editor chose for one file in the preview: its paper (or a new one) and its date."""

    publication: object = None
    date: object = None
    new_paper: bool = False


def import_sources(sources: Iterable[Source | SourceFailure], *, dry_run: bool = False, replace: bool = False,
                   publication=None, date=None, publish: bool = False, user=None,
                   progress: bool = False, queue_pdfs: bool = False, create_papers: bool = False,
                   choices: dict[str, FileChoice] | None = None) -> BatchOutcome:
    """Parse and write a batch. A PDF is written with its pages and photos through an import job:
    run here (the command line), or with queue_pdfs handed to the worker (a web request).
    `choices` by source name override `publication` and `date` file by file."""
    from .jobs import is_pdf_source, job_run, jobs_create

    def choice_of(name: str) -> FileChoice:
        return (choices or {}).get(name) or FileChoice(publication, date, create_papers)

    outcome = BatchOutcome()
    sources = list(sources)
    pdfs = {hashlib.sha256(s.data).hexdigest(): s for s in sources if isinstance(s, Source) and is_pdf_source(s)}
    if queue_pdfs and not dry_run:
        # The worker reads them: the request only keeps each PDF and queues its job.
        for pdf in pdfs.values():
            chosen = choice_of(pdf.name)
            outcome.queued.append(jobs_create(source=pdf, user=user, publication=chosen.publication,
                                              date=chosen.date, publish=publish, replace=replace,
                                              create_paper=chosen.new_paper))
        sources = [s for s in sources if not (isinstance(s, Source) and is_pdf_source(s))]
        pdfs = {}
    parse_sources(sources, outcome, progress=progress)
    readings = check_batch(outcome.parsed)
    if dry_run:
        return outcome
    for parsed in _progress(outcome.parsed, progress, "写入"):
        choice = choice_of(parsed.source)
        pdf = pdfs.get(parsed.sha256)
        if pdf is not None:
            job = jobs_create(source=pdf, user=user, publication=choice.publication, date=choice.date,
                              publish=publish, replace=replace, enqueue=False, create_paper=choice.new_paper)
            result = job_run(job_id=job.pk, parsed=parsed, readings=readings.get(parsed.sha256), retry=False)
            job.refresh_from_db()
            if result is not None:
                outcome.imported.append(result)
            else:
                target = outcome.skipped if job.reason == "duplicate" else outcome.failed
                target.append(SourceFailure(parsed.source, job.reason or "failed", job.error))
            continue
        try:
            outcome.imported.append(issue_import(parsed=parsed, user=user, publication=choice.publication,
                                                 date=choice.date, publish=publish, replace=replace,
                                                 readings=readings.get(parsed.sha256),
                                                 create_paper=choice.new_paper))
        except ImportRefused as exc:
            target = outcome.skipped if exc.reason == "duplicate" else outcome.failed
            target.append(SourceFailure(parsed.source, exc.reason, exc.message))
        except Exception as exc:
            logger.exception("import of %s failed", parsed.source)
            outcome.failed.append(SourceFailure(parsed.source, "write-failed",
                                                f"写入数据库时出错，本期未导入（{type(exc).__name__}: {exc}）"))
    if len(outcome.imported) >= STATISTICS_AFTER:
        refresh_statistics()
    return outcome


def import_paths(paths, **options) -> BatchOutcome:
    return import_sources(collect_sources(paths), **options)


def _progress(items: list, enabled: bool, label: str):
    if not enabled or len(items) < 2 or not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    return tqdm(items, desc=label, unit="期", file=sys.stderr)
