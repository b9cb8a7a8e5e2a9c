"""The public search page: the query read with its operators, widened by what editors know,
searched within a paper, a year or an issue, with the hits counted per paper, year and tag.

GET parameters: q (the query), and the list filters of articles.filters.ArticleFilter, among
them the scopes paper=<paper slug>, year=<YYYY> and issue=<issue id>.
"""

from __future__ import annotations

from django.utils.functional import cached_property

from ..caching import cached
from ..models import Issue, Publication, Tag
from ..search import NEWEST, describe, exact_query, parse_query, plan_with_variants, search_hits
from ..search.facets import facet_counts
from ..services.people import people_named
from .public import FilteredArticleList
from .snippets import snippet

FACETS = [("paper", "报纸", "不限报纸"), ("year", "年份", "不限年份"), ("tag", "标签", "不限标签")]


class SearchView(FilteredArticleList):
    template_name = "articles/search.html"
    chart_label = "搜索结果：每年篇数"

    @cached_property
    def query(self) -> str:
        return (self.request.GET.get("q") or "").strip()[:200]

    @cached_property
    def parsed(self):
        return parse_query(self.query)

    @cached_property
    def searching(self) -> bool:
        """A query was given and can be read: the page lists its hits."""
        return bool(self.query) and not self.parsed.error

    @cached_property
    def plan(self):
        return plan_with_variants(self.parsed)

    @cached_property
    def hits(self):
        # Unfiltered, the whole public archive is searched, which the index alone can count.
        within = self.filtered() if self.filterset.active else None
        return search_hits(self.plan, within, walk=not self.follows_a_tag_or_person())

    def matching(self):
        if self.query:
            return self.hits.matching if self.searching else self.filtered().none()
        return super().matching()

    def hit_ids(self):
        if self.query:
            return self.hits if self.searching else []
        return super().hit_ids()

    def link(self, **changes) -> str:
        """This search with some parameters changed (None: dropped), from the first page."""
        query = self.request.GET.copy()
        query.pop("page", None)
        for name, value in changes.items():
            query.pop(name, None)
            if value is not None:
                query[name] = value
        return "?" + query.urlencode()

    def facets(self) -> list[dict]:
        key = self.link()
        counts = cached(f"facets:{self.request.path}{key}", lambda: facet_counts(self.matching(), years=self.year_counts))
        chosen = {name: self.request.GET.get(name, "") for name, _, _ in FACETS}
        facets = []
        for name, label, clear in FACETS:
            values = [{"label": v.label, "count": v.count, "url": self.link(**{name: v.value}),
                       "current": v.value == chosen[name]} for v in counts[name]]
            if values:
                facets.append({"name": name, "label": label, "values": values, "clear_label": clear,
                               "clear": self.link(**{name: None}) if chosen[name] else ""})
        return facets

    def scope(self) -> dict | None:
        """What the search is confined to, when a box on a paper, year or issue page sent it."""
        data = {}
        if self.filterset.is_bound:
            self.filterset.form.is_valid()  # an invalid value is reported by the filters; the valid ones apply
            data = self.filterset.form.cleaned_data
        issue: Issue | None = data.get("issue")
        paper: Publication | None = data.get("paper")
        year = data.get("year")
        tag: Tag | None = data.get("tag")
        parts = []
        if issue is not None:
            parts.append(f"{issue.publication.name} {issue.date_label}" + (f" 总第{issue.number}期" if issue.number else ""))
        elif paper is not None:
            parts.append(paper.name)
        if year:
            parts.append(f"{int(year)}年")
        if tag is not None:
            parts.append(f"标签“{tag.name}”")
        if not parts:
            return None
        everywhere = self.link(paper=None, year=None, issue=None, tag=None, person=None, date_from=None, date_to=None)
        return {"label": "、".join(parts), "everywhere": everywhere}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["q"] = self.query
        context["query_error"] = self.parsed.error if self.query or "q" in self.request.GET else ""
        context["scope"] = self.scope()
        if not self.searching:
            context["results"] = [(a, snippet(a, [])) for a in context["object_list"]]
            return context
        plan = self.plan
        context["reading"] = describe(self.parsed)
        context["notice"] = self.parsed.notice
        context["variants"] = [s for added in plan.added for s in added]
        if context["variants"]:
            context["exact_link"] = self.link(q=exact_query(self.parsed))
        context["newest_first"] = self.hits.ordering == NEWEST
        context["results"] = [(a, snippet(a, self.hits.terms)) for a in context["object_list"]]
        names = [w.text for w in self.parsed.words if not w.exact]
        context["people"] = people_named(names) if names else []
        context["facets"] = self.facets() if context["paginator"].count else []
        return context
