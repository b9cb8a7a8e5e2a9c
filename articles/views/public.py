"""The public site. Every page reads articles through Article.objects.published()."""

from __future__ import annotations

from collections import OrderedDict

from django.core.paginator import Paginator
from django.db.models import Count, F, OuterRef, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.views.generic import DetailView, ListView, TemplateView

from ..caching import cached
from ..charts import year_chart
from ..filters import ArticleFilter
from ..forms import ErrorReportForm
from ..losttext import LOST_TEXT_CODES, with_lost_text_markers
from ..models import Article, Issue, Mention, Person, Publication, Tag
from ..services.people import person_timeline, town_office_holders
from ..services.related import related_articles
from .dates import adjacent_issues, date_bounds, printed_on_this_day
from .pages import page_for, pages_with_articles

PAGE_SIZE = 20


def public_articles():
    return Article.objects.published().select_related("issue__publication")


def public_issues():
    return Issue.objects.with_published_articles().select_related("publication")


def counts_by_year(queryset) -> dict[int, int]:
    rows = queryset.order_by().values("issue_date__year").annotate(n=Count("pk", distinct=True))
    return {r["issue_date__year"]: r["n"] for r in rows}


def with_tags(articles):
    """Give each article `tag_list`, its tags by name, from one query (taggit's prefetch costs
    more than the rest of a page of results)."""
    articles = list(articles)
    tags: dict[int, list[Tag]] = {a.pk: [] for a in articles}
    for tag in (Tag.objects.filter(tagged_articles__content_object__in=list(tags))
                .annotate(article_id=F("tagged_articles__content_object"))):
        tags[tag.article_id].append(tag)
    for article in articles:
        article.tag_list = sorted(tags[article.pk], key=lambda t: t.name)  # the same order on any database
    return articles


GROUP_PAPERS_ABOVE = 12


class HomeView(TemplateView):
    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        def latest_issues():
            """Each paper's latest issue, by district, papers in pinyin order (their slugs): kept as
            plain values, since a city-wide archive lists a couple of hundred."""
            latest_issue = public_issues().filter(publication=OuterRef("pk")).order_by("-date", "-pk").values("pk")[:1]
            papers = list(Publication.objects.annotate(latest_issue_id=Subquery(latest_issue)).filter(
                latest_issue_id__isnull=False).order_by("district", "slug"))
            issues = Issue.objects.select_related("publication").in_bulk([p.latest_issue_id for p in papers])
            return [{"name": paper.name, "district": paper.district, "url": paper.get_absolute_url(),
                     "issue_url": issue.get_absolute_url(), "date": issue.date_label, "number": issue.number}
                    for paper in papers for issue in [issues[paper.latest_issue_id]]]

        def paper_sections():
            papers = latest_issues()
            # A handful of papers read best as one grid; headings per district help only in a long list.
            grouped = len(papers) > GROUP_PAPERS_ABOVE and len({p["district"] for p in papers}) > 1
            return render_to_string("articles/_paper_sections.html", {"papers": papers, "grouped": grouped})

        # The list grows with the city's papers, not with what changed: kept rendered until it does.
        context["paper_sections"] = mark_safe(cached("home-paper-sections", paper_sections))
        context["latest"] = cached("home-latest", lambda: with_tags(public_articles().newest_first()[:12]))
        context["popular_tags"] = popular_tags(limit=24)
        today = timezone.localdate()
        context["on_this_day"] = cached(f"home-on-this-day:{today.isoformat()}", lambda: with_tags(printed_on_this_day(today)))
        context["today"] = today
        return context


def popular_tags(*, limit: int | None = None):
    """Tags by how many public articles carry them (kept until public content changes)."""
    def compute():
        tags = (Tag.objects.filter(tagged_articles__content_object__in=Article.objects.published())
                .annotate(n=Count("tagged_articles", distinct=True)).order_by("-n", "name"))
        return list(tags[:limit] if limit else tags)

    return cached(f"popular-tags:{limit}", compute)


class IdPaginator(Paginator):
    """Paginates a sequence of article ids and fetches whole rows for one page only.

    Ordering thousands of matches while dragging each article's body along costs far more than
    ordering their ids; the 20 shown are then fetched by key.
    """

    def _get_page(self, object_list, number, paginator):
        ids = list(object_list)
        # The rows by key alone: the search and filters that chose them need not run again.
        rows = public_articles().in_bulk(ids)
        return super()._get_page(with_tags(rows[pk] for pk in ids if pk in rows), number, paginator)


def paper_options(chosen) -> str:
    """The <option>s of the paper filter, in pinyin order: built here, not in a template loop,
    since a city-wide archive has a couple of hundred papers."""
    choices = cached("paper-choices", lambda: list(
        Publication.objects.public().order_by("slug").values_list("slug", "name")))
    return format_html_join("", '<option value="{}"{}>{}</option>', (
        (slug, mark_safe(" selected") if slug == chosen else "", name) for slug, name in choices))


class FilteredArticleList(ListView):
    """An article list with the shared filters, a chart of articles per year and pagination."""

    paginate_by = PAGE_SIZE
    chart_label = "每年文章数"

    def base_queryset(self):
        return public_articles()

    @cached_property
    def filterset(self):
        return ArticleFilter(self.request.GET or None, queryset=self.base_queryset())

    def filtered(self):
        return self.filterset.valid_qs if self.request.GET else self.filterset.queryset

    def matching(self):
        """The articles listed (unordered): what the count and the chart describe."""
        return self.filtered()

    follows_one_topic = False  # a tag's or a person's page

    def follows_a_tag_or_person(self) -> bool:
        """See ArticleQuerySet.newest_first: such a list is sorted, never walked."""
        return self.follows_one_topic or self.filterset.follows_tag_or_person

    def hit_ids(self):
        """The ids of the articles listed, in the order shown."""
        by_index = not self.follows_a_tag_or_person()
        return self.filtered().newest_first(by_index=by_index).values_list("pk", flat=True)

    def get_queryset(self):
        return self.filtered()

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get("page"))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_paginator(self, queryset, per_page, **kwargs):
        paginator = IdPaginator(self.hit_ids(), per_page, **kwargs)
        # The count and the chart of a list are figures: kept until public content changes.
        query = self.request.GET.copy()
        query.pop("page", None)
        stats = cached(f"list:{self.request.path}?{query.urlencode()}", lambda: {
            "count": paginator.count, "years": counts_by_year(self.matching())})
        paginator.count = stats["count"]
        self.year_counts = stats["years"]
        return paginator

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter"] = self.filterset
        context["paper_options"] = paper_options(self.filterset.form["paper"].value())
        context["chart"] = year_chart(self.year_counts, label=self.chart_label)
        query = self.request.GET.copy()
        query.pop("page", None)
        context["query_string"] = query.urlencode()
        return context


def lost_text_flags(article) -> list[tuple[str, dict]]:
    """The importer's flags of lost text that still stand: open, or dismissed by the publisher
    (the text stays as printed). One resolved without a reason was handled: the text restored."""
    return list(article.import_warnings.filter(code__in=LOST_TEXT_CODES)
                .exclude(resolved_at__isnull=False, dismiss_reason="").values_list("code", "data"))


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return public_articles().prefetch_related("tags")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        siblings = list(Article.objects.published().filter(issue=article.issue).order_by("position", "pk")
                        .values_list("pk", "title"))
        index = [pk for pk, _ in siblings].index(article.pk)
        context["previous"] = siblings[index - 1] if index > 0 else None
        context["next"] = siblings[index + 1] if index + 1 < len(siblings) else None
        context["people"] = (Person.objects.filter(mentions__article=article)
                             .annotate(title=Subquery(Mention.objects.filter(person=OuterRef("pk"), article=article)
                                                      .values("title")[:1])).distinct().order_by("name"))
        context["related"] = related_articles(article)
        context["blocks"] = with_lost_text_markers(article.blocks, lost_text_flags(article))
        context.setdefault("report_form", ErrorReportForm())
        context["reported"] = self.request.GET.get("reported") == "1"
        context["print_page"] = page_for(article)
        context["photos"] = list(article.photos.all())
        return context


class IssueDetailView(DetailView):
    template_name = "articles/issue_detail.html"
    context_object_name = "issue"

    def get_object(self, queryset=None):
        return get_object_or_404(public_issues(), publication__slug=self.kwargs["paper"], slug=self.kwargs["issue"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["articles"] = list(Article.objects.published().filter(issue=self.object).order_by("position", "pk"))
        context["print_pages"] = pages_with_articles(self.object)
        context["previous_issue"], context["next_issue"] = adjacent_issues(self.object)
        context["issue_scope"] = [("paper", self.object.publication.slug), ("issue", self.object.pk)]
        return context


class PaperDetailView(DetailView):
    template_name = "articles/paper_detail.html"
    slug_url_kwarg = "paper"
    context_object_name = "paper"

    def get_queryset(self):
        return Publication.objects.public()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paper = self.object

        def overview():
            issues = public_issues().filter(publication=paper).order_by("-date", "-pk")
            years = Issue.objects.with_published_articles().filter(publication=paper).dates("date", "year", order="DESC")
            articles = Article.objects.published().filter(issue__publication=paper)
            return {
                "latest_issues": list(issues[:6]),
                "years": [d.year for d in years],
                "chart": year_chart(counts_by_year(articles)),
                "office_holders": town_office_holders(paper.town, public=True),
                **date_bounds(paper),
            }

        context.update(cached(f"paper:{paper.pk}", overview))
        context["paper_scope"] = [("paper", paper.slug)]
        return context


class PaperYearView(TemplateView):
    template_name = "articles/paper_year.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paper = get_object_or_404(Publication.objects.public(), slug=self.kwargs["paper"])
        year = self.kwargs["year"]
        issues = list(public_issues().filter(publication=paper, date__year=year).order_by("date", "pk"))
        if not issues:
            raise Http404
        months: OrderedDict[int, list] = OrderedDict((m, []) for m in range(1, 13))
        for issue in issues:
            months[issue.date.month].append(issue)
        years = cached(f"paper-years:{paper.pk}", lambda: [
            d.year for d in Issue.objects.with_published_articles().filter(publication=paper).dates("date", "year")])
        context.update(paper=paper, year=year, months=[(m, months[m]) for m in months], years=years,
                       year_scope=[("paper", paper.slug), ("year", year)],
                       **cached(f"paper-dates:{paper.pk}", lambda: date_bounds(paper)))
        return context


class TagIndexView(TemplateView):
    template_name = "articles/tag_index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["tags"] = popular_tags()
        return context


class TagDetailView(FilteredArticleList):
    template_name = "articles/tag_detail.html"
    follows_one_topic = True
    chart_label = "每年篇数"

    @cached_property
    def tag(self):
        return get_object_or_404(Tag.objects.public(), slug=self.kwargs["slug"])

    def base_queryset(self):
        return public_articles().filter(tags=self.tag)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["tag"] = self.tag
        return context


class PersonDetailView(FilteredArticleList):
    template_name = "articles/person_detail.html"
    follows_one_topic = True
    chart_label = "每年被提及的篇数"

    @cached_property
    def person(self):
        return get_object_or_404(Person.objects.public(), pk=self.kwargs["pk"])

    def base_queryset(self):
        return public_articles().filter(mentions__person=self.person).distinct()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["person"] = self.person
        context["timeline"] = person_timeline(self.person, public=True)
        return context
