from django.conf import settings

from .siteurl import site_origin


def site(request):
    # site_origin, not request.build_absolute_uri: canonical and Open Graph URLs must not follow
    # a request's Host header into a page cached for everyone.
    return {"site_name": settings.SITE_NAME, "site_origin": site_origin(request)}
