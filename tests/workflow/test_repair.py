"""Desk tools for repairing a bad split: each a service with history and an exact undo."""

import pytest

from articles.models import Article, ArticleStatus
from articles.services import operations, repair

from ..factories import make_article, make_issue

pytestmark = pytest.mark.django_db


@pytest.fixture
def lumped(db):
    """One article the importer failed to cut: three stories, a caption that is really a headline."""
    issue = make_issue(leftovers=["遗留的一段文字。"])
    article = make_article(issue, status="draft", published_at=None, title="第一篇",
                           body="第一篇的正文。\n\n第二篇标题\n\n第二篇的正文。\n\n第三篇的正文。",
                           captions=["第三篇标题", "第一篇的照片"])
    neighbour = make_article(issue, status="draft", published_at=None, title="邻篇", body="邻篇正文。")
    return issue, article, neighbour


def state(issue):
    return sorted((a.pk, a.title, a.body, a.captions, a.status, a.position) for a in Article.objects.filter(issue=issue))


def test_several_cuts_at_once_with_a_paragraph_and_a_caption_as_headlines_and_an_exact_undo(editor, lumped):
    issue, article, _neighbour = lumped
    before = state(issue)
    op = repair.article_cuts(article=article, user=editor,
                             cuts=[repair.Cut(at=1), repair.Cut(at=3, caption=0)])
    titles = list(Article.objects.filter(issue=issue).order_by("position").values_list("title", "body"))
    assert titles == [("第一篇", "第一篇的正文。"), ("第二篇标题", "第二篇的正文。"), ("第三篇标题", "第三篇的正文。"),
                      ("邻篇", "邻篇正文。")]
    assert Article.objects.get(pk=article.pk).captions == ["第一篇的照片"]
    operations.operation_undo(operation=op, user=editor)
    assert state(issue) == before


def test_a_paragraph_and_a_caption_move_to_another_article_at_a_chosen_place_and_back(editor, lumped):
    issue, article, neighbour = lumped
    before = state(issue)
    repair.block_move(source=article, target=neighbour, block=3, position=0, user=editor)
    assert Article.objects.get(pk=neighbour.pk).body == "第三篇的正文。\n\n邻篇正文。"
    op = repair.block_move(source=article, target=neighbour, caption=1, user=editor)
    assert Article.objects.get(pk=neighbour.pk).captions == ["第一篇的照片"]
    operations.operation_undo(operation=op, user=editor)
    first = operations.DeskOperation.objects.get(kind="move", undone_at__isnull=True)
    operations.operation_undo(operation=first, user=editor)
    assert state(issue) == before


def test_leftover_text_is_attached_at_a_chosen_place_and_the_undo_gives_it_back(editor, lumped):
    issue, _article, neighbour = lumped
    op = repair.leftover_attach(issue=issue, index=0, target=neighbour, position=1, user=editor)
    issue.refresh_from_db()
    assert issue.leftovers == [] and Article.objects.get(pk=neighbour.pk).body == "邻篇正文。\n\n遗留的一段文字。"
    operations.operation_undo(operation=op, user=editor)
    issue.refresh_from_db()
    assert issue.leftovers == ["遗留的一段文字。"] and Article.objects.get(pk=neighbour.pk).body == "邻篇正文。"


def test_a_cut_of_a_live_article_by_an_editor_waits_for_the_chief(editor, lumped):
    issue, _, _ = lumped
    live = make_article(issue, title="已发布", body="甲。\n\n乙标题\n\n乙。")
    repair.article_cuts(article=live, cuts=[repair.Cut(at=1)], user=editor)
    assert Article.objects.get(pk=live.pk).body == "甲。\n\n乙标题\n\n乙。"
    assert live.revisions.get().body == "甲。"
    assert Article.objects.get(title="乙标题").status == ArticleStatus.DRAFT


def test_the_repair_page_cuts_and_moves_through_its_forms(client, editor, lumped):
    from django.urls import reverse

    issue, article, _neighbour = lumped
    client.force_login(editor)
    url = reverse("admin:articles_issue_repair", args=[issue.pk, article.pk])
    assert "按所选拆分" in client.get(url).content.decode()
    response = client.post(url, {"action": "cuts", "cut": ["1", "3"], "caption-3": "0"}, follow=True)
    assert "撤销" in response.content.decode()
    assert Article.objects.filter(issue=issue, title__in=["第二篇标题", "第三篇标题"]).count() == 2
    client.post(url, {"action": "leftover", "leftover": "0", "position": ""})
    assert Article.objects.get(pk=article.pk).body.endswith("遗留的一段文字。")
