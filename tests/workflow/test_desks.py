"""A desk per paper: the permission matrix over every admin view, action and direct POST.

Roles: anonymous, 编辑 of paper A, 编辑 of paper B, 主编 of A, superuser. Every object below is
paper A's; paper B's editor must neither see nor change any of it.
"""

import datetime as dt
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from articles.models import Article, ArticleRevision, ArticleWarning, Correction, TagSuggestion
from articles.services import corrections, desks, workflow

from ..factories import make_article, make_issue, make_publication

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "editor_a", "editor_b", "chief_a", "superuser"]
EVERYONE_OF_A = {"editor_a", "chief_a", "superuser"}
PUBLISHERS_OF_A = {"chief_a", "superuser"}


@dataclass
class Desk:
    a: object
    b: object
    issue: object
    draft: object
    other: object
    live: object
    warning: object
    suggestion: object
    revision: object
    users: dict


def _user(name, group=None, papers=(), **extra):
    user = User.objects.create_user(name, password="pw-Ab3456789", is_staff=True, **extra)
    if group:
        user.groups.add(Group.objects.get(name=group))
    for paper in papers:
        paper.staff.add(user)
    return user


@pytest.fixture
def desk(db):
    a, b = make_publication("青枫镇"), make_publication("梅园路街道")
    issue = make_issue(a, dt.date(2024, 5, 20))
    draft = make_article(issue, status="draft", published_at=None, title="甲报草稿", body="甲报草稿正文下明远。\n\n第二段。")
    other = make_article(issue, status="draft", published_at=None, title="甲报碎片", body="甲报碎片正文。")
    live = make_article(issue, title="甲报已发布", body="甲报已发布正文。")
    warning = ArticleWarning.objects.create(article=draft, code="ends-mid-sentence", message="结尾不完整")
    suggestion = TagSuggestion.objects.create(article=draft, name="会议", score=1.0)
    make_article(make_issue(b, dt.date(2024, 6, 1)), title="乙报文章", body="乙报正文。")
    users = {
        "anonymous": None,
        "editor_a": _user("editor-a", "编辑", [a]),
        "editor_b": _user("editor-b", "编辑", [b]),
        "chief_a": _user("chief-a", "主编", [a]),
        "superuser": _user("root", is_superuser=True),
    }
    workflow.article_update(article=live, user=users["editor_a"], expected_version=live.version,
                            data={"body": "编辑改过的正文。"})
    return Desk(a, b, issue, draft, other, live, warning, suggestion, live.revisions.get(), users)


def login(client, desk, role):
    user = desk.users[role]
    if user is not None:
        client.force_login(user)
    return user


VIEWS = {
    # name: (url for the desk, roles that get the page, text that shows only to them)
    "article list": (lambda d: reverse("admin:articles_article_changelist"), EVERYONE_OF_A, "甲报草稿"),
    "article search": (lambda d: reverse("admin:articles_article_changelist") + "?q=甲报", EVERYONE_OF_A, "甲报草稿"),
    "article change": (lambda d: reverse("admin:articles_article_change", args=[d.draft.pk]), EVERYONE_OF_A, "甲报草稿"),
    "versions": (lambda d: reverse("admin:articles_article_versions", args=[d.draft.pk]), EVERYONE_OF_A, "甲报草稿"),
    "split": (lambda d: reverse("admin:articles_article_split", args=[d.draft.pk]), EVERYONE_OF_A, "甲报草稿"),
    "issue list": (lambda d: reverse("admin:articles_issue_changelist"), EVERYONE_OF_A, "青枫镇社区报"),
    "issue change": (lambda d: reverse("admin:articles_issue_change", args=[d.issue.pk]), EVERYONE_OF_A, "issue-"),
    "issue desk": (lambda d: reverse("admin:articles_issue_desk", args=[d.issue.pk]), EVERYONE_OF_A, "甲报草稿"),
    "warning list": (lambda d: reverse("admin:articles_articlewarning_changelist"), EVERYONE_OF_A, "结尾不完整"),
    "paper list": (lambda d: reverse("admin:articles_publication_changelist"), EVERYONE_OF_A, "青枫镇社区报"),
    "paper staff": (lambda d: reverse("admin:articles_publication_staff", args=[d.a.pk]), EVERYONE_OF_A, "editor-a"),
    "revision list": (lambda d: reverse("admin:articles_articlerevision_changelist"), EVERYONE_OF_A, "甲报已发布"),
    "revision review": (lambda d: reverse("admin:articles_articlerevision_review", args=[d.revision.pk]),
                        EVERYONE_OF_A, "审阅修订：甲报已发布"),
    "correction find": (lambda d: reverse("admin:articles_correction_find") + "?find=甲报", PUBLISHERS_OF_A,
                        "甲报草稿"),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("view", VIEWS)
def test_each_role_sees_exactly_the_admin_pages_of_its_papers(client, desk, role, view):
    url, allowed, marker = VIEWS[view]
    login(client, desk, role)
    response = client.get(url(desk))
    page = response.content.decode()
    if role in allowed:
        assert response.status_code == 200 and marker in page
    else:
        assert response.status_code != 200 or marker not in page
    assert "乙报文章" not in page or role in {"editor_b", "superuser"}


def _state(desk):
    """Everything a forbidden POST could have changed."""
    rows = Article.objects.order_by("pk").values_list("pk", "version", "status", "title", "body")
    return (list(rows), list(ArticleWarning.objects.values_list("pk", "resolved_at", "article_id")),
            list(ArticleRevision.objects.values_list("pk", "state")), Correction.objects.count(),
            sorted(desk.draft.tags.names()), list(desk.a.staff.values_list("pk", flat=True)))


def _posts(d):
    first_history = d.draft.history.earliest("history_date").history_id
    return {
        "submit": (reverse("admin:articles_article_transition", args=[d.draft.pk]), {"action": "submit"},
                   EVERYONE_OF_A),
        "publish": (reverse("admin:articles_article_transition", args=[d.other.pk]), {"action": "publish"},
                    PUBLISHERS_OF_A),
        "withdraw": (reverse("admin:articles_article_transition", args=[d.live.pk]), {"action": "withdraw"},
                     PUBLISHERS_OF_A),
        "change form": (reverse("admin:articles_article_change", args=[d.other.pk]),
                        {"issue": d.issue.pk, "position": 2, "title": "改过的碎片", "body": "x", "captions": "",
                         "tags": "", "expected_version": d.other.version}, EVERYONE_OF_A),
        "merge": (reverse("admin:articles_issue_desk", args=[d.issue.pk]),
                  {"action": "merge", "article": d.draft.pk, "other": d.other.pk, "confirm": "1"}, EVERYONE_OF_A),
        "move": (reverse("admin:articles_issue_desk", args=[d.issue.pk]), {"action": "down", "article": d.draft.pk},
                 EVERYONE_OF_A),
        "issue publish": (reverse("admin:articles_issue_desk", args=[d.issue.pk]), {"action": "publish"},
                          PUBLISHERS_OF_A),
        "split": (reverse("admin:articles_article_split", args=[d.draft.pk]), {"at": 1, "title": "新的", "confirm": "1"},
                  EVERYONE_OF_A),
        "restore": (reverse("admin:articles_article_restore", args=[d.other.pk,
                                                                    d.other.history.earliest("history_date").history_id]),
                    {"confirm": "1"}, set()),  # the earliest version is the current one: nothing to change
        "restore draft": (reverse("admin:articles_article_restore", args=[d.draft.pk, first_history]), {"confirm": "1"},
                          set()),
        "warning resolve": (reverse("admin:articles_article_warning", args=[d.draft.pk, d.warning.pk, "resolve"]), {},
                            EVERYONE_OF_A),
        "warning dismiss": (reverse("admin:articles_article_warning", args=[d.draft.pk, d.warning.pk, "dismiss"]),
                            {"reason": "原报如此"}, PUBLISHERS_OF_A),
        "suggestion": (reverse("admin:articles_article_suggestion", args=[d.draft.pk, d.suggestion.pk, "accept"]), {},
                       EVERYONE_OF_A),
        "bulk tag": (reverse("admin:articles_article_changelist"),
                     {"action": "tag_selected", "_selected_action": [d.draft.pk], "tag_name": "批量"}, EVERYONE_OF_A),
        "bulk publish": (reverse("admin:articles_article_changelist"),
                         {"action": "publish_selected", "_selected_action": [d.other.pk]}, PUBLISHERS_OF_A),
        "revision publish": (reverse("admin:articles_articlerevision_review", args=[d.revision.pk]),
                             {"decision": "publish"}, PUBLISHERS_OF_A),
        "revision discard": (reverse("admin:articles_articlerevision_review", args=[d.revision.pk]),
                             {"decision": "discard"}, PUBLISHERS_OF_A),
        "correction": (reverse("admin:articles_correction_find"),
                       {"find": "下明远", "replace": "卞明远", "apply": "1",
                        "hit": [h.key for h in corrections.correction_find(find="下明远")]}, PUBLISHERS_OF_A),
        "assign editor": (reverse("admin:articles_publication_staff", args=[d.a.pk]),
                          {"member": d.users["editor_b"].pk, "action": "add"}, PUBLISHERS_OF_A),
        "delete article": (reverse("admin:articles_article_delete", args=[d.other.pk]), {"post": "yes"},
                           PUBLISHERS_OF_A),
    }


POSTS = ["submit", "publish", "withdraw", "change form", "merge", "move", "issue publish", "split", "warning resolve",
         "warning dismiss", "suggestion", "bulk tag", "bulk publish", "revision publish", "revision discard",
         "correction", "assign editor", "delete article"]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", POSTS)
def test_each_role_changes_exactly_what_its_desk_allows_by_direct_post(client, desk, role, action):
    url, data, allowed = _posts(desk)[action]
    login(client, desk, role)
    before = _state(desk)
    client.post(url, data)
    if role in allowed:
        assert _state(desk) != before, f"{role} could not {action}"
    else:
        assert _state(desk) == before, f"{role} could {action}"


def test_an_editor_of_another_paper_is_refused_by_every_service_too(desk):
    outsider = desk.users["editor_b"]
    for call in [
        lambda: workflow.article_transition(article=desk.draft, action="submit", user=outsider),
        lambda: workflow.article_update(article=desk.draft, user=outsider, expected_version=desk.draft.version,
                                        data={"body": "改"}),
        lambda: workflow.article_merge(first=desk.draft, second=desk.other, user=outsider),
        lambda: workflow.article_split(article=desk.draft, at_block=1, title="新", user=outsider),
        lambda: workflow.warning_resolve(warning=desk.warning, user=outsider),
        lambda: workflow.articles_add_tag(articles=[desk.draft], name="外报", user=outsider),
        lambda: workflow.issue_publish(issue=desk.issue, user=outsider),
    ]:
        with pytest.raises(PermissionDenied):
            call()


def test_a_chief_assigns_editors_of_their_papers_and_only_a_superuser_assigns_chiefs(desk):
    chief, editor_b = desk.users["chief_a"], desk.users["editor_b"]
    desks.paper_assign(publication=desk.a, member=editor_b, user=chief)
    assert desk.a.staff.filter(pk=editor_b.pk).exists()
    another_chief = _user("chief-b", "主编")
    with pytest.raises(PermissionDenied):
        desks.paper_assign(publication=desk.a, member=another_chief, user=chief)
    with pytest.raises(PermissionDenied):
        desks.paper_assign(publication=desk.b, member=editor_b, user=chief)  # not the chief's paper
    desks.paper_assign(publication=desk.a, member=another_chief, user=desk.users["superuser"])
    assert desk.a.staff.filter(pk=another_chief.pk).exists()


def test_counts_in_a_list_are_the_desks_own(client, desk):
    login(client, desk, "editor_b")
    response = client.get(reverse("admin:articles_article_changelist"))
    page = response.content.decode()
    assert "乙报文章" in page and "甲报" not in page
    assert response.context["cl"].result_count == 1 and response.context["cl"].full_result_count == 1
