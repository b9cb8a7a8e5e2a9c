"""Filters on the public article lists and search results (django-filter)."""

import django_filters
from django import forms

from .models import Article, Issue, Person, Publication, Tag


def _public(model):
    """The choices of a filter: only what has public content, so that a hidden paper, tag or person
    is answered exactly as an unknown one. A callable, so that "now" is each request's."""
    return lambda request: model.objects.public()


class ArticleFilter(django_filters.FilterSet):
    paper = django_filters.ModelChoiceFilter(
        label="报纸", field_name="issue__publication", to_field_name="slug", queryset=_public(Publication),
        empty_label="全部报纸")
    tag = django_filters.ModelChoiceFilter(label="标签", field_name="tags", to_field_name="slug",
                                           queryset=_public(Tag), widget=forms.HiddenInput)
    # One issue, by its id (an issue's slug is unique only within its paper): the search box on
    # an issue page searches within it.
    issue = django_filters.ModelChoiceFilter(label="期", field_name="issue",
                                             queryset=lambda request: Issue.objects.with_published_articles(),
                                             widget=forms.HiddenInput,
                                             error_messages={"invalid_choice": "没有这一期，或这一期还没有公开"})
    person = django_filters.ModelChoiceFilter(label="人物", method="filter_person", queryset=_public(Person),
                                              widget=forms.HiddenInput)
    year = django_filters.NumberFilter(label="年份", field_name="issue_date__year", min_value=1949, max_value=2100,
                                       widget=forms.NumberInput(attrs={"placeholder": "如 2023", "inputmode": "numeric"}))
    date_from = django_filters.DateFilter(label="起始日期", field_name="issue_date", lookup_expr="gte",
                                          widget=forms.DateInput(attrs={"type": "date"}))
    date_to = django_filters.DateFilter(label="截止日期", field_name="issue_date", lookup_expr="lte",
                                        widget=forms.DateInput(attrs={"type": "date"}))

    class Meta:
        model = Article
        fields = ["paper", "issue", "tag", "person", "year", "date_from", "date_to"]

    def filter_person(self, queryset, name, value):
        return queryset.filter(pk__in=value.mentions.values("article_id"))

    @property
    def valid_qs(self):
        """Filtered by the values that are valid; an invalid value is reported, never an error page."""
        self.form.is_valid()
        queryset = self.queryset
        for name, value in self.form.cleaned_data.items():
            if value not in (None, "") and name not in self.form.errors:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    @property
    def active(self) -> bool:
        if not self.is_bound:
            return False
        self.form.is_valid()
        return any(v not in (None, "") for v in self.form.cleaned_data.values())

    @property
    def follows_tag_or_person(self) -> bool:
        """Does a valid tag or person filter narrow the list? (See ArticleQuerySet.newest_first.)"""
        if not self.is_bound:
            return False
        self.form.is_valid()
        return any(self.form.cleaned_data.get(name) for name in ("tag", "person"))
