"""The chief editor's side of pending revisions: publish, return with a comment, discard."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from .. import textdiff
from ..models import ArticleRevision, ArticleStatus, ArticleTransition, RevisionState
from .editing import CONTENT_FIELDS, PUBLISH, content_of, locked, require, require_article, save_edit

LABELS = {"column": "栏目", "kicker": "引题", "title": "标题", "subtitle": "副题", "body": "正文",
          "captions": "图片说明", "tags": "标签"}


def _shown(data: dict, field: str) -> str:
    value = data[field]
    if field == "captions":
        return "\n\n".join(value)
    if field == "tags":
        return "、".join(value)
    return value or ""


def revision_diff(revision: ArticleRevision) -> list[tuple[str, list]]:
    """What publishing the revision would change, field by field, against the live text now."""
    live, proposed = content_of(revision.article), content_of(revision)
    return [(LABELS[f], textdiff.text_diff(_shown(live, f), _shown(proposed, f)))
            for f in CONTENT_FIELDS + ["tags"] if live[f] != proposed[f]]


def _open(revision: ArticleRevision, user) -> ArticleRevision:
    require(user, PUBLISH)
    revision = ArticleRevision.objects.select_for_update().get(pk=revision.pk)
    require_article(user, revision.article, PUBLISH)
    if not revision.is_open:
        raise ValidationError(f"这份修订已经{revision.get_state_display()}")
    return revision


def _decide(revision: ArticleRevision, user, state: str, comment: str, reason: str) -> None:
    revision.state = state
    revision.comment = comment
    revision.decided_by = user
    revision.decided_at = timezone.now()
    revision._history_user = user
    revision._change_reason = reason[:100]
    revision.save()


@transaction.atomic
def revision_publish(*, revision: ArticleRevision, user, comment: str = "") -> None:
    """The chief makes the revised text the live one, recorded in history and as a transition."""
    revision = _open(revision, user)
    article = locked(revision.article_id)
    if article.status != ArticleStatus.PUBLISHED:
        raise ValidationError("这篇文章已不在发布状态，请直接编辑")
    author = revision.author.get_username() if revision.author else "编辑"
    for field in CONTENT_FIELDS:
        setattr(article, field, getattr(revision, field))
    save_edit(article, user, f"发布修订（{author}：{revision.reason}）")
    if sorted(article.tags.names()) != sorted(revision.tags):
        article.tags.set(revision.tags)
    ArticleTransition.objects.create(article=article, from_status=article.status, to_status=article.status,
                                     publish_at=article.published_at, user=user,
                                     comment=comment or f"发布 {author} 的修订")
    _decide(revision, user, RevisionState.PUBLISHED, comment, "发布")


@transaction.atomic
def revision_return(*, revision: ArticleRevision, user, comment: str) -> None:
    """Back to its author with what to change; the live text stays as it is."""
    if not comment.strip():
        raise ValidationError("退回修订时请写明意见")
    revision = _open(revision, user)
    _decide(revision, user, RevisionState.RETURNED, comment.strip(), "退回")


@transaction.atomic
def revision_discard(*, revision: ArticleRevision, user, comment: str = "") -> None:
    revision = _open(revision, user)
    _decide(revision, user, RevisionState.DISCARDED, comment.strip(), "放弃")
