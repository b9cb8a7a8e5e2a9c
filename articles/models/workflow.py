"""The editorial record: state transitions and archive-wide corrections."""

from django.conf import settings
from django.db import models

from .article import Article, ArticleStatus


class ArticleTransition(models.Model):
    """One change of an article's state, with who made it, when, and why."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="transitions", verbose_name="文章")
    from_status = models.CharField("原状态", max_length=12, choices=ArticleStatus.choices)
    to_status = models.CharField("新状态", max_length=12, choices=ArticleStatus.choices)
    publish_at = models.DateTimeField("发布时间", null=True, blank=True)
    comment = models.TextField("说明", blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="+", verbose_name="操作人")
    at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "状态变更"
        verbose_name_plural = "状态变更"
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


class Correction(models.Model):
    """A find-and-replace across the archive, applied to the hits the chief editor chose."""

    find = models.CharField("查找", max_length=200)
    replace = models.CharField("替换为", max_length=200)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
                             verbose_name="操作人")
    at = models.DateTimeField("时间", auto_now_add=True)
    undone_at = models.DateTimeField("撤销时间", null=True, blank=True)
    undone_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="+", verbose_name="撤销人")

    class Meta:
        verbose_name = "全档案更正"
        verbose_name_plural = "全档案更正"
        ordering = ["-at"]

    def __str__(self):
        return f"{self.find} → {self.replace}"


class CorrectionHit(models.Model):
    """One replaced occurrence: where it was, so it can be undone exactly."""

    correction = models.ForeignKey(Correction, on_delete=models.CASCADE, related_name="hits")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    field = models.CharField(max_length=20)
    offset = models.PositiveIntegerField(help_text="position of the replacement in the corrected text")
    context = models.CharField(max_length=120)

    class Meta:
        ordering = ["article_id", "field", "offset"]

    def __str__(self):
        return f"{self.correction}：{self.field}@{self.offset}"
