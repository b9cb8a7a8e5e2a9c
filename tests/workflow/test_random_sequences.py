"""After any sequence of edits, merges, splits, corrections, restores and their undos, every
earlier version is still recoverable, and no published article changed without a chief's publish."""

import random

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from articles.models import Article, ArticleRevision, ArticleStatus, DeskOperation
from articles.services import corrections, operations, revisions, workflow

from ..factories import make_article, make_issue

pytestmark = pytest.mark.django_db
STEPS = 40


def live_text(article):
    return (article.title, article.body, list(article.captions), sorted(article.tags.names()))


def published_texts():
    return {a.pk: live_text(a) for a in Article.objects.filter(status=ArticleStatus.PUBLISHED)}


def seen_texts():
    """Every text the archive holds now: live rows and open revisions."""
    texts = {("article", a.pk, a.title, a.body) for a in Article.objects.all()}
    texts |= {("revision", r.pk, r.title, r.body) for r in ArticleRevision.objects.all()}
    return texts


def recoverable(kind, pk, title, body):
    history = Article.history if kind == "article" else ArticleRevision.history
    return history.filter(id=pk, title=title, body=body).exists()


def step(rng, editor, chief):
    user = rng.choice([editor, editor, chief])
    articles = list(Article.objects.exclude(status=ArticleStatus.MERGED).order_by("pk"))
    article = rng.choice(articles)
    kind = rng.choice(["edit", "edit", "merge", "split", "restore", "undo", "correct", "undo-correct", "review",
                       "tag"])
    if kind == "edit":
        workflow.article_update(article=article, user=user, expected_version=article.version,
                                data={"body": f"{article.body}\n\n第{rng.randrange(1000)}段补充。"})
    elif kind == "merge":
        others = [a for a in articles if a.issue_id == article.issue_id and a.pk != article.pk]
        if others:
            workflow.article_merge(first=article, second=rng.choice(others), user=user)
    elif kind == "split":
        blocks = len(article.blocks)
        if blocks > 1:
            workflow.article_split(article=article, at_block=rng.randrange(1, blocks), title=f"拆出{rng.randrange(99)}",
                                   user=user)
    elif kind == "restore":
        record = rng.choice(list(article.history.all()))
        workflow.article_restore(article=article, history_id=record.history_id, user=user)
    elif kind == "undo":
        pending = list(DeskOperation.objects.filter(undone_at__isnull=True))
        if pending:
            operations.operation_undo(operation=rng.choice(pending), user=user)
    elif kind == "correct":
        hits = corrections.correction_find(find="会议", user=chief)
        if hits:
            corrections.correction_apply(find="会议", replace="会商", keys=[h.key for h in rng.sample(hits, 1)],
                                         user=chief)
            user = chief
    elif kind == "undo-correct":
        from articles.models import Correction

        done = list(Correction.objects.filter(undone_at__isnull=True))
        if done:
            corrections.correction_undo(correction=rng.choice(done), user=chief)
            user = chief
    elif kind == "review":
        revision = ArticleRevision.objects.filter(state="pending").order_by("?").first()
        if revision:
            user = chief
            rng.choice([revisions.revision_publish, revisions.revision_discard])(revision=revision, user=chief)
    elif kind == "tag":
        workflow.articles_add_tag(articles=[article], name=rng.choice(["社区", "防汛", "会议"]), user=user)
    return user


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_every_version_is_recoverable_and_only_a_chief_changes_live_text(editor, chief, seed):
    rng = random.Random(seed)
    issue = make_issue()
    for n in range(3):
        make_article(issue, title=f"青枫镇召开会议{n}", body=f"第一段会议{n}。\n\n第二段。\n\n第三段会议。")
    make_article(issue, status="draft", published_at=None, title="草稿", body="草稿会议。\n\n草稿第二段。")
    seen = seen_texts()
    for _ in range(STEPS):
        before = published_texts()
        try:
            user = step(rng, editor, chief)
        except (ValidationError, PermissionDenied):
            user = None  # refused as a whole: nothing may have changed
        after = published_texts()
        if user != chief:
            for pk, text in before.items():
                assert after.get(pk, text) == text, f"an editor changed live article {pk}"
        seen |= seen_texts()
    assert DeskOperation.objects.exists() and Article.history.count() > STEPS // 2  # the sequence did things
    for entry in seen:
        assert recoverable(*entry), f"lost: {entry}"
