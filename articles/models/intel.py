"""What the archive knows about its text: vocabulary, tag suggestions, keywords, people."""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef
from django.urls import reverse

from .article import Article, visible


class WordKind(models.TextChoices):
    PERSON = "person", "人名"
    PLACE = "place", "地名"
    BODY = "body", "机构"
    PROGRAMME = "programme", "工作项目"
    EVENT = "event", "节日活动"
    FACILITY = "facility", "场所设施"
    TERM = "term", "词语"


class WordSource(models.TextChoices):
    SEED = "seed", "预置"
    LEARNT = "learnt", "从档案学习"
    EDITOR = "editor", "编辑添加"


class VocabularyWord(models.Model):
    """A word the segmenter must keep whole; with `preferred`, a synonym folded into that form.

    A topic (`is_topic`) may be suggested as a tag; a retired one never is again.
    """

    word = models.CharField("词", max_length=40, unique=True)
    kind = models.CharField("类别", max_length=12, choices=WordKind.choices, default=WordKind.TERM)
    preferred = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="synonyms",
                                  verbose_name="规范写法", help_text="填写后，此词作为同义词归并到规范写法（如 加梯 → 加装电梯）")
    is_topic = models.BooleanField("主题", default=False, help_text="主题可作为标签建议给编辑")
    retired = models.BooleanField("停用", default=False, help_text="停用的主题不再建议；停用标签时文章上的该标签一并移除")
    source = models.CharField("来源", max_length=8, choices=WordSource.choices, default=WordSource.EDITOR)
    created_at = models.DateTimeField("添加时间", auto_now_add=True)
    updated_at = models.DateTimeField("修改时间", auto_now=True)

    class Meta:
        verbose_name = "词汇"
        verbose_name_plural = "词汇"
        ordering = ["word"]

    def __str__(self):
        return f"{self.word} → {self.preferred.word}" if self.preferred_id else self.word


class TopicCue(models.Model):
    """A word that is evidence of a topic without naming it (湿垃圾 for 垃圾分类): shipped with the
    vocabulary, or learnt from the words of articles editors tagged with the topic."""

    topic = models.ForeignKey(VocabularyWord, on_delete=models.CASCADE, related_name="cues", verbose_name="主题")
    word = models.CharField("线索词", max_length=40)
    seen = models.PositiveIntegerField("共现篇数", default=0, help_text="编辑采用该主题的文章中出现此词的篇数")
    source = models.CharField("来源", max_length=8, choices=WordSource.choices, default=WordSource.LEARNT)
    updated_at = models.DateTimeField("修改时间", auto_now=True)

    class Meta:
        verbose_name = "主题线索词"
        verbose_name_plural = "主题线索词"
        constraints = [models.UniqueConstraint(fields=["topic", "word"], name="cue_once_per_topic")]

    def __str__(self):
        return f"{self.word} → {self.topic.word}"


class TagFeedback(models.Model):
    """How often editors accepted and rejected a suggested tag, across the archive."""

    name = models.CharField("标签", max_length=100, primary_key=True)
    accepted = models.PositiveIntegerField("采用次数", default=0)
    rejected = models.PositiveIntegerField("否决次数", default=0)
    updated_at = models.DateTimeField("修改时间", auto_now=True)

    class Meta:
        verbose_name = "标签采用统计"
        verbose_name_plural = "标签采用统计"

    def __str__(self):
        return self.name


class SuggestionState(models.TextChoices):
    SUGGESTED = "suggested", "待定"
    ACCEPTED = "accepted", "已采用"
    REJECTED = "rejected", "已否决"


class TagSuggestion(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="tag_suggestions",
                                verbose_name="文章")
    name = models.CharField("标签", max_length=100)
    score = models.FloatField("得分", default=0.0)
    state = models.CharField("状态", max_length=10, choices=SuggestionState.choices,
                             default=SuggestionState.SUGGESTED, db_index=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name="处理人")
    decided_at = models.DateTimeField("处理时间", null=True, blank=True)

    class Meta:
        verbose_name = "标签建议"
        verbose_name_plural = "标签建议"
        ordering = ["article_id", "-score"]
        constraints = [models.UniqueConstraint(fields=["article", "name"], name="suggestion_once_per_article")]

    def __str__(self):
        return self.name


class ArticleKeyword(models.Model):
    """An article's distinctive terms with their weight: what related articles are matched on."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="keywords")
    term = models.CharField(max_length=40)
    weight = models.FloatField()

    class Meta:
        verbose_name = "关键词"
        verbose_name_plural = "关键词"
        constraints = [models.UniqueConstraint(fields=["article", "term"], name="keyword_once_per_article")]
        indexes = [models.Index(fields=["term", "article"], name="keyword_term_article")]

    def __str__(self):
        return f"{self.term}（{self.weight:g}）"


class TermStat(models.Model):
    """In how many articles of the archive a term occurs: the archive's own IDF."""

    term = models.CharField(max_length=40, primary_key=True)
    df = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "词频统计"
        verbose_name_plural = "词频统计"

    def __str__(self):
        return f"{self.term or '（文章总数）'}：{self.df}"


class PersonQuerySet(models.QuerySet):
    def public(self):
        """People named in an article the public may see: no public page, feed or API answer
        shows anyone else's name, whatever its filters."""
        return self.filter(Exists(Mention.objects.filter(visible("article__"), person=OuterRef("pk"))))


class Person(models.Model):
    """Someone the papers name with a title; one person per name within a town."""

    name = models.CharField("姓名", max_length=20)
    town = models.CharField("镇/街道", max_length=50)
    note = models.TextField("备注", blank=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = "人物"
        verbose_name_plural = "人物"
        ordering = ["town", "name"]
        constraints = [models.UniqueConstraint(fields=["name", "town"], name="person_unique_in_town")]

    def __str__(self):
        return f"{self.name}（{self.town}）"

    def get_absolute_url(self):
        return reverse("person-detail", kwargs={"pk": self.pk})


class Mention(models.Model):
    """A person named in an article with a title; one row per office the printed title names."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="mentions", verbose_name="人物")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mentions", verbose_name="文章")
    title = models.CharField("职务（按原文）", max_length=60)
    office = models.CharField("职务", max_length=40, db_index=True)
    issue_date = models.DateField("出版日期", db_index=True)

    class Meta:
        verbose_name = "人物提及"
        verbose_name_plural = "人物提及"
        ordering = ["issue_date", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["person", "article", "office"], name="mention_once_per_office"),
        ]

    def __str__(self):
        return f"{self.title}{self.person.name}"
