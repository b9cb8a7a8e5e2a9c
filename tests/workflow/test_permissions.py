"""The permission matrix: each role against each action, through the services and by direct POST."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from articles.models import Article, ArticleStatus, Correction
from articles.services import corrections, workflow

from ..factories import make_article

pytestmark = pytest.mark.django_db

# action -> roles allowed to take it
MATRIX = {
    "submit": {"editor", "chief"},
    "publish": {"chief"},
    "withdraw": {"chief"},
    "redraft": {"editor", "chief"},
    "return": {"editor", "chief"},
    "unschedule": {"chief"},
}
START = {"submit": "draft", "publish": "review", "withdraw": "published", "redraft": "withdrawn",
         "return": "review", "unschedule": "scheduled"}


def article_in(state, issue=None):
    if state == "scheduled":
        return make_article(issue, status=ArticleStatus.PUBLISHED, published_at="future")
    published = "past" if state in {"published", "withdrawn"} else None
    return make_article(issue, status=state, published_at=published)


@pytest.mark.parametrize("action", MATRIX)
@pytest.mark.parametrize("role", ["editor", "chief", "outsider"])
def test_each_role_can_take_exactly_the_transitions_it_is_granted(request, role, action):
    user = request.getfixturevalue(role)
    article = article_in(START[action])
    if role in MATRIX[action]:
        workflow.article_transition(article=article, action=action, user=user)
        article.refresh_from_db()
        assert article.status == workflow.ACTIONS[action].target
    else:
        with pytest.raises(PermissionDenied):
            workflow.article_transition(article=article, action=action, user=user)


FORBIDDEN = [(role, action) for role in ("editor", "outsider") for action in MATRIX if role not in MATRIX[action]]


@pytest.mark.parametrize("role,action", FORBIDDEN)
def test_a_direct_post_cannot_take_a_transition_the_role_lacks(request, client, role, action):
    client.force_login(request.getfixturevalue(role))
    article = article_in(START[action])
    before = article.status, article.published_at
    response = client.post(reverse("admin:articles_article_transition", args=[article.pk]), {"action": action})
    assert response.status_code == 403
    article.refresh_from_db()
    assert (article.status, article.published_at) == before


def test_an_editor_cannot_publish_by_bulk_action_or_by_publishing_the_issue(client, editor):
    client.force_login(editor)
    article = article_in("review")
    client.post(reverse("admin:articles_article_changelist"),
                {"action": "publish_selected", "_selected_action": [article.pk]})
    response = client.post(reverse("admin:articles_issue_desk", args=[article.issue_id]), {"action": "publish"})
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.status == ArticleStatus.REVIEW


def test_only_the_chief_editor_can_reach_archive_wide_corrections(client, editor, chief):
    make_article(body="镇党委书记下明远主持会议。")
    client.force_login(editor)
    assert client.get(reverse("admin:articles_correction_find"), {"find": "下明远"}).status_code == 403
    hit = corrections.correction_find(find="下明远")[0]
    response = client.post(reverse("admin:articles_correction_find"),
                           {"find": "下明远", "replace": "卞明远", "hit": [hit.key], "apply": "1"})
    assert response.status_code == 403
    assert not Correction.objects.exists()
    with pytest.raises(PermissionDenied):
        corrections.correction_apply(find="下明远", replace="卞明远", keys=[hit.key], user=editor)
    client.force_login(chief)
    assert client.get(reverse("admin:articles_correction_find"), {"find": "下明远"}).status_code == 200


def test_staff_outside_both_roles_cannot_edit_or_merge(client, outsider, draft):
    client.force_login(outsider)
    assert client.get(reverse("admin:articles_article_change", args=[draft.pk])).status_code == 403
    other = make_article(draft.issue, status="draft", published_at=None)
    response = client.post(reverse("admin:articles_issue_desk", args=[draft.issue_id]),
                           {"action": "merge", "article": draft.pk, "other": other.pk})
    assert response.status_code == 403
    assert Article.objects.filter(pk=other.pk).exists()


def test_editors_can_edit_merge_and_split_but_not_delete(client, editor, draft):
    client.force_login(editor)
    assert client.get(reverse("admin:articles_article_change", args=[draft.pk])).status_code == 200
    assert client.post(reverse("admin:articles_article_delete", args=[draft.pk]), {"post": "yes"}).status_code == 403
    assert Article.objects.filter(pk=draft.pk).exists()
