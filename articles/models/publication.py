from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone

from ..slugs import paper_slug
from ..validators import RESERVED_PAPER_SLUGS, validate_issue_slug, validate_paper_slug


class PublicationQuerySet(models.QuerySet):
    def public(self):
        """Papers with an article the public may see: the only papers whose name any public
        page, feed or API answer shows."""
        from .article import Article

        return self.filter(Exists(Article.objects.published().filter(issue__publication=OuterRef("pk"))))


class Publication(models.Model):
    """One community paper, e.g. the paper of 新泾镇."""

    name = models.CharField("报名", max_length=100, unique=True)
    town = models.CharField("镇/街道", max_length=50, help_text="报纸服务的镇或街道，如 新泾镇")
    district = models.CharField("区", max_length=50, blank=True, help_text="如 长宁区")
    publisher = models.CharField("主办单位", max_length=200, blank=True, help_text="按报头印刷，如 新泾镇党委、政府")
    slug = models.SlugField("网址名", max_length=60, unique=True, help_text="用于网址，如 xinjing",
                            validators=[validate_paper_slug])
    description = models.TextField("简介", blank=True)
    # The paper's desk: its editors and chief editors (the role comes from the user's group).
    staff = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="papers",
                                   verbose_name="编辑部成员", help_text="可以编辑这份报纸的编辑和主编")

    objects = PublicationQuerySet.as_manager()

    class Meta:
        verbose_name = "报纸"
        verbose_name_plural = "报纸"
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.free_slug(paper_slug(self.town or self.name))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("paper-detail", kwargs={"paper": self.slug})

    @classmethod
    def free_slug(cls, base: str) -> str:
        base = base if base and base not in RESERVED_PAPER_SLUGS else f"{base or 'paper'}-paper"
        taken = set(cls.objects.filter(slug__startswith=base).values_list("slug", flat=True))
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        return slug


class DatePrecision(models.TextChoices):
    # Only how precise the date is; whether it was printed or inferred is Issue.date_inferred.
    DAY = "day", "日（精确到日）"
    MONTH = "month", "月（只精确到月）"


class IssueQuerySet(models.QuerySet):
    def with_published_articles(self):
        """Issues that show at least one article to the public."""
        from .article import Article

        return self.filter(Exists(Article.objects.published().filter(issue=OuterRef("pk"))))


class Issue(models.Model):
    """One printed issue of a paper, with its source text kept verbatim."""

    publication = models.ForeignKey(Publication, on_delete=models.PROTECT, related_name="issues",
                                    verbose_name="报纸")
    date = models.DateField("出版日期")
    date_precision = models.CharField("日期精度", max_length=8, choices=DatePrecision.choices,
                                      default=DatePrecision.DAY)
    date_inferred = models.BooleanField(
        "出版日期为推断", default=False,
        help_text="报头没有印日期，导入时按文中日期推断；核对原报后可取消勾选")
    slug = models.SlugField("网址名", max_length=40, help_text="通常为日期，如 2019-04-24",
                            validators=[validate_issue_slug])
    number = models.PositiveIntegerField("总期号", null=True, blank=True, help_text="总第 N 期")
    pages = models.PositiveSmallIntegerField("版数", null=True, blank=True, help_text="本期 N 版")
    next_issue_date = models.DateField("下期出版日期", null=True, blank=True)
    editorial_board = models.JSONField("编审团", default=list, blank=True)
    contact = models.JSONField("联系方式", default=dict, blank=True,
                               help_text="投稿邮箱、新闻热线、地址等，按报纸印刷")
    source_name = models.CharField("来源文件", max_length=255)
    source_text = models.TextField("原始文本", help_text="导入时的全文，原样保存，不作修改")
    source_sha256 = models.CharField("原始文本 SHA-256", max_length=64, unique=True, editable=False)
    source_encoding = models.CharField("原始编码", max_length=20, blank=True)
    warnings = models.JSONField("导入提示", default=list, blank=True)
    leftovers = models.JSONField("未归属文字", default=list, blank=True)
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                    blank=True, related_name="+", verbose_name="导入人")
    imported_at = models.DateTimeField("导入时间", default=timezone.now)

    objects = IssueQuerySet.as_manager()

    class Meta:
        verbose_name = "期"
        verbose_name_plural = "期"
        ordering = ["-date", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["publication", "slug"], name="issue_slug_unique_per_paper"),
        ]
        indexes = [models.Index(fields=["publication", "date"])]

    def __str__(self):
        number = f" 总第{self.number}期" if self.number else ""
        return f"{self.publication} {self.date_label}{number}"

    def get_absolute_url(self):
        return reverse("issue-detail", kwargs={"paper": self.publication.slug, "issue": self.slug})

    @property
    def date_label(self) -> str:
        if self.date_precision == DatePrecision.MONTH:
            return f"{self.date.year}年{self.date.month}月"
        return f"{self.date.year}年{self.date.month}月{self.date.day}日"

    @classmethod
    def free_slug(cls, publication, date) -> str:
        base = date.isoformat()
        taken = set(cls.objects.filter(publication=publication, slug__startswith=base)
                    .values_list("slug", flat=True))
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        return slug
