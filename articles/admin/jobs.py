"""PDF import jobs in the admin: their progress while the worker runs them, why one failed, a retry."""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.urls import reverse
from django.utils.html import format_html

from ..models import ImportJob, JobStatus
from ..services.jobs import jobs_retry


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    change_list_template = "admin/articles/importjob/change_list.html"
    change_form_template = "admin/articles/importjob/change_form.html"
    list_display = ["source_name", "status", "progress_bar", "step", "error", "attempts", "issue_link",
                    "created_by", "created_at"]
    list_filter = ["status"]
    search_fields = ["source_name", "sha256"]
    list_select_related = ["issue__publication", "created_by"]
    actions = ["retry"]
    fields = ["source_name", "status", "progress_bar", "step", "error", "attempts", "issue_link", "size", "sha256",
              "created_by", "created_at", "started_at", "finished_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False  # jobs come from an upload (期 → 导入期刊)

    def has_change_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("articles.add_issue") or super().has_view_permission(request, obj)

    @admin.display(description="进度")
    def progress_bar(self, obj):
        return format_html('<progress max="100" value="{}" aria-label="进度">{}%</progress> {}%', obj.progress,
                           obj.progress, obj.progress)

    @admin.display(description="期")
    def issue_link(self, obj):
        if obj.issue is None:
            return "—"
        return format_html('<a href="{}">{}</a>', reverse("admin:articles_issue_change", args=[obj.issue_id]), obj.issue)

    @admin.action(description="重试所选的失败任务", permissions=["retry"])
    def retry(self, request, queryset):
        retried = sum(1 for job in queryset.filter(status__in=[JobStatus.FAILED, JobStatus.RUNNING])
                      if jobs_retry(job=job))
        messages.info(request, f"已重新排队 {retried} 个任务")

    def has_retry_permission(self, request):
        return request.user.has_perm("articles.add_issue")

    def changelist_view(self, request, extra_context=None):
        running = ImportJob.objects.filter(status__in=[JobStatus.QUEUED, JobStatus.RUNNING]).exists()
        return super().changelist_view(request, {**(extra_context or {}), "refresh": running})

    def change_view(self, request, object_id, form_url="", extra_context=None):
        job = self.get_object(request, unquote(object_id))  # None for an id that is not one
        refresh = job is not None and not job.is_finished
        return super().change_view(request, object_id, form_url, {**(extra_context or {}), "refresh": refresh})
