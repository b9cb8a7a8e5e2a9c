"""Exact undo for merges, splits, restores and desk repairs.

An operation keeps a snapshot of every article it touched, before and after. Undo puts the
before back only while each article is still exactly as the operation left it (same version,
same pending revision); otherwise it refuses and names the article, whose every version stays
in history anyway.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from ..models import (
    Article,
    ArticleRevision,
    ArticleStatus,
    ArticleWarning,
    DeskOperation,
    Issue,
    RevisionState,
)
from .editing import CONTENT_FIELDS, PUBLISH, content_of, locked, open_revision, require_article, save_edit

LIVE_FIELDS = CONTENT_FIELDS + ["tags", "status", "position", "published_at"]


def snapshot(article_pk: int) -> dict:
    article = Article.objects.get(pk=article_pk)
    revision = open_revision(article)
    return {
        **content_of(article),
        "version": article.version, "status": article.status, "position": article.position,
        "published_at": article.published_at.isoformat() if article.published_at else None,
        "revision": {**content_of(revision), "state": revision.state} if revision else None,
        "warnings": sorted(article.import_warnings.values_list("pk", flat=True)),
    }


LEFTOVERS = "leftovers"  # the issue's unattributed text, kept beside the articles' snapshots


def begin(*, kind: str, label: str, issue: Issue, user, pks) -> DeskOperation:
    before = {str(pk): snapshot(pk) for pk in pks}
    before[LEFTOVERS] = list(Issue.objects.get(pk=issue.pk).leftovers)
    return DeskOperation(kind=kind, label=label[:300], issue=issue, user=user, before=before)


def finish(operation: DeskOperation, *, created=()) -> DeskOperation:
    pks = [int(pk) for pk in _articles(operation.before)] + [a.pk for a in created]
    operation.created = [a.pk for a in created]
    operation.after = {str(pk): snapshot(pk) for pk in pks}
    operation.after[LEFTOVERS] = list(Issue.objects.get(pk=operation.issue_id).leftovers)
    operation.save()
    return operation


def _articles(snapshots: dict) -> dict:
    return {key: value for key, value in snapshots.items() if key.isdigit()}


def _same(current: dict, after: dict) -> bool:
    """Still as the operation left it? The text and state, not the version number: an undo of a
    later operation puts back exactly this state, and then this one can be undone in turn."""
    return all(current[key] == after[key] for key in after if key != "version")


def _live_changed(operation: DeskOperation) -> bool:
    """Did the operation change what the public sees? Then only a publisher may take it back."""
    for pk, before in _articles(operation.before).items():
        after = operation.after.get(pk, {})
        was_live = ArticleStatus.PUBLISHED in (before.get("status"), after.get("status"))
        if was_live and any(before[f] != after.get(f) for f in LIVE_FIELDS if f != "position"):
            return True
    return False


def undo_blockers(operation: DeskOperation) -> list[str]:
    """Why this operation can no longer be undone exactly (empty when it can)."""
    if operation.undone_at:
        return ["这次操作已经撤销过了"]
    reasons = []
    if LEFTOVERS in operation.after and operation.issue_id and \
            Issue.objects.get(pk=operation.issue_id).leftovers != operation.after[LEFTOVERS]:
        reasons.append("本期的未归属文字此后又有变动")
    for pk, after in _articles(operation.after).items():
        try:
            current = snapshot(int(pk))
        except Article.DoesNotExist:
            reasons.append(f"《{after['title']}》已不存在")
            continue
        if not _same(current, after):
            reasons.append(f"《{current['title']}》此后又被修改过（可在版本历史中恢复）")
    return reasons


@transaction.atomic
def operation_undo(*, operation: DeskOperation, user) -> None:
    operation = DeskOperation.objects.select_for_update().get(pk=operation.pk)
    articles = {pk: locked(int(pk)) for pk in _articles(operation.after) if Article.objects.filter(pk=int(pk)).exists()}
    for article in articles.values():
        require_article(user, article)
    blockers = undo_blockers(operation)
    if blockers:
        raise ValidationError("不能撤销：" + "；".join(blockers))
    if _live_changed(operation) and not user.has_perm(PUBLISH):
        raise PermissionDenied("这次操作改动了已发布的文章，只有主编可以撤销")
    reason = f"撤销：{operation.label}"
    for pk, before in _articles(operation.before).items():
        _put_back(articles[pk], before, operation.after[pk], user, reason)
    if LEFTOVERS in operation.before:
        Issue.objects.filter(pk=operation.issue_id).update(leftovers=operation.before[LEFTOVERS])
    for pk in operation.created:
        article = articles[str(pk)]
        article._history_user = user
        article._change_reason = reason[:100]
        article.delete()  # its history stays (cascade_delete_history=False)
    operation.undone_at = timezone.now()
    operation.undone_by = user
    operation.save(update_fields=["undone_at", "undone_by"])


def _put_back(article: Article, before: dict, after: dict, user, reason: str) -> None:
    if any(before[f] != after[f] for f in LIVE_FIELDS):
        for field in CONTENT_FIELDS + ["status", "position"]:
            setattr(article, field, before[field])
        article.published_at = parse_datetime(before["published_at"]) if before["published_at"] else None
        save_edit(article, user, reason)
        if sorted(article.tags.names()) != before["tags"]:
            article.tags.set(before["tags"])
    ArticleWarning.objects.filter(pk__in=before["warnings"]).update(article=article)
    revision = open_revision(article)
    wanted = before["revision"]
    if wanted is None and revision is not None:
        revision.state = RevisionState.DISCARDED
        revision._change_reason = reason[:100]
        revision.save()
    elif wanted is not None:
        revision = revision or ArticleRevision(article=article, base_version=article.version)
        for field in CONTENT_FIELDS + ["tags", "state"]:
            setattr(revision, field, wanted[field])
        revision._change_reason = reason[:100]
        revision.save()
