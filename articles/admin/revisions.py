"""Pending revisions of live articles: the chief's list, the diff against the live text, the decision."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse
from django.utils.html import format_html

from ..models import ArticleRevision, RevisionState
from ..services import desks, revisions, workflow

DECISIONS = {
    "publish": (revisions.revision_publish, "已发布修订，网站上现在是修订后的文字"),
    "return": (revisions.revision_return, "已退回修订，附上了你的意见"),
    "discard": (revisions.revision_discard, "已放弃这份修订，网站上的文字不变"),
}


@admin.register(ArticleRevision)
class ArticleRevisionAdmin(admin.ModelAdmin):
    list_display = ["review_link", "paper", "state", "author", "updated_at"]
    list_filter = ["state", ("article__issue__publication", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["title", "article__title"]
    list_select_related = ["article__issue__publication", "author"]

    def get_queryset(self, request):
        return desks.scope(request.user, super().get_queryset(request), "article__issue__publication")

    @admin.display(description="修订", ordering="title")
    def review_link(self, obj):
        return format_html('<a href="{}">{}</a>', reverse("admin:articles_articlerevision_review", args=[obj.pk]),
                           obj.title)

    @admin.display(description="报纸")
    def paper(self, obj):
        return obj.article.issue.publication.name

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("articles.view_article")

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        revision = self.get_object(request, object_id)
        if revision is None:
            raise Http404("没有这份修订")
        return HttpResponseRedirect(reverse("admin:articles_articlerevision_review", args=[revision.pk]))

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<id:pk>/review/", view(self.review_view), name="articles_articlerevision_review"),
        ] + super().get_urls()

    def review_view(self, request, pk):
        revision = get_object_or_404(self.get_queryset(request).select_related("article"), pk=pk)
        workflow.require_article(request.user, revision.article, "articles.view_article")
        if request.method == "POST":
            decide, done = DECISIONS.get(request.POST.get("decision"), (None, ""))
            if decide is None:
                messages.error(request, "未知操作")
            else:
                try:
                    decide(revision=revision, user=request.user, comment=request.POST.get("comment", ""))
                except ValidationError as exc:
                    messages.error(request, "；".join(exc.messages))
                except PermissionDenied:
                    raise
                else:
                    messages.success(request, done)
                    return HttpResponseRedirect(reverse("admin:articles_article_change", args=[revision.article_id]))
            return HttpResponseRedirect(request.path)
        live = revision.article
        return render(request, "admin/articles/articlerevision/review.html", {
            **self.admin_site.each_context(request), "title": f"审阅修订：{live.title}", "revision": revision,
            "article": live, "changes": revisions.revision_diff(revision), "opts": self.model._meta,
            "can_decide": request.user.has_perm(workflow.PUBLISH) and revision.is_open,
            "stale": revision.base_version != live.version, "open": revision.state in (RevisionState.PENDING,),
        })
