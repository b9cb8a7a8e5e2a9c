"""The admin site: Django's, with what the stock admin answers with a 500 for malformed staff
input turned into the admin's own answers. Every ModelAdmin registered on it, the project's and
third-party apps' alike (auth, axes, taggit), gets the guard.
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.db import DataError


class LookupsGuard:
    """A changelist whose lookups the database cannot run is an incorrect lookup.

    The changelist accepts a lookup on any field of the model from the query string; some values
    only fail when the query is compiled or run, after the admin's own check (?date_joined__year=0:
    "year 0 is out of range"; a 20-digit foreign key on SQLite: OverflowError). The admin then
    answers as for any bad filter: it redirects to the unfiltered list.
    """

    def get_results(self, request):
        try:
            super().get_results(request)
        except (ValueError, OverflowError, DataError) as exc:
            raise IncorrectLookupParameters(exc) from exc


def _valid_choices(widget, value):
    """The submitted values that can be ids of the widget's model (the rest match nothing)."""
    remote = widget.field.remote_field
    target = remote.model._meta.get_field(getattr(remote, "field_name", None) or remote.model._meta.pk.name)
    valid = []
    for item in value:
        try:
            target.get_prep_value(target.to_python(item))
        except Exception:  # noqa: BLE001 - any value the field refuses is simply not a choice
            continue
        valid.append(item)
    return valid


class SafeAutocompleteSelect(AutocompleteSelect):
    """Re-showing a form whose autocomplete field got a malformed id ("abc") must not query the
    database with it (Django's widget does, and raises)."""

    def optgroups(self, name, value, attr=None):
        return super().optgroups(name, _valid_choices(self, value), attr)


class SafeAutocompleteSelectMultiple(AutocompleteSelectMultiple):
    def optgroups(self, name, value, attr=None):
        return super().optgroups(name, _valid_choices(self, value), attr)


class GuardedModelAdmin:
    """Mixed into every registered ModelAdmin by NewsroomAdminSite.register."""

    def get_changelist(self, request, **kwargs):
        changelist = super().get_changelist(request, **kwargs)
        return type(f"Guarded{changelist.__name__}", (LookupsGuard, changelist), {})

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if field is not None and type(field.widget) is AutocompleteSelect:
            field.widget.__class__ = SafeAutocompleteSelect
        return field

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if field is not None and type(field.widget) is AutocompleteSelectMultiple:
            field.widget.__class__ = SafeAutocompleteSelectMultiple
        return field


class NewsroomAdminSite(admin.AdminSite):
    def register(self, model_or_iterable, admin_class=None, **options):
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, GuardedModelAdmin):
            admin_class = type(admin_class.__name__, (GuardedModelAdmin, admin_class),
                               {"__module__": admin_class.__module__, "__qualname__": admin_class.__qualname__})
        super().register(model_or_iterable, admin_class, **options)
