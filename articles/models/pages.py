"""The printed issue: its PDF, its pages (版面) as images, the photos printed in it, and the
background job that reads a PDF into an issue."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from .article import Article
from .publication import Issue


def print_path(instance, filename: str) -> str:
    return f"print/{filename}"


class IssuePageQuerySet(models.QuerySet):
    def public(self):
        """Pages of issues the public may see (an issue with a published article)."""
        return self.filter(issue__in=Issue.objects.with_published_articles())


class IssuePage(models.Model):
    """One printed page (版) of an issue, rendered from its PDF at two sizes."""

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="print_pages", verbose_name="期")
    index = models.PositiveSmallIntegerField("PDF 页序", help_text="在 PDF 中的顺序，从 0 起")
    number = models.PositiveSmallIntegerField("版次", help_text="印在版面上的版号")
    width = models.FloatField("宽（点）")
    height = models.FloatField("高（点）")
    thumbnail = models.FileField("缩略图", upload_to=print_path, max_length=255)
    image = models.FileField("阅读图", upload_to=print_path, max_length=255)
    image_width = models.PositiveIntegerField("阅读图宽", default=0)
    image_height = models.PositiveIntegerField("阅读图高", default=0)

    objects = IssuePageQuerySet.as_manager()

    class Meta:
        verbose_name = "版面"
        verbose_name_plural = "版面"
        ordering = ["issue_id", "index"]
        constraints = [models.UniqueConstraint(fields=["issue", "index"], name="issue_page_once")]

    def __str__(self):
        return f"{self.issue} 第{self.number}版"

    def get_absolute_url(self):
        return reverse("issue-page", kwargs={"paper": self.issue.publication.slug, "issue": self.issue.slug,
                                             "index": self.index + 1})

    @property
    def label(self) -> str:
        return f"第{self.number}版"

    @property
    def thumb_url(self) -> str:
        return reverse("print-image", kwargs={"kind": "page", "pk": self.pk, "size": "thumb"})

    @property
    def full_url(self) -> str:
        return reverse("print-image", kwargs={"kind": "page", "pk": self.pk, "size": "full"})

    @property
    def thumb_height(self) -> int:
        """The thumbnail's height in pixels (it is THUMBNAIL_WIDTH wide), for the page's layout."""
        from ..services.pages import THUMBNAIL_WIDTH

        return round(THUMBNAIL_WIDTH * self.height / self.width) if self.width else THUMBNAIL_WIDTH


class ArticlePhoto(models.Model):
    """A photo printed with an article, taken out of the issue's PDF, with its caption."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="photos", verbose_name="文章")
    page = models.ForeignKey(IssuePage, on_delete=models.SET_NULL, null=True, blank=True, related_name="photos",
                             verbose_name="版面")
    position = models.PositiveSmallIntegerField("顺序", default=0)
    image = models.FileField("图片", upload_to=print_path, max_length=255)
    width = models.PositiveIntegerField("宽", default=0)
    height = models.PositiveIntegerField("高", default=0)
    caption = models.TextField("图片说明", blank=True)
    credit = models.CharField("摄影", max_length=200, blank=True)
    box = models.JSONField("版面位置", default=list, blank=True, help_text="x0, top, x1, bottom（点，自左上角）")

    class Meta:
        verbose_name = "文章图片"
        verbose_name_plural = "文章图片"
        ordering = ["article_id", "position", "pk"]

    def __str__(self):
        return self.caption or f"{self.article} 图{self.position}"

    @property
    def url(self) -> str:
        return reverse("print-image", kwargs={"kind": "photo", "pk": self.pk, "size": "full"})


class JobStatus(models.TextChoices):
    QUEUED = "queued", "排队中"
    RUNNING = "running", "处理中"
    DONE = "done", "已完成"
    FAILED = "failed", "失败"


class ImportJob(models.Model):
    """An issue's PDF being read, rendered and written in the background (the task queue), with
    what the editor needs to follow it: progress, the step it is at, why it failed."""

    MAX_ATTEMPTS = 3

    source_name = models.CharField("文件名", max_length=255)
    pdf = models.FileField("PDF", upload_to=print_path, max_length=255)
    size = models.PositiveBigIntegerField("大小（字节）", default=0)
    sha256 = models.CharField("SHA-256", max_length=64, db_index=True)
    options = models.JSONField("导入选项", default=dict, blank=True)
    status = models.CharField("状态", max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED,
                              db_index=True)
    progress = models.PositiveSmallIntegerField("进度（%）", default=0)
    step = models.CharField("当前步骤", max_length=200, blank=True)
    error = models.TextField("失败原因", blank=True)
    reason = models.CharField("失败类型", max_length=20, blank=True)
    attempts = models.PositiveSmallIntegerField("已尝试次数", default=0)
    task_id = models.CharField("任务编号", max_length=64, blank=True)
    issue = models.ForeignKey(Issue, on_delete=models.SET_NULL, null=True, blank=True, related_name="import_jobs",
                              verbose_name="期")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name="上传人")
    created_at = models.DateTimeField("上传时间", default=timezone.now)
    started_at = models.DateTimeField("开始时间", null=True, blank=True)
    finished_at = models.DateTimeField("结束时间", null=True, blank=True)

    class Meta:
        verbose_name = "PDF 导入任务"
        verbose_name_plural = "PDF 导入任务"
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.source_name}（{self.get_status_display()}）"

    @property
    def is_finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)


class PdfPreview(models.Model):
    """What the importer read from one PDF (by its SHA-256), read by the worker for the admin's
    preview so that the preview answers at once whatever the PDF's size. `parsed` is the
    ParsedIssue pickled by the worker itself (never anything a client sent)."""

    sha256 = models.CharField("SHA-256", max_length=64, unique=True)
    status = models.CharField("状态", max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    parsed = models.BinaryField("解析结果", null=True, blank=True)
    error = models.TextField("失败原因", blank=True)
    created_at = models.DateTimeField("创建时间", default=timezone.now)

    class Meta:
        verbose_name = "PDF 预览"
        verbose_name_plural = "PDF 预览"

    def __str__(self):
        return f"{self.sha256[:12]}（{self.get_status_display()}）"
