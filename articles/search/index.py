"""Keeping the search index in step with the published articles.

The index holds published articles only and follows every publish, edit, withdrawal and delete
(see articles/signals.py). How each database indexes the texts is its backend's business
(backends/).
"""

from __future__ import annotations

from django.db import transaction

from ..models import Article, ArticleStatus, SearchEntry
from .backends import backend
from .tokens import indexed_text


def _indexable(article: Article) -> bool:
    return article.status == ArticleStatus.PUBLISHED


def index_articles(articles, *, new: bool = False) -> None:
    """Bring the index in line with these articles: published ones in, all others out.

    `new`: the articles were created in this transaction, so none of them is in the index yet."""
    articles = list(articles)
    if not articles:
        return
    engine = backend()
    # No savepoint of its own: a failure here fails the caller's whole write, as it should.
    with transaction.atomic(savepoint=False):
        old = {} if new else dict(
            SearchEntry.objects.filter(pk__in=[a.pk for a in articles]).values_list("pk", "text"))
        keep = [a for a in articles if _indexable(a)]
        drop = [a.pk for a in articles if not _indexable(a) and a.pk in old]
        fresh = {a.pk: indexed_text(a.title, a.subtitle, a.body) for a in keep}
        changed = {pk: text for pk, text in fresh.items() if old.get(pk) != text}
        engine.retract({pk: old[pk] for pk in list(changed) + drop if pk in old})
        SearchEntry.objects.filter(pk__in=drop).delete()
        engine.store(changed)


def unindex_article(article_id: int) -> None:
    """Before an article is deleted: take it out of the index."""
    old = SearchEntry.objects.filter(pk=article_id).values_list("text", flat=True).first()
    if old is not None:
        backend().retract({article_id: old})
        SearchEntry.objects.filter(pk=article_id).delete()


def index_in_step() -> bool:
    """Does the index hold exactly the articles SearchEntry holds? (A flush of the model tables
    leaves SQLite's FTS table full.)"""
    return backend().in_step()


def rebuild_index(*, batch: int = 2000) -> int:
    """Index every published article from scratch (after a restore or a bulk load)."""
    with transaction.atomic():
        backend().clear()
    count = 0
    ids = list(Article.objects.filter(status=ArticleStatus.PUBLISHED).values_list("pk", flat=True))
    for start in range(0, len(ids), batch):
        chunk = list(Article.objects.filter(pk__in=ids[start:start + batch]).only("title", "subtitle", "body", "status"))
        index_articles(chunk, new=True)
        count += len(chunk)
    refresh_statistics()
    return count


def refresh_statistics() -> None:
    """Let the query planner know the tables' sizes after a bulk change (a search must start from
    the index, not from every published article)."""
    backend().refresh_statistics()
