"""No parameter makes the site answer 500: every public URL and every admin URL, as each role,
with malformed path values, query parameters and form data.

The URLs are collected from the URL resolver and the admin site's registry, so a URL added later
is crawled too; each path value is filled from the data below, and also with values out of range.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group, User
from django.urls import URLPattern, URLResolver, get_resolver

from articles.models import (
    ArticleWarning,
    ImportUpload,
    Mention,
    Person,
    TagSuggestion,
    VocabularyWord,
)
from articles.services import corrections

from ..factories import make_article, make_issue, make_publication

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"  # past any database's integer

# Query strings as a hostile or careless client sends them. Each set holds parameters read by
# different code (public lists and the API; the admin's changelists), so none hides another.
MALFORMED_QUERIES = [
    {},
    {"year": "0", "p": "0", "a": "abc", "b": HUGE},
    {"year": "99999", "page": HUGE, "page_size": "0", "p": HUGE},
    {"year": "abc", "page": "abc", "page_size": "abc", "p": "abc", "o": "abc.def"},
    {"page": "0", "date_from": "0000-01-01", "date_to": "2024-02-30", "o": "99.-98", "p": "-1"},
    {"date__year": "0", "q": "\x00镇" + "镇" * 300, "find": "\x00", "replace": "%ED%A0%80"},
    {"date__year": "2024", "date__month": "13", "date__day": "32", "paper": "nope", "tag": "%%", "person": HUGE},
    {"date__gte": "0000-00-00", "date__lt": "x", "person": "abc", "tag": "-"},
    {"status__exact": "bogus", "warnings": "x", "scheduled": "x", "issue__publication__id__exact": "abc"},
    {"resolved_at__isnull": "maybe", "date_precision__exact": "bogus", "next": "https://evil.example/"},
    {"_changelist_filters": "year=0&p=abc", "e": "1", "_popup": "1", "_to_field": "nope"},
    {"term": "x", "app_label": "articles", "model_name": "nope", "field_name": "x"},
    {"term": "\x00", "app_label": "articles", "model_name": "article", "field_name": "tags", "page": "abc"},
]
# The lookups on a model's own fields that the admin's changelist accepts from the query string.
FIELD_LOOKUPS = [("__year", "0"), ("__year", "10000"), ("", HUGE), ("__in", "abc," + HUGE)]


# One form of malformed staff input for every view that takes a POST.
MALFORMED_FORM = {
    "action": "bogus", "article": "abc", "other": HUGE, "publish_at": "2024-13-45T99:99", "at": "x",
    "title": "", "comment": "\x00", "hit": ["x", HUGE, "1:2:3", f"{HUGE}|title|0", "1|nofield|0", "1|caption:x|0",
                                          "1|caption:99|0", "1|title|-5", "1|title|" + HUGE], "find": "\x00", "replace": "x", "apply": "1",
    "tag_name": "", "_selected_action": ["abc", HUGE], "index": "0", "select_across": "x",
    "expected_version": "abc", "issue": HUGE, "position": "-5", "body": "\x00", "captions": "x", "tags": "\x00",
    "publication": "abc", "date": "2024-02-30", "publish": "maybe", "a": "x", "b": HUGE, "name": "",
    "word": "", "kind": "bogus", "preferred": "abc", "slug": "", "town": "", "username": "", "password": "",
    "old_password": "x", "new_password1": "x", "new_password2": "y", "date_precision": "bogus",
    "source_name": "", "number": "-1", "pages": "abc", "editorial_board": "{", "contact": "[",
}
DESK_ACTIONS = ["up", "down", "merge", "publish", "bogus"]
# Hit keys of the archive-wide correction, well formed but pointing nowhere, one at a time.
CORRECTION_KEYS = [f"{HUGE}|title|0", "999999|title|0", "{pk}|nofield|0", "{pk}|caption:x|0", "{pk}|caption:99|0",
                   "{pk}|title|-5", "{pk}|title|" + HUGE, "{pk}|body|99999"]


@dataclass
class Archive:
    paper: object
    hidden_paper: object
    issue: object
    public: object
    draft: object
    warning: object
    suggestion: object
    person: object
    word: object
    correction: object
    batch: uuid.UUID


@pytest.fixture
def archive(chief_user):
    paper = make_publication("青枫镇")
    hidden_paper = make_publication("梅园路街道")
    hidden_paper.staff.add(chief_user)
    issue = make_issue(paper, dt.date(2024, 5, 20))
    public = make_article(issue, title="青枫镇召开会议", body="镇党委书记杜明远出席会议。")
    public.tags.add("会议")
    draft = make_article(make_issue(hidden_paper, dt.date(2024, 6, 1)), status="draft", published_at=None,
                         title="草稿", body="下明远出席。")
    draft.tags.add("草稿标签")
    warning = ArticleWarning.objects.create(article=draft, code="suspect-name", message="人名可能有误",
                                            data={"wrong": "下明远", "right": "卞明远"})
    suggestion = TagSuggestion.objects.create(article=draft, name="会议", score=1.0)
    person = Person.objects.create(name="杜明远", town="青枫镇")
    Mention.objects.create(person=person, article=public, title="镇党委书记", office="镇党委书记",
                           issue_date=issue.date)
    word, _ = VocabularyWord.objects.get_or_create(word="加梯")
    hits = corrections.correction_find(find="出席")
    correction = corrections.correction_apply(find="出席", replace="参加", keys=[hits[0].key], user=chief_user)
    batch = uuid.uuid4()
    return Archive(paper, hidden_paper, issue, public, draft, warning, suggestion, person, word, correction, batch)


def _user(name, group=None, **extra):
    existing = User.objects.filter(username=name).first()
    if existing is not None:
        return existing
    user = User.objects.create_user(name, password="pw-Ab3456789", is_staff=True, **extra)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


ROLES = ["anonymous", "编辑", "主编", "superuser"]


def login(client, role):
    if role == "anonymous":
        return None
    if role == "superuser":
        user = _user("root", is_superuser=True)
    else:
        user = _user(f"user-{role}", role)
    client.force_login(user)
    return user


def walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry


def model_of(pattern: URLPattern):
    model_admin = getattr(pattern.callback, "model_admin", None)
    return model_admin.model if model_admin else None


def objects_for(site: Archive, route: str, model) -> dict[str, list[str]]:
    """Values for each path parameter a route may take: real ones, and malformed."""
    ids = {"article": [site.public.pk, site.draft.pk], "issue": [site.issue.pk], "publication": [site.paper.pk],
           "person": [site.person.pk], "vocabularyword": [site.word.pk], "articlewarning": [site.warning.pk]}
    name = model._meta.model_name if model else ""
    if "/articles/article/" in route:
        name = "article"
    elif "/articles/issue/" in route:
        name = "issue"
    real = [str(pk) for pk in ids.get(name, [])]
    if model is not None and not real:
        real = [str(pk) for pk in model._default_manager.values_list("pk", flat=True)[:1]]
    history = [str(h) for h in site.draft.history.values_list("history_id", flat=True)[:1]]
    return {
        "pk": real + ["0", HUGE], "object_id": real + ["0", HUGE, "abc", "%2F..%2F"],
        "wid": [str(site.warning.pk), "0", HUGE], "sid": [str(site.suggestion.pk), "0", HUGE],
        "hid": history + ["0", HUGE], "what": ["fix", "resolve", "bogus"], "decision": ["accept", "reject", "bogus"],
        "batch": [str(site.batch), str(uuid.uuid4())], "content_type_id": ["1", "0", HUGE],
        "app_label": ["articles", "auth"], "slug": ["会议", "草稿标签", "nope"], "paper": [site.paper.slug, site.hidden_paper.slug, "nope"],
        "issue": [site.issue.slug, "0000-00-00", "nope"], "year": ["2024", "0000", "9999"],
        "section": ["articles", "issues", "papers", "tags", "nope"], "url": ["nope/"],
    }


def fill(route: str, values: dict[str, list[str]]) -> list[str]:
    """Every URL a route gives with the values (its first value for all but one parameter)."""
    if "(?P" in route or "^" in route:
        return []  # the admin's regular-expression routes: see all_urls
    names = re.findall(r"<(?:\w+:)?(\w+)>", route)
    urls = []
    for varied in names or [None]:
        for value in values.get(varied, ["1"]) if varied else [None]:
            path = route
            for name in names:
                chosen = value if name == varied else values.get(name, ["1"])[0]
                path = re.sub(rf"<(?:\w+:)?{name}>", chosen, path, count=1)
            urls.append("/" + path)
    return list(dict.fromkeys(urls))


def all_urls(site: Archive) -> list[tuple[str, str, object]]:
    """(URL, route, model) for every route of the resolver, admin and public alike."""
    found = []
    for route, pattern in walk(get_resolver().url_patterns):
        model = model_of(pattern)
        found += [(url, route, model) for url in fill(route, objects_for(site, route, model))]
    # The admin's regular-expression routes: an app's index, and the catch-all.
    found += [("/admin/articles/", "app_list", None), ("/admin/nope/", "catch-all", None),
              ("/admin/articles/nope/", "catch-all", None)]
    return list(dict.fromkeys(found))


def field_lookups(model) -> list[dict[str, str]]:
    """Malformed lookups on each of a model's own fields, as a changelist accepts them."""
    queries = []
    for field in model._meta.concrete_fields:
        kind = field.get_internal_type()
        if kind in {"DateField", "DateTimeField"}:
            queries += [{field.name + lookup: value} for lookup, value in FIELD_LOOKUPS if lookup == "__year"]
        elif kind in {"ForeignKey", "AutoField", "BigAutoField", "IntegerField", "PositiveIntegerField",
                      "PositiveSmallIntegerField", "BigIntegerField"}:
            queries += [{field.name + lookup: value} for lookup, value in FIELD_LOOKUPS if lookup != "__year"]
    return queries


# The admin's own add, change, history and delete pages, the same code for every model: they read
# only the changelist's filters and the popup parameters, so they get the sets that carry those.
GENERIC_ADMIN_ROUTE = re.compile(r"admin/\w+/\w+/(add/|<path:object_id>/(change/|history/|delete/)?)")
GENERIC_ADMIN_QUERIES = [q for q in MALFORMED_QUERIES if not q or "_changelist_filters" in q or q.get("p") == "abc"]


def requests_for(urls, public_pk):
    """(method, URL, data): every URL once; each route's first URL with every malformed query;
    each changelist with malformed lookups on its model's fields; every URL posted to."""
    seen_routes = set()
    for url, route, model in urls:
        if route in seen_routes:
            yield "GET", url, {}
            continue
        seen_routes.add(route)
        for query in GENERIC_ADMIN_QUERIES if GENERIC_ADMIN_ROUTE.fullmatch(route) else MALFORMED_QUERIES:
            yield "GET", url, query
        if model is not None and url == f"/admin/{model._meta.app_label}/{model._meta.model_name}/":
            for query in field_lookups(model):
                yield "GET", url, query
    # Deleting and logging out last: each changes what the requests after it can reach.
    for url, _, _ in sorted(urls, key=lambda u: ("logout" in u[0], "delete" in u[0])):
        yield "POST", url, MALFORMED_FORM
        if "/desk/" in url:
            for action in DESK_ACTIONS:
                yield "POST", url, {**MALFORMED_FORM, "action": action}
        if url.endswith("/correction/find/"):
            for key in CORRECTION_KEYS:
                yield "POST", url, {"find": "会议", "replace": "会面", "apply": "1", "hit": [key.format(pk=public_pk)]}


def server_error(client, method, url, data) -> str | None:
    """None, or what made the request answer 5xx (the exception, found by asking again)."""
    response = getattr(client, method.lower())(url, data)
    if response.status_code < 500:
        return None
    client.raise_request_exception = True
    try:
        getattr(client, method.lower())(url, data)
    except Exception as exc:  # noqa: BLE001 - the report names it
        return f"{type(exc).__name__}: {str(exc)[:120]}"
    finally:
        client.raise_request_exception = False
    return f"status {response.status_code}"


@pytest.mark.slow
@pytest.mark.parametrize("role", ROLES)
def test_no_url_answers_500_to_any_role_with_malformed_parameters(client, archive, role, settings):
    settings.RATELIMIT_ENABLE = False  # thousands of requests from one client, on purpose
    user = login(client, role)
    if user is not None:
        ImportUpload.objects.create(batch=archive.batch, name="x.txt", data=b"x", uploaded_by=user)
    client.raise_request_exception = False
    urls = all_urls(archive)
    assert len({route for _, route, _ in urls}) > 120 and any("/articles/article/" in u for u, _, _ in urls)
    failures: dict[tuple[str, str], list[str]] = {}
    count = 0
    for method, url, data in requests_for(urls, archive.public.pk):
        count += 1
        error = server_error(client, method, url, data)
        if error:
            failures.setdefault((method, error), []).append(f"{url} {data if method == 'GET' else ''}"[:160])
        if method == "POST" and "logout" in url and user is not None:
            # A superuser's crawl may have deleted its own account on the way (the admin allows it).
            user = login(client, role)
    assert count > 1200
    assert not failures, "\n".join(f"{method} {error}\n    " + "\n    ".join(where[:4]) + f"\n    ({len(where)} in all)"
                                   for (method, error), where in failures.items())
