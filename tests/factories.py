"""Small builders for test data: plain functions, no fixtures magic."""

import datetime as dt
import hashlib
import itertools

from django.utils import timezone

from articles.models import Article, ArticleStatus, Issue, Publication

_seq = itertools.count(1)


def make_publication(town="青枫镇", **kwargs):
    kwargs.setdefault("name", f"{town}社区报")
    kwargs.setdefault("district", "浦江区")
    publication, _ = Publication.objects.get_or_create(town=town, defaults=kwargs)
    return publication


def make_issue(publication=None, date=dt.date(2024, 5, 20), **kwargs):
    publication = publication or make_publication()
    n = next(_seq)
    text = kwargs.pop("source_text", f"测试期 {n}")
    kwargs.setdefault("slug", Issue.free_slug(publication, date))
    return Issue.objects.create(
        publication=publication,
        date=date,
        source_name=kwargs.pop("source_name", f"issue-{n}.txt"),
        source_text=text,
        source_sha256=hashlib.sha256(f"{text}-{n}".encode()).hexdigest(),
        **kwargs,
    )


def make_article(issue=None, status=ArticleStatus.PUBLISHED, published_at="past", **kwargs):
    issue = issue or make_issue()
    if published_at == "past":
        published_at = timezone.now() - dt.timedelta(days=1)
    elif published_at == "future":
        published_at = timezone.now() + dt.timedelta(days=1)
    kwargs.setdefault("title", f"测试文章{next(_seq)}")
    kwargs.setdefault("body", "青枫镇召开居民区工作会议。\n\n会议部署了垃圾分类工作。")
    kwargs.setdefault("position", issue.articles.count() + 1)
    return Article.objects.create(issue=issue, status=status, published_at=published_at, **kwargs)


def make_article_in_each_hidden_state(issue=None, marker="隐藏"):
    """A draft, an in-review, a withdrawn and a scheduled article: none may appear in public."""
    issue = issue or make_issue()
    return [
        make_article(issue, status=ArticleStatus.DRAFT, published_at=None, title=f"{marker}草稿",
                     body=f"{marker}草稿正文"),
        make_article(issue, status=ArticleStatus.REVIEW, published_at=None, title=f"{marker}待审",
                     body=f"{marker}待审正文"),
        make_article(issue, status=ArticleStatus.WITHDRAWN, title=f"{marker}撤回", body=f"{marker}撤回正文"),
        make_article(issue, status=ArticleStatus.PUBLISHED, published_at="future", title=f"{marker}定时",
                     body=f"{marker}定时正文"),
    ]


def put_on_desk(user, *papers):
    """Assign a user to papers (the default test paper when none are named)."""
    for paper in papers or (make_publication(),):
        paper.staff.add(user)
    return user
