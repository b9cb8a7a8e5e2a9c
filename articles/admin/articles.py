"""The article desk: the editor, its workflow panels, versions, and the article list."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html

from .. import bodytext, textdiff
from ..models import Article, ArticleStatus, ArticleWarning, ReportStatus, TagSuggestion
from ..models.intel import SuggestionState
from ..services import editing, intel, workflow
from .filters import HasWarningsFilter, ReturnedFilter, ScheduledFilter, TagFilter, YearFilter
from .scoping import DeskScopedAdmin

COMPARED_FIELDS = [("title", "标题"), ("subtitle", "副题"), ("kicker", "引题"), ("column", "栏目"),
                   ("body", "正文"), ("captions", "图片说明"), ("status", "状态"), ("published_at", "发布时间")]


class CaptionsField(forms.CharField):
    """Photo captions as one line each, stored as a list."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(value)
        return value

    def to_python(self, value):
        if isinstance(value, list):
            return value
        return [line.strip() for line in (value or "").splitlines() if line.strip()]


class ArticleForm(forms.ModelForm):
    captions = CaptionsField(label="图片说明", required=False, help_text="每行一条")
    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Article
        fields = ["issue", "position", "column", "kicker", "title", "subtitle", "body", "captions", "tags"]
        widgets = {"body": forms.Textarea(attrs={"rows": 24, "class": "article-body"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflict = None
        self.loaded_version = None
        if self.instance.pk:
            self.fields["expected_version"].initial = self.instance.version
        self.fields["tags"].help_text = "多个标签用逗号或顿号分隔"

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk:
            return cleaned
        expected = cleaned.get("expected_version")
        self.loaded_version = expected
        try:
            # Locks the row for the rest of the admin's transaction: the save cannot race.
            workflow.check_version(self.instance.pk, expected if expected is not None else -1)
        except workflow.EditConflict as conflict:
            self.conflict = conflict
            # The editor's text stays in the form; saving again now overwrites knowingly, and the
            # other editor's version stays in history.
            self.data = self.data.copy()
            self.data["expected_version"] = conflict.current.version
            raise ValidationError(str(conflict), code="conflict") from conflict
        return cleaned


@admin.register(Article)
class ArticleAdmin(DeskScopedAdmin):
    form = ArticleForm
    view_on_site = False  # the change form links to the public page itself, only when it is public
    change_form_template = "admin/articles/article/change_form.html"
    list_display = ["title_link", "paper_and_date", "position", "status_badge", "open_warnings", "edited"]
    list_display_links = None
    list_filter = ["status", ScheduledFilter, ("issue__publication", admin.RelatedOnlyFieldListFilter), YearFilter,
                   HasWarningsFilter, TagFilter, ReturnedFilter]
    search_fields = ["title", "subtitle", "kicker", "body"]
    search_help_text = "在标题、副题和正文中查找（支持任意中文片段）"
    list_select_related = ["issue__publication", "last_editor"]
    list_per_page = 50
    readonly_fields = ["status_display", "published_at", "version"]
    actions = ["submit_selected", "publish_selected", "withdraw_selected", "tag_selected"]
    fieldsets = [
        (None, {"fields": ["issue", "position", "status_display", "published_at"]}),
        ("标题", {"fields": ["column", "kicker", "title", "subtitle"]}),
        ("正文", {"fields": ["body", "captions"],
                  "description": "段落之间空一行；以“## ”开头的一行是小标题。"}),
        ("标签", {"fields": ["tags"]}),
        (None, {"fields": ["expected_version"], "classes": ["hidden-version"]}),
    ]

    # --- list ---------------------------------------------------------------------------------
    def get_queryset(self, request):
        return super().get_queryset(request).annotate(
            open_warning_count=Count("import_warnings", filter=Q(import_warnings__resolved_at__isnull=True)))

    @admin.display(description="标题", ordering="title")
    def title_link(self, obj):
        url = reverse("admin:articles_article_change", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, obj.title)

    @admin.display(description="报纸与期", ordering="issue_date")
    def paper_and_date(self, obj):
        return f"{obj.issue.publication.name} {obj.issue.date_label}"

    @admin.display(description="状态", ordering="status")
    def status_badge(self, obj):
        label = obj.get_status_display()
        if obj.is_scheduled:
            label = "定时：" + timezone.localtime(obj.published_at).strftime("%m-%d %H:%M")
        css = "scheduled" if obj.is_scheduled else obj.status
        return format_html('<span class="status-badge status-{}">{}</span>', css, label)

    @admin.display(description="最后修改", ordering="updated_at")
    def edited(self, obj):
        when = timezone.localtime(obj.updated_at).strftime("%m-%d %H:%M")
        return f"{when} {obj.last_editor}" if obj.last_editor else when

    @admin.display(description="待处理提示", ordering="open_warning_count")
    def open_warnings(self, obj):
        return obj.open_warning_count or "—"

    @admin.display(description="状态")
    def status_display(self, obj):
        return self.status_badge(obj) if obj.pk else "草稿"

    # --- saving -------------------------------------------------------------------------------
    def get_object(self, request, object_id, from_field=None):
        """The article as this user edits it: a live article's open revision when the change will
        wait for review, so the editor goes on from their own pending text."""
        obj = super().get_object(request, object_id, from_field)
        if obj is not None and workflow.goes_to_review(obj, request.user):
            revision = editing.open_revision(obj)
            if revision is not None:
                for field in workflow.CONTENT_FIELDS:
                    setattr(obj, field, getattr(revision, field))
                obj._working_tags = sorted(revision.tags)
        return obj

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        tags = getattr(obj, "_working_tags", None)
        if tags is not None:
            class WorkingForm(form):
                def __init__(self, *args, **kw):
                    super().__init__(*args, **kw)
                    self.initial["tags"] = ", ".join(tags)
            return WorkingForm
        return form

    def save_model(self, request, obj, form, change):
        # The form's clean() has locked the row and checked the version the editor started from.
        if not change:
            workflow.save_edit(obj, request.user, "新建")
            obj.tags.set(form.cleaned_data.get("tags") or [])
            return
        outcome = workflow.commit_content(obj, request.user, "编辑", tags=list(form.cleaned_data.get("tags") or []))
        if outcome == "review":
            messages.info(request, "这篇文章已发布：你的修改已存为待审修订，主编发布之前，网站上仍是原来的文字。")

    def response_change(self, request, obj):
        """A workflow button pressed with unsaved edits: the edits were saved first, now the step."""
        action = request.POST.get("_transition")
        if not action:
            return super().response_change(request, obj)
        try:
            workflow.article_transition(article=obj, action=action, user=request.user,
                                        comment=request.POST.get("_comment", ""),
                                        publish_at=_aware(request.POST.get("_publish_at")))
        except ValidationError as exc:
            messages.error(request, "修改已保存，但" + "；".join(exc.messages))
        else:
            obj.refresh_from_db()
            messages.success(request, f"修改已保存，《{obj.title}》现在是{obj.get_status_display()}")
        return self._back(obj)

    def save_related(self, request, form, formsets, change):
        # Tags are part of the text (saved, or kept in the revision, by save_model).
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        form = context["adminform"].form
        if obj is not None:
            context.update(self._panels(request, obj, form))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _panels(self, request, obj, form):
        first = obj.history.order_by("history_date", "history_id").first()
        imported_body = first.body if first else ""
        context = {
            "actions_allowed": workflow.allowed_actions(obj, request.user),
            "transitions": obj.transitions.select_related("user"),
            "warnings": obj.import_warnings.all(),
            "open_warning_count": obj.import_warnings.filter(resolved_at__isnull=True).count(),
            "suggestions": obj.tag_suggestions.exclude(state=SuggestionState.REJECTED),
            "accepted_tags": workflow.working_tags(obj),
            "since_import": textdiff.text_diff(imported_body, obj.body),
            "since_import_changed": imported_body != obj.body,
            "imported_text": obj.imported_text,
            "versions_url": reverse("admin:articles_article_versions", args=[obj.pk]),
            "can_publish": request.user.has_perm(workflow.PUBLISH),
            "conflict": form.conflict,
            "revision": editing.open_revision(obj),
            "goes_to_review": workflow.goes_to_review(obj, request.user),
            "open_reports": list(obj.error_reports.filter(status=ReportStatus.OPEN)),
            "reports_url": reverse("admin:articles_errorreport_changelist") + f"?article__id__exact={obj.pk}",
        }
        if form.conflict:
            current = form.conflict.current
            started = obj.history.filter(version=form.loaded_version).order_by("-history_date").first()
            context["conflict_changes"] = [
                (label, textdiff.text_diff(_shown(started, field) if started else "", _shown(current, field)))
                for field, label in COMPARED_FIELDS[:6]
                if not started or _shown(started, field) != _shown(current, field)
            ]
            context["conflict_current"] = current
        return context

    # --- bulk actions -------------------------------------------------------------------------
    def _bulk(self, request, queryset, action):
        try:
            done, skipped = workflow.articles_transition(articles=list(queryset), action=action, user=request.user)
        except PermissionDenied:
            self.message_user(request, "你没有执行这个操作的权限", messages.ERROR)
            return
        self.message_user(request, f"{workflow.ACTIONS[action].label}：{done} 篇", messages.SUCCESS)
        if skipped:
            self.message_user(request, f"以下文章未处理：{'；'.join(skipped)}", messages.WARNING)

    @admin.action(description="提交审核所选文章")
    def submit_selected(self, request, queryset):
        self._bulk(request, queryset, "submit")

    @admin.action(description="立即发布所选文章", permissions=["publish"])
    def publish_selected(self, request, queryset):
        self._bulk(request, queryset, "publish")

    @admin.action(description="撤回所选文章", permissions=["publish"])
    def withdraw_selected(self, request, queryset):
        self._bulk(request, queryset, "withdraw")

    @admin.action(description="给所选文章加标签")
    def tag_selected(self, request, queryset):
        if request.POST.get("tag_name") is not None:
            try:
                count = workflow.articles_add_tag(articles=list(queryset), name=request.POST["tag_name"],
                                                  user=request.user)
                self.message_user(request, f"已给 {count} 篇文章加上标签“{request.POST['tag_name'].strip()}”")
            except ValidationError as exc:
                self.message_user(request, "；".join(exc.messages), messages.ERROR)
            return None
        return TemplateResponse(request, "admin/articles/article/tag_selected.html", {
            **self.admin_site.each_context(request), "title": "给所选文章加标签", "articles": queryset,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        })

    def has_publish_permission(self, request):
        return request.user.has_perm(workflow.PUBLISH)

    # --- workflow views -----------------------------------------------------------------------
    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<id:pk>/transition/", view(self.transition_view), name="articles_article_transition"),
            path("<id:pk>/warning/<id:wid>/<str:what>/", view(self.warning_view), name="articles_article_warning"),
            path("<id:pk>/suggestion/<id:sid>/<str:decision>/", view(self.suggestion_view),
                 name="articles_article_suggestion"),
            path("<id:pk>/versions/", view(self.versions_view), name="articles_article_versions"),
            path("<id:pk>/versions/<id:hid>/restore/", view(self.restore_view), name="articles_article_restore"),
            path("<id:pk>/split/", view(self.split_view), name="articles_article_split"),
        ] + super().get_urls()

    def _back(self, article):
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))

    def _article(self, request, pk) -> Article:
        """An article on this user's desk (another paper's article is not found)."""
        if not super().has_view_permission(request):
            raise PermissionDenied
        return get_object_or_404(self.get_queryset(request), pk=pk)

    def transition_view(self, request, pk):
        article = self._article(request, pk)
        if request.method != "POST":
            return self._back(article)
        publish_at = None
        if request.POST.get("publish_at"):
            try:
                publish_at = timezone.make_aware(
                    timezone.datetime.fromisoformat(request.POST["publish_at"]))
            except ValueError:
                messages.error(request, "发布时间格式不对")
                return self._back(article)
        try:
            workflow.article_transition(article=article, action=request.POST.get("action", ""), user=request.user,
                                        comment=request.POST.get("comment", ""), publish_at=publish_at)
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        else:
            article.refresh_from_db()
            state = "定时发布" if article.is_scheduled else article.get_status_display()
            messages.success(request, f"《{article.title}》现在是{state}")
        return self._back(article)

    def warning_view(self, request, pk, wid, what):
        warning = get_object_or_404(ArticleWarning, pk=wid, article=self._article(request, pk))
        if request.method != "POST":
            return self._back(warning.article)
        try:
            if what == "fix":
                workflow.warning_apply_name_fix(warning=warning, user=request.user)
                messages.success(request, f"已将“{warning.data['wrong']}”改为“{warning.data['right']}”")
            elif what == "resolve":
                workflow.warning_resolve(warning=warning, user=request.user)
            elif what == "dismiss":
                workflow.warning_dismiss(warning=warning, user=request.user, reason=request.POST.get("reason", ""))
            else:
                raise ValidationError("未知操作")
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        return self._back(warning.article)

    def suggestion_view(self, request, pk, sid, decision):
        suggestion = get_object_or_404(TagSuggestion, pk=sid, article=self._article(request, pk))
        if request.method != "POST" or decision not in {"accept", "reject"}:
            return self._back(suggestion.article)
        workflow.require_article(request.user, suggestion.article)
        intel.suggestion_decide(suggestion=suggestion, accept=decision == "accept", user=request.user)
        if request.headers.get("Accept") == "application/json":
            return JsonResponse({"state": suggestion.state, "tags": suggestion.tags_now})
        return self._back(suggestion.article)

    def versions_view(self, request, pk):
        article = self._article(request, pk)
        if not self.has_view_permission(request, article):
            raise PermissionDenied
        records = list(article.history.select_related("history_user").order_by("-history_date", "-history_id"))
        ids = [r.history_id for r in records]
        a = _int(request.GET.get("a"), ids[1] if len(ids) > 1 else (ids[0] if ids else None))
        b = _int(request.GET.get("b"), ids[0] if ids else None)
        older = next((r for r in records if r.history_id == a), None)
        newer = next((r for r in records if r.history_id == b), None)
        comparison = []
        if older and newer:
            for field, label in COMPARED_FIELDS:
                old_value, new_value = _shown(older, field), _shown(newer, field)
                if old_value != new_value:
                    comparison.append((label, textdiff.text_diff(old_value, new_value)))
        return render(request, "admin/articles/article/versions.html", {
            **self.admin_site.each_context(request), "title": f"版本历史：{article.title}", "article": article,
            "records": records, "older": older, "newer": newer, "comparison": comparison, "opts": self.model._meta,
            "can_restore": request.user.has_perm(workflow.CHANGE),
        })

    def restore_view(self, request, pk, hid):
        article = self._article(request, pk)
        record = get_object_or_404(article.history, history_id=hid)  # a version of this article, not another's
        if request.method == "POST" and request.POST.get("confirm"):
            restored = workflow.article_restore(article=article, history_id=hid, user=request.user)
            undo = reverse("admin:articles_deskoperation_undo", args=[restored.operation.pk])
            messages.success(request, format_html(
                '已恢复到所选版本{}；恢复前的版本仍保存在历史中。<a href="{}">撤销这次恢复</a>',
                "（待主编审核）" if workflow.goes_to_review(article, request.user) else "", undo))
            return self._back(article)
        shown = _overlaid(article, request.user)
        changes = [(label, textdiff.text_diff(_shown(shown, field), _shown(record, field)))
                   for field, label in COMPARED_FIELDS[:6] if _shown(shown, field) != _shown(record, field)]
        return render(request, "admin/articles/article/restore_confirm.html", {
            **self.admin_site.each_context(request), "title": f"确认恢复：{article.title}", "article": article,
            "record": record, "changes": changes, "opts": self.model._meta,
            "review": workflow.goes_to_review(article, request.user),
        })

    def split_view(self, request, pk):
        article = self._article(request, pk)
        workflow.require_article(request.user, article)
        working = _overlaid(article, request.user)
        blocks = bodytext.parse_body(working.body)
        if request.method == "POST":
            at, title = _int(request.POST.get("at"), 0), request.POST.get("title", "")
            if request.POST.get("confirm"):
                try:
                    created = workflow.article_split(article=article, at_block=at, title=title, user=request.user)
                except ValidationError as exc:
                    messages.error(request, "；".join(exc.messages))
                else:
                    undo = reverse("admin:articles_deskoperation_undo", args=[created.operation.pk])
                    messages.success(request, format_html('已拆分出新文章《{}》。<a href="{}">撤销这次拆分</a>',
                                                          created.title, undo))
                    return HttpResponseRedirect(reverse("admin:articles_issue_desk", args=[article.issue_id]))
            elif 0 < at < len(blocks) and title.strip():
                return render(request, "admin/articles/article/split_confirm.html", {
                    **self.admin_site.each_context(request), "title": f"确认拆分：{article.title}", "article": article,
                    "first": blocks[:at], "second": blocks[at:], "at": at, "new_title": title.strip(),
                    "opts": self.model._meta, "review": workflow.goes_to_review(article, request.user),
                })
            else:
                messages.error(request, "请选择正文中间的一段作为拆分点，并填写新文章的标题")
        return render(request, "admin/articles/article/split.html", {
            **self.admin_site.each_context(request), "title": f"拆分：{article.title}", "article": article,
            "blocks": list(enumerate(blocks)), "opts": self.model._meta,
        })


def _overlaid(article: Article, user) -> Article:
    """The article with the user's pending revision laid over it (unsaved), as they edit it."""
    if workflow.goes_to_review(article, user):
        revision = editing.open_revision(article)
        if revision is not None:
            for field in workflow.CONTENT_FIELDS:
                setattr(article, field, getattr(revision, field))
    return article


def _aware(value):
    if not value:
        return None
    try:
        return timezone.make_aware(timezone.datetime.fromisoformat(value))
    except ValueError as exc:
        raise ValidationError("发布时间格式不对") from exc


def _int(value, default):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _shown(record, field) -> str:
    value = getattr(record, field)
    if field == "captions":
        return "\n\n".join(value or [])
    if field == "status":
        return ArticleStatus(value).label if value else ""
    if field == "published_at":
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""
    return value or ""
