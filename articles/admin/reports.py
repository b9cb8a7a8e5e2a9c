"""The editors' queue of reader reports (报告错误), each paper's on its own desk."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils.html import format_html

from ..models import ErrorReport, ReportStatus
from ..services import reports
from .scoping import DeskScopedAdmin


class OpenFirst(admin.SimpleListFilter):
    title = "状态"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return ReportStatus.choices

    def queryset(self, request, queryset):
        return queryset.filter(status=self.value()) if self.value() else queryset


class ReportActionForm(ActionForm):
    note = forms.CharField(label="处理说明", required=False, help_text="标为无需修改时必填")


@admin.register(ErrorReport)
class ErrorReportAdmin(DeskScopedAdmin):
    to_paper = "article__issue__publication"
    list_display = ["created_at", "article_link", "paper", "message_text", "contact", "status", "fix_link"]
    list_display_links = ["created_at"]
    list_filter = [OpenFirst, ("article__issue__publication", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["message", "article__title"]
    list_select_related = ["article__issue__publication", "closed_by"]
    readonly_fields = ["article_link", "message", "contact", "created_at", "status", "note", "closed_at", "closed_by",
                       "fix_link"]
    fields = readonly_fields
    actions = ["mark_fixed", "mark_dismissed"]
    action_form = ReportActionForm

    @admin.display(description="文章", ordering="article__title")
    def article_link(self, obj):
        return format_html('<a href="{}">{}</a>', obj.article.get_absolute_url(), obj.article.title)

    @admin.display(description="报纸与期")
    def paper(self, obj):
        issue = obj.article.issue
        return f"{issue.publication.name} {issue.date_label}"

    @admin.display(description="哪里有错")
    def message_text(self, obj):
        return obj.message if len(obj.message) <= 80 else obj.message[:80] + "…"

    @admin.display(description="改正")
    def fix_link(self, obj):
        # The fix is an edit of the article itself: its own form, revisions and review.
        return format_html('<a class="button" href="{}">去改正</a>',
                           reverse("admin:articles_article_change", args=[obj.article_id]))

    def has_add_permission(self, request):
        return False  # reports come from readers only

    def has_delete_permission(self, request, obj=None):
        return False  # closed, never deleted: what readers said stays on record

    def _close(self, request, queryset, outcome, note):
        try:
            done = reports.reports_close(reports=list(queryset), user=request.user, outcome=outcome, note=note)
        except PermissionDenied:
            self.message_user(request, "你没有处理这些报告的权限", messages.ERROR)
        except ValidationError as error:
            self.message_user(request, "；".join(error.messages), messages.ERROR)
        else:
            self.message_user(request, f"已处理 {done} 条报告", messages.SUCCESS)

    @admin.action(description="标为已改正（文章已在报告后修改）", permissions=["change"])
    def mark_fixed(self, request, queryset):
        self._close(request, queryset, ReportStatus.FIXED, request.POST.get("note", ""))

    @admin.action(description="标为无需修改（需写明理由）", permissions=["change"])
    def mark_dismissed(self, request, queryset):
        self._close(request, queryset, ReportStatus.DISMISSED, request.POST.get("note", ""))
