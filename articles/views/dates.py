"""Browsing by date: an issue's neighbours, the issue nearest a date, what was printed on this day."""

from __future__ import annotations

import datetime as dt

from django.db.models import Max, Min, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views import View

from ..models import Article, Issue, Publication
from ..models.publication import DatePrecision
from ..readerdates import ReaderDateError, parse_reader_date

ON_THIS_DAY_SIZE = 6


def paper_issues(paper):
    """The paper's issues the public may open, in no particular order."""
    return Issue.objects.with_published_articles().filter(publication=paper).select_related("publication")


def adjacent_issues(issue) -> tuple[Issue | None, Issue | None]:
    """The paper's public issues printed just before and just after this one (the same date:
    by the order they were filed)."""
    issues = paper_issues(issue.publication_id)
    earlier = Q(date__lt=issue.date) | Q(date=issue.date, pk__lt=issue.pk)
    later = Q(date__gt=issue.date) | Q(date=issue.date, pk__gt=issue.pk)
    previous = issues.filter(earlier).order_by("-date", "-pk").first()
    following = issues.filter(later).order_by("date", "pk").first()
    return previous, following


def nearest_issue(paper, day: dt.date) -> Issue | None:
    """The public issue printed nearest `day`: the one in print on that day when both are as near."""
    issues = paper_issues(paper)
    before = issues.filter(date__lte=day).order_by("-date", "pk").first()
    after = issues.filter(date__gt=day).order_by("date", "pk").first()
    if before is None or after is None:
        return before or after
    return before if (day - before.date) <= (after.date - day) else after


def printed_on_this_day(day: dt.date, *, limit: int = ON_THIS_DAY_SIZE):
    """Public articles printed on this month and day in earlier years, the most recent year first.
    Issues dated by month only were not printed on any known day, so they are left out."""
    return list(Article.objects.published().select_related("issue__publication")
                .filter(issue_date__month=day.month, issue_date__day=day.day, issue_date__year__lt=day.year,
                        issue__date_precision=DatePrecision.DAY)
                .newest_first()[:limit])


def date_bounds(paper) -> dict:
    """The first and last print dates a date field on the paper's pages offers."""
    bounds = paper_issues(paper).aggregate(first_date=Min("date"), last_date=Max("date"))
    return {"first_date": bounds["first_date"], "last_date": bounds["last_date"]}


class IssueByDateView(View):
    """/<paper>/date/?date=2024-03-27: to the issue nearest that date; a bad date is explained."""

    def get(self, request, paper):
        paper = get_object_or_404(Publication.objects.public(), slug=paper)
        typed = request.GET.get("date", "")
        try:
            issue = nearest_issue(paper, parse_reader_date(typed))
        except ReaderDateError as error:
            context = {"paper": paper, "error": str(error), "typed": typed[:40], **date_bounds(paper)}
            return render(request, "articles/date_jump.html", context, status=400)
        if issue is None:
            raise Http404
        return redirect(issue.get_absolute_url())
