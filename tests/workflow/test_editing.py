"""Editing: no lost updates, every version kept and restorable, merge and split keep all text."""

import re

import pytest
from django.urls import reverse

from articles.models import Article, ArticleStatus, ArticleWarning
from articles.services import workflow

from ..factories import make_article

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def form_data(client, article, **changes):
    """What the editor's browser would post: the form as loaded, with the editor's changes."""
    page = client.get(change_url(article)).content.decode()
    version = re.search(r'name="expected_version" value="(\d+)"', page).group(1)
    data = {"issue": article.issue_id, "position": article.position, "column": article.column,
            "kicker": article.kicker, "title": article.title, "subtitle": article.subtitle, "body": article.body,
            "captions": "\n".join(article.captions), "tags": "", "expected_version": version}
    data.update(changes)
    return data


def test_the_second_of_two_editors_saving_is_refused_and_loses_nothing(client, editor, chief, draft):
    client.force_login(editor)
    first = form_data(client, draft, body=draft.body + "\n\n编辑甲补充的一段。")
    client.force_login(chief)
    second = form_data(client, draft, body=draft.body + "\n\n编辑乙补充的一段。")

    client.force_login(editor)
    assert client.post(change_url(draft), first).status_code == 302
    client.force_login(chief)
    refused = client.post(change_url(draft), second)
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "保存被拒绝" in page and "editor" in page
    assert "编辑乙补充的一段。" in page  # the refused editor's text is still in the form
    assert "<ins>" in page and "编辑甲补充的一段。" in page  # and the other editor's change is shown
    draft.refresh_from_db()
    assert "编辑甲补充的一段。" in draft.body and "编辑乙" not in draft.body

    # Saving again now is an informed overwrite; the first editor's version stays in history.
    again = dict(second, expected_version=re.search(r'name="expected_version" value="(\d+)"', page).group(1))
    assert client.post(change_url(draft), again).status_code == 302
    draft.refresh_from_db()
    assert "编辑乙补充的一段。" in draft.body
    assert draft.history.filter(body__contains="编辑甲补充的一段。").exists()


def test_a_save_by_the_service_with_a_stale_version_is_refused(editor, draft):
    workflow.article_update(article=draft, user=editor, expected_version=1, data={"title": "新标题"})
    with pytest.raises(workflow.EditConflict):
        workflow.article_update(article=draft, user=editor, expected_version=1, data={"title": "另一个标题"})
    draft.refresh_from_db()
    assert draft.title == "新标题"


def test_any_two_versions_can_be_compared(client, editor, draft):
    workflow.article_update(article=draft, user=editor, expected_version=1,
                            data={"body": draft.body.replace("杜明远", "杜明远同志")})
    workflow.article_update(article=draft, user=editor, expected_version=2, data={"title": "青枫镇召开工作会议"})
    records = list(draft.history.order_by("history_date", "history_id"))
    client.force_login(editor)
    page = client.get(reverse("admin:articles_article_versions", args=[draft.pk]),
                      {"a": records[0].history_id, "b": records[-1].history_id}).content.decode()
    assert "<ins>同志</ins>" in page
    assert "<del>居民区</del>" in page  # the title lost 居民区


def test_any_version_can_be_restored_and_the_present_one_stays_in_history(client, editor, draft):
    original_body = draft.body
    workflow.article_update(article=draft, user=editor, expected_version=1, data={"body": "全部改写的正文。"})
    first = draft.history.order_by("history_date", "history_id").first()
    client.force_login(editor)
    client.post(reverse("admin:articles_article_restore", args=[draft.pk, first.history_id]), {"confirm": "1"})
    draft.refresh_from_db()
    assert draft.body == original_body
    assert draft.history.filter(body="全部改写的正文。").exists()
    assert draft.history.first().history_change_reason.startswith("恢复到")


def test_merging_keeps_all_text_and_the_merged_article_stays_recoverable(editor, draft):
    fragment = make_article(draft.issue, status="draft", published_at=None, title="碎片",
                            body="会议还部署了防汛工作。", captions=["会议现场"])
    ArticleWarning.objects.create(article=fragment, code="begins-mid-sentence", message="开头不完整")
    merged = workflow.article_merge(first=draft, second=fragment, user=editor)
    assert merged.body.endswith("会议还部署了防汛工作。") and "镇党委书记杜明远出席会议。" in merged.body
    assert merged.captions == ["会议现场"]
    assert ArticleWarning.objects.get().article == merged
    fragment.refresh_from_db()  # kept, marked as merged, off the issue's running order
    assert fragment.status == ArticleStatus.MERGED and fragment.body == "会议还部署了防汛工作。"
    in_print = draft.issue.articles.exclude(status=ArticleStatus.MERGED)
    assert list(in_print.order_by("position").values_list("position", flat=True)) == [1]


def test_splitting_keeps_all_text_in_order(editor, draft):
    tail = make_article(draft.issue, status="draft", published_at=None, title="后一篇")
    created = workflow.article_split(article=draft, at_block=1, title="杜明远出席会议", user=editor)
    draft.refresh_from_db()
    assert draft.body == "3月15日，青枫镇召开居民区工作会议。"
    assert created.body == "镇党委书记杜明远出席会议。"
    order = list(draft.issue.articles.order_by("position").values_list("title", flat=True))
    assert order == [draft.title, "杜明远出席会议", "后一篇"]
    assert draft.history.filter(body__contains="杜明远出席会议").exists()
    tail.refresh_from_db()
    assert tail.position == 3


def test_reordering_through_the_issue_desk(client, editor, draft):
    second = make_article(draft.issue, status="draft", published_at=None, title="第二篇")
    client.force_login(editor)
    client.post(reverse("admin:articles_issue_desk", args=[draft.issue_id]), {"action": "up", "article": second.pk})
    assert list(draft.issue.articles.order_by("position").values_list("title", flat=True)) == ["第二篇", draft.title]


def test_the_suspect_name_fix_is_one_click_and_goes_through_history(client, editor, draft):
    draft.body = draft.body.replace("杜明远", "社明远")
    draft.save()
    warning = ArticleWarning.objects.create(article=draft, code="suspect-name", message="人名可能识别有误",
                                            data={"wrong": "社明远", "right": "杜明远", "title": "镇党委书记"})
    client.force_login(editor)
    client.post(reverse("admin:articles_article_warning", args=[draft.pk, warning.pk, "fix"]))
    draft.refresh_from_db()
    warning.refresh_from_db()
    assert "杜明远" in draft.body and "社明远" not in draft.body
    assert not warning.is_open and warning.resolved_by == editor
    assert draft.history.filter(body__contains="社明远").exists()


def test_publishing_the_issue_from_the_desk_names_the_articles_it_left_out(client, chief, draft):
    from unittest import mock

    second = make_article(draft.issue, status="review", published_at=None, title="第二篇")
    real = workflow.locked_many

    def withdrawn_meanwhile(pks):
        if second.pk in pks:  # another chief changed it between the list and the lock
            Article.objects.filter(pk=second.pk).update(status="withdrawn")
        return real(pks)

    client.force_login(chief)
    with mock.patch.object(workflow, "locked_many", withdrawn_meanwhile):
        response = client.post(reverse("admin:articles_issue_desk", args=[draft.issue_id]), {"action": "publish"},
                               follow=True)
    shown = [str(m) for m in response.context["messages"]]
    assert "本期已发布或定时发布 1 篇文章" in shown
    assert any(m.startswith("以下 1 篇文章暂未发布：《第二篇》") and "已撤回" in m for m in shown)
