"""The editors' home, 待我处理, and Chinese everywhere in the editors' UI."""

import re

import pytest
from django.urls import reverse

from articles.models import ArticleWarning
from articles.services import workflow

from ..factories import make_article

pytestmark = pytest.mark.django_db


def counts(page):
    return {label.strip(): int(n) for n, label in re.findall(r'<span class="todo-count">(\d+)</span>([^<]+)</a>', page)}


def test_an_editor_sees_their_drafts_returns_warnings_and_imports_each_linked(client, editor, chief):
    draft = make_article(status="draft", published_at=None, title="我的草稿")
    workflow.article_update(article=draft, user=editor, expected_version=draft.version, data={"body": "改过"})
    sent_back = make_article(status="draft", published_at=None, title="被退回的")
    workflow.article_transition(article=sent_back, action="submit", user=editor)
    workflow.article_transition(article=sent_back, action="return", user=chief, comment="请补充")
    sent_back.refresh_from_db()
    workflow.article_update(article=sent_back, user=editor, expected_version=sent_back.version, data={"body": "y"})
    ArticleWarning.objects.create(article=draft, code="ends-mid-sentence", message="结尾不完整")
    client.force_login(editor)
    page = client.get(reverse("admin:index")).content.decode()
    shown = counts(page)
    assert shown["我的草稿"] == 2 and shown["退回给我的文章"] == 1 and shown["我负责的报纸中待处理的提示"] == 1
    assert "等待审核的文章" not in shown
    listed = client.get(reverse("admin:articles_article_changelist") + "?returned=me").content.decode()
    assert "被退回的" in listed and "我的草稿" not in listed


def test_a_chief_sees_what_waits_for_review_and_publication(client, editor, chief):
    waiting = make_article(status="review", published_at=None, title="待审文章")
    live = make_article(title="已发布文章")
    workflow.article_update(article=live, user=editor, expected_version=live.version, data={"body": "修订"})
    make_article(status="published", published_at="future", title="定时文章")
    client.force_login(chief)
    shown = counts(client.get(reverse("admin:index")).content.decode())
    assert shown["等待审核的文章"] == 1 and shown["已发布文章的待审修订"] == 1 and shown["定时发布的文章"] == 1
    assert shown["可以发布的期"] == 1
    issues = client.get(reverse("admin:articles_issue_changelist") + "?ready=yes").content.decode()
    assert str(waiting.issue) in issues or waiting.issue.source_name in issues


def test_a_forbidden_page_and_the_admin_home_speak_chinese(client, editor):
    client.force_login(editor)
    forbidden = client.get(reverse("admin:articles_correction_find"))
    assert forbidden.status_code == 403 and "没有权限" in forbidden.content.decode()
    assert "Forbidden" not in forbidden.content.decode()
    home = client.get(reverse("admin:index")).content.decode()
    for english in ["Model name", "Add link", "Change or view list link", "Skip to main content"]:
        assert english not in home
    client.logout()
    missing = client.get("/admin/articles/article/999999/nope/")
    assert missing.status_code in (302, 404)
