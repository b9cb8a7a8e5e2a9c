from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager
from taggit.models import ItemBase, TagBase

from .. import bodytext
from ..slugs import text_slug
from .publication import Issue


class TagQuerySet(models.QuerySet):
    def public(self):
        """Tags on an article the public may see: the only tags whose name any public page,
        feed or API answer shows, whatever its filters."""
        return self.filter(Exists(TaggedArticle.objects.filter(visible("content_object__"), tag=OuterRef("pk"))))


class Tag(TagBase):
    """A topic tag with a Chinese name and a Unicode slug that is never empty."""

    objects = TagQuerySet.as_manager()

    class Meta:
        verbose_name = "标签"
        verbose_name_plural = "标签"
        ordering = ["name"]

    def slugify(self, tag, i=None):
        return text_slug(tag, i)

    def get_absolute_url(self):
        return reverse("tag-detail", kwargs={"slug": self.slug})


class TaggedArticle(ItemBase):
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="tagged_articles")
    content_object = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="tagged_items")

    class Meta:
        verbose_name = "文章标签"
        verbose_name_plural = "文章标签"
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="article_tag_once"),
        ]
        indexes = [models.Index(fields=["tag", "content_object"], name="tagged_tag_article")]


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", "草稿"
    REVIEW = "review", "待审"
    PUBLISHED = "published", "已发布"
    WITHDRAWN = "withdrawn", "已撤回"
    # Joined into another article of its issue; kept (not deleted) so that the merge can be undone.
    MERGED = "merged", "已并入"


def visible(prefix: str = "") -> models.Q:
    """The one definition of what the public may see: published, and not scheduled for later.

    `prefix` applies it through a relation (visible("article__") on mentions), as a join rather
    than a list of every public article.
    """
    return models.Q(**{f"{prefix}status": ArticleStatus.PUBLISHED, f"{prefix}published_at__lte": timezone.now()})


# Newest issue first, then print order: the order of every public list. An index holds it, so a
# page of the newest articles (or a walk through them) never sorts the whole archive.
NEWEST_FIRST = ("-issue_date", "issue_id", "position", "pk")


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(visible())

    def newest_first(self, *, by_index: bool = True):
        """Newest issue first, then print order.

        by_index=False gives the same order spelt through the issue, which no index holds: the rows
        chosen are sorted rather than the index walked. For a tag or a person the planner cannot
        tell how far a walk would go (a tag's articles may all be twenty years old, found last).
        """
        if by_index:
            return self.order_by(*NEWEST_FIRST)
        return self.order_by("-issue__date", "issue_id", "position", "pk")

    def scheduled(self):
        return self.filter(status=ArticleStatus.PUBLISHED, published_at__gt=timezone.now())

    def in_print_order(self):
        return self.order_by("issue_id", "position", "pk")


class Article(models.Model):
    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="articles", verbose_name="期")
    position = models.PositiveIntegerField("版序", default=0, help_text="在本期中的印刷顺序")
    issue_date = models.DateField("出版日期", editable=False,
                                  help_text="所在期的出版日期，随期自动更新（用于按时间排序）")
    column = models.CharField("栏目", max_length=100, blank=True)
    kicker = models.CharField("引题", max_length=200, blank=True)
    title = models.CharField("标题", max_length=300)
    subtitle = models.CharField("副题", max_length=300, blank=True)
    body = models.TextField("正文", blank=True,
                            help_text="段落之间空一行；以“## ”开头的一行是小标题。")
    captions = models.JSONField("图片说明", default=list, blank=True)
    page = models.PositiveSmallIntegerField("版次", null=True, blank=True,
                                            help_text="标题所在的版（第N版），从 PDF 导入时得出")
    imported_text = models.TextField("导入原文", blank=True, editable=False,
                                     help_text="导入时这篇文章的原始文字，原样保存")
    status = models.CharField("状态", max_length=12, choices=ArticleStatus.choices,
                              default=ArticleStatus.DRAFT, db_index=True)
    published_at = models.DateTimeField("发布时间", null=True, blank=True, db_index=True,
                                        help_text="晚于现在即为定时发布")
    tags = TaggableManager("标签", through=TaggedArticle, blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)
    last_editor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                    blank=True, related_name="+", verbose_name="最后编辑")
    version = models.PositiveIntegerField("版本", default=1, editable=False,
                                          help_text="每次保存加一，用来发现两位编辑同时修改")

    objects = ArticleQuerySet.as_manager()
    # Every save is kept: who, when, what changed; any version can be compared and restored.
    history = HistoricalRecords(excluded_fields=["imported_text", "created_at"], cascade_delete_history=False)

    class Meta:
        verbose_name = "文章"
        verbose_name_plural = "文章"
        ordering = list(NEWEST_FIRST)
        permissions = [
            ("publish_article", "可以发布、定时发布和撤回文章"),
            ("correct_archive", "可以在全档案范围查找替换"),
        ]
        indexes = [
            models.Index(fields=["issue", "position"]),
            models.Index(fields=["status", "published_at"]),
            # What the public sees of one issue: a lookup that must not scan the whole archive.
            models.Index(fields=["issue", "status", "published_at"], name="article_issue_visible"),
            models.Index(fields=["-issue_date", "issue", "position", "id"], name="article_newest_first"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # A copy of the issue's date, so that lists sort by an index (signals keep it in step when
        # the issue's date is corrected).
        if self.issue_id is not None:
            self.issue_date = self.issue.date
            update_fields = kwargs.get("update_fields")
            if update_fields is not None and "issue_date" not in update_fields:
                kwargs["update_fields"] = [*update_fields, "issue_date"]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("article-detail", kwargs={"pk": self.pk})

    @property
    def headline(self) -> str:
        return " ".join(part for part in (self.kicker, self.title, self.subtitle) if part)

    @property
    def blocks(self):
        return bodytext.parse_body(self.body)

    @property
    def is_public(self) -> bool:
        return (self.status == ArticleStatus.PUBLISHED and self.published_at is not None
                and self.published_at <= timezone.now())

    @property
    def is_scheduled(self) -> bool:
        return (self.status == ArticleStatus.PUBLISHED and self.published_at is not None
                and self.published_at > timezone.now())


class ArticleWarning(models.Model):
    """Something the importer or a check wants an editor to look at, with its fix where one exists."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="import_warnings",
                                verbose_name="文章")
    code = models.CharField("类型", max_length=40)
    message = models.TextField("说明")
    data = models.JSONField("附加数据", default=dict, blank=True)
    resolved_at = models.DateTimeField("处理时间", null=True, blank=True)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                    blank=True, related_name="+", verbose_name="处理人")
    dismiss_reason = models.TextField("不予修改的理由", blank=True,
                                      help_text="发布人判断无需修改时写明理由；空则为已按提示处理")

    class Meta:
        verbose_name = "导入提示"
        verbose_name_plural = "导入提示"
        ordering = ["article_id", "pk"]

    def __str__(self):
        return f"{self.code}: {self.message}"

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None
