"""Browsing by date: an issue's neighbours, the date jump, the year grid, 往年今日."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import ArticleStatus

from ..factories import make_article, make_issue, make_publication

pytestmark = pytest.mark.django_db


def published_issue(paper, date, **kwargs):
    issue = make_issue(paper, date, **kwargs)
    make_article(issue, title=f"{paper.town}{date.isoformat()}的文章")
    return issue


@pytest.fixture
def papers():
    qingfeng, meiyuan = make_publication("青枫镇"), make_publication("梅园路街道")
    issues = {d: published_issue(qingfeng, dt.date(2024, *d), number=100 + i)
              for i, d in enumerate([(1, 10), (2, 14), (3, 27), (5, 1)])}
    hidden = make_issue(qingfeng, dt.date(2024, 3, 1))  # only a draft: not an issue the public may open
    make_article(hidden, status=ArticleStatus.DRAFT, published_at=None)
    published_issue(meiyuan, dt.date(2024, 2, 20))
    return qingfeng, issues


def nav_links(client, issue):
    page = client.get(issue.get_absolute_url()).content.decode()
    nav = re.search(r'<nav class="prev-next issue-nav".*?</nav>', page, re.S).group(0)
    return dict(re.findall(r'rel="(prev|next)" href="([^"]+)"', nav)), nav


def test_an_issue_links_the_papers_published_issues_before_and_after_it(client, papers):
    _, issues = papers
    links, nav = nav_links(client, issues[(2, 14)])
    # 3月1日 has no published article, and 梅园路's 2月20日 is another paper: both skipped.
    assert links == {"prev": issues[(1, 10)].get_absolute_url(), "next": issues[(3, 27)].get_absolute_url()}
    assert '<span class="date">2024年1月10日</span>' in nav and "第100期" in nav


def test_the_first_and_the_latest_issue_say_so(client, papers):
    _, issues = papers
    links, nav = nav_links(client, issues[(1, 10)])
    assert set(links) == {"next"} and "这是本报收录的第一期" in nav
    links, nav = nav_links(client, issues[(5, 1)])
    assert set(links) == {"prev"} and "这是本报收录的最新一期" in nav


def test_two_issues_of_one_day_follow_each_other(client):
    paper = make_publication()
    first, second = published_issue(paper, dt.date(2024, 6, 1)), published_issue(paper, dt.date(2024, 6, 1))
    assert nav_links(client, first)[0] == {"next": second.get_absolute_url()}
    assert nav_links(client, second)[0] == {"prev": first.get_absolute_url()}


@pytest.mark.parametrize("typed, expected", [
    ("2024-02-14", (2, 14)),  # an issue of that day
    ("2024-02-20", (2, 14)),  # nearer 2月14日 than 3月27日
    ("2024-03-01", (2, 14)),  # the hidden issue of that day is not offered
    ("2024-03-10", (3, 27)),  # 17 days to 3月27日, 25 to 2月14日
    ("2024-03-06", (2, 14)),  # 21 days either side: the issue in print on that day
    ("2024-04-14", (5, 1)),  # 17 days to 5月1日, 18 to 3月27日
    ("2023-06-01", (1, 10)),  # before the first issue
    ("2030年1月1日", (5, 1)),  # after the last
    ("2024-02", (2, 14)),  # a month alone: its first day, 13 days before 2月14日
])
def test_the_date_jump_goes_to_the_nearest_published_issue(client, papers, typed, expected):
    paper, issues = papers
    response = client.get(reverse("paper-date", args=[paper.slug]), {"date": typed})
    assert response.status_code == 302
    assert response["Location"] == issues[expected].get_absolute_url()


def test_a_bad_date_is_explained_and_kept_in_the_field(client, papers):
    paper, _ = papers
    for typed, words in [("2024-02-30", "2024年2月没有 30 日"), ("下周三", "看不懂“下周三”"), ("", "请填写日期")]:
        response = client.get(reverse("paper-date", args=[paper.slug]), {"date": typed})
        page = response.content.decode()
        assert response.status_code == 400
        assert words in page and 'role="alert"' in page
        assert f'value="{typed}"' in page


def test_no_date_jump_into_a_paper_the_public_cannot_see(client):
    hidden = make_publication("无公开镇")
    make_article(make_issue(hidden), status=ArticleStatus.DRAFT, published_at=None)
    assert client.get(reverse("paper-date", args=[hidden.slug]), {"date": "2024-05-20"}).status_code == 404


def test_paper_and_year_pages_offer_the_date_jump_within_the_papers_dates(client, papers):
    paper, _ = papers
    for url in (paper.get_absolute_url(), reverse("paper-year", args=[paper.slug, 2024])):
        page = client.get(url).content.decode()
        form = re.search(r'<form class="date-jump".*?</form>', page, re.S).group(0)
        assert f'action="{reverse("paper-date", args=[paper.slug])}"' in form
        assert 'type="date" name="date"' in form and 'min="2024-01-10"' in form and 'max="2024-05-01"' in form


def test_year_grid_cells_say_which_issue_they_hold(client, papers):
    paper, issues = papers
    month_issue = published_issue(paper, dt.date(2024, 7, 1), date_precision="month", number=131)
    page = client.get(reverse("paper-year", args=[paper.slug, 2024])).content.decode()
    cells = dict(re.findall(r'<li class="month[^"]*"><h2>(\d+)月</h2>(.*?)</li>', page, re.S))
    assert re.sub(r"<[^>]+>", "", cells["2"]).strip() == "2月14日 · 第101期"
    assert f'href="{issues[(2, 14)].get_absolute_url()}"' in cells["2"]
    assert re.sub(r"<[^>]+>", "", cells["7"]).strip() == "7月 · 第131期"
    assert f'href="{month_issue.get_absolute_url()}"' in cells["7"]
    assert "本月" not in page.split('<ol class="months">')[1]
    assert "href" not in cells["4"]  # no issue in April


def years_ago(day, years):
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def test_on_this_day_lists_articles_printed_this_day_in_earlier_years(client):
    today = timezone.localdate()
    paper = make_publication()
    last_year = make_article(make_issue(paper, years_ago(today, 1)), title="去年今日的文章")
    make_article(make_issue(paper, years_ago(today, 3)), title="三年前今日的文章")
    make_article(make_issue(paper, today), title="今天出版的文章")
    make_article(make_issue(paper, years_ago(today, 2) - dt.timedelta(days=1)), title="前一天的文章")
    make_article(make_issue(paper, years_ago(today, 2)), title="未发布的往年文章", status=ArticleStatus.DRAFT,
                 published_at=None)
    make_article(make_issue(paper, years_ago(today, 4).replace(day=1), date_precision="month"), title="只知月份的文章")
    page = client.get(reverse("home")).content.decode()
    section = re.search(r'<section aria-labelledby="on-this-day-heading">.*?</section>', page, re.S).group(0)
    titles = re.findall(r'<span class="title">([^<]+)</span>', section)
    # Not today's, the day before, a draft, nor an issue known by its month only (dated the 1st).
    assert titles == ["去年今日的文章", "三年前今日的文章"]
    assert f"{today.month}月{today.day}日" in section and last_year.get_absolute_url() in section


def test_on_this_day_is_hidden_when_nothing_was_printed_on_this_day(client):
    today = timezone.localdate()
    make_article(make_issue(make_publication(), years_ago(today, 1) - dt.timedelta(days=3)))
    page = client.get(reverse("home")).content.decode()
    assert "往年今日" not in page and "on-this-day" not in page
