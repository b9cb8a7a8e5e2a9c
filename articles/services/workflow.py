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
from . import operations
from .editing import (
    CHANGE,
    CONTENT_FIELDS,
    PUBLISH,
    EditConflict,
    article_history,
    commit_content,
    goes_to_review,
    locked,
    require,
    require_article,
    save_edit,
    working_copy,
    working_tags,
)

_locked = locked
# Warnings a publisher may not wave through: the public text would carry the misread.
MUST_RESOLVE = {"suspect-name"}


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


def allowed_actions(article: Article, user) -> list[Action]:
    return [a for a in ACTIONS.values() if _applies(a, article) and user.has_perm(a.permission)]


def _applies(action: Action, article: Article) -> bool:
    if article.status not in action.sources:
        return False
    if action.name == "unschedule":
        return article.is_scheduled
    return True


def check_version(article_pk: int, expected_version: int) -> Article:
    """Lock the article and refuse if it changed since the editor loaded `expected_version`."""
    current = _locked(article_pk)
    if current.version != expected_version:
        raise EditConflict(current)
    return current


def open_warnings(article: Article) -> list[ArticleWarning]:
    return list(article.import_warnings.filter(resolved_at__isnull=True))


def publish_blockers(article: Article) -> list[str]:
    """Why this article may not be published yet (empty when it may)."""
    return [w.message for w in open_warnings(article)]


@transaction.atomic
def article_transition(*, article: Article, action: str, user, comment: str = "",
                       publish_at: dt.datetime | None = None) -> ArticleTransition:
    done, refused = _transitions([article], action, user, comment=comment, publish_at=publish_at)
    if refused:
        raise refused[0][1]
    return done[0]


def articles_transition(*, articles, action: str, user, comment: str = "", publish_at=None,
                        new: bool = False) -> tuple[int, list[str]]:
    """The same transition for many articles; those held back are named with the reason.

    `new`: the articles were written in this transaction by the caller (an import publishing
    what it just wrote), so its copies are what the rows hold, no other transaction can see
    them, none is in the index yet, and their related-article lists are left to the task worker
    (or to each article's first reading, if the worker has not got to it)."""
    done, refused = _transitions(list(articles), action, user, comment=comment, publish_at=publish_at, new=new)
    skipped = []
    for article, exc in refused:
        reason = "；".join(exc.messages) if isinstance(exc, ValidationError) else "不在你负责的报纸"
        skipped.append(reason if reason.startswith(f"《{article.title}》") else f"《{article.title}》：{reason}")
    return len(done), skipped


def locked_many(pks: list[int]) -> dict[int, Article]:
    """The articles, locked together, by pk: what each is now, whatever the caller's copy says."""
    return {a.pk: a for a in Article.objects.select_for_update(of=("self",)).select_related("last_editor")
            .filter(pk__in=pks).order_by()}


# What a transition writes on the article itself.
_TRANSITION_FIELDS = ["status", "published_at", "version", "last_editor", "updated_at"]


@transaction.atomic
def _transitions(articles: list[Article], action: str, user, *, comment: str = "", publish_at=None,
                 new: bool = False) -> tuple[list[ArticleTransition], list[tuple[Article, Exception]]]:
    """Check and make one transition for each of `articles`, in a handful of queries whatever
    their number: the rows locked together, each article checked on its own (permission, paper,
    state, open warnings), those that pass saved with one history record each, and what the
    article's save signal keeps in step (content version, index, related lists) done once."""
    refused: list[tuple[Article, Exception]] = []
    chosen = ACTIONS.get(action)
    if chosen is None:
        return [], [(a, ValidationError(f"未知操作：{action}")) for a in articles]
    try:
        require(user, chosen.permission)
    except PermissionDenied as exc:
        return [], [(a, exc) for a in articles]
    from .desks import may_work_on

    if new:
        rows = {a.pk: a for a in articles}
        papers = {a.issue_id: a.issue.publication_id for a in articles}
    else:
        rows = locked_many([a.pk for a in articles])
        papers = dict(Issue.objects.filter(pk__in={a.issue_id for a in rows.values()})
                      .values_list("pk", "publication_id"))
    allowed: dict[int, bool] = {}
    blockers: dict[int, list[str]] = {}
    if chosen.target == ArticleStatus.PUBLISHED:
        for warning in ArticleWarning.objects.filter(article_id__in=list(rows), resolved_at__isnull=True):
            blockers.setdefault(warning.article_id, []).append(warning.message)
    passed: list[tuple[Article, Article, str]] = []
    saved_at = timezone.now()
    for article in articles:
        current = rows.get(article.pk)
        if current is None:
            raise Article.DoesNotExist(f"Article {article.pk} does not exist.")
        paper = papers[current.issue_id]
        if paper not in allowed:
            allowed[paper] = may_work_on(user, paper)
        if not allowed[paper]:
            refused.append((article, PermissionDenied()))
            continue
        if not _applies(chosen, current):
            refused.append((article, ValidationError(
                f"“{current.title}”现在是{current.get_status_display()}，不能{chosen.label}")))
            continue
        held = blockers.get(current.pk)
        if held:
            refused.append((article, ValidationError(
                f"《{current.title}》还有 {len(held)} 条未处理的提示：{'；'.join(held)}", code="open-warnings")))
            continue
        previous = current.status
        current.status = chosen.target
        if chosen.target == ArticleStatus.PUBLISHED:
            current.published_at = publish_at or saved_at
        elif chosen.name == "unschedule":
            current.published_at = None
        label = chosen.label
        if chosen.target == ArticleStatus.PUBLISHED and current.published_at > timezone.now():
            label = "定时发布"
        passed.append((article, current, previous))
        # As save_edit does, in bulk: version up, editor and reason in the history record.
        current.version += 1
        current.last_editor = user if getattr(user, "pk", None) else None
        current._history_user = current.last_editor
        current._change_reason = label[:100]
        current.updated_at = saved_at
    if not passed:
        return [], refused
    changed = [current for _, current, _ in passed]
    _update_in_groups(changed)
    # One history record per article, as each article's save would leave (no other field changed).
    article_history().bulk_history_create(changed, update=True, default_change_reason="")
    _after_articles_saved(changed, new=new)
    for article, current, _ in passed:
        if article is not current:
            for field in _TRANSITION_FIELDS:
                setattr(article, field, getattr(current, field))
    transitions = ArticleTransition.objects.bulk_create([
        ArticleTransition(article=current, from_status=previous, to_status=chosen.target, comment=comment,
                          publish_at=current.published_at if chosen.target == ArticleStatus.PUBLISHED else None,
                          user=user if getattr(user, "pk", None) else None)
        for _, current, previous in passed
    ])
    return transitions, refused


def _update_in_groups(articles: list[Article]) -> None:
    """Write the transition's fields: one UPDATE per set of equal values (an issue published at
    once is one), where bulk_update would build a CASE over every row for every field."""
    groups: dict[tuple, list[int]] = {}
    for article in articles:
        values = tuple(getattr(article, Article._meta.get_field(f).attname) for f in _TRANSITION_FIELDS)
        groups.setdefault(values, []).append(article.pk)
    attnames = [Article._meta.get_field(f).attname for f in _TRANSITION_FIELDS]
    for values, pks in groups.items():
        Article.objects.filter(pk__in=pks).update(**dict(zip(attnames, values, strict=True)))


def _after_articles_saved(articles: list[Article], *, new: bool) -> None:
    """What articles/signals.py does after an article's save, once for a bulk update (which
    sends no signals)."""
    from ..caching import bump_content_version
    from ..models import SearchEntry
    from ..search import index_articles
    from .related import refresh_related

    hidden = [a.pk for a in articles if a.status != ArticleStatus.PUBLISHED]
    listed = set(SearchEntry.objects.filter(pk__in=hidden).values_list("pk", flat=True)) if hidden else set()
    visible = [a for a in articles if a.status == ArticleStatus.PUBLISHED or a.pk in listed]
    if visible:
        bump_content_version()
    index_articles(articles, new=new)
    if visible and not new:
        refresh_related(articles=visible)
    elif visible:
        # An import publishing what it just wrote: the lists of its articles, and of the older
        # ones they now belong in, are worked out by the task worker once the import commits,
        # so the import does not wait for them.
        from ..tasks import relate_published

        ids = [a.pk for a in visible]
        transaction.on_commit(lambda: relate_published.enqueue(article_ids=ids))


def issue_publish(*, issue: Issue, user, publish_at=None) -> tuple[int, list[str]]:
    require(user, PUBLISH)
    from .desks import require_paper

    require_paper(user, issue.publication)
    pending = issue.articles.filter(status__in=[ArticleStatus.DRAFT, ArticleStatus.REVIEW]).order_by("position")
    return articles_transition(articles=list(pending), action="publish", user=user, publish_at=publish_at)


@transaction.atomic
def article_update(*, article: Article, user, expected_version: int, data: dict, reason: str = "编辑") -> str:
    """Save an editor's changes, refusing them if someone saved the article in the meantime.
    Returns "live" or "review" (the change waits in the article's open revision)."""
    require(user, CHANGE)
    check_version(article.pk, expected_version)
    current = working_copy(article.pk, user)
    require_article(user, current)
    tags = data.pop("tags", None) if "tags" in data else None
    position = data.pop("position", None)
    for field, value in data.items():
        if field not in CONTENT_FIELDS:
            raise ValidationError(f"不能这样修改字段 {field}")
        setattr(current, field, value)
    outcome = commit_content(current, user, reason, tags=tags)
    if position is not None and position != current.position:
        current = _locked(article.pk)
        current.position = position
        save_edit(current, user, "调整版序")
    return outcome


@transaction.atomic
def article_restore(*, article: Article, history_id: int, user) -> Article:
    """Make a past version the current one (through review when the article is live). The present
    version stays in history, and the restore can be undone."""
    require(user, CHANGE)
    record = article.history.get(history_id=history_id)
    current = working_copy(article.pk, user)
    require_article(user, current)
    stamp = timezone.localtime(record.history_date).strftime("%Y-%m-%d %H:%M")
    op = operations.begin(kind="restore", label=f"《{current.title}》恢复到 {stamp} 的版本", issue=current.issue,
                          user=user, pks=[current.pk])
    for field in CONTENT_FIELDS:
        setattr(current, field, getattr(record, field))
    commit_content(current, user, f"恢复到 {stamp} 的版本")
    return _with_operation(current.pk, operations.finish(op))


def _with_operation(pk: int, op) -> Article:
    """The article as it now is, with the operation that can undo what was just done."""
    article = Article.objects.get(pk=pk)
    article.operation = op
    return article


def _warning_text(article: Article) -> str:
    return "\n".join([article.title, article.subtitle, article.kicker, article.body, *article.captions])


@transaction.atomic
def warning_resolve(*, warning: ArticleWarning, user) -> None:
    """The editor handled what the warning says. A misread name counts as handled only once the
    misread form is gone from the text."""
    require(user, CHANGE)
    current = working_copy(warning.article_id, user)
    require_article(user, current)
    wrong = warning.data.get("wrong")
    if warning.code in MUST_RESOLVE and wrong and wrong in _warning_text(current):
        raise ValidationError(f"文中仍有“{wrong}”：请先改正（可用“改为“{warning.data.get('right')}””）再标记已处理")
    _close(warning, user)


def _close(warning: ArticleWarning, user, reason: str = "") -> None:
    warning.resolved_at = timezone.now()
    warning.resolved_by = user
    warning.dismiss_reason = reason
    warning.save(update_fields=["resolved_at", "resolved_by", "dismiss_reason"])


@transaction.atomic
def warning_dismiss(*, warning: ArticleWarning, user, reason: str) -> None:
    """The publisher decides the text stays as it is, and says why."""
    require(user, PUBLISH)
    require_article(user, warning.article, PUBLISH)
    if warning.code in MUST_RESOLVE:
        raise ValidationError("疑似错认的人名必须改正，不能忽略")
    if not reason.strip():
        raise ValidationError("请写明不予修改的理由")
    _close(warning, user, reason.strip())


@transaction.atomic
def warning_apply_name_fix(*, warning: ArticleWarning, user) -> str:
    """The one-click fix of a suspect name: replace the misread form in this article."""
    require(user, CHANGE)
    wrong, right = warning.data.get("wrong"), warning.data.get("right")
    if warning.code != "suspect-name" or not wrong or not right:
        raise ValidationError("这条提示没有可自动应用的修正")
    current = working_copy(warning.article_id, user)
    require_article(user, current)
    current.title = current.title.replace(wrong, right)
    current.subtitle = current.subtitle.replace(wrong, right)
    current.body = current.body.replace(wrong, right)
    current.captions = [c.replace(wrong, right) for c in current.captions]
    outcome = commit_content(current, user, f"人名更正：{wrong}→{right}")
    _close(warning, user)
    return outcome


def _in_print(issue: Issue):
    return issue.articles.exclude(status=ArticleStatus.MERGED).order_by("position", "pk")


def _renumber(issue: Issue, ordered: list[int], user) -> None:
    for position, pk in enumerate(ordered, start=1):
        article = _locked(pk)
        if article.position != position:
            article.position = position
            save_edit(article, user, "调整版序")


@transaction.atomic
def issue_reorder(*, issue: Issue, order: list[int], user) -> None:
    require(user, CHANGE)
    from .desks import require_paper

    require_paper(user, issue.publication)
    existing = list(_in_print(issue).values_list("pk", flat=True))
    if sorted(existing) != sorted(order):
        raise ValidationError("排序必须包含本期全部文章")
    _renumber(issue, order, user)


def article_move(*, article: Article, offset: int, user) -> None:
    order = list(_in_print(article.issue).values_list("pk", flat=True))
    index = order.index(article.pk)
    target = min(max(index + offset, 0), len(order) - 1)
    order.insert(target, order.pop(index))
    issue_reorder(issue=article.issue, order=order, user=user)


def merge_preview(*, first: Article, second: Article, user) -> dict:
    """What a merge would make of `first`: its text after, for the confirmation page."""
    _check_merge(first, second, user)
    target = Article.objects.get(pk=first.pk)
    if goes_to_review(target, user):
        target = working_copy(first.pk, user)
    body, captions = _merged_text(target, second)
    return {"body_before": target.body, "body_after": body, "captions_after": captions,
            "review": goes_to_review(target, user)}


def _merged_text(target: Article, fragment: Article) -> tuple[str, list[str]]:
    body = "\n\n".join(part for part in (target.body, fragment.body) if part.strip())
    captions = list(target.captions) + [c for c in fragment.captions if c not in target.captions]
    return body, captions


def _check_merge(first: Article, second: Article, user) -> None:
    require(user, CHANGE)
    require_article(user, first)
    require_article(user, second)
    if first.issue_id != second.issue_id or first.pk == second.pk:
        raise ValidationError("只能合并同一期的两篇不同文章")
    if ArticleStatus.MERGED in (first.status, second.status):
        raise ValidationError("这篇文章已经并入别的文章")
    if second.status == ArticleStatus.PUBLISHED and not user.has_perm(PUBLISH):
        raise PermissionDenied("已发布的文章只有主编可以并入别的文章")


@transaction.atomic
def article_merge(*, first: Article, second: Article, user) -> Article:
    """Append `second` (a fragment that landed apart) to `first`. Nothing is lost: `second` stays,
    marked as merged, and the whole merge can be undone exactly."""
    first, second = _locked(first.pk), _locked(second.pk)
    _check_merge(first, second, user)
    op = operations.begin(kind="merge", label=f"把《{second.title}》并入《{first.title}》", issue=first.issue,
                          user=user, pks=[first.pk, second.pk])
    target, fragment = working_copy(first.pk, user), _locked(second.pk)
    target.body, target.captions = _merged_text(target, fragment)
    tags = sorted(set(working_tags(target)) | set(fragment.tags.names()))
    if fragment.imported_text and not goes_to_review(target, user):
        target.imported_text = "\n\n".join(p for p in (target.imported_text, fragment.imported_text) if p)
    ArticleWarning.objects.filter(article=fragment, resolved_at__isnull=True).update(article=target)
    commit_content(target, user, f"并入《{fragment.title}》"[:100], tags=tags)
    fragment.status = ArticleStatus.MERGED
    save_edit(fragment, user, f"并入《{target.title}》"[:100])
    remaining = list(_in_print(target.issue).values_list("pk", flat=True))
    _renumber(target.issue, remaining, user)
    return _with_operation(target.pk, operations.finish(op))


def split_preview(*, article: Article, at_block: int, user) -> tuple[list, list]:
    current = working_copy(article.pk, user) if goes_to_review(article, user) else article
    blocks = bodytext.parse_body(current.body)
    return blocks[:at_block], blocks[at_block:]


@transaction.atomic
def article_split(*, article: Article, at_block: int, title: str, user) -> Article:
    """Cut an article in two before block `at_block`; the second part becomes a new draft after it.
    The split is an operation that can be undone."""
    require(user, CHANGE)
    current = working_copy(article.pk, user)
    require_article(user, current)
    blocks = bodytext.parse_body(current.body)
    if not 0 < at_block < len(blocks):
        raise ValidationError("请选择正文中间的一段作为拆分点")
    if not title.strip():
        raise ValidationError("请填写新文章的标题")
    op = operations.begin(kind="split", label=f"从《{current.title}》拆分出《{title.strip()}》", issue=current.issue,
                          user=user, pks=list(_in_print(current.issue).values_list("pk", flat=True)))
    current.body = bodytext.render_body(blocks[:at_block])
    commit_content(current, user, "拆分：前半部分")
    current = _locked(article.pk)
    created = Article(issue=current.issue, position=current.position + 1, title=title.strip()[:300],
                      body=bodytext.render_body(blocks[at_block:]), status=ArticleStatus.DRAFT,
                      last_editor=user, column=current.column)
    created._history_user = user
    created._change_reason = f"拆分自《{current.title}》"[:100]
    created.save()
    order = list(_in_print(current.issue).exclude(pk=created.pk).values_list("pk", flat=True))
    order.insert(order.index(current.pk) + 1, created.pk)
    _renumber(current.issue, order, user)
    return _with_operation(created.pk, operations.finish(op, created=[created]))


@transaction.atomic
def article_tags(*, article: Article, user, add=(), remove=()) -> list[str]:
    """Add or remove tags of one article (through review when it is live); the tags as now edited."""
    require(user, CHANGE)
    current = working_copy(article.pk, user)
    require_article(user, current)
    tags = (set(working_tags(current)) | {t.strip() for t in add if t.strip()}) - set(remove)
    commit_content(current, user, "修改标签", tags=sorted(tags))
    return sorted(tags) if goes_to_review(current, user) else sorted(current.tags.names())


@transaction.atomic
def articles_add_tag(*, articles, name: str, user) -> int:
    require(user, CHANGE)
    name = name.strip()
    if not name:
        raise ValidationError("请填写标签")
    for article in articles:
        article_tags(article=article, user=user, add=[name])
    return len(articles)
