"""报告错误: a reader tells the editors of that paper; nothing of it is ever public."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import ArticleStatus, ErrorReport, ReportStatus

from ..factories import make_article

pytestmark = pytest.mark.django_db

REPORT = "第二段的“下晓清”应为“卞晓清”。"


def report_url(article):
    return reverse("article-report", args=[article.pk])


def form_token(page: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def send(client, article, **data):
    data.setdefault("message", REPORT)
    return client.post(report_url(article), data)


def test_a_report_is_kept_for_the_editors_and_the_reader_thanked(client):
    article = make_article()
    response = send(client, article, contact="13800000000")
    assert response.status_code == 302
    assert response["Location"] == f"{article.get_absolute_url()}?reported=1#report"
    report = ErrorReport.objects.get()
    assert (report.article, report.message, report.contact, report.status) == (
        article, REPORT, "13800000000", ReportStatus.OPEN)
    thanks = client.get(response["Location"]).content.decode()
    assert "你的报告已转给本报编辑" in thanks


def test_every_published_article_page_has_the_form_and_never_shows_a_report(client):
    article = make_article()
    send(client, article, message="秘密内容：人名写错了")
    page = client.get(article.get_absolute_url()).content.decode()
    assert f'action="{report_url(article)}#report"' in page and 'name="message"' in page
    assert "秘密内容" not in page
    for url in (reverse("home"), reverse("api-article", args=[article.pk]), reverse("feed")):
        assert "秘密内容" not in client.get(url).content.decode(), url
    assert "找到 0 篇" in client.get(reverse("search"), {"q": "秘密内容"}).content.decode()


def test_the_form_needs_its_csrf_token_and_each_reader_gets_their_own_from_the_cached_page(settings):
    settings.PAGE_CACHE_SECONDS = 300  # as in production, whatever this checkout's .env says
    article = make_article()
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    assert first.post(report_url(article), {"message": REPORT}).status_code == 403
    page_one = first.get(article.get_absolute_url())
    page_two = second.get(article.get_absolute_url())  # the same cached page, served again
    token_one, token_two = form_token(page_one.content.decode()), form_token(page_two.content.decode())
    assert "newsroom:csrf" not in page_two.content.decode()
    assert "private" in page_two["Cache-Control"]
    # One reader's token is refused with another reader's cookie, accepted with their own.
    assert second.post(report_url(article), {"message": REPORT, "csrfmiddlewaretoken": token_one}).status_code == 403
    response = second.post(report_url(article), {"message": REPORT, "csrfmiddlewaretoken": token_two})
    assert response.status_code == 302 and ErrorReport.objects.count() == 1


@pytest.mark.parametrize("data, words", [
    ({"message": ""}, "请写明哪里有错"),
    ({"message": "   \n "}, "请写明哪里有错"),
    ({"message": "https://spam.example.com/offer"}, "不要只留链接"),
    ({"message": "人名错了 http://a.cn http://b.cn http://c.cn"}, "链接太多"),
    ({"message": "人名错了" * 126}, "最多 500 字，现在是 504 字"),
    ({"contact": "电话" * 51}, "联系方式最多 100 字"),
    ({"contact": "http://spam.example.com"}, "不要留网址"),
    ({"website": "http://robot.example.com"}, "像是自动程序填写的"),
])
def test_spam_and_oversize_input_get_a_clear_message_and_the_text_stays(client, data, words):
    article = make_article()
    response = send(client, article, **data)
    page = response.content.decode()
    assert response.status_code == 400
    assert words in page and 'role="alert"' in page
    assert not ErrorReport.objects.exists()
    if data.get("message", "").strip():
        assert data["message"] in page  # the reader's text, back in the textarea
    if "contact" in data:
        assert f'value="{data["contact"]}"' in page
    assert re.search(r'<details class="report" id="report" open>', page)


def test_a_reader_sending_too_many_is_slowed_down_with_the_text_kept(client, settings):
    settings.RATELIMIT_REPORT = "2/h"
    article = make_article()
    assert [send(client, article).status_code for _ in range(2)] == [302, 302]
    response = send(client, article, message="第三份报告：日期错了")
    assert response.status_code == 429
    page = response.content.decode()
    assert "发送得太频繁了" in page and "第三份报告：日期错了" in page
    assert ErrorReport.objects.count() == 2


def test_no_report_on_an_article_the_public_cannot_see(client):
    for status, published_at in [(ArticleStatus.DRAFT, None), (ArticleStatus.PUBLISHED, "future"),
                                 (ArticleStatus.WITHDRAWN, "past")]:
        article = make_article(status=status, published_at=published_at)
        assert send(client, article).status_code == 404
    assert not ErrorReport.objects.exists()


def test_the_report_address_answers_a_get_by_pointing_at_the_form(client):
    article = make_article()
    response = client.get(report_url(article))
    assert response.status_code == 302 and response["Location"] == f"{article.get_absolute_url()}#report"
