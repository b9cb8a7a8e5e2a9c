"""Admin views: upload issue files, preview the split as the dry run sees it, confirm the import."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views import View

from ..models import ImportUpload, Publication
from ..services.uploads import uploads_import, uploads_preview, uploads_store
from ..uploadlimits import refused_uploads


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".txt,.pdf,text/plain,application/pdf"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class IssueUploadForm(forms.Form):
    files = MultipleFileField(label="期刊文件",
                              help_text="印刷厂的 PDF，或从排版文件导出的 .txt 文字，可一次选择多个文件")


class IssueImportConfirmForm(forms.Form):
    publication = forms.ModelChoiceField(Publication.objects.all(), required=False, label="报纸",
                                         help_text="留空则按报头或文中地名推断")
    date = forms.DateField(required=False, label="出版日期", help_text="留空则按报头或文中日期推断",
                           widget=forms.DateInput(attrs={"type": "date"}))
    publish = forms.BooleanField(required=False, label="导入后立即发布", help_text="仅主编可用，用于补录旧报")


def _admin_context(admin_site, request, title):
    return {**admin_site.each_context(request), "title": title}


@method_decorator(staff_member_required, name="dispatch")
class IssueUploadView(View):
    admin_site = None
    template_name = "admin/articles/issue/import_upload.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("articles.add_issue"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self._render(request, IssueUploadForm())

    def post(self, request):
        form = IssueUploadForm(request.POST, request.FILES)
        refused = refused_uploads(request)
        if refused:  # dropped while they were received; nothing of this upload is kept
            form.is_valid()
            form.errors["files"] = form.error_class([r.message for r in refused])
            return self._render(request, form)
        if not form.is_valid():
            return self._render(request, form)
        batch = uploads_store(files=form.cleaned_data["files"], user=request.user)
        return redirect(reverse("admin:articles_issue_import_preview", kwargs={"batch": batch}))

    def _render(self, request, form):
        context = {**_admin_context(self.admin_site, request, "导入期刊"), "form": form}
        return render(request, self.template_name, context)


@method_decorator(staff_member_required, name="dispatch")
class IssueImportPreviewView(View):
    admin_site = None
    template_name = "admin/articles/issue/import_preview.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("articles.add_issue"):
            raise PermissionDenied
        if not ImportUpload.objects.filter(batch=kwargs["batch"], uploaded_by=request.user).exists():
            messages.warning(request, "这批上传已经导入或已过期，请重新上传。")
            return redirect(reverse("admin:articles_issue_import"))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, batch):
        return self._render(request, batch, IssueImportConfirmForm())

    def post(self, request, batch):
        form = IssueImportConfirmForm(request.POST)
        if not form.is_valid():
            return self._render(request, batch, form)
        publish = form.cleaned_data["publish"]
        if publish and not request.user.has_perm("articles.publish_article"):
            raise PermissionDenied
        outcome = uploads_import(batch=batch, user=request.user, publication=form.cleaned_data["publication"],
                                 date=form.cleaned_data["date"], publish=publish)
        for result in outcome.imported:
            messages.success(request, f"已导入 {result.issue}：{result.articles} 篇文章")
        for failure in outcome.skipped:
            messages.info(request, f"跳过 {failure.line()}")
        for failure in outcome.failed:
            messages.error(request, f"失败 {failure.line()}")
        for job in outcome.queued:
            messages.info(request, f"{job.source_name} 已交给后台处理（读取文字、生成版面图和图片），进度见“PDF 导入任务”")
        if outcome.queued and not outcome.imported:
            return redirect(reverse("admin:articles_importjob_changelist"))
        if len(outcome.imported) == 1:
            return redirect(reverse("admin:articles_issue_change", args=[outcome.imported[0].issue.pk]))
        return redirect(reverse("admin:articles_issue_changelist"))

    def _render(self, request, batch, form):
        outcome = uploads_preview(batch=batch, user=request.user)
        context = {
            **_admin_context(self.admin_site, request, "确认导入"),
            "form": form,
            "outcome": outcome,
            "can_publish": request.user.has_perm("articles.publish_article"),
        }
        return render(request, self.template_name, context)
