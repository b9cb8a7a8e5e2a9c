from django.urls import path

from .caching import public_page
from .views import api, dates, feeds, pages, public, reports
from .views import search as search_views
from .views.limits import limited


def page(view):
    return public_page(view)


def search(view):
    """Search and the API answer each client only so often; what they answer is cached like a page."""
    return limited(public_page(view))


urlpatterns = [
    path("", page(public.HomeView.as_view()), name="home"),
    path("search/", search(search_views.SearchView.as_view()), name="search"),
    path("articles/<id:pk>/", page(public.ArticleDetailView.as_view()), name="article-detail"),
    path("articles/<id:pk>/report/", reports.ErrorReportView.as_view(), name="article-report"),
    path("tags/", page(public.TagIndexView.as_view()), name="tag-index"),
    path("tags/<uslug:slug>/", page(public.TagDetailView.as_view()), name="tag-detail"),
    path("tags/<uslug:slug>/feed/", page(feeds.TagFeed()), name="tag-feed"),
    path("people/<id:pk>/", page(public.PersonDetailView.as_view()), name="person-detail"),
    path("feed/", page(feeds.LatestArticlesFeed()), name="feed"),
    path("sitemap.xml", page(feeds.sitemap_index),
         {"sitemaps": feeds.SITEMAPS, "sitemap_url_name": "sitemap-section"}, name="sitemap-index"),
    path("sitemap-<section>.xml", page(feeds.sitemap_section), {"sitemaps": feeds.SITEMAPS},
         name="sitemap-section"),
    path("robots.txt", feeds.robots_txt, name="robots"),
    path("favicon.ico", feeds.favicon),
    path("healthz", feeds.healthz, name="healthz"),
    path("media/print/<str:kind>/<id:pk>/<str:size>/", pages.print_image, name="print-image"),
    path("api/articles/", search(api.ArticleListApi.as_view()), name="api-articles"),
    path("api/articles/<id:pk>/", search(api.ArticleDetailApi.as_view()), name="api-article"),
    path("api/issues/", search(api.IssueListApi.as_view()), name="api-issues"),
    path("api/issues/<id:pk>/", search(api.IssueDetailApi.as_view()), name="api-issue"),
    path("api/papers/", search(api.PaperListApi.as_view()), name="api-papers"),
    path("api/papers/<slug:slug>/", search(api.PaperDetailApi.as_view()), name="api-paper"),
    path("<slug:paper>/", page(public.PaperDetailView.as_view()), name="paper-detail"),
    path("<slug:paper>/feed/", page(feeds.PaperFeed()), name="paper-feed"),
    path("<slug:paper>/<year:year>/", page(public.PaperYearView.as_view()), name="paper-year"),
    # Before the issue pattern: issue slugs are dates (2024-03-27), never this word.
    path("<slug:paper>/date/", dates.IssueByDateView.as_view(), name="paper-date"),
    path("<slug:paper>/<slug:issue>/", page(public.IssueDetailView.as_view()), name="issue-detail"),
    path("<slug:paper>/<slug:issue>/pages/<int:index>/", page(pages.IssuePageView.as_view()), name="issue-page"),
]
