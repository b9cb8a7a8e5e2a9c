from django.db import models

from .article import Article


class SearchEntry(models.Model):
    """A published article as the search index holds it.

    `text` is what was indexed (title, subtitle, body), folded: the substring check that makes
    search exact reads it, and SQLite's index needs it to retract old tokens. The index over it
    is each database's own (articles/search/backends/): a GIN index over an expression of `text`
    on PostgreSQL, an FTS5 table on SQLite.
    """

    article = models.OneToOneField(Article, on_delete=models.CASCADE, primary_key=True, related_name="search_entry")
    text = models.TextField()

    class Meta:
        verbose_name = "搜索索引"
        verbose_name_plural = "搜索索引"

    def __str__(self):
        return f"搜索索引：文章 {self.article_id}"
