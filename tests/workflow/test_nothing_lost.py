"""Nothing lost silently: confirmations that show what changes, exact undo, saves before workflow steps."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from articles.models import Article, ArticleStatus, ArticleWarning, DeskOperation
from articles.services import operations, workflow

from ..factories import make_article

pytestmark = pytest.mark.django_db


def state(issue):
    return sorted((a.pk, a.title, a.body, a.captions, a.status, a.position, sorted(a.tags.names()))
                  for a in Article.objects.filter(issue=issue))


@pytest.fixture
def fragment(draft):
    piece = make_article(draft.issue, status="draft", published_at=None, title="碎片", body="会议还部署了防汛工作。",
                         captions=["会议现场"])
    piece.tags.add("防汛")
    ArticleWarning.objects.create(article=piece, code="begins-mid-sentence", message="开头不完整")
    return piece


def test_a_merge_asks_first_showing_what_the_text_becomes(client, editor, draft, fragment):
    client.force_login(editor)
    before = state(draft.issue)
    page = client.post(reverse("admin:articles_issue_desk", args=[draft.issue_id]),
                       {"action": "merge", "article": draft.pk, "other": fragment.pk}).content.decode()
    assert "确认合并" in page and "<ins>会议还部署了防汛工作。</ins>" in page
    assert state(draft.issue) == before


def test_a_confirmed_merge_is_undone_exactly(client, editor, draft, fragment):
    client.force_login(editor)
    before = state(draft.issue)
    warnings_before = list(ArticleWarning.objects.values_list("pk", "article_id"))
    desk = reverse("admin:articles_issue_desk", args=[draft.issue_id])
    response = client.post(desk, {"action": "merge", "article": draft.pk, "other": fragment.pk, "confirm": "1"},
                           follow=True)
    assert "撤销这次合并" in response.content.decode()
    assert state(draft.issue) != before
    operation = DeskOperation.objects.get(kind="merge")
    assert "确认撤销" in client.get(reverse("admin:articles_deskoperation_undo", args=[operation.pk])).content.decode()
    client.post(reverse("admin:articles_deskoperation_undo", args=[operation.pk]))
    assert state(draft.issue) == before
    assert list(ArticleWarning.objects.values_list("pk", "article_id")) == warnings_before


def test_an_undo_is_refused_once_an_article_changed_again_and_nothing_is_touched(editor, draft, fragment):
    merged = workflow.article_merge(first=draft, second=fragment, user=editor)
    workflow.article_update(article=merged, user=editor, expected_version=merged.version, data={"title": "又改了"})
    after = state(draft.issue)
    with pytest.raises(ValidationError, match="此后又被修改过"):
        operations.operation_undo(operation=merged.operation, user=editor)
    assert state(draft.issue) == after


def test_a_split_asks_first_and_is_undone_exactly(client, editor, draft):
    client.force_login(editor)
    before = state(draft.issue)
    url = reverse("admin:articles_article_split", args=[draft.pk])
    page = client.post(url, {"at": 1, "title": "杜明远出席会议"}).content.decode()
    assert "确认拆分" in page and "镇党委书记杜明远出席会议。" in page
    assert state(draft.issue) == before
    client.post(url, {"at": 1, "title": "杜明远出席会议", "confirm": "1"})
    created = Article.objects.get(title="杜明远出席会议")
    operations.operation_undo(operation=DeskOperation.objects.get(kind="split"), user=editor)
    assert state(draft.issue) == before
    assert Article.history.filter(id=created.pk, history_type="-").exists()  # the removed part stays in history


def test_a_restore_asks_first_and_is_undone_exactly(client, editor, draft):
    workflow.article_update(article=draft, user=editor, expected_version=draft.version, data={"body": "改写后的正文"})
    client.force_login(editor)
    first = draft.history.earliest("history_date")
    url = reverse("admin:articles_article_restore", args=[draft.pk, first.history_id])
    page = client.get(url).content.decode()
    assert "确认恢复" in page and "<del>改写后的正文</del>" in page
    assert Article.objects.get(pk=draft.pk).body == "改写后的正文"
    client.post(url, {"confirm": "1"})
    assert Article.objects.get(pk=draft.pk).body == first.body
    operations.operation_undo(operation=DeskOperation.objects.get(kind="restore"), user=editor)
    assert Article.objects.get(pk=draft.pk).body == "改写后的正文"


def test_an_editor_undoing_a_merge_into_a_live_article_takes_back_only_the_pending_revision(editor, draft):
    live = make_article(draft.issue, title="已发布", body="已发布的正文。")
    live_before = (live.title, live.body, live.position)
    merged = workflow.article_merge(first=live, second=draft, user=editor)
    assert live.revisions.get().body.endswith("镇党委书记杜明远出席会议。")
    operations.operation_undo(operation=merged.operation, user=editor)
    live.refresh_from_db()
    assert (live.title, live.body, live.position) == live_before and not live.revisions.filter(state="pending").exists()
    assert Article.objects.get(pk=draft.pk).status == ArticleStatus.DRAFT


def test_submitting_with_unsaved_edits_saves_them_first(client, editor, draft):
    client.force_login(editor)
    data = {"issue": draft.issue_id, "position": draft.position, "column": "", "kicker": "", "title": draft.title,
            "subtitle": "", "body": draft.body + "\n\n刚刚输入的一段。", "captions": "", "tags": "",
            "expected_version": draft.version, "_transition": "submit", "_comment": "", "_continue": "1"}
    client.post(reverse("admin:articles_article_change", args=[draft.pk]), data)
    draft.refresh_from_db()
    assert draft.body.endswith("刚刚输入的一段。") and draft.status == ArticleStatus.REVIEW


def test_an_adopted_tag_survives_saving_the_form_that_shows_it(client, editor, draft):
    from articles.models import TagSuggestion

    suggestion = TagSuggestion.objects.create(article=draft, name="居民区", score=2.0)
    client.force_login(editor)
    client.post(reverse("admin:articles_article_suggestion", args=[draft.pk, suggestion.pk, "accept"]))
    page = client.get(reverse("admin:articles_article_change", args=[draft.pk])).content.decode()
    assert 'name="tags" value="居民区"' in page
    draft.refresh_from_db()
    data = {"issue": draft.issue_id, "position": draft.position, "column": "", "kicker": "", "title": draft.title,
            "subtitle": "", "body": draft.body, "captions": "", "tags": "居民区", "expected_version": draft.version}
    client.post(reverse("admin:articles_article_change", args=[draft.pk]), data)
    assert list(Article.objects.get(pk=draft.pk).tags.names()) == ["居民区"]
