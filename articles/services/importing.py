"""Importing issues: read sources, parse them, write each issue and its articles in one transaction."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import Q
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from .. import bodytext
from ..importer import ParsedIssue, SourceError, parse_issue
from ..models import Article, ArticleStatus, ArticleWarning, Issue, Publication
from ..models.publication import DatePrecision
from .intel import analyse_issue

logger = logging.getLogger("newsroom.import")
ISSUE_SUFFIXES = {".txt", ".pdf"}  # what a folder given to the import is searched for


@dataclass
class Source:
    """One file to import: its name as the editor knows it, and its bytes."""

    name: str
    data: bytes


@dataclass
class SourceFailure:
    name: str
    reason: str
    message: str

    def line(self) -> str:
        return f"{self.name}: {self.message}"


class ImportRefused(Exception):
    """The issue was parsed but may not be written; `reason` is a short code."""

    def __init__(self, reason: str, message: str, issue: Issue | None = None):
        super().__init__(message)
        self.reason, self.message, self.issue = reason, message, issue


@dataclass
class ImportResult:
    issue: Issue
    articles: int
    warnings: int
    replaced: bool = False
    held_back: list[str] = field(default_factory=list)


@dataclass
class BatchReport:
    imported: list[ImportResult] = field(default_factory=list)
    skipped: list[SourceFailure] = field(default_factory=list)
    failed: list[SourceFailure] = field(default_factory=list)

    @property
    def summary(self) -> str:
        articles = sum(r.articles for r in self.imported)
        warnings = sum(r.warnings for r in self.imported)
        return (f"导入 {len(self.imported)} 期，{articles} 篇文章，{warnings} 条提示；"
                f"跳过 {len(self.skipped)} 个，失败 {len(self.failed)} 个")


def collect_sources(paths: Iterable[str | Path]) -> Iterator[Source | SourceFailure]:
    """Files and folders (every *.txt and *.pdf below a folder) as sources; a bad path becomes a failure."""
    limit = settings.IMPORT_MAX_BYTES
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ISSUE_SUFFIXES)
            if not files:
                yield SourceFailure(str(path), "empty-folder", "文件夹中没有 .txt 或 .pdf 文件")
            for file in files:
                yield from _read_file(file, limit)
        elif path.exists():
            yield from _read_file(path, limit)
        else:
            yield SourceFailure(str(path), "missing", "找不到这个文件或文件夹")


def _read_file(path: Path, limit: int) -> Iterator[Source | SourceFailure]:
    try:
        size = path.stat().st_size
        if size > limit:
            yield SourceFailure(str(path), "too-large", f"文件过大（{size / 1048576:.1f} MB，上限 {limit / 1048576:.0f} MB）")
            return
        yield Source(str(path), path.read_bytes())
    except OSError as exc:
        yield SourceFailure(str(path), "unreadable", f"无法读取文件（{exc.strerror or exc}）")


def parse_source(source: Source) -> ParsedIssue:
    """Parse a source; raises SourceError with the editor-facing reason."""
    if len(source.data) > settings.IMPORT_MAX_BYTES:
        raise SourceError("too-large", f"文件过大（上限 {settings.IMPORT_MAX_BYTES / 1048576:.0f} MB）")
    return parse_issue(source.data, source=Path(source.name).name)


def resolve_publication(parsed: ParsedIssue, publication: Publication | None = None, *,
                        create: bool = False) -> Publication:
    """The paper an issue goes into: the one chosen, or the existing paper of the printed town.
    A new paper is made only when whoever imports asked for it (`create`)."""
    if publication is not None:
        return publication
    meta = parsed.meta
    if not meta.town:
        raise ImportRefused("no-paper", "无法判断是哪个镇（街道）的报纸，请指定报纸后再导入")
    found = Publication.objects.filter(town=meta.town).order_by("pk").first()
    if found:
        return found
    if not create:
        raise ImportRefused("no-paper", f"还没有“{meta.town}”的报纸：请选择报纸，或由主编新建后再导入")
    try:
        with transaction.atomic():
            return Publication.objects.create(
                name=meta.publication or f"{meta.town}社区报", town=meta.town, district=meta.district or "",
                publisher=meta.publisher or "",
            )
    except IntegrityError:
        # A concurrent import created the paper first.
        found = Publication.objects.filter(town=meta.town).order_by("pk").first()
        if found is None:
            raise
        return found


@transaction.atomic
def issue_import(*, parsed: ParsedIssue, user=None, publication: Publication | None = None,
                 date: dt.date | None = None, publish: bool = False, replace: bool = False,
                 readings=None, create_paper: bool = False) -> ImportResult:
    """Write one parsed issue and its articles; all of it or nothing. Publishing at import goes
    through the workflow: the importer's permission checked, a transition recorded per article,
    and articles with open warnings held back."""
    from . import desks, workflow

    if publish and not (user is not None and user.is_active and user.has_perm(workflow.PUBLISH)):
        raise ImportRefused("no-permission", "只有主编可以在导入时发布；请指定有发布权限的用户")
    existing = Issue.objects.select_for_update().filter(source_sha256=parsed.sha256).first()
    replaced = False
    if existing is not None:
        if not replace:
            raise ImportRefused("duplicate", f"这份原文已经导入过（{existing}），已跳过", existing)
        touched = existing.articles.filter(Q(version__gt=1) | Q(last_editor__isnull=False)).exists()
        if touched:
            raise ImportRefused("touched", f"{existing} 已有文章被编辑或发布，不能重新导入；请在后台修改", existing)
        publication = publication or existing.publication
        existing.delete()
        replaced = True
    meta = parsed.meta
    if create_paper and getattr(user, "pk", None) and not user.has_perm("articles.add_publication"):
        raise ImportRefused("no-permission", "只有主编可以新建报纸")
    existing_papers = set(Publication.objects.values_list("pk", flat=True))
    paper = resolve_publication(parsed, publication, create=create_paper)
    if getattr(user, "pk", None) and not desks.may_work_on(user, paper.pk):
        if paper.pk in existing_papers:
            raise ImportRefused("not-your-paper", f"《{paper.name}》不在你的编辑部，不能导入")
        paper.staff.add(user)  # the chief who made the paper works on it
    issue_date, precision = (date, DatePrecision.DAY) if date else (meta.date, meta.date_precision)
    if issue_date is None:
        raise ImportRefused("no-date", "报头没有日期，文中也推断不出，请指定出版日期后再导入")
    _fill_publication(paper, parsed)
    issue = Issue(
        publication=paper, date=issue_date, date_precision=precision or DatePrecision.DAY,
        date_inferred=not date and meta.date_basis == "inferred",
        slug=Issue.free_slug(paper, issue_date), number=meta.number, pages=meta.pages,
        next_issue_date=meta.next_issue_date, editorial_board=meta.editorial_board, contact=meta.contact,
        source_name=parsed.source[:255], source_text=parsed.text, source_sha256=parsed.sha256,
        source_encoding=parsed.encoding, warnings=[w.to_json() for w in parsed.warnings],
        leftovers=parsed.leftovers, imported_by=user if getattr(user, "pk", None) else None,
    )
    try:
        with transaction.atomic():
            issue.save()
    except IntegrityError as exc:
        # Another import of the same source committed first.
        raise ImportRefused("duplicate", "这份原文刚刚已由另一次导入写入，已跳过") from exc
    now = timezone.now()
    # The first history record of each article is the text as the importer produced it.
    articles = _create_with_history([
        Article(
            issue=issue, issue_date=issue.date, position=position, column=a.column or "", kicker=a.kicker or "", title=a.title[:300],
            subtitle=(a.subtitle or "")[:300], body=bodytext.render_body(a.blocks), captions=a.captions,
            page=a.page, imported_text=a.source_text, status=ArticleStatus.DRAFT,
        )
        for position, a in enumerate(parsed.articles, start=1)
    ], user=issue.imported_by, reason="导入")
    warnings = ArticleWarning.objects.bulk_create([
        ArticleWarning(article=article, code=w.code, message=w.message, data=w.data)
        for article, parsed_article in zip(articles, parsed.articles, strict=True)
        for w in parsed_article.warnings
    ])
    analyse_issue(issue, readings, articles)
    held_back: list[str] = []
    if publish:
        _, held_back = workflow.articles_transition(articles=articles, action="publish", user=user,
                                                    comment="导入时发布", publish_at=now, new=True)
    logger.info("imported %s: %d articles", issue, len(articles))
    return ImportResult(issue, len(articles), len(warnings) + len(parsed.warnings), replaced, held_back)


def _create_with_history(articles: list[Article], *, user, reason: str) -> list[Article]:
    """Write new articles and the first history record of each: what simple_history's
    bulk_create_with_history does where the database returns the new keys, without building a
    new history manager for every issue."""
    if not connection.features.can_return_rows_from_bulk_insert:
        return bulk_create_with_history(articles, Article, default_user=user, default_change_reason=reason)
    from .editing import article_history

    with transaction.atomic(savepoint=False):
        created = Article.objects.bulk_create(articles)
        article_history().bulk_history_create(created, default_user=user, default_change_reason=reason)
    return created


def _fill_publication(paper: Publication, parsed: ParsedIssue) -> None:
    """What a new issue's masthead says about its paper fills fields the paper lacks."""
    changed = []
    if not paper.district and parsed.meta.district:
        paper.district, changed = parsed.meta.district, changed + ["district"]
    if not paper.publisher and parsed.meta.publisher:
        paper.publisher, changed = parsed.meta.publisher, changed + ["publisher"]
    if changed:
        paper.save(update_fields=changed)
