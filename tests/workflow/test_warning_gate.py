"""Warnings gate publishing: each is resolved, or dismissed by the publisher with a reason."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from articles.models import Article, ArticleStatus, ArticleWarning
from articles.services import workflow

from ..factories import make_article, make_issue

pytestmark = pytest.mark.django_db


@pytest.fixture
def issue(db):
    return make_issue()


def misread(article):
    return ArticleWarning.objects.create(article=article, code="suspect-name", message="“下晓清”疑为“卞晓清”",
                                         data={"wrong": "下晓清", "right": "卞晓清"})


def review(issue, **kwargs):
    kwargs.setdefault("body", "镇党委书记下晓清出席会议。")
    return make_article(issue, status="review", published_at=None, **kwargs)


def test_an_article_with_an_open_warning_cannot_be_published(chief, issue):
    article = review(issue, title="有提示的文章")
    ArticleWarning.objects.create(article=article, code="ends-mid-sentence", message="结尾不完整")
    with pytest.raises(ValidationError, match="结尾不完整"):
        workflow.article_transition(article=article, action="publish", user=chief)
    assert Article.objects.get(pk=article.pk).status == ArticleStatus.REVIEW


def test_the_publisher_may_dismiss_a_warning_only_with_a_reason(chief, editor, issue):
    article = review(issue)
    warning = ArticleWarning.objects.create(article=article, code="ends-mid-sentence", message="结尾不完整")
    with pytest.raises(ValidationError):
        workflow.warning_dismiss(warning=warning, user=chief, reason="  ")
    with pytest.raises(PermissionDenied):
        workflow.warning_dismiss(warning=warning, user=editor, reason="原报如此")
    workflow.warning_dismiss(warning=warning, user=chief, reason="原报如此")
    warning.refresh_from_db()
    assert warning.dismiss_reason == "原报如此" and warning.resolved_by == chief
    workflow.article_transition(article=article, action="publish", user=chief)
    assert Article.objects.get(pk=article.pk).status == ArticleStatus.PUBLISHED


def test_a_misread_name_must_be_resolved_not_dismissed(chief, editor, issue):
    article = review(issue)
    warning = misread(article)
    with pytest.raises(ValidationError):
        workflow.warning_dismiss(warning=warning, user=chief, reason="就这样吧")
    with pytest.raises(ValidationError, match="下晓清"):
        workflow.warning_resolve(warning=warning, user=editor)  # still in the text
    workflow.warning_apply_name_fix(warning=warning, user=editor)
    workflow.article_transition(article=article, action="publish", user=chief)
    published = Article.objects.get(pk=article.pk)
    assert published.status == ArticleStatus.PUBLISHED and "卞晓清" in published.body and "下晓清" not in published.body


def test_publishing_the_issue_says_which_articles_are_held_back_and_why(client, chief, issue):
    clean = review(issue, title="干净的文章", body="青枫镇召开会议。")
    flagged = review(issue, title="有错名的文章")
    misread(flagged)
    client.force_login(chief)
    desk = reverse("admin:articles_issue_desk", args=[issue.pk])
    page = client.get(desk).content.decode()
    assert "“下晓清”疑为“卞晓清”" in page and "这次不会发布" in page
    response = client.post(desk, {"action": "publish"}, follow=True)
    shown = " ".join(str(m) for m in response.context["messages"])
    assert "《有错名的文章》" in shown and "下晓清" in shown
    assert Article.objects.get(pk=clean.pk).status == ArticleStatus.PUBLISHED
    assert Article.objects.get(pk=flagged.pk).status == ArticleStatus.REVIEW


def test_the_change_page_offers_the_chief_a_dismissal_with_a_reason_and_the_editor_none(client, chief, editor, issue):
    article = review(issue)
    ArticleWarning.objects.create(article=article, code="ends-mid-sentence", message="结尾不完整")
    url = reverse("admin:articles_article_change", args=[article.pk])
    client.force_login(editor)
    assert "不予修改的理由" not in client.get(url).content.decode()
    client.force_login(chief)
    assert "不予修改的理由" in client.get(url).content.decode()
    warning = article.import_warnings.get()
    client.post(reverse("admin:articles_article_warning", args=[article.pk, warning.pk, "dismiss"]),
                {"reason": "原报如此"})
    warning.refresh_from_db()
    assert not warning.is_open and warning.dismiss_reason == "原报如此"
