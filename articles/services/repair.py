"""Repairing a bad split on the issue desk: any line becomes a headline, leftover text and
paragraphs and captions move to where they belong, several cuts at once.

Each is one operation (services/operations.py): recorded with the state before and after, and
undone exactly; a live article's part of it goes through review like any other change.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from .. import bodytext
from ..importer.model import Block
from ..models import Article, ArticleStatus, Issue
from . import operations
from .editing import commit_content, locked, require_article, working_copy
from .workflow import _in_print, _renumber


@dataclass(frozen=True)
class Cut:
    """A new article from block `at` on. Its headline: `title`, or the caption `caption` of the
    article (taken out of its captions), or else the block at `at` itself (taken out of the body)."""

    at: int
    title: str = ""
    caption: int | None = None


def _issue_pks(issue: Issue) -> list[int]:
    return list(_in_print(issue).values_list("pk", flat=True))


@transaction.atomic
def article_cuts(*, article: Article, cuts: list[Cut], user) -> operations.DeskOperation:
    """Cut an article into several in one go."""
    current = working_copy(article.pk, user)
    require_article(user, current)
    blocks = bodytext.parse_body(current.body)
    cuts = sorted(cuts, key=lambda c: c.at)
    if not cuts or any(not 0 <= c.at < len(blocks) for c in cuts) or len({c.at for c in cuts}) != len(cuts):
        raise ValidationError("请选择正文中不同的段落作为拆分点")
    captions = list(current.captions)
    for cut in cuts:
        if cut.caption is not None and not 0 <= cut.caption < len(captions):
            raise ValidationError("没有这条图片说明")
    op = operations.begin(kind="cuts", label=f"把《{current.title}》拆成 {len(cuts) + 1} 篇", issue=current.issue,
                          user=user, pks=_issue_pks(current.issue))
    bounds = [c.at for c in cuts] + [len(blocks)]
    pieces = []
    for cut, end in zip(cuts, bounds[1:], strict=True):
        part = blocks[cut.at:end]
        title = cut.title.strip()
        if not title and cut.caption is not None:
            title = captions[cut.caption]
        elif not title:
            title, part = part[0].text, part[1:]
        pieces.append((title, part))
    taken = {c.caption for c in cuts if c.caption is not None and not c.title.strip()}
    current.body = bodytext.render_body(blocks[:cuts[0].at])
    current.captions = [c for i, c in enumerate(captions) if i not in taken]
    if not current.body.strip() and cuts[0].at == 0:
        raise ValidationError("原文章不能被拆空：请从第二段起拆分")
    commit_content(current, user, "拆分：保留开头部分")
    current = locked(article.pk)
    created = []
    for title, part in pieces:
        piece = Article(issue=current.issue, position=current.position + 1, title=title[:300],
                        body=bodytext.render_body(part), status=ArticleStatus.DRAFT, last_editor=user,
                        column=current.column)
        piece._history_user = user
        piece._change_reason = f"拆分自《{current.title}》"[:100]
        piece.save()
        created.append(piece)
    order = [pk for pk in _issue_pks(current.issue) if pk not in {p.pk for p in created}]
    index = order.index(current.pk) + 1
    order[index:index] = [p.pk for p in created]
    _renumber(current.issue, order, user)
    return operations.finish(op, created=created)


@transaction.atomic
def block_move(*, source: Article, target: Article, user, block: int | None = None, caption: int | None = None,
               position: int | None = None) -> operations.DeskOperation:
    """Move a paragraph (or a caption) of one article into another, at `position` (a block index
    of the target; at the end when None)."""
    if source.issue_id != target.issue_id or source.pk == target.pk:
        raise ValidationError("只能在同一期的两篇文章之间移动")
    if (block is None) == (caption is None):
        raise ValidationError("请选择一段正文或一条图片说明")
    moving_from, moving_to = working_copy(source.pk, user), working_copy(target.pk, user)
    require_article(user, moving_from)
    require_article(user, moving_to)
    op = operations.begin(kind="move", label=f"从《{moving_from.title}》移到《{moving_to.title}》",
                          issue=moving_from.issue, user=user, pks=[source.pk, target.pk])
    if caption is not None:
        captions = list(moving_from.captions)
        if not 0 <= caption < len(captions):
            raise ValidationError("没有这条图片说明")
        text = captions.pop(caption)
        moving_from.captions = captions
        moving_to.captions = [*moving_to.captions, text]
    else:
        blocks = bodytext.parse_body(moving_from.body)
        if not 0 <= block < len(blocks):
            raise ValidationError("没有这一段")
        moved = blocks.pop(block)
        moving_from.body = bodytext.render_body(blocks)
        _insert(moving_to, moved, position)
    commit_content(moving_from, user, f"移出到《{moving_to.title}》"[:100])
    commit_content(moving_to, user, f"移入自《{moving_from.title}》"[:100])
    return operations.finish(op)


@transaction.atomic
def leftover_attach(*, issue: Issue, index: int, target: Article, user,
                    position: int | None = None) -> operations.DeskOperation:
    """Attach a piece of the issue's unattributed text to an article at a chosen place."""
    issue = Issue.objects.select_for_update().get(pk=issue.pk)
    if target.issue_id != issue.pk:
        raise ValidationError("只能并入本期的文章")
    leftovers = list(issue.leftovers)
    if not 0 <= index < len(leftovers):
        raise ValidationError("没有这段未归属文字")
    current = working_copy(target.pk, user)
    require_article(user, current)
    op = operations.begin(kind="leftover", label=f"把未归属文字并入《{current.title}》", issue=issue, user=user,
                          pks=[target.pk])
    text = leftovers.pop(index)
    text = text if isinstance(text, str) else str(text.get("text", ""))
    _insert(current, Block("paragraph", text.strip()), position)
    commit_content(current, user, "并入未归属文字")
    Issue.objects.filter(pk=issue.pk).update(leftovers=leftovers)
    return operations.finish(op)


def _insert(article: Article, block: Block, position: int | None) -> None:
    blocks = bodytext.parse_body(article.body)
    at = len(blocks) if position is None else min(max(position, 0), len(blocks))
    blocks.insert(at, block)
    article.body = bodytext.render_body(blocks)
