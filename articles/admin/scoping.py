"""Admin lists and forms limited to the user's papers (the services check every write again)."""

from __future__ import annotations

from django.contrib import admin
from django.core.exceptions import PermissionDenied

from ..models import Issue, Publication
from ..services import desks


class DeskScopedAdmin(admin.ModelAdmin):
    # The lookup from this model to its paper ("pk" for papers themselves).
    to_paper = "issue__publication"

    def get_queryset(self, request):
        queryset = desks.scope(request.user, super().get_queryset(request), self.to_paper)
        return queryset.distinct() if "__" in self.to_paper and self.to_paper.startswith("hits") else queryset

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.related_model is Publication:
            kwargs["queryset"] = desks.papers_for(request.user)
        elif db_field.related_model is Issue:
            kwargs["queryset"] = desks.scope(request.user, Issue.objects.all(), "publication")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_object(self, request, object_id, from_field=None):
        # Without the permission at all, the answer is "forbidden", not "no such row on your desk".
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        return super().get_object(request, object_id, from_field)

    def _on_desk(self, request, obj) -> bool:
        return obj is None or self.get_queryset(request).filter(pk=obj.pk).exists()

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._on_desk(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._on_desk(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._on_desk(request, obj)
