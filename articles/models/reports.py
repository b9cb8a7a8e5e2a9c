"""What readers tell the editors: an error they spotted in a published article. Never public."""

from django.conf import settings
from django.db import models

from .article import Article

MESSAGE_MAX = 500
CONTACT_MAX = 100


class ReportStatus(models.TextChoices):
    OPEN = "open", "待处理"
    FIXED = "fixed", "已改正"
    DISMISSED = "dismissed", "无需修改"


class ErrorReport(models.Model):
    """A reader's note that something in an article is wrong, for the editors of its paper."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="error_reports", verbose_name="文章")
    message = models.TextField("哪里有错", max_length=MESSAGE_MAX)
    contact = models.CharField("读者联系方式", max_length=CONTACT_MAX, blank=True)
    created_at = models.DateTimeField("报告时间", auto_now_add=True)
    status = models.CharField("状态", max_length=12, choices=ReportStatus.choices, default=ReportStatus.OPEN)
    note = models.TextField("处理说明", blank=True)
    closed_at = models.DateTimeField("处理时间", null=True, blank=True)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="+", verbose_name="处理人")

    class Meta:
        verbose_name = "读者报告的错误"
        verbose_name_plural = "读者报告的错误"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "created_at"], name="errorreport_status_created")]

    def __str__(self):
        return f"《{self.article.title}》：{self.message[:30]}"
