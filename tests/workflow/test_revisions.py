"""Live text changes through review: an editor's change to a published article waits for a chief."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from articles.models import (
    Article,
    ArticleRevision,
    ArticleStatus,
    ArticleWarning,
    RevisionState,
    TagSuggestion,
)
from articles.services import intel, revisions, workflow

from ..factories import make_article

pytestmark = pytest.mark.django_db

LIVE_BODY = "3月15日，青枫镇召开居民区工作会议。\n\n镇党委书记下晓清出席会议。"


@pytest.fixture
def live(db):
    return make_article(title="青枫镇召开居民区工作会议", body=LIVE_BODY, captions=["会议现场"])


def public_text(client, article):
    client.logout()
    return client.get(article.get_absolute_url()).content.decode()


def change_form_post(article, **changes):
    data = {"issue": article.issue_id, "position": article.position, "column": article.column,
            "kicker": article.kicker, "title": article.title, "subtitle": article.subtitle, "body": article.body,
            "captions": "\n".join(article.captions), "tags": ", ".join(article.tags.names()),
            "expected_version": article.version}
    data.update(changes)
    return data


def live_content(article):
    fresh = Article.objects.get(pk=article.pk)
    return fresh.title, fresh.body, fresh.captions, sorted(fresh.tags.names()), fresh.version


def test_an_editors_change_to_a_live_article_waits_for_the_chief_while_the_public_sees_the_old_text(
        client, editor, chief, live):
    client.force_login(editor)
    url = reverse("admin:articles_article_change", args=[live.pk])
    response = client.post(url, change_form_post(live, body=LIVE_BODY + "\n\n会议部署了防汛工作。"), follow=True)
    assert response.status_code == 200
    assert "会议部署了防汛工作" not in Article.objects.get(pk=live.pk).body
    assert "会议部署了防汛工作" not in public_text(client, live)
    revision = ArticleRevision.objects.get(article=live)
    assert revision.state == RevisionState.PENDING and revision.author == editor

    client.force_login(editor)  # the editor goes on from their own pending text
    assert "会议部署了防汛工作" in client.get(url).content.decode()

    client.force_login(chief)
    review = client.get(reverse("admin:articles_articlerevision_review", args=[revision.pk])).content.decode()
    assert "<ins>会议部署了防汛工作。</ins>" in review
    client.post(reverse("admin:articles_articlerevision_review", args=[revision.pk]), {"decision": "publish"})
    assert "会议部署了防汛工作" in public_text(client, live)
    live.refresh_from_db()
    assert live.transitions.filter(user=chief, from_status="published", to_status="published").exists()
    assert live.history.filter(history_user=chief).first().history_change_reason.startswith("发布修订")


def test_the_chief_returns_a_revision_with_a_comment_and_the_editor_sees_it(client, editor, chief, live):
    workflow.article_update(article=live, user=editor, expected_version=live.version, data={"title": "新标题"})
    revision = live.revisions.get()
    with pytest.raises(ValidationError):
        revisions.revision_return(revision=revision, user=chief, comment="")
    revisions.revision_return(revision=revision, user=chief, comment="标题请保留镇名")
    client.force_login(editor)
    page = client.get(reverse("admin:articles_article_change", args=[live.pk])).content.decode()
    assert "主编退回了你的修订" in page and "标题请保留镇名" in page and 'value="新标题"' in page
    assert Article.objects.get(pk=live.pk).title == "青枫镇召开居民区工作会议"
    workflow.article_update(article=live, user=editor, expected_version=live.version, data={"title": "青枫镇新标题"})
    revision.refresh_from_db()
    assert revision.state == RevisionState.PENDING and revision.title == "青枫镇新标题"


def test_a_discarded_revision_leaves_the_live_text_and_stays_in_history(editor, chief, live):
    before = live_content(live)
    workflow.article_update(article=live, user=editor, expected_version=live.version, data={"body": "改坏了"})
    revision = live.revisions.get()
    revisions.revision_discard(revision=revision, user=chief)
    assert live_content(live) == before
    assert revision.history.filter(body="改坏了").exists()


def test_an_editor_cannot_decide_on_a_revision(client, editor, live):
    workflow.article_update(article=live, user=editor, expected_version=live.version, data={"body": "新正文"})
    revision = live.revisions.get()
    client.force_login(editor)
    response = client.post(reverse("admin:articles_articlerevision_review", args=[revision.pk]),
                           {"decision": "publish"})
    assert response.status_code == 403
    assert Article.objects.get(pk=live.pk).body == LIVE_BODY


def test_a_chiefs_own_edit_goes_live_and_is_recorded(chief, live):
    workflow.article_update(article=live, user=chief, expected_version=live.version, data={"body": "主编改过的正文"})
    live.refresh_from_db()
    assert live.body == "主编改过的正文" and not live.revisions.exists()
    assert live.history.first().history_user == chief


def test_every_path_of_an_editors_change_to_a_live_article_becomes_a_revision(editor, live):
    before = live_content(live)
    draft = make_article(live.issue, status="draft", published_at=None, title="碎片", body="会后还部署了防汛。")
    warning = ArticleWarning.objects.create(article=live, code="suspect-name", message="下晓清疑为卞晓清",
                                            data={"wrong": "下晓清", "right": "卞晓清"})
    workflow.warning_apply_name_fix(warning=warning, user=editor)
    workflow.article_merge(first=live, second=draft, user=editor)
    workflow.article_restore(article=live, history_id=live.history.earliest("history_date").history_id, user=editor)
    workflow.article_update(article=live, user=editor, expected_version=live.version,
                            data={"captions": ["会议现场", "居民发言"]})
    workflow.articles_add_tag(articles=[live], name="居民区", user=editor)
    suggestion = TagSuggestion.objects.create(article=live, name="防汛", score=2.0)
    intel.suggestion_decide(suggestion=suggestion, accept=True, user=editor)
    created = workflow.article_split(article=live, at_block=1, title="镇党委书记出席", user=editor)
    assert live_content(live) == before  # not one of them reached the public text
    revision = live.revisions.get()
    assert revision.tags == ["居民区", "防汛"] and revision.captions == ["会议现场", "居民发言"]
    assert created.status == ArticleStatus.DRAFT


def test_name_fix_on_a_live_article_shows_in_the_revision(editor, live):
    warning = ArticleWarning.objects.create(article=live, code="suspect-name", message="下晓清疑为卞晓清",
                                            data={"wrong": "下晓清", "right": "卞晓清"})
    workflow.warning_apply_name_fix(warning=warning, user=editor)
    assert "卞晓清" in live.revisions.get().body and "下晓清" in Article.objects.get(pk=live.pk).body
