from django.contrib import admin
from django.urls import path, reverse
from django.utils.html import format_html

from ..models import ArticleWarning, Correction, Issue, Mention, Person, Publication
from ..services import desks
from .articles import ArticleAdmin  # noqa: F401  (registers itself)
from .desk import (
    correction_undo_view,
    correction_view,
    issue_desk_view,
    operation_undo_view,
    paper_staff_view,
    repair_view,
)
from .fields import ContactField, NameListField
from .filters import ReadyIssueFilter
from .jobs import ImportJobAdmin  # noqa: F401  (registers itself)
from .reports import ErrorReportAdmin  # noqa: F401  (registers itself)
from .revisions import ArticleRevisionAdmin  # noqa: F401  (registers itself)
from .scoping import DeskScopedAdmin
from .vocabulary import TagAdmin, VocabularyWordAdmin  # noqa: F401  (register themselves)

# The editors' home says what waits for whom (services/home.py), above the list of models.
admin.site.index_template = "admin/newsroom_index.html"
admin.site.index_title = "待我处理"


@admin.register(Publication)
class PublicationAdmin(DeskScopedAdmin):
    to_paper = "pk"
    list_display = ["name", "town", "district", "publisher", "slug", "desk_link"]
    search_fields = ["name", "town", "district", "publisher"]
    list_filter = ["district"]
    exclude = ["staff"]  # assigned on the paper's desk page, by who may assign whom

    @admin.display(description="编辑部")
    def desk_link(self, obj):
        return format_html('<a href="{}">编辑部成员</a>', reverse("admin:articles_publication_staff", args=[obj.pk]))

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<id:pk>/staff/", view(lambda request, pk: paper_staff_view(self.admin_site, request, pk)),
                 name="articles_publication_staff"),
        ] + super().get_urls()


@admin.register(Issue)
class IssueAdmin(DeskScopedAdmin):
    to_paper = "publication"
    change_list_template = "admin/articles/issue/change_list.html"
    list_display = ["__str__", "publication", "date", "date_precision", "number", "article_count", "desk_link",
                    "source_name", "imported_by", "imported_at"]
    list_filter = [("publication", admin.RelatedOnlyFieldListFilter), ReadyIssueFilter, "date_precision",
                   "date_inferred", ("date", admin.DateFieldListFilter)]
    search_fields = ["source_name", "source_sha256", "publication__name"]
    date_hierarchy = "date"
    readonly_fields = ["source_sha256", "source_encoding", "imported_at", "imported_by", "source_name"]
    list_select_related = ["publication", "imported_by"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "editorial_board":
            return NameListField(label=db_field.verbose_name, required=False, help_text="每行一人，按报头印刷的顺序")
        if db_field.name == "contact":
            return ContactField(label=db_field.verbose_name, required=False,
                                help_text="每行一项，如 电话：021-12345678、邮箱、传真、地址")
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description="文章数")
    def article_count(self, obj):
        return obj.articles.count()

    @admin.display(description="编排")
    def desk_link(self, obj):
        return format_html('<a href="{}">本期编排</a>', reverse("admin:articles_issue_desk", args=[obj.pk]))

    def get_urls(self):
        from .importing import IssueImportPreviewView, IssueUploadView

        view = self.admin_site.admin_view
        return [
            path("import/", view(IssueUploadView.as_view(admin_site=self.admin_site)), name="articles_issue_import"),
            path("import/<uuid:batch>/", view(IssueImportPreviewView.as_view(admin_site=self.admin_site)),
                 name="articles_issue_import_preview"),
            path("<id:pk>/desk/", view(lambda request, pk: issue_desk_view(self.admin_site, request, pk)),
                 name="articles_issue_desk"),
            path("<id:pk>/repair/<id:article_pk>/",
                 view(lambda request, pk, article_pk: repair_view(self.admin_site, request, pk, article_pk)),
                 name="articles_issue_repair"),
            path("operation/<id:pk>/undo/",
                 view(lambda request, pk: operation_undo_view(self.admin_site, request, pk)),
                 name="articles_deskoperation_undo"),
        ] + super().get_urls()


@admin.register(ArticleWarning)
class ArticleWarningAdmin(DeskScopedAdmin):
    to_paper = "article__issue__publication"
    list_display = ["article", "code", "message", "resolved_at"]
    list_filter = ["code", ("resolved_at", admin.EmptyFieldListFilter)]
    search_fields = ["message", "article__title"]
    list_select_related = ["article"]


class MentionInline(admin.TabularInline):
    model = Mention
    extra = 0
    fields = ["title", "office", "issue_date", "article"]
    readonly_fields = fields
    can_delete = False


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    """People are kept per town: a desk sees the people of its papers' towns."""

    list_display = ["name", "town"]
    list_filter = ["town"]
    search_fields = ["name"]
    inlines = [MentionInline]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(town__in=desks.papers_for(request.user).values("town"))


@admin.register(Correction)
class CorrectionAdmin(DeskScopedAdmin):
    to_paper = "hits__article__issue__publication"
    change_list_template = "admin/articles/correction/change_list.html"
    list_display = ["find", "replace", "hit_count", "user", "at", "undone_at", "undo_button"]
    readonly_fields = ["find", "replace", "user", "at", "undone_at", "undone_by"]

    @admin.display(description="处数")
    def hit_count(self, obj):
        return obj.hits.count()

    @admin.display(description="撤销")
    def undo_button(self, obj):
        if obj.undone_at:
            return "已撤销"
        return format_html('<a class="button" href="{}">撤销…</a>',
                           reverse("admin:articles_correction_undo", args=[obj.pk]))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("articles.correct_archive") and self._on_desk(request, obj)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("find/", view(lambda request: correction_view(self.admin_site, request)),
                 name="articles_correction_find"),
            path("<id:pk>/undo/", view(lambda request, pk: correction_undo_view(self.admin_site, request, pk)),
                 name="articles_correction_undo"),
        ] + super().get_urls()
