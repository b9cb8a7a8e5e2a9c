"""Atom feeds for the whole site, each paper and each tag; the sitemap; robots.txt."""

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from .. import bodytext
from ..models import Article, Publication, Tag
from ..siteurl import SiteRequest, absolute_url
from .public import popular_tags, public_articles, public_issues

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
        return public_articles().order_by("-published_at", "-pk")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return bodytext.plain_text(item.body)[:300]

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.issue.publication.name


class PaperFeed(LatestArticlesFeed):
    def get_object(self, request, paper):
        return get_object_or_404(Publication.objects.public(), slug=paper)

    def title(self, obj):
        return f"{obj.name}：最新文章"

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        return public_articles().filter(issue__publication=obj).order_by("-published_at", "-pk")[:FEED_SIZE]


class TagFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Tag.objects.public(), slug=slug)

    def title(self, obj):
        return f"标签“{obj.name}”：最新文章"

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        return public_articles().filter(tags=obj).order_by("-published_at", "-pk")[:FEED_SIZE]


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    limit = 10000

    def items(self):
        return Article.objects.published().order_by("pk").only("pk", "updated_at")

    def lastmod(self, obj):
        return obj.updated_at


class IssueSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return public_issues().order_by("pk")


class PaperSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Publication.objects.public().order_by("pk")


class TagSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return popular_tags()


SITEMAPS = {"articles": ArticleSitemap, "issues": IssueSitemap, "papers": PaperSitemap, "tags": TagSitemap}


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
