"""Atom feeds for the whole site, each paper and each tag; the sitemap; robots.txt."""

import datetime as dt

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.contrib.syndication.views import Feed
from django.db.models import Max
from django.db.models.functions import ExtractYear
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from .. import bodytext
from ..models import Article, Person, Publication, Tag
from ..models.article import visible
from ..siteurl import SiteRequest, absolute_url
from .public import public_articles, public_issues

FEED_SIZE = 30


class LatestArticlesFeed(Feed):
    feed_type = Atom1Feed
    title = "社区报数字档案：最新文章"
    subtitle = "上海各镇、街道社区报的最新文章"

    def __call__(self, request, *args, **kwargs):
        # The feed's links are written with the site's origin, not the request's Host.
        return super().__call__(SiteRequest(request), *args, **kwargs)

    def link(self):
        return reverse("home")

    def items(self):
        return feed_articles(public_articles())

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return bodytext.plain_text(item.body)[:300]

    def item_pubdate(self, item):
        """The day the paper printed it: a back issue put online today is not today's news."""
        return print_datetime(item.issue_date)

    def item_updateddate(self, item):
        # Never before the print date, which Atom readers would take for a clock error.
        return max(item.updated_at, print_datetime(item.issue_date))

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]

    def item_author_name(self, item):
        return item.issue.publication.name


def feed_articles(articles):
    """The latest put online (so that subscribers hear of a back issue too), each dated by print."""
    return articles.prefetch_related("tags").order_by("-published_at", "-pk")[:FEED_SIZE]


def print_datetime(day: dt.date) -> dt.datetime:
    """Midnight of the print date in the site's time zone."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time()))


class PaperFeed(LatestArticlesFeed):
    def get_object(self, request, paper):
        return get_object_or_404(Publication.objects.public(), slug=paper)

    def title(self, obj):
        return f"{obj.name}：最新文章"

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        return feed_articles(public_articles().filter(issue__publication=obj))


class TagFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Tag.objects.public(), slug=slug)

    def title(self, obj):
        return f"标签“{obj.name}”：最新文章"

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        return feed_articles(public_articles().filter(tags=obj))


def last_change(prefix: str = "") -> Max:
    """The latest change to a public article reached through `prefix`: a page's lastmod."""
    return Max(f"{prefix}updated_at", filter=visible(prefix))


class HomeSitemap(Sitemap):
    changefreq = "daily"
    priority = 1.0

    def items(self):
        return ["home"]

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        return Article.objects.published().aggregate(at=Max("updated_at"))["at"]


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    limit = 10000

    def items(self):
        return Article.objects.published().order_by("pk").only("pk", "updated_at")

    def lastmod(self, obj):
        return obj.updated_at


class IssueSitemap(Sitemap):
    changefreq = "monthly"
    limit = 10000

    def items(self):
        return public_issues().annotate(changed=last_change("articles__")).order_by("pk")

    def lastmod(self, obj):
        return obj.changed


class PaperSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return (Publication.objects.public().annotate(changed=last_change("issues__articles__"))
                .order_by("pk"))

    def lastmod(self, obj):
        return obj.changed


class YearSitemap(Sitemap):
    """Each paper's year archive: one row per paper and year with a public article."""

    changefreq = "monthly"

    def items(self):
        return list(Article.objects.published().annotate(year=ExtractYear("issue_date"))
                    .values("issue__publication__slug", "year").annotate(changed=Max("updated_at"))
                    .order_by("issue__publication__slug", "year"))

    def location(self, item):
        return reverse("paper-year", args=[item["issue__publication__slug"], item["year"]])

    def lastmod(self, item):
        return item["changed"]


class TagSitemap(Sitemap):
    changefreq = "weekly"
    limit = 10000

    def items(self):
        return (Tag.objects.public().annotate(changed=last_change("tagged_articles__content_object__"))
                .order_by("pk"))

    def lastmod(self, obj):
        return obj.changed


class PersonSitemap(Sitemap):
    changefreq = "monthly"
    limit = 10000

    def items(self):
        return Person.objects.public().annotate(changed=last_change("mentions__article__")).order_by("pk")

    def lastmod(self, obj):
        return obj.changed


SITEMAPS = {"home": HomeSitemap, "papers": PaperSitemap, "years": YearSitemap, "issues": IssueSitemap,
            "articles": ArticleSitemap, "tags": TagSitemap, "people": PersonSitemap}


def sitemap_index(request, **kwargs):
    return sitemap_views.index(SiteRequest(request), **kwargs)


def sitemap_section(request, **kwargs):
    return sitemap_views.sitemap(SiteRequest(request), **kwargs)


def favicon(request):
    from django.http import HttpResponsePermanentRedirect
    from django.templatetags.static import static

    return HttpResponsePermanentRedirect(static("newsroom/favicon.svg"))


def healthz(request):
    """For the load balancer: the app answers and its database does."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


def robots_txt(request):
    sitemap = absolute_url(request, reverse("sitemap-index"))
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /search/", "Disallow: /api/", "", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
