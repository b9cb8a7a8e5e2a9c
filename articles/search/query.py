"""Finding articles: every term as an exact substring, through the index, ranked and paged
without sorting every hit of a common word.

Which articles hold a term is the database's search backend's answer (backends/); ranking,
paging and the walk for common terms are the same on every database. Visibility is decided by
the queryset searched, i.e. by Article.objects.published().
"""

from __future__ import annotations

from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Length, Replace
from django.utils.functional import cached_property

from ..models import NEWEST_FIRST, Article, ArticleStatus, SearchEntry
from .backends import backend
from .plan import SearchPlan

# Up to this many hits, how often the term occurs in each ranks them.
FREQUENCY_RANK_LIMIT = 1000
# A term held by more than one indexed article in COMMON_SHARE is common: its hits are shown
# newest first, found by walking the archive newest first instead of ranking every hit.
COMMON_SHARE = 50
WALK_CHUNK = 500  # the first stretch walked; each next one is twice as long
WALK_ROWS = 8000  # a walk that has not found its page after this many articles gives way
WALK_DEPTH = 500  # results beyond this come from the ordered query, not a walk
SCHEDULED_LIMIT = 200  # with more articles waiting to go public, hits are counted in the article table

RELEVANCE, NEWEST = "relevance", "newest"


def _count_in_index(terms: list[str]) -> int | None:
    """Hits in the whole public archive, from the index: None if that would not be cheaper.

    Only published articles are indexed, so the index's count is the answer less those published
    for a later time; looking every hit up in the article table instead costs a row read per hit
    (12,000 hits: 20 ms on SQLite, where the index counts them in 2 ms).
    """
    undated = Article.objects.filter(status=ArticleStatus.PUBLISHED, published_at__isnull=True)
    later = []
    # Two lookups in the (status, published_at) index (an OR of the two makes SQLite scan the
    # table), unordered: the default order would walk the newest-first index instead.
    for waiting in (Article.objects.scheduled(), undated):
        later += waiting.order_by().values_list("pk", flat=True)[:SCHEDULED_LIMIT + 1]
    if len(later) > SCHEDULED_LIMIT:
        return None
    texts = SearchEntry.objects.filter(pk__in=later).values_list("text", flat=True)
    return backend().count_entries(terms) - sum(1 for text in texts if all(t in text for t in terms))


def _indexed_count() -> int:
    from ..caching import cached

    return cached("search-indexed-count", backend().indexed_count)


class SearchHits:
    """The ids of a search's hits in the order shown, sliced lazily like a queryset.

    `matching` is the exact set (unordered); `ordering` says how the hits are ranked. When they
    are shown newest first, a page near the top is found by walking the searched articles newest
    first and testing each against the indexed text, which for a common term stops after a few
    hundred articles where ranking every hit would touch thousands.
    """

    ordered = True  # for Paginator: the order is fixed

    def __init__(self, *, plan: SearchPlan, within: QuerySet | None, matching: QuerySet, queryset: QuerySet,
                 ordering: str, whole_archive: bool = False):
        self.plan, self.matching, self.ordering = plan, matching, ordering
        self.terms = plan.highlighted
        self.within = within  # the articles searched, when a walk through them may serve a page
        self.queryset = queryset  # the hits as articles, in order
        self.whole_archive = whole_archive  # searched every public article, no filter

    @cached_property
    def _count(self) -> int:
        conjunction = self.plan.conjunction
        counted = _count_in_index(conjunction) if self.whole_archive and conjunction else None
        return self.matching.count() if counted is None else counted

    def count(self) -> int:
        return self._count

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, key):
        if isinstance(key, int):
            return self[key:key + 1][0]
        start, stop = key.start or 0, key.stop
        if self.within is not None and self.ordering == NEWEST and stop is not None and stop <= WALK_DEPTH:
            found = self._walk(stop)
            if found is not None:
                return found[start:stop]
        return list(self.queryset.values_list("pk", flat=True)[start:stop])

    def _walk(self, needed: int) -> list[int] | None:
        """The first `needed` hits, or None if they are too sparse among the newest articles.

        The newest articles come with their indexed text and are tested here: a test in SQL
        tempts the planner to scan every text in the index, whose cost it cannot see.
        """
        newest = self.within.newest_first().values_list("pk", "search_entry__text")
        found: list[int] = []
        offset, size = 0, WALK_CHUNK
        while offset < WALK_ROWS:
            stretch = list(newest[offset:offset + size])
            found.extend(pk for pk, text in stretch if text is not None and self.plan.matches(text))
            if len(found) >= needed or len(stretch) < size:
                return found
            offset, size = offset + size, size * 2
        return None


def _holding(engine, string: str) -> Q:
    """Articles holding `string` exactly: a quoted phrase may hold spaces, which no index token
    spans, so its parts narrow the search through the index and the text decides."""
    parts = string.split(" ")
    if len(parts) == 1:
        return engine.holding(string)
    holding = Q(search_entry__text__contains=string)
    for part in dict.fromkeys(parts):
        holding &= engine.holding(part)
    return holding


def _count_matches(engine, clause: tuple[str, ...], limit: int) -> int:
    """How many indexed articles may hold one of the clause's strings (a superset will do)."""
    return engine.count_matches_any(list(dict.fromkeys(max(s.split(" "), key=len) for s in clause)), limit=limit)


def search_hits(query: str | SearchPlan, queryset: QuerySet | None = None, *, walk: bool = True) -> SearchHits:
    """Published articles (of `queryset`) matching the query: a string's terms all as substrings
    of title, subtitle or body, or a SearchPlan's clauses and exclusions (plan.py).

    Ranked by relevance (a hit in the title or subtitle first, then, for a rarer term, how often
    it occurs, then recency); the hits of terms that are all common are shown newest first.
    walk=False when `queryset` follows one tag or person: its articles may all be old, which a
    walk from the newest would reach last (see ArticleQuerySet.newest_first).
    """
    whole_archive = queryset is None
    within = Article.objects.published() if whole_archive else queryset
    plan = query if isinstance(query, SearchPlan) else SearchPlan.literal(query)
    if not plan.clauses:
        none = within.none()
        return SearchHits(plan=plan, within=none, matching=none, queryset=none, ordering=RELEVANCE)
    engine = backend()
    matching = within
    for clause in plan.clauses:
        either = Q()
        for string in clause:
            either |= _holding(engine, string)
        matching = matching.filter(either)
    for string in plan.excluded:
        matching = matching.filter(engine.lacking(string))
    common = max(FREQUENCY_RANK_LIMIT, _indexed_count() // COMMON_SHARE)
    first = plan.clauses[0][0]
    first_count = _count_matches(engine, plan.clauses[0], common + 1)
    if first_count > common and all(_count_matches(engine, c, common + 1) > common for c in plan.clauses[1:]):
        # An excluded word or a phrase with spaces may leave common words few hits, which a walk
        # would look for through the whole archive: such hits are sorted instead.
        walk = walk and not plan.narrowed_by_text
        return SearchHits(plan=plan, within=within if walk else None, matching=matching,
                          queryset=matching.newest_first(by_index=walk), ordering=NEWEST,
                          whole_archive=whole_archive)
    in_title = Q()
    for string in plan.clauses[0]:
        in_title |= Q(title__icontains=string) | Q(subtitle__icontains=string)
    ranked = matching.annotate(
        title_hit=Case(When(in_title, then=Value(1)), default=Value(0), output_field=IntegerField()))
    if first_count > FREQUENCY_RANK_LIMIT:
        # Counting every occurrence in thousands of texts costs more than it tells: recency decides.
        ordered = ranked.order_by("-title_hit", *NEWEST_FIRST)
    else:
        text = F("search_entry__text")
        occurrences = (Length(text) - Length(Replace(text, Value(first), Value("")))) / len(first)
        ordered = ranked.annotate(occurrences=occurrences).order_by("-title_hit", "-occurrences", *NEWEST_FIRST)
    return SearchHits(plan=plan, within=within, matching=matching, queryset=ordered, ordering=RELEVANCE,
                      whole_archive=whole_archive)


def search_articles(query: str | SearchPlan, queryset: QuerySet | None = None) -> QuerySet:
    """The hits of search_hits() as a queryset of articles, in the same order."""
    return search_hits(query, queryset).queryset
