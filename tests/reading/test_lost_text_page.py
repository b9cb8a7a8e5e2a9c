"""The article page marks where the importer found printed text lost, as long as it is lost."""

import re

import pytest
from django.utils import timezone

from articles.models import ArticleWarning

from ..factories import make_article

pytestmark = pytest.mark.django_db

BODY = "年第一季度工作会议在镇政府召开。\n\n杜明远提出三点要求。一要坚定信心，\n\n二要狠抓落实，确保年度目标按时完成。\n\n会议强调，要加快推"
GAP = {"before": "提出三点要求。一要坚定信心，", "after": "二要狠抓落实，确保年度"}


def body_of(client, article):
    page = client.get(article.get_absolute_url()).content.decode()
    body = re.search(r'<div class="article-body" id="article-body">(.*?)</div>', page, re.S).group(1)
    return ["lost" if "text-lost" in p else re.sub(r"<[^>]+>", "", p)[:4] for p in re.findall(r"<p[^>]*>.*?</p>", body)]


def flag(article, code, data=None, **state):
    return ArticleWarning.objects.create(article=article, code=code, message="提示", data=data or {}, **state)


def test_each_flagged_loss_is_marked_where_it_is(client, chief_user):
    article = make_article(body=BODY)
    dismissed = {"resolved_at": timezone.now(), "resolved_by": chief_user, "dismiss_reason": "原报如此"}
    flag(article, "begins-mid-sentence", **dismissed)
    flag(article, "text-gap", GAP, **dismissed)
    flag(article, "ends-mid-sentence")  # still open (a flag found after publication)
    assert body_of(client, article) == ["lost", "年第一季", "杜明远提", "lost", "二要狠抓", "会议强调", "lost"]
    assert client.get(article.get_absolute_url()).content.decode().count("原报此处文字缺失") == 3


def test_a_loss_the_editor_handled_is_not_marked(client, chief_user):
    article = make_article(body=BODY)
    flag(article, "text-gap", GAP, resolved_at=timezone.now(), resolved_by=chief_user)  # resolved, no reason
    assert "lost" not in body_of(client, article)


def test_an_article_without_flags_reads_as_written_even_if_it_looks_cut(client):
    article = make_article(body=BODY)
    flag(article, "paragraphs-rejoined", {"count": 1})
    assert "lost" not in body_of(client, article)
