"""The one path by which an article's text changes.

Anyone may save a draft; a change to a published article by someone without the publish
permission becomes (or updates) the article's open revision instead, and the public keeps the
live text until a chief editor publishes it. Every caller (the form, merge, split, restore, the
name fix, corrections, tags) edits a working copy and hands it to `commit_content`.
"""

from __future__ import annotations

import functools

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from ..models import OPEN_REVISION_STATES, Article, ArticleRevision, ArticleStatus, RevisionState

PUBLISH = "articles.publish_article"
CHANGE = "articles.change_article"
# What a revision, a restore or an undo carries (not the status: that is the workflow's).
CONTENT_FIELDS = ["column", "kicker", "title", "subtitle", "body", "captions"]


class EditConflict(Exception):
    """Another editor saved the article after this one opened it."""

    def __init__(self, current: Article):
        self.current = current
        editor = current.last_editor.get_username() if current.last_editor else "另一位编辑"
        when = timezone.localtime(current.updated_at).strftime("%H:%M:%S")
        super().__init__(f"{editor} 在 {when} 保存了这篇文章（第 {current.version} 版），你的修改尚未保存。")


def require(user, permission: str) -> None:
    if not (user and user.is_active and user.has_perm(permission)):
        raise PermissionDenied


def require_article(user, article: Article, permission: str = CHANGE) -> None:
    """The permission, and the article in one of the user's papers."""
    from .desks import user_may_edit

    require(user, permission)
    if not user_may_edit(user, article):
        raise PermissionDenied


def locked(article_pk: int) -> Article:
    return Article.objects.select_for_update(of=("self",)).select_related("last_editor").get(pk=article_pk)


def save_edit(article: Article, user, reason: str) -> None:
    """Save an article as an edit: version up, editor and reason recorded in its history."""
    article.version += 1
    article.last_editor = user if getattr(user, "pk", None) else None
    article._history_user = article.last_editor
    article._change_reason = reason[:100]
    article.save()


@functools.cache
def article_history():
    """The articles' history manager, for writing history records in bulk. simple_history builds
    a new manager class on every access of `Article.history`, which cost an import more than
    writing the records."""
    return Article.history


def goes_to_review(article: Article, user) -> bool:
    """Would this user's change to this article wait for a chief editor?"""
    return article.status == ArticleStatus.PUBLISHED and not user.has_perm(PUBLISH)


def open_revision(article: Article) -> ArticleRevision | None:
    return article.revisions.filter(state__in=OPEN_REVISION_STATES).order_by("-pk").first()


def content_of(source) -> dict:
    """The text of an article or a revision, tags included, as plain data."""
    data = {field: getattr(source, field) for field in CONTENT_FIELDS}
    data["captions"] = list(data["captions"] or [])
    if isinstance(source, ArticleRevision):
        data["tags"] = sorted(source.tags)
    else:
        data["tags"] = sorted(source.tags.names()) if source.pk else []
    return data


def _content(article: Article) -> dict:
    data = {field: getattr(article, field) for field in CONTENT_FIELDS}
    data["captions"] = list(data["captions"] or [])
    return data


def working_copy(article_pk: int, user) -> Article:
    """The locked article as this user edits it: for a change that goes to review, the open
    revision's text laid over the live row (never saved as such)."""
    current = locked(article_pk)
    current._working_tags = None
    if goes_to_review(current, user):
        revision = open_revision(current)
        if revision is not None:
            for field in CONTENT_FIELDS:
                setattr(current, field, getattr(revision, field))
            current._working_tags = sorted(revision.tags)
    return current


def working_tags(article: Article) -> list[str]:
    tags = getattr(article, "_working_tags", None)
    return list(tags) if tags is not None else sorted(article.tags.names())


def commit_content(article: Article, user, reason: str, *, tags: list[str] | None = None) -> str:
    """Keep the working copy's text: live ("live") or as the open revision ("review")."""
    if tags is None:
        tags = working_tags(article)
    tags = sorted({t.strip() for t in tags if t and t.strip()})
    if goes_to_review(article, user):
        live = Article.objects.get(pk=article.pk)
        if open_revision(live) is None and content_of(live) == {**_content(article), "tags": tags}:
            return "unchanged"  # nothing to review
        _save_revision(article, user, reason, tags)
        return "review"
    save_edit(article, user, reason)
    if tags != sorted(article.tags.names()):
        article.tags.set(tags)
    article._working_tags = None
    return "live"


def _save_revision(article: Article, user, reason: str, tags: list[str]) -> ArticleRevision:
    live = Article.objects.get(pk=article.pk)
    revision = open_revision(live) or ArticleRevision(article=live, base_version=live.version)
    for field in CONTENT_FIELDS:
        setattr(revision, field, getattr(article, field))
    revision.tags = tags
    revision.state = RevisionState.PENDING
    revision.author = user if getattr(user, "pk", None) else None
    revision.reason = reason[:200]
    revision._history_user = revision.author
    revision._change_reason = reason[:100]
    revision.save()
    # The instance the caller holds must not be saved by mistake with text the public would see.
    for field in CONTENT_FIELDS:
        setattr(article, field, getattr(live, field))
    article._working_tags = None
    return revision
