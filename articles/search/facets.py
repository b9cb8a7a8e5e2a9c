"""How a search's hits spread over papers, years and tags: the counts beside the results.

Counted from the set of hits (unordered), which is drawn from the published articles only, so a
hidden article is never counted and a hidden tag never named.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, QuerySet

from ..models import Tag

FACET_LIMIT = 12


@dataclass(frozen=True)
class FacetValue:
    value: str  # what the GET parameter takes
    label: str
    count: int


def paper_counts(matching: QuerySet, *, limit: int = FACET_LIMIT) -> list[FacetValue]:
    rows = (matching.order_by().values("issue__publication__slug", "issue__publication__name")
            .annotate(n=Count("pk", distinct=True)).order_by("-n", "issue__publication__slug")[:limit])
    return [FacetValue(r["issue__publication__slug"], r["issue__publication__name"], r["n"]) for r in rows]


def year_counts(matching: QuerySet) -> list[FacetValue]:
    rows = (matching.order_by().values("issue_date__year").annotate(n=Count("pk", distinct=True))
            .order_by("-issue_date__year"))
    return [FacetValue(str(r["issue_date__year"]), f"{r['issue_date__year']}年", r["n"]) for r in rows]


def tag_counts(matching: QuerySet, *, limit: int = FACET_LIMIT) -> list[FacetValue]:
    rows = (Tag.objects.filter(tagged_articles__content_object__in=matching.order_by().values("pk"))
            .values("slug", "name").annotate(n=Count("tagged_articles", distinct=True)).order_by("-n", "name")[:limit])
    return [FacetValue(r["slug"], r["name"], r["n"]) for r in rows]


def years_of(counts: dict[int, int]) -> list[FacetValue]:
    """Year counts already made (for the chart), newest first."""
    return [FacetValue(str(year), f"{year}年", n) for year, n in sorted(counts.items(), reverse=True)]


def facet_counts(matching: QuerySet, *, years: dict[int, int] | None = None) -> dict[str, list[FacetValue]]:
    """Papers and tags with the most hits first (the first dozen), years newest first (all);
    `years`: the hits' counts per year when already made."""
    return {"paper": paper_counts(matching), "year": year_counts(matching) if years is None else years_of(years),
            "tag": tag_counts(matching)}
