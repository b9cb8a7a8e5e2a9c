"""Admin views: upload issue files, preview the split as the dry run sees it, confirm the import."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views import View

from ..models import ImportUpload
from ..services import desks
from ..services.batch import FileChoice
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


class ImportOptionsForm(forms.Form):
    publish = forms.BooleanField(required=False, label="导入后立即发布",
                                 help_text="仅主编可用，用于补录旧报；有未处理提示的文章留在编辑台")


NEW_PAPER = "new"


class FileChoiceForm(forms.Form):
    """One file of the upload: which paper it goes into, and its date. Nothing is guessed
    silently: a paper is preselected only when the masthead prints its town."""

    paper = forms.ChoiceField(label="报纸")
    new_name = forms.CharField(label="新报纸名称", required=False, max_length=100)
    new_town = forms.CharField(label="镇/街道", required=False, max_length=50)
    new_district = forms.CharField(label="区", required=False, max_length=50)
    date = forms.DateField(label="出版日期", required=False,
                           widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))

    def __init__(self, *args, parsed, user, **kwargs):
        self.parsed = parsed
        meta = parsed.meta
        papers = list(desks.papers_for(user))
        self.can_create = user.has_perm("articles.add_publication")
        matched = next((p for p in papers if meta.town and p.town == meta.town), None)
        initial = {
            "paper": str(matched.pk) if matched and meta.town_basis == "printed" else "",
            "new_name": meta.publication or (f"{meta.town}社区报" if meta.town else ""),
            "new_town": meta.town or "", "new_district": meta.district or "", "date": meta.date,
        }
        super().__init__(*args, initial=initial, **kwargs)
        choices = [("", "— 请选择报纸 —")] + [(str(p.pk), f"{p.name}（{p.town}）") for p in papers]
        if self.can_create:
            choices.append((NEW_PAPER, "新建报纸（按下面填写）"))
        self.fields["paper"].choices = choices
        self.papers = {str(p.pk): p for p in papers}
        self.inferred_town = meta.town
        self.date_precision = meta.date_precision

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("paper") == NEW_PAPER and not (cleaned.get("new_name") and cleaned.get("new_town")):
            raise ValidationError("新建报纸须填写名称和镇/街道")
        if not cleaned.get("date") and not self.parsed.meta.date:
            self.add_error("date", "报头和文中都没有日期，请填写出版日期")
        return cleaned

    def choice(self, user) -> FileChoice:
        """The editor's choice, a new paper made now when they asked for one."""
        data = self.cleaned_data
        if data["paper"] == NEW_PAPER:
            paper = desks.paper_create(user=user, name=data["new_name"], town=data["new_town"],
                                       district=data["new_district"])
        else:
            paper = self.papers[data["paper"]]
        # The inferred date kept as it is keeps its precision (a month stays a month).
        date = None if data["date"] == self.parsed.meta.date else data["date"]
        return FileChoice(publication=paper, date=date)


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
        outcome = uploads_preview(batch=batch, user=request.user)
        return self._render(request, outcome, ImportOptionsForm(), self._file_forms(request, outcome))

    def post(self, request, batch):
        if request.POST.get("publish") and not request.user.has_perm("articles.publish_article"):
            raise PermissionDenied
        outcome = uploads_preview(batch=batch, user=request.user)
        options = ImportOptionsForm(request.POST)
        forms_ = self._file_forms(request, outcome, request.POST)
        if not (options.is_valid() and all(f.is_valid() for f in forms_)):
            return self._render(request, outcome, options, forms_)
        publish = options.cleaned_data["publish"]
        try:
            choices = {f.parsed.source: f.choice(request.user) for f in forms_}
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
            return self._render(request, outcome, options, forms_)
        done = uploads_import(batch=batch, user=request.user, publish=publish, choices=choices)
        for result in done.imported:
            messages.success(request, f"已导入 {result.issue}：{result.articles} 篇文章")
            if result.held_back:
                messages.warning(request, f"{result.issue} 有 {len(result.held_back)} 篇文章暂未发布："
                                          + "；".join(result.held_back))
        for failure in done.skipped:
            messages.info(request, f"跳过 {failure.line()}")
        for failure in done.failed:
            messages.error(request, f"失败 {failure.line()}")
        for job in done.queued:
            messages.info(request, f"{job.source_name} 已交给后台处理（读取文字、生成版面图和图片），进度见“PDF 导入任务”")
        if done.queued and not done.imported:
            return redirect(reverse("admin:articles_importjob_changelist"))
        if len(done.imported) == 1:
            return redirect(reverse("admin:articles_issue_change", args=[done.imported[0].issue.pk]))
        return redirect(reverse("admin:articles_issue_changelist"))

    def _file_forms(self, request, outcome, data=None):
        return [FileChoiceForm(data, parsed=parsed, user=request.user, prefix=f"file{i}")
                for i, parsed in enumerate(outcome.parsed)]

    def _render(self, request, outcome, options, file_forms):
        context = {
            **_admin_context(self.admin_site, request, "确认导入"),
            "form": options,
            "outcome": outcome,
            "files": list(zip(outcome.parsed, file_forms, strict=True)),
            "can_publish": request.user.has_perm("articles.publish_article"),
        }
        return render(request, self.template_name, context)
