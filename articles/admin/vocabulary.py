"""The topic vocabulary and the tags in the admin: merge tags, make one a synonym of another,
retire one. Every change goes through articles.services.topics."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.template.response import TemplateResponse

from ..models import Tag, TopicCue, VocabularyWord
from ..services import topics


def _confirm(modeladmin, request, queryset, *, action, title, intro, button, choose=False):
    return TemplateResponse(request, "admin/articles/tag/confirm.html", {
        **modeladmin.admin_site.each_context(request), "title": title, "intro": intro, "button": button,
        "items": queryset.annotate(n=Count("tagged_articles")).order_by("-n", "name"), "choose": choose,
        "action": action, "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        "opts": modeladmin.model._meta,
    })


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "article_count", "synonym_list", "slug"]
    search_fields = ["name"]
    actions = ["merge_tags", "retire_tags"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("tagged_articles"))

    @admin.display(description="文章数", ordering="article_count")
    def article_count(self, obj):
        return obj.article_count

    @admin.display(description="同义词（建议时归并为此标签）")
    def synonym_list(self, obj):
        return "、".join(VocabularyWord.objects.filter(preferred__word=obj.name).values_list("word", flat=True)) or "—"

    @admin.action(description="合并所选标签（其余作为同义词并入保留的一个）", permissions=["change"])
    def merge_tags(self, request, queryset):
        if queryset.count() < 2:
            self.message_user(request, "请至少选择两个标签", messages.WARNING)
            return None
        into = queryset.filter(pk=request.POST.get("into")).first() if request.POST.get("into") else None
        if into is None:
            return _confirm(self, request, queryset, action="merge_tags", title="合并标签", choose=True,
                            intro="选择保留的标签。其余标签的文章改用它，其余标签名成为它的同义词：以后的标签建议会把它们归并为保留的标签。",
                            button="合并")
        try:
            count = topics.tags_merge(tags=list(queryset), into=into)
        except ValidationError as exc:
            self.message_user(request, "；".join(exc.messages), messages.ERROR)
            return None
        self.message_user(request, f"已把 {count} 个标签并入“{into.name}”，并记为它的同义词")
        return None

    @admin.action(description="停用所选标签（从所有文章移除，不再建议）", permissions=["change"])
    def retire_tags(self, request, queryset):
        if request.POST.get("confirm") != "yes":
            return _confirm(self, request, queryset, action="retire_tags", title="停用标签",
                            intro="以下标签将从所有文章上移除，今后不再建议。需要时可在“词汇”中取消停用。",
                            button="停用")
        count = topics.tags_retire(tags=list(queryset))
        self.message_user(request, f"已停用 {count} 个标签")
        return None


class TopicCueInline(admin.TabularInline):
    model = TopicCue
    extra = 0
    fields = ["word", "seen", "source"]
    readonly_fields = ["seen", "source"]
    verbose_name_plural = "线索词（出现时加强此主题的证据；从编辑采用的文章中学习）"


@admin.register(VocabularyWord)
class VocabularyWordAdmin(admin.ModelAdmin):
    list_display = ["word", "kind", "is_topic", "preferred", "retired", "source", "updated_at"]
    list_filter = ["is_topic", "retired", "kind", "source"]
    search_fields = ["word"]
    autocomplete_fields = ["preferred"]
    actions = ["merge_into_first", "retire_words"]
    inlines = [TopicCueInline]

    def save_model(self, request, obj, form, change):
        topics.vocabulary_word_save(word=obj, changed=list(form.changed_data) if change else [])

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        topics.invalidate()

    @admin.action(description="合并为同义词（并入所选中最早添加的一个词）", permissions=["change"])
    def merge_into_first(self, request, queryset):
        words = list(queryset.order_by("created_at", "pk"))
        if len(words) < 2:
            self.message_user(request, "请至少选择两个词", messages.WARNING)
            return
        preferred = words[0]
        count = topics.vocabulary_merge(synonyms=words[1:], preferred=preferred)
        self.message_user(request, f"已把 {count} 个词并入“{preferred.word}”，相应标签也已合并")

    @admin.action(description="停用所选词（不再建议，文章上的同名标签一并移除）", permissions=["change"])
    def retire_words(self, request, queryset):
        count = topics.retire(names=list(queryset.values_list("word", flat=True)))
        self.message_user(request, f"已停用 {count} 个词")
