"""Slugs an editor may not give a paper or an issue: words the site's own URLs already take.

A paper's pages live at /<paper>/ and an issue's at /<paper>/<issue>/, so a paper named `search`
or an issue named `date` would be saved and then never shown: the site's own page answers
instead. Migrations name these functions, so their names stay."""

import re

from django.core.exceptions import ValidationError

# Top-level URL words (articles/urls.py, newsroom/urls.py): a paper slug may not take them.
RESERVED_PAPER_SLUGS = frozenset({
    "admin", "api", "search", "tags", "people", "articles", "feeds", "static", "media",
    "sitemap.xml", "robots.txt", "favicon.ico", "feed", "a", "p", "t", "healthz", "about"})

# What follows /<paper>/ before an issue's slug would: the paper's feed and date look-up.
RESERVED_ISSUE_SLUGS = frozenset({"date", "feed"})

# /<paper>/2024/ is the paper's year page: four digits are a year, not an issue.
YEAR_RE = re.compile(r"[0-9]{4}")


def validate_paper_slug(value: str) -> None:
    if value in RESERVED_PAPER_SLUGS:
        raise ValidationError("“%(value)s”是本站的网址用词，报纸的网址名不能用它。", code="reserved",
                              params={"value": value})


def validate_issue_slug(value: str) -> None:
    if value in RESERVED_ISSUE_SLUGS or YEAR_RE.fullmatch(value):
        raise ValidationError("“%(value)s”已是报纸页面的网址（某年各期、按日期查找或订阅），"
                              "一期的网址名不能用它，通常用出版日期，如 2019-04-24。",
                              code="reserved", params={"value": value})
