"""The article list: filters, Chinese substring search and bulk actions."""

import datetime as dt

import pytest
from django.urls import reverse

from articles.models import ArticleStatus, ArticleWarning
from articles.services import workflow

from ..factories import make_article, make_issue, make_publication

pytestmark = pytest.mark.django_db

LIST = "admin:articles_article_changelist"


@pytest.fixture
def shelf(db, editor, chief):
    qingfeng, meiyuan = make_publication("青枫镇"), make_publication("梅园路街道")
    meiyuan.staff.add(editor, chief)
    old = make_issue(qingfeng, dt.date(2021, 5, 1))
    new = make_issue(meiyuan, dt.date(2024, 5, 1))
    a = make_article(old, title="垃圾分类推进会", body="新时尚成为好习惯。", status="draft", published_at=None)
    b = make_article(new, title="加装电梯签约", body="一网统管平台上线。")
    c = make_article(new, title="防汛演练", body="抢险队伍抵达现场。", status="review", published_at=None)
    a.tags.add("垃圾分类")
    ArticleWarning.objects.create(article=c, code="ends-mid-sentence", message="结尾不完整")
    return a, b, c


def titles(client, **params):
    page = client.get(reverse(LIST), params).content.decode()
    return {t for t in ["垃圾分类推进会", "加装电梯签约", "防汛演练"] if f">{t}<" in page}


def test_filters_by_status_paper_year_warnings_and_tag_combine(client, chief, shelf):
    client.force_login(chief)
    assert titles(client, status__exact="review") == {"防汛演练"}
    assert titles(client, issue__publication__id__exact=shelf[1].issue.publication_id) == {"加装电梯签约", "防汛演练"}
    assert titles(client, year="2021") == {"垃圾分类推进会"}
    assert titles(client, warnings="open") == {"防汛演练"}
    assert titles(client, tag="垃圾分类") == {"垃圾分类推进会"}
    assert titles(client, year="2024", status__exact="published") == {"加装电梯签约"}


def test_search_finds_chinese_substrings_in_title_and_body(client, chief, shelf):
    client.force_login(chief)
    assert titles(client, q="统管") == {"加装电梯签约"}
    assert titles(client, q="分类推") == {"垃圾分类推进会"}


def test_bulk_actions_submit_and_add_a_tag(client, editor, shelf):
    a, b, c = shelf
    client.force_login(editor)
    client.post(reverse(LIST), {"action": "submit_selected", "_selected_action": [a.pk, c.pk]})
    a.refresh_from_db()
    assert a.status == ArticleStatus.REVIEW
    client.post(reverse(LIST), {"action": "tag_selected", "_selected_action": [a.pk, b.pk], "tag_name": "民生实事"})
    assert "民生实事" in set(a.tags.names())
    # b is published: the editor's tag waits for the chief in b's revision
    assert set(b.tags.names()) == set() and b.revisions.get().tags == ["民生实事"]


def test_bulk_publish_and_withdraw_for_the_chief_editor(client, chief, shelf):
    a, b, c = shelf
    client.force_login(chief)
    response = client.post(reverse(LIST), {"action": "publish_selected", "_selected_action": [a.pk, c.pk]},
                           follow=True)
    assert any("《防汛演练》还有 1 条未处理的提示" in str(m) for m in response.context["messages"])
    client.post(reverse(LIST), {"action": "withdraw_selected", "_selected_action": [b.pk]})
    statuses = {x.title: x.__class__.objects.get(pk=x.pk).status for x in shelf}
    assert statuses == {"垃圾分类推进会": "published", "防汛演练": "review", "加装电梯签约": "withdrawn"}
    workflow.warning_dismiss(warning=c.import_warnings.get(), user=chief, reason="原报即如此")
    client.post(reverse(LIST), {"action": "publish_selected", "_selected_action": [c.pk]})
    c.refresh_from_db()
    assert c.status == ArticleStatus.PUBLISHED
