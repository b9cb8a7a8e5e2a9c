"""The editors' home, 待我处理: what waits for this user, counted on their papers, each with its list."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from ..models import (
    Article,
    ArticleRevision,
    ArticleStatus,
    ArticleTransition,
    ArticleWarning,
    ErrorReport,
    Issue,
    ReportStatus,
    RevisionState,
)
from . import desks
from .editing import PUBLISH

RECENT_IMPORTS = dt.timedelta(days=30)


@dataclass(frozen=True)
class Todo:
    label: str
    count: int
    url: str


def _url(name: str, **params) -> str:
    return reverse(f"admin:articles_{name}_changelist") + ("?" + urlencode(params) if params else "")


def returned_to(user):
    """Drafts a chief sent back (review → draft) that this user was working on."""
    returned = ArticleTransition.objects.filter(article=OuterRef("pk"), from_status=ArticleStatus.REVIEW,
                                                to_status=ArticleStatus.DRAFT)
    return Article.objects.filter(Exists(returned), status=ArticleStatus.DRAFT, last_editor=user)


def todo_for(user) -> list[Todo]:
    articles = desks.articles_for(user, Article.objects.all())
    mine = {"last_editor__id__exact": user.pk}
    items = [
        Todo("我的草稿", articles.filter(status=ArticleStatus.DRAFT, last_editor=user).count(),
             _url("article", status__exact="draft", **mine)),
        Todo("退回给我的文章", desks.articles_for(user, returned_to(user)).count(), _url("article", returned="me")),
        Todo("退回给我的修订",
             desks.scope(user, ArticleRevision.objects.filter(state=RevisionState.RETURNED, author=user),
                         "article__issue__publication").count(),
             _url("articlerevision", state__exact="returned")),
        Todo("我负责的报纸中待处理的提示",
             desks.scope(user, ArticleWarning.objects.filter(resolved_at__isnull=True), "article__issue__publication")
             .exclude(article__status=ArticleStatus.MERGED).count(),
             _url("articlewarning", resolved_at__isempty="1")),
        Todo("读者报告的错误",
             desks.scope(user, ErrorReport.objects.filter(status=ReportStatus.OPEN), "article__issue__publication")
             .count(), _url("errorreport", status="open")),
        Todo("我最近导入的期", desks.scope(user, Issue.objects.filter(
            imported_by=user, imported_at__gte=timezone.now() - RECENT_IMPORTS), "publication").count(),
             _url("issue", imported_by__id__exact=user.pk)),
    ]
    if user.has_perm(PUBLISH):
        items = [
            Todo("等待审核的文章", articles.filter(status=ArticleStatus.REVIEW).count(),
                 _url("article", status__exact="review")),
            Todo("已发布文章的待审修订",
                 desks.scope(user, ArticleRevision.objects.filter(state=RevisionState.PENDING),
                             "article__issue__publication").count(),
                 _url("articlerevision", state__exact="pending")),
            Todo("定时发布的文章", articles.scheduled().count(), _url("article", scheduled="yes")),
            Todo("可以发布的期", ready_issues(user).count(), _url("issue", ready="yes")),
        ] + items
    return items


def ready_issues(user):
    """Issues whose every unpublished article is in review and free of open warnings."""
    waiting = Article.objects.filter(issue=OuterRef("pk"), status=ArticleStatus.REVIEW)
    open_warning = ArticleWarning.objects.filter(article=OuterRef("pk"), resolved_at__isnull=True)
    blocked = Article.objects.filter(issue=OuterRef("pk")).filter(
        Q(status=ArticleStatus.DRAFT) | Q(Exists(open_warning), status=ArticleStatus.REVIEW))
    return desks.scope(user, Issue.objects.filter(Exists(waiting)).exclude(Exists(blocked)), "publication")
