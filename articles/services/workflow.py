"""The editorial workflow: states, guarded saves, history restore, merge and split.

Every write goes through here: it checks the permission (so no URL can skip it), takes the
row lock, bumps the article's version (so a second editor's stale save is refused) and leaves
a history record saying who did what.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from .. import bodytext
from ..models import Article, ArticleStatus, ArticleTransition, ArticleWarning, Issue

PUBLISH = "articles.publish_article"
CHANGE = "articles.change_article"
# What a restore copies back from a history record (not the status: a restore is an edit).
CONTENT_FIELDS = ["column", "kicker", "title", "subtitle", "body", "captions"]


@dataclass(frozen=True)
class Action:
    name: str
    label: str
    sources: frozenset
    target: str
    permission: str


ACTIONS = {
    a.name: a for a in [
        Action("submit", "提交审核", frozenset({ArticleStatus.DRAFT}), ArticleStatus.REVIEW, CHANGE),
        Action("return", "退回草稿", frozenset({ArticleStatus.REVIEW}), ArticleStatus.DRAFT, CHANGE),
        Action("publish", "发布", frozenset({ArticleStatus.DRAFT, ArticleStatus.REVIEW}), ArticleStatus.PUBLISHED,
               PUBLISH),
        Action("unschedule", "取消定时", frozenset({ArticleStatus.PUBLISHED}), ArticleStatus.REVIEW, PUBLISH),
        Action("withdraw", "撤回", frozenset({ArticleStatus.PUBLISHED}), ArticleStatus.WITHDRAWN, PUBLISH),
        Action("redraft", "改回草稿", frozenset({ArticleStatus.WITHDRAWN}), ArticleStatus.DRAFT, CHANGE),
    ]
}


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


def allowed_actions(article: Article, user) -> list[Action]:
    return [a for a in ACTIONS.values() if _applies(a, article) and user.has_perm(a.permission)]


def _applies(action: Action, article: Article) -> bool:
    if article.status not in action.sources:
        return False
    if action.name == "unschedule":
        return article.is_scheduled
    return True


def _locked(article_pk: int) -> Article:
    return Article.objects.select_for_update(of=("self",)).select_related("last_editor").get(pk=article_pk)


def save_edit(article: Article, user, reason: str) -> None:
    """Save an article as an edit: version up, editor and reason recorded in its history."""
    article.version += 1
    article.last_editor = user if getattr(user, "pk", None) else None
    article._history_user = article.last_editor
    article._change_reason = reason[:100]
    article.save()


def check_version(article_pk: int, expected_version: int) -> Article:
    """Lock the article and refuse if it changed since the editor loaded `expected_version`."""
    current = _locked(article_pk)
    if current.version != expected_version:
        raise EditConflict(current)
    return current


@transaction.atomic
def article_transition(*, article: Article, action: str, user, comment: str = "",
                       publish_at: dt.datetime | None = None) -> ArticleTransition:
    chosen = ACTIONS.get(action)
    if chosen is None:
        raise ValidationError(f"未知操作：{action}")
    require(user, chosen.permission)
    current = _locked(article.pk)
    if not _applies(chosen, current):
        raise ValidationError(f"“{current.title}”现在是{current.get_status_display()}，不能{chosen.label}")
    previous = current.status
    current.status = chosen.target
    if chosen.target == ArticleStatus.PUBLISHED:
        current.published_at = publish_at or timezone.now()
    elif chosen.name == "unschedule":
        current.published_at = None
    label = chosen.label
    if chosen.target == ArticleStatus.PUBLISHED and current.published_at > timezone.now():
        label = "定时发布"
    save_edit(current, user, label)
    article.refresh_from_db()
    return ArticleTransition.objects.create(
        article=current, from_status=previous, to_status=chosen.target, comment=comment,
        publish_at=current.published_at if chosen.target == ArticleStatus.PUBLISHED else None,
        user=user if getattr(user, "pk", None) else None,
    )


def articles_transition(*, articles, action: str, user, comment: str = "", publish_at=None) -> tuple[int, list[str]]:
    """The same transition for many articles; those it does not apply to are named, not changed."""
    done, skipped = 0, []
    for article in articles:
        try:
            article_transition(article=article, action=action, user=user, comment=comment, publish_at=publish_at)
            done += 1
        except ValidationError:
            skipped.append(article.title)
    return done, skipped


def issue_publish(*, issue: Issue, user, publish_at=None) -> tuple[int, list[str]]:
    require(user, PUBLISH)
    pending = issue.articles.filter(status__in=[ArticleStatus.DRAFT, ArticleStatus.REVIEW]).order_by("position")
    return articles_transition(articles=list(pending), action="publish", user=user, publish_at=publish_at)


@transaction.atomic
def article_update(*, article: Article, user, expected_version: int, data: dict, reason: str = "编辑") -> Article:
    """Save an editor's changes, refusing them if someone saved the article in the meantime."""
    require(user, CHANGE)
    current = check_version(article.pk, expected_version)
    for field, value in data.items():
        if field not in CONTENT_FIELDS + ["position", "published_at"]:
            raise ValidationError(f"不能这样修改字段 {field}")
        setattr(current, field, value)
    save_edit(current, user, reason)
    return current


@transaction.atomic
def article_restore(*, article: Article, history_id: int, user) -> Article:
    """Make a past version the current one. The present version stays in history."""
    require(user, CHANGE)
    record = article.history.get(history_id=history_id)
    current = _locked(article.pk)
    for field in CONTENT_FIELDS:
        setattr(current, field, getattr(record, field))
    stamp = timezone.localtime(record.history_date).strftime("%Y-%m-%d %H:%M")
    save_edit(current, user, f"恢复到 {stamp} 的版本")
    return current


@transaction.atomic
def warning_resolve(*, warning: ArticleWarning, user) -> None:
    require(user, CHANGE)
    warning.resolved_at = timezone.now()
    warning.resolved_by = user
    warning.save(update_fields=["resolved_at", "resolved_by"])


@transaction.atomic
def warning_apply_name_fix(*, warning: ArticleWarning, user) -> Article:
    """The one-click fix of a suspect name: replace the misread form in this article."""
    require(user, CHANGE)
    wrong, right = warning.data.get("wrong"), warning.data.get("right")
    if warning.code != "suspect-name" or not wrong or not right:
        raise ValidationError("这条提示没有可自动应用的修正")
    current = _locked(warning.article_id)
    current.title = current.title.replace(wrong, right)
    current.subtitle = current.subtitle.replace(wrong, right)
    current.body = current.body.replace(wrong, right)
    current.captions = [c.replace(wrong, right) for c in current.captions]
    save_edit(current, user, f"人名更正：{wrong}→{right}")
    warning_resolve(warning=warning, user=user)
    return current


def _renumber(issue: Issue, ordered: list[int], user) -> None:
    for position, pk in enumerate(ordered, start=1):
        article = _locked(pk)
        if article.position != position:
            article.position = position
            save_edit(article, user, "调整版序")


@transaction.atomic
def issue_reorder(*, issue: Issue, order: list[int], user) -> None:
    require(user, CHANGE)
    existing = list(issue.articles.order_by("position", "pk").values_list("pk", flat=True))
    if sorted(existing) != sorted(order):
        raise ValidationError("排序必须包含本期全部文章")
    _renumber(issue, order, user)


def article_move(*, article: Article, offset: int, user) -> None:
    order = list(article.issue.articles.order_by("position", "pk").values_list("pk", flat=True))
    index = order.index(article.pk)
    target = min(max(index + offset, 0), len(order) - 1)
    order.insert(target, order.pop(index))
    issue_reorder(issue=article.issue, order=order, user=user)


@transaction.atomic
def article_merge(*, first: Article, second: Article, user) -> Article:
    """Append `second` (a fragment that landed apart) to `first`. Nothing is lost: `second`'s text
    moves into `first`, and `second` itself stays in history after it is removed."""
    require(user, CHANGE)
    if first.issue_id != second.issue_id or first.pk == second.pk:
        raise ValidationError("只能合并同一期的两篇不同文章")
    if second.status == ArticleStatus.PUBLISHED and not user.has_perm(PUBLISH):
        raise PermissionDenied
    target, fragment = _locked(first.pk), _locked(second.pk)
    target.body = "\n\n".join(part for part in (target.body, fragment.body) if part.strip())
    target.captions = list(target.captions) + [c for c in fragment.captions if c not in target.captions]
    if fragment.imported_text:
        target.imported_text = "\n\n".join(p for p in (target.imported_text, fragment.imported_text) if p)
    for tag in fragment.tags.names():
        target.tags.add(tag)
    ArticleWarning.objects.filter(article=fragment).update(article=target)
    save_edit(target, user, f"并入《{fragment.title}》"[:100])
    fragment._history_user = user
    fragment._change_reason = f"并入《{target.title}》"[:100]
    fragment.delete()
    remaining = list(target.issue.articles.order_by("position", "pk").values_list("pk", flat=True))
    _renumber(target.issue, remaining, user)
    return target


@transaction.atomic
def article_split(*, article: Article, at_block: int, title: str, user) -> Article:
    """Cut an article in two before block `at_block`; the second part becomes a new draft after it."""
    require(user, CHANGE)
    current = _locked(article.pk)
    blocks = bodytext.parse_body(current.body)
    if not 0 < at_block < len(blocks):
        raise ValidationError("请选择正文中间的一段作为拆分点")
    if not title.strip():
        raise ValidationError("请填写新文章的标题")
    current.body = bodytext.render_body(blocks[:at_block])
    save_edit(current, user, "拆分：前半部分")
    created = Article(issue=current.issue, position=current.position + 1, title=title.strip()[:300],
                      body=bodytext.render_body(blocks[at_block:]), status=ArticleStatus.DRAFT,
                      last_editor=user, column=current.column)
    created._history_user = user
    created._change_reason = f"拆分自《{current.title}》"[:100]
    created.save()
    order = list(current.issue.articles.exclude(pk=created.pk).order_by("position", "pk").values_list("pk", flat=True))
    order.insert(order.index(current.pk) + 1, created.pk)
    _renumber(current.issue, order, user)
    return created


@transaction.atomic
def articles_add_tag(*, articles, name: str, user) -> int:
    require(user, CHANGE)
    name = name.strip()
    if not name:
        raise ValidationError("请填写标签")
    for article in articles:
        article.tags.add(name)
    return len(articles)
