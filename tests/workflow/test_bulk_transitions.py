"""A transition of many articles at once (an issue published from the desk or at import) is made
in a few queries, and leaves on every article what publishing it alone would: the version, the
editor, one history record, the transition, the index, the related lists; the articles that may
not be published are held back with their reason."""

import pytest

from articles.caching import content_version
from articles.models import (
    Article,
    ArticleStatus,
    ArticleTransition,
    ArticleWarning,
    RelatedArticle,
    SearchEntry,
)
from articles.search import search_articles
from articles.services import workflow

from ..factories import make_article

pytestmark = pytest.mark.django_db


def test_publishing_many_articles_leaves_on_each_what_publishing_it_alone_would(chief, draft):
    review = make_article(draft.issue, status="review", published_at=None, title="居民区垃圾分类推进",
                          body="居民区召开垃圾分类推进会。")
    warned = make_article(draft.issue, status="draft", published_at=None, title="人名待核")
    ArticleWarning.objects.create(article=warned, code="suspect-name", message="人名可能识别有误")
    live = make_article(draft.issue, title="已发布的一篇")
    version_before = content_version()

    done, skipped = workflow.articles_transition(articles=[draft, review, warned, live], action="publish",
                                                 user=chief, comment="整期发布")

    assert done == 2
    assert skipped == ["《人名待核》还有 1 条未处理的提示：人名可能识别有误",
                       "《已发布的一篇》：“已发布的一篇”现在是已发布，不能发布"]
    for article, was in ((draft, "draft"), (review, "review")):
        stored = Article.objects.get(pk=article.pk)
        assert stored.status == ArticleStatus.PUBLISHED and stored.version == 2
        assert stored.last_editor == chief and stored.published_at is not None
        # The caller's copy says what the row says.
        assert (article.status, article.version, article.published_at) == (stored.status, 2, stored.published_at)
        latest = stored.history.order_by("-history_id").first()
        assert stored.history.count() == 2  # created, then published: one record for the publication
        assert (latest.history_type, latest.history_change_reason, latest.history_user) == ("~", "发布", chief)
        assert (latest.status, latest.version) == (ArticleStatus.PUBLISHED, 2)
        transition = ArticleTransition.objects.get(article=stored)
        assert (transition.from_status, transition.to_status, transition.user, transition.comment) == (
            was, "published", chief, "整期发布")
        assert transition.publish_at == stored.published_at
        assert SearchEntry.objects.filter(pk=stored.pk).exists()
        assert RelatedArticle.objects.filter(article=stored).exists()  # computed on publication
    for held in (warned, live):
        assert Article.objects.get(pk=held.pk).version == 1
        assert not ArticleTransition.objects.filter(article=held).exists()
    assert not SearchEntry.objects.filter(pk=warned.pk).exists()
    assert content_version() != version_before
    assert {a.pk for a in search_articles("垃圾分类推进")} == {review.pk}


def test_withdrawing_many_articles_takes_them_out_of_the_index(chief, draft):
    first = make_article(draft.issue, title="撤回之一", body="第一篇撤回的文章。")
    second = make_article(draft.issue, title="撤回之二", body="第二篇撤回的文章。")
    assert SearchEntry.objects.filter(pk__in=[first.pk, second.pk]).count() == 2
    done, skipped = workflow.articles_transition(articles=[first, second], action="withdraw", user=chief)
    assert (done, skipped) == (2, [])
    assert not SearchEntry.objects.filter(pk__in=[first.pk, second.pk]).exists()
    assert list(Article.objects.filter(pk__in=[first.pk, second.pk]).values_list("status", flat=True)) == [
        ArticleStatus.WITHDRAWN] * 2


def test_articles_of_a_paper_not_on_the_users_desk_are_held_back_and_the_others_go(chief, draft):
    from ..factories import make_issue, make_publication

    elsewhere = make_article(make_issue(make_publication("梅溪镇")), status="draft", published_at=None, title="别的报纸")
    done, skipped = workflow.articles_transition(articles=[draft, elsewhere], action="publish", user=chief)
    assert done == 1 and skipped == ["《别的报纸》：不在你负责的报纸"]
    assert Article.objects.get(pk=elsewhere.pk).status == ArticleStatus.DRAFT


def test_an_unknown_action_or_a_user_without_the_permission_changes_nothing(editor, draft):
    assert workflow.articles_transition(articles=[draft], action="fly", user=editor) == (0, [
        f"《{draft.title}》：未知操作：fly"])
    assert workflow.articles_transition(articles=[draft], action="publish", user=editor) == (0, [
        f"《{draft.title}》：不在你负责的报纸"])
    assert Article.objects.get(pk=draft.pk).version == 1
