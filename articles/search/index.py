"""Keeping the search index in step with the published articles.

SQLite keeps the bigram tokens in an FTS5 table (with positions); PostgreSQL in a tsvector column
of the index table under a GIN index. The index holds published articles only and follows every
publish, edit, withdrawal and delete (see articles/signals.py).
"""

from __future__ import annotations

from django.db import connection, transaction

from ..models import Article, ArticleStatus, SearchEntry
from .tokens import document_tokens, indexed_text

FTS_TABLE = "articles_search_fts"
# PostgreSQL's token set has no positions, so it holds every run of up to four characters: a term
# of up to four (most names and words) is then found exactly from the index alone. SQLite's FTS5
# matches the bigrams of any term as a phrase, which is exact already.
POSTGRES_LONGEST = 4


def _indexable(article: Article) -> bool:
    return article.status == ArticleStatus.PUBLISHED


def index_articles(articles, *, new: bool = False) -> None:
    """Bring the index in line with these articles: published ones in, all others out.

    `new`: the articles were created in this transaction, so none of them is in the index yet."""
    articles = list(articles)
    if not articles:
        return
    # No savepoint of its own: a failure here fails the caller's whole write, as it should.
    with transaction.atomic(savepoint=False):
        old = {} if new else dict(
            SearchEntry.objects.filter(pk__in=[a.pk for a in articles]).values_list("pk", "text"))
        keep = [a for a in articles if _indexable(a)]
        drop = [a.pk for a in articles if not _indexable(a) and a.pk in old]
        fresh = {a.pk: indexed_text(a.title, a.subtitle, a.body) for a in keep}
        changed = {pk: text for pk, text in fresh.items() if old.get(pk) != text}
        if connection.vendor == "sqlite":
            _retract_fts({pk: old[pk] for pk in list(changed) + drop if pk in old})
        SearchEntry.objects.filter(pk__in=drop).delete()
        _store(changed)


def unindex_article(article_id: int) -> None:
    """Before an article is deleted: take it out of the index."""
    old = SearchEntry.objects.filter(pk=article_id).values_list("text", flat=True).first()
    if old is not None:
        if connection.vendor == "sqlite":
            _retract_fts({article_id: old})
        SearchEntry.objects.filter(pk=article_id).delete()


def _retract_fts(old: dict[int, str]) -> None:
    """A contentless FTS5 table forgets a row only when told the tokens it was given."""
    if old:
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, tokens) VALUES ('delete', %s, %s)",
                [(pk, " ".join(document_tokens(text))) for pk, text in old.items()],
            )


def _store(texts: dict[int, str]) -> None:
    if not texts:
        return
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.executemany(
                "INSERT INTO articles_searchentry (article_id, text) VALUES (%s, %s) "
                "ON CONFLICT (article_id) DO UPDATE SET text = EXCLUDED.text",
                list(texts.items()),
            )
            cursor.executemany(f"INSERT INTO {FTS_TABLE}(rowid, tokens) VALUES (%s, %s)",
                               [(pk, " ".join(document_tokens(text))) for pk, text in texts.items()])
        else:
            # Text and tokens in one write: a row written twice would leave a dead copy behind.
            cursor.executemany(
                "INSERT INTO articles_searchentry (article_id, text, tokens) "
                "VALUES (%s, %s, array_to_tsvector(%s::text[])) "
                "ON CONFLICT (article_id) DO UPDATE SET text = EXCLUDED.text, tokens = EXCLUDED.tokens",
                [(pk, text, sorted(set(document_tokens(text, longest=POSTGRES_LONGEST)))) for pk, text in texts.items()],
            )


def index_in_step() -> bool:
    """Does SQLite's FTS table hold exactly the articles SearchEntry holds? (Always on PostgreSQL,
    where the tokens are a column of SearchEntry.)"""
    if connection.vendor != "sqlite":
        return True
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {FTS_TABLE}")
        return cursor.fetchone()[0] == SearchEntry.objects.count()


def rebuild_index(*, batch: int = 2000) -> int:
    """Index every published article from scratch (after a restore or a bulk load)."""
    with transaction.atomic():
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                # A contentless FTS5 table is emptied by its own command; DELETE is refused.
                cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('delete-all')")
        SearchEntry.objects.all().delete()
    count = 0
    ids = list(Article.objects.filter(status=ArticleStatus.PUBLISHED).values_list("pk", flat=True))
    for start in range(0, len(ids), batch):
        chunk = list(Article.objects.filter(pk__in=ids[start:start + batch]).only("title", "subtitle", "body", "status"))
        index_articles(chunk)
        count += len(chunk)
    refresh_statistics()
    return count


def refresh_statistics() -> None:
    """Let the query planner know the tables' sizes after a bulk change (a search must start from
    the index, not from every published article)."""
    with connection.cursor() as cursor:
        # Every table: a plan built on a stale count of tags or mentions misjudges.
        cursor.execute("ANALYZE")
        if connection.vendor == "postgresql":
            # New tokens wait in the GIN index's pending list, which every search reads through.
            cursor.execute("SELECT gin_clean_pending_list('articles_searchentry_tokens_gin')")
