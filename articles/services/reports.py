"""报告错误: a reader's report reaches the editors of the article's paper; they close it.

The fix itself is an ordinary edit of the article (services/editing.py: a live article's change
waits for review), so a report is closed as fixed only once the article has been edited since.
"""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import transaction
from django.utils import timezone

from ..models import Article, ArticleRevision, ErrorReport, ReportStatus
from ..models.reports import CONTACT_MAX, MESSAGE_MAX
from ..reportchecks import URL_RE, normalized_report, spam_reason
from . import desks
from .editing import require

CHANGE_REPORT = "articles.change_errorreport"


def check_report(*, message: str, contact: str = "") -> tuple[str, str]:
    """The message and contact as stored, or a ValidationError saying in Chinese what is wrong."""
    message, contact = normalized_report(message or ""), (contact or "").strip()
    if not message:
        raise ValidationError({"message": "请写明哪里有错。"})
    if len(message) > MESSAGE_MAX:
        raise ValidationError({"message": f"最多 {MESSAGE_MAX} 字，现在是 {len(message)} 字：请删短一些。"})
    reason = spam_reason(message)
    if reason:
        raise ValidationError({"message": reason})
    if len(contact) > CONTACT_MAX:
        raise ValidationError({"contact": f"联系方式最多 {CONTACT_MAX} 字，现在是 {len(contact)} 字。"})
    if URL_RE.search(contact) and "@" not in contact:
        raise ValidationError({"contact": "联系方式请留电话或邮箱，不要留网址。"})
    return message, contact


@transaction.atomic
def report_error(*, article_id: int, message: str, contact: str = "") -> ErrorReport:
    """Keep a reader's report on a public article for its paper's editors."""
    message, contact = check_report(message=message, contact=contact)
    try:
        article = Article.objects.published().get(pk=article_id)
    except ObjectDoesNotExist:
        raise ValidationError("这篇文章现在不公开，无法报告错误。") from None
    return ErrorReport.objects.create(article=article, message=message, contact=contact)


def changed_since(article: Article, when) -> bool:
    """Has anyone edited the article (saved it, or its revision for review) since `when`?"""
    return (article.history.filter(history_date__gte=when).exists()
            or ArticleRevision.objects.filter(article=article, updated_at__gte=when).exists())


@transaction.atomic
def reports_close(*, reports, user, outcome: str, note: str = "") -> int:
    """Close open reports on the user's papers as fixed (the article was edited since) or as
    needing no change (then say why); returns how many were closed."""
    require(user, CHANGE_REPORT)
    if outcome not in (ReportStatus.FIXED, ReportStatus.DISMISSED):
        raise ValidationError("未知的处理结果")
    note = (note or "").strip()
    if outcome == ReportStatus.DISMISSED and not note:
        raise ValidationError("标为无需修改时，请写明理由。")
    rows = list(ErrorReport.objects.select_for_update().select_related("article__issue__publication")
                .filter(pk__in=[r.pk for r in reports], status=ReportStatus.OPEN))
    for report in rows:
        desks.require_paper(user, report.article.issue.publication)
        if outcome == ReportStatus.FIXED and not changed_since(report.article, report.created_at):
            raise ValidationError(f"《{report.article.title}》在读者报告之后还没有修改过：请先点“去改正”修改文章"
                                  "（已发布的文章，修改经主编审核后上线），再标为已改正。")
    now = timezone.now()
    for report in rows:
        report.status, report.closed_at, report.closed_by, report.note = outcome, now, user, note
        report.save(update_fields=["status", "closed_at", "closed_by", "note"])
    return len(rows)
