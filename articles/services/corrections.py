"""Archive-wide corrections: find a string everywhere, replace it where the chief editor chooses.

Every changed article is saved through the workflow (so history keeps the version before),
and each replaced occurrence is recorded by position, so the correction can be undone exactly,
even after other edits to the same articles.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ..models import Article, ArticleStatus, Correction, CorrectionHit
from . import desks
from .editing import commit_content, require, require_article, working_copy

PERMISSION = "articles.correct_archive"
CONTEXT = 18
MAX_HITS = 2000
FIELD = re.compile(r"title|subtitle|body|caption:[0-9]{1,4}")


@dataclass(frozen=True)
class Hit:
    article_id: int
    field: str  # title, subtitle, body or caption:N
    offset: int
    before: str
    match: str
    after: str
    title: str = ""
    status: str = ""

    @property
    def field_label(self) -> str:
        if self.field.startswith("caption:"):
            return f"图片说明{int(self.field.split(':')[1]) + 1}"
        return {"title": "标题", "subtitle": "副题", "body": "正文"}[self.field]

    @property
    def key(self) -> str:
        return f"{self.article_id}|{self.field}|{self.offset}"


def _fields(article: Article) -> list[tuple[str, str]]:
    fields = [("title", article.title), ("subtitle", article.subtitle), ("body", article.body)]
    fields += [(f"caption:{i}", text) for i, text in enumerate(article.captions or [])]
    return fields


def _get(article: Article, field: str) -> str:
    if field.startswith("caption:"):
        return article.captions[int(field.split(":")[1])]
    return getattr(article, field)


def _set(article: Article, field: str, value: str) -> None:
    if field.startswith("caption:"):
        captions = list(article.captions)
        captions[int(field.split(":")[1])] = value
        article.captions = captions
    else:
        setattr(article, field, value)


def correction_find(*, find: str, user=None) -> list[Hit]:
    """Every occurrence of `find` in any article of the user's papers, in any state, with its context."""
    if not find or "\x00" in find:
        return []  # no article holds a NUL character (forms refuse it; PostgreSQL cannot store it)
    articles = Article.objects.exclude(status=ArticleStatus.MERGED)
    if user is not None:
        articles = desks.articles_for(user, articles)
    candidates = (articles.filter(Q(title__contains=find) | Q(subtitle__contains=find)
                                         | Q(body__contains=find) | Q(captions__icontains=find))
                  .select_related("issue").order_by("-issue_date", "position")[:MAX_HITS])
    hits = []
    for article in candidates:
        for field, text in _fields(article):
            start = text.find(find)
            while start != -1:
                hits.append(Hit(article.pk, field, start, text[max(0, start - CONTEXT):start], find,
                                text[start + len(find):start + len(find) + CONTEXT], article.title,
                                article.get_status_display()))
                start = text.find(find, start + len(find))
    return hits


def parse_key(key: str) -> tuple[int, str, int]:
    """A hit's key back into (article id, field, offset); anything else a form sends is refused."""
    try:
        article_id, field, offset = key.split("|")
        article_id, offset = int(article_id), int(offset)
    except ValueError as exc:
        raise ValidationError(f"无效的选择：{key}") from exc
    if not FIELD.fullmatch(field) or offset < 0 or not 0 < article_id < 2**63:
        raise ValidationError(f"无效的选择：{key}")
    return article_id, field, offset


@transaction.atomic
def correction_apply(*, find: str, replace: str, keys: list[str], user) -> Correction:
    """Replace `find` by `replace` at the chosen hits (keys from correction_find)."""
    require(user, PERMISSION)
    if not find or find == replace:
        raise ValidationError("请填写要查找的文字和不同的替换文字")
    if "\x00" in find + replace:
        raise ValidationError("查找和替换的文字不能含有空字符（\\x00）")
    chosen: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for key in keys:
        article_id, field, offset = parse_key(key)
        chosen[article_id][field].append(offset)
    if not chosen:
        raise ValidationError("请至少选择一处要替换的地方")
    correction = Correction.objects.create(find=find, replace=replace, user=user)
    delta = len(replace) - len(find)
    rows = []
    for article_id, fields in chosen.items():
        try:
            article = working_copy(article_id, user)
        except Article.DoesNotExist as exc:
            raise ValidationError("所选的文章已不存在，请重新查找后再替换") from exc
        require_article(user, article, PERMISSION)
        for field, offsets in fields.items():
            try:
                text = _get(article, field)
            except IndexError as exc:  # a caption removed since the search
                raise ValidationError(f"《{article.title}》已被修改，请重新查找后再替换") from exc
            offsets = sorted(set(offsets))
            for offset in offsets:
                if text[offset:offset + len(find)] != find:
                    raise ValidationError(f"《{article.title}》已被修改，请重新查找后再替换")
            for offset in reversed(offsets):
                text = text[:offset] + replace + text[offset + len(find):]
            _set(article, field, text)
            for k, offset in enumerate(offsets):
                final = offset + k * delta
                rows.append(CorrectionHit(correction=correction, article=article, field=field, offset=final,
                                          context=text[max(0, final - CONTEXT):final + len(replace) + CONTEXT][:120]))
        commit_content(article, user, f"全档案更正：{find}→{replace}"[:100])
    CorrectionHit.objects.bulk_create(rows)
    return correction


@transaction.atomic
def correction_undo(*, correction: Correction, user) -> tuple[int, int]:
    """Put back what the correction replaced; returns (undone, no longer there)."""
    require(user, PERMISSION)
    if correction.undone_at:
        raise ValidationError("这次更正已经撤销过了")
    find, replace = correction.find, correction.replace
    by_article: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for hit in correction.hits.all():
        by_article[hit.article_id][hit.field].append(hit.offset)
    undone = missing = 0
    for article_id, fields in by_article.items():
        try:
            article = working_copy(article_id, user)
        except Article.DoesNotExist:
            missing += sum(len(v) for v in fields.values())
            continue
        require_article(user, article, PERMISSION)
        changed = False
        for field, offsets in fields.items():
            try:
                text = _get(article, field)
            except (IndexError, AttributeError):
                missing += len(offsets)
                continue
            for offset in sorted(offsets, reverse=True):
                if text[offset:offset + len(replace)] == replace:
                    text = text[:offset] + find + text[offset + len(replace):]
                    undone += 1
                    changed = True
                else:
                    missing += 1
            _set(article, field, text)
        if changed:
            commit_content(article, user, f"撤销更正：{replace}→{find}"[:100])
    correction.undone_at = timezone.now()
    correction.undone_by = user
    correction.save(update_fields=["undone_at", "undone_by"])
    return undone, missing
