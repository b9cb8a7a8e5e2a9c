"""States and transitions: recorded with who, when and why; scheduled articles appear on time."""

import datetime as dt
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from articles.models import Article, ArticleStatus, ArticleTransition
from articles.services import workflow

pytestmark = pytest.mark.django_db


def test_an_article_goes_from_draft_through_review_to_published_and_back(editor, chief, draft):
    workflow.article_transition(article=draft, action="submit", user=editor, comment="请审阅")
    workflow.article_transition(article=draft, action="publish", user=chief)
    assert Article.objects.published().filter(pk=draft.pk).exists()
    workflow.article_transition(article=draft, action="withdraw", user=chief, comment="人名有误")
    assert not Article.objects.published().filter(pk=draft.pk).exists()
    workflow.article_transition(article=draft, action="redraft", user=editor)
    log = [(t.from_status, t.to_status, t.user.username, t.comment) for t in ArticleTransition.objects.all()]
    assert log == [("draft", "review", "editor", "请审阅"), ("review", "published", "chief", ""),
                   ("published", "withdrawn", "chief", "人名有误"), ("withdrawn", "draft", "editor", "")]
    draft.refresh_from_db()
    assert draft.status == ArticleStatus.DRAFT and draft.version == 5


def test_review_can_be_returned_to_draft(editor, draft):
    workflow.article_transition(article=draft, action="submit", user=editor)
    workflow.article_transition(article=draft, action="return", user=editor)
    draft.refresh_from_db()
    assert draft.status == ArticleStatus.DRAFT


@pytest.mark.parametrize("action", ["withdraw", "redraft", "return", "unschedule"])
def test_a_transition_from_the_wrong_state_is_refused_and_changes_nothing(chief, draft, action):
    with pytest.raises(ValidationError):
        workflow.article_transition(article=draft, action=action, user=chief)
    draft.refresh_from_db()
    assert draft.status == ArticleStatus.DRAFT and draft.version == 1
    assert not ArticleTransition.objects.exists()


def test_a_scheduled_article_appears_on_time_without_any_job(chief, draft):
    at = timezone.now() + dt.timedelta(hours=3)
    workflow.article_transition(article=draft, action="publish", user=chief, publish_at=at)
    draft.refresh_from_db()
    assert draft.is_scheduled and not Article.objects.published().exists()
    assert ArticleTransition.objects.get().publish_at == at
    with mock.patch("articles.models.article.timezone.now", return_value=at + dt.timedelta(seconds=1)):
        assert list(Article.objects.published()) == [draft]


def test_a_scheduled_article_can_be_unscheduled_back_to_review(chief, draft):
    workflow.article_transition(article=draft, action="publish", user=chief,
                                publish_at=timezone.now() + dt.timedelta(days=1))
    workflow.article_transition(article=draft, action="unschedule", user=chief)
    draft.refresh_from_db()
    assert draft.status == ArticleStatus.REVIEW and draft.published_at is None


def test_publishing_a_whole_issue_publishes_its_drafts_and_reviews_only(chief, draft):
    from ..factories import make_article

    review = make_article(draft.issue, status="review", published_at=None)
    withdrawn = make_article(draft.issue, status="withdrawn")
    done, skipped = workflow.issue_publish(issue=draft.issue, user=chief)
    assert done == 2 and skipped == []
    assert set(Article.objects.published()) == {draft, review}
    withdrawn.refresh_from_db()
    assert withdrawn.status == ArticleStatus.WITHDRAWN


def test_the_transition_log_is_shown_on_the_article(client, editor, chief, draft):
    workflow.article_transition(article=draft, action="submit", user=editor, comment="已核对人名")
    client.force_login(chief)
    page = client.get(f"/admin/articles/article/{draft.pk}/change/").content.decode()
    assert "草稿 → 待审" in page and "已核对人名" in page and "editor" in page
    assert 'data-action="publish"' in page
    client.force_login(editor)
    page = client.get(f"/admin/articles/article/{draft.pk}/change/").content.decode()
    assert 'data-action="publish"' not in page  # an editor is not offered what they may not do
