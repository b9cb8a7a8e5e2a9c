from django.db import models

from .article import Article


class RelatedArticle(models.Model):
    """One of an article's related articles, as computed when the article was last published or
    changed (articles/services/related.py), so the article page reads them with one query.

    `related` is empty in the row that records "computed, and nothing related". Visibility is
    decided when read: an article withdrawn since drops out of the lists that named it.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="related_rows")
    related = models.ForeignKey(Article, on_delete=models.CASCADE, null=True, related_name="related_to")
    rank = models.PositiveSmallIntegerField()

    class Meta:
        verbose_name = "相关文章"
        verbose_name_plural = "相关文章"
        constraints = [models.UniqueConstraint(fields=["article", "rank"], name="related_article_rank")]

    def __str__(self):
        return f"文章 {self.article_id} 的相关文章 {self.rank}：{self.related_id}"
