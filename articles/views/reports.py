"""报告错误 from under an article: no login, CSRF-checked, a few per reader per hour."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django_ratelimit.core import is_ratelimited

from ..forms import ErrorReportForm
from ..services.reports import report_error
from .public import ArticleDetailView

REPORTED = "reported"  # the query word of the article page that thanks the reader


class ErrorReportView(ArticleDetailView):
    """POST /articles/<id>/report/: keep the report and thank the reader on the article page; on
    a problem, the article page again with the reader's text in the form and what to change."""

    http_method_names = ["get", "post"]

    def get(self, request, *args, **kwargs):
        return redirect(f"{self.get_object().get_absolute_url()}#report")

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        form = ErrorReportForm(request.POST)
        status = 400
        if is_ratelimited(request, group="report", key="ip", rate=settings.RATELIMIT_REPORT, increment=True):
            form.is_valid()
            form.add_error(None, "发送得太频繁了，请过一个小时再试。你写的内容还在下面。")
            status = 429
        elif form.is_valid():
            try:
                report_error(article_id=self.object.pk, message=form.cleaned_data["message"],
                             contact=form.cleaned_data["contact"])
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return redirect(f"{self.object.get_absolute_url()}?{REPORTED}=1#report")
        context = self.get_context_data(object=self.object, report_form=form)
        return self.render_to_response(context, status=status)
