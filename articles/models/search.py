from django.contrib.postgres.search import SearchVectorField
from django.db import models

from .article import Article


class SearchEntry(models.Model):
    """A published article as the search index holds it.

    `text` is what was indexed (title, subtitle, body): the substring check that makes search
    exact reads it, and SQLite's index needs it to retract old tokens. On PostgreSQL `tokens`
    holds the bigram set under a GIN index; on SQLite the tokens live in an FTS5 table.
    """

    article = models.OneToOneField(Article, on_delete=models.CASCADE, primary_key=True, related_name="search_entry")
    text = models.TextField()
    tokens = SearchVectorField(null=True)

    class Meta:
        verbose_name = "搜索索引"
        verbose_name_plural = "搜索索引"

    def __str__(self):
        return f"搜索索引：文章 {self.article_id}"
