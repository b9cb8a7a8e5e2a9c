from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.db.models import Count

from ..models import Article, ArticleWarning, Issue, Tag


class YearFilter(admin.SimpleListFilter):
    title = "年份"
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = Issue.objects.dates("date", "year", order="DESC")
        return [(str(d.year), f"{d.year}年") for d in years]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        if not (self.value().isascii() and self.value().isdigit() and 1 <= int(self.value()) <= 9999):
            # The admin's answer to any bad filter (the unfiltered list again), not a 500.
            raise IncorrectLookupParameters(f"没有这一年：{self.value()}")
        return queryset.filter(issue_date__year=int(self.value()))


class HasWarningsFilter(admin.SimpleListFilter):
    title = "导入提示"
    parameter_name = "warnings"

    def lookups(self, request, model_admin):
        return [("open", "有待处理提示"), ("none", "无待处理提示")]

    def queryset(self, request, queryset):
        open_warnings = ArticleWarning.objects.filter(resolved_at__isnull=True).values("article_id")
        if self.value() == "open":
            return queryset.filter(pk__in=open_warnings)
        if self.value() == "none":
            return queryset.exclude(pk__in=open_warnings)
        return queryset


class TagFilter(admin.SimpleListFilter):
    title = "标签"
    parameter_name = "tag"

    def lookups(self, request, model_admin):
        tags = (Tag.objects.annotate(n=Count("tagged_articles")).filter(n__gt=0).order_by("-n", "name")[:40])
        return [(t.slug, f"{t.name}（{t.n}）") for t in tags]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(tags__slug=self.value())
        return queryset


class ScheduledFilter(admin.SimpleListFilter):
    title = "定时发布"
    parameter_name = "scheduled"

    def lookups(self, request, model_admin):
        return [("yes", "已定时、尚未公开")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(pk__in=Article.objects.scheduled().values("pk"))
        return queryset


class ReturnedFilter(admin.SimpleListFilter):
    title = "退回"
    parameter_name = "returned"

    def lookups(self, request, model_admin):
        return [("me", "退回给我的")]

    def queryset(self, request, queryset):
        if self.value() == "me":
            from ..services.home import returned_to

            return queryset.filter(pk__in=returned_to(request.user).values("pk"))
        return queryset


class ReadyIssueFilter(admin.SimpleListFilter):
    title = "发布"
    parameter_name = "ready"

    def lookups(self, request, model_admin):
        return [("yes", "可以发布")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            from ..services.home import ready_issues

            return queryset.filter(pk__in=ready_issues(request.user).values("pk"))
        return queryset
