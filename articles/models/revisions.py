"""What waits for a chief editor: pending revisions of live articles, and the desk's undo log."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from .article import Article


class RevisionState(models.TextChoices):
    PENDING = "pending", "待审"
    RETURNED = "returned", "已退回"
    PUBLISHED = "published", "已发布"
    DISCARDED = "discarded", "已放弃"


OPEN_REVISION_STATES = [RevisionState.PENDING, RevisionState.RETURNED]


class ArticleRevision(models.Model):
    """A change to a published article made by someone who may not publish: the public keeps the
    live text until a chief editor publishes this. One open revision per article collects every
    further change (form, merge, split, restore, name fix, corrections, tags)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions", verbose_name="文章")
    state = models.CharField("状态", max_length=12, choices=RevisionState.choices, default=RevisionState.PENDING)
    base_version = models.PositiveIntegerField("基于版本", help_text="修订开始时线上文章的版本")
    column = models.CharField("栏目", max_length=100, blank=True)
    kicker = models.CharField("引题", max_length=200, blank=True)
    title = models.CharField("标题", max_length=300)
    subtitle = models.CharField("副题", max_length=300, blank=True)
    body = models.TextField("正文", blank=True)
    captions = models.JSONField("图片说明", default=list, blank=True)
    tags = models.JSONField("标签", default=list, blank=True)
    reason = models.CharField("修改说明", max_length=200, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="+", verbose_name="修改人")
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)
    comment = models.TextField("主编意见", blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name="处理人")
    decided_at = models.DateTimeField("处理时间", null=True, blank=True)

    # Each change to a pending revision is kept too: no earlier wording is ever lost.
    history = HistoricalRecords()

    class Meta:
        verbose_name = "待审修订"
        verbose_name_plural = "待审修订"
        ordering = ["-updated_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["article"], condition=models.Q(state__in=["pending", "returned"]),
                                    name="one_open_revision_per_article"),
        ]

    def __str__(self):
        return f"《{self.title}》的修订（{self.get_state_display()}）"

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_REVISION_STATES


class DeskOperation(models.Model):
    """A merge, split, restore or repair: the state of every article it touched before and after,
    so that it can be undone exactly while none of them changed since."""

    kind = models.CharField("操作", max_length=20)
    label = models.CharField("说明", max_length=300)
    issue = models.ForeignKey("articles.Issue", on_delete=models.CASCADE, related_name="+", verbose_name="期",
                              null=True, blank=True)
    before = models.JSONField("操作前", default=dict)
    after = models.JSONField("操作后", default=dict)
    created = models.JSONField("新建文章", default=list, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
                             verbose_name="操作人")
    at = models.DateTimeField("时间", auto_now_add=True)
    undone_at = models.DateTimeField("撤销时间", null=True, blank=True)
    undone_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="+", verbose_name="撤销人")

    class Meta:
        verbose_name = "编排操作"
        verbose_name_plural = "编排操作"
        ordering = ["-at", "-pk"]

    def __str__(self):
        return self.label
