from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from .. import bodytext

register = template.Library()


@register.filter
def summary(article, length=120):
    """The opening of an article's text, for descriptions and link previews."""
    text = bodytext.plain_text(article.body).replace("\n\n", " ").replace("\n", " ")
    return text[:length] + ("…" if len(text) > length else "")


@register.simple_tag(takes_context=True)
def csrf_field(context):
    """The CSRF token of a form on a page the page cache may keep: a hole it fills per reader
    (caching.CSRF_HOLE), or the token itself on a page that is not cached."""
    from django.middleware.csrf import get_token

    from ..caching import CSRF_HOLE

    request = context["request"]
    token = mark_safe(CSRF_HOLE) if getattr(request, "csrf_hole", False) else get_token(request)
    return format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', token)


@register.simple_tag
def article_item(article, snippet=""):
    """One article in a list. Built here rather than in an included template: a result page
    shows twenty of them, and an include costs more than the rest of the page."""
    issue = article.issue
    heading = format_html(
        '{}<span class="title">{}</span>{}',
        format_html('<span class="column">{}</span>', article.column) if article.column else "",
        article.title,
        format_html('<span class="subtitle">{}</span>', article.subtitle) if article.subtitle else "")
    tags = format_html_join("", '<a class="tag" href="{}">{}</a>',
                            ((tag.get_absolute_url(), tag.name) for tag in article.tag_list))
    return format_html(
        '<li class="article-item"><a class="article-link" href="{}">{}</a>'
        '<p class="meta">{} · <time datetime="{}">{}</time></p>{}{}</li>',
        article.get_absolute_url(), heading, issue.publication.name, issue.date.isoformat(), issue.date_label,
        format_html('<p class="snippet">{}</p>', snippet) if snippet else "",
        format_html('<p class="tags">{}</p>', tags) if tags else "")


@register.simple_tag
def paper_cards(papers, with_district=False):
    """Each paper's latest issue as a card (a city-wide archive lists a couple of hundred)."""
    return format_html('<ul class="card-list">{}</ul>', format_html_join("", (
        '<li class="card"><a href="{}"><span class="card-title">{}</span><span class="card-meta">{}<span class="date">{}</span>{}</span></a> '
        '<a class="card-more" href="{}">全部各期</a></li>'), (
        (p["issue_url"], p["name"], f"{p['district']} · " if with_district and p["district"] else "",
         p["date"], f" · 总第{p['number']}期" if p["number"] else "", p["url"])
        for p in papers)))


@register.simple_tag
def desk_todo(user):
    """The editors' home: what waits for this user (待我处理)."""
    from ..services.home import todo_for

    return todo_for(user)
