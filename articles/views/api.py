"""The read-only JSON API: the same articles, issues and papers the pages show."""

from __future__ import annotations

from django.core.paginator import EmptyPage, Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.views import View

from .. import bodytext
from ..caching import cached
from ..filters import ArticleFilter
from ..models import Article, Issue, Publication
from ..search import search_hits, split_query
from ..siteurl import absolute_url
from .public import IdPaginator, public_articles, public_issues, with_tags
from .snippets import snippet

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
JSON_OPTIONS = {"ensure_ascii": False}


def json_response(data, status=200):
    response = JsonResponse(data, status=status, json_dumps_params=JSON_OPTIONS, safe=not isinstance(data, list))
    response["Cache-Control"] = "public, max-age=60"
    return response


def json_error(message: str, *, status=400, fields=None):
    body = {"error": message}
    if fields:
        body["fields"] = fields
    return JsonResponse(body, status=status, json_dumps_params=JSON_OPTIONS)


class BadParameter(Exception):
    def __init__(self, message, fields=None):
        super().__init__(message)
        self.message, self.fields = message, fields


def _page(request, items, serialize, *, article_ids=False):
    try:
        number = int(request.GET.get("page", "1"))
        size = int(request.GET.get("page_size", PAGE_SIZE))
    except ValueError as exc:
        raise BadParameter("page 和 page_size 必须是正整数") from exc
    if number < 1 or not 1 <= size <= MAX_PAGE_SIZE:
        raise BadParameter(f"page 必须 ≥ 1，page_size 必须在 1 到 {MAX_PAGE_SIZE} 之间")
    paginator = IdPaginator(items, size) if article_ids else Paginator(items, size)
    query = request.GET.copy()
    query.pop("page", None)
    paginator.count = cached(f"api-count:{request.path}?{query.urlencode()}", lambda: paginator.count)
    try:
        page = paginator.page(number)
    except EmptyPage as exc:
        raise BadParameter(f"没有第 {number} 页（共 {paginator.num_pages} 页）") from exc

    def link(n):
        query = request.GET.copy()
        query["page"] = n
        return absolute_url(request, f"{request.path}?{query.urlencode()}")

    return {
        "count": paginator.count,
        "next": link(page.next_page_number()) if page.has_next() else None,
        "previous": link(page.previous_page_number()) if page.has_previous() else None,
        "results": [serialize(item) for item in page.object_list],
    }


class ApiView(View):
    http_method_names = ["get", "head", "options"]

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except BadParameter as exc:
            return json_error(exc.message, fields=exc.fields)
        except Http404:
            return json_error("没有找到", status=404)


def article_summary(request, article: Article, terms=()) -> dict:
    issue = article.issue
    return {
        "id": article.pk,
        "url": absolute_url(request, article.get_absolute_url()),
        "title": article.title,
        "subtitle": article.subtitle or None,
        "column": article.column or None,
        "date": issue.date.isoformat(),
        "date_precision": issue.date_precision,
        "date_inferred": issue.date_inferred,
        "paper": issue.publication.slug,
        "paper_name": issue.publication.name,
        "issue": absolute_url(request, issue.get_absolute_url()),
        "tags": [t.name for t in article.tag_list],
        "snippet": str(snippet(article, list(terms))),
    }


class ArticleListApi(ApiView):
    def get(self, request):
        filterset = ArticleFilter(request.GET, queryset=public_articles())
        if not filterset.form.is_valid():
            raise BadParameter("参数无效", {k: [str(e) for e in v] for k, v in filterset.form.errors.items()})
        query = (request.GET.get("q") or "").strip()[:200]
        walk = not filterset.follows_tag_or_person  # see ArticleQuerySet.newest_first
        if query:
            ids = search_hits(query, filterset.qs if filterset.active else None, walk=walk)
        else:
            ids = filterset.qs.newest_first(by_index=walk).values_list("pk", flat=True)
        terms = split_query(query)
        return json_response(_page(request, ids, lambda a: article_summary(request, a, terms), article_ids=True))


class ArticleDetailApi(ApiView):
    def get(self, request, pk):
        [article] = with_tags([get_object_or_404(public_articles(), pk=pk)])
        data = article_summary(request, article)
        data.pop("snippet")
        data["kicker"] = article.kicker or None
        data["body"] = article.body
        data["blocks"] = [b.to_json() for b in bodytext.parse_body(article.body)]
        data["captions"] = list(article.captions)
        data["page"] = article.page
        data["photos"] = [{"url": absolute_url(request, p.url), "caption": p.caption, "credit": p.credit or None,
                           "width": p.width, "height": p.height} for p in article.photos.all()]
        people = {}
        for m in article.mentions.select_related("person").order_by("person__name", "pk"):
            people.setdefault(m.person_id, {"id": m.person_id, "name": m.person.name, "title": m.title,
                                            "url": absolute_url(request, m.person.get_absolute_url())})
        data["people"] = list(people.values())
        return json_response(data)


def issue_summary(request, issue: Issue) -> dict:
    return {
        "id": issue.pk,
        "url": absolute_url(request, issue.get_absolute_url()),
        "paper": issue.publication.slug,
        "date": issue.date.isoformat(),
        "date_precision": issue.date_precision,
        "date_inferred": issue.date_inferred,
        "number": issue.number,
        "pages": issue.pages,
    }


class IssueListApi(ApiView):
    def get(self, request):
        queryset = public_issues().order_by("-date", "-pk")
        paper = request.GET.get("paper")
        if paper:
            if not Publication.objects.public().filter(slug=paper).exists():
                raise BadParameter("参数无效", {"paper": [f"没有这份报纸：{paper}"]})
            queryset = queryset.filter(publication__slug=paper)
        return json_response(_page(request, queryset, lambda i: issue_summary(request, i)))


class IssueDetailApi(ApiView):
    def get(self, request, pk):
        issue = get_object_or_404(public_issues(), pk=pk)
        data = issue_summary(request, issue)
        articles = with_tags(public_articles().filter(issue=issue).order_by("position", "pk"))
        data["articles"] = [article_summary(request, a) for a in articles]
        for item in data["articles"]:
            item.pop("snippet")
        return json_response(data)


def paper_summary(request, paper: Publication) -> dict:
    return {
        "slug": paper.slug,
        "name": paper.name,
        "town": paper.town,
        "district": paper.district or None,
        "publisher": paper.publisher or None,
        "url": absolute_url(request, paper.get_absolute_url()),
        "api": absolute_url(request, f"/api/papers/{paper.slug}/"),
    }


class PaperListApi(ApiView):
    def get(self, request):
        papers = Publication.objects.public().order_by("name")
        return json_response(_page(request, papers, lambda p: paper_summary(request, p)))


class PaperDetailApi(ApiView):
    def get(self, request, slug):
        paper = get_object_or_404(Publication.objects.public(), slug=slug)
        data = paper_summary(request, paper)
        data["issues"] = absolute_url(request, f"/api/issues/?paper={paper.slug}")
        return json_response(data)
