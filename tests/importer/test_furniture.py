"""Masthead, publisher, boilerplate and footer: taken out of the articles, read into the issue."""

import datetime as dt

from articles.importer import parse_text
from articles.importer.furniture import is_boilerplate, masthead_date

BODY = """
青枫镇召开居民区工作会议

3月15日，青枫镇召开居民区工作会议，部署今年的重点工作。镇党委书记杜明远出席会议。
"""


def test_masthead_date_number_pages_and_next_issue_are_read():
    text = "2024年 3 月 27 日\n\n本期 4 版 总第 131 期\n\n下期出版:4月24日\n" + BODY
    meta = parse_text(text).meta
    assert meta.date == dt.date(2024, 3, 27)
    assert meta.date_precision == "day"
    assert (meta.number, meta.pages, meta.next_issue_date) == (131, 4, dt.date(2024, 4, 24))


def test_next_issue_in_january_of_a_december_issue_is_next_year():
    text = "2023年12月20日\n\n下期出版：1月17日\n" + BODY
    assert parse_text(text).meta.next_issue_date == dt.date(2024, 1, 17)


def test_dates_printed_in_chinese_numerals_or_with_weekday_are_read():
    assert masthead_date("二〇二三年十二月二十日 星期三") == (dt.date(2023, 12, 20), "day")
    assert masthead_date("2023年12月20日 星期三 农历十一月初八") == (dt.date(2023, 12, 20), "day")
    assert masthead_date("2023.12.20") == (dt.date(2023, 12, 20), "day")


def test_a_sentence_with_a_date_in_it_is_not_a_masthead_date():
    assert masthead_date("镇党委召开2021年11月24日会议并讲话要求") is None


def test_publisher_lines_name_the_publisher_town_and_district():
    text = "中共徐汇区梅园路街道工作委员会 联合主办\n徐汇区梅园路街道办事处\n" + BODY
    meta = parse_text(text).meta
    assert meta.publisher == "中共徐汇区梅园路街道工作委员会、徐汇区梅园路街道办事处"
    assert meta.town == "梅园路街道"
    assert meta.district == "徐汇区"


def test_publisher_line_with_ornaments_is_read():
    meta = parse_text("■青枫 青枫镇党委、政府 联合出版 ■\n" + BODY).meta
    assert meta.publisher == "青枫镇党委、政府"
    assert meta.town == "青枫镇"


def test_boilerplate_is_recognised():
    assert is_boilerplate("扫描二维码 关注“青枫发布” 官方微信公众号")
    assert is_boilerplate("■ 社 / 区 / 的 / 每 / 一 / 天 ━━━━")
    assert is_boilerplate("关注“青枫发布”")
    assert not is_boilerplate("扫码查看大楼布局")
    assert not is_boilerplate("青枫镇召开居民区工作会议")


def test_footer_gives_board_and_contact_and_is_not_an_article():
    text = BODY + "\n本报编审团:\n许晴 王建华\n蒋一鸣\n投稿邮箱:news@qingfeng.example.cn\n新闻热线:021-54321678\n地址:青枫路8号(宣传办)\n"
    issue = parse_text(text)
    assert issue.meta.editorial_board == ["许晴", "王建华", "蒋一鸣"]
    assert issue.meta.contact["email"] == "news@qingfeng.example.cn"
    assert issue.meta.contact["phone"] == "021-54321678"
    assert issue.meta.contact["address"].startswith("青枫路8号")
    assert len(issue.articles) == 1
    assert "编审团" not in issue.articles[0].blocks[-1].text


def test_an_address_inside_an_article_is_not_footer():
    text = BODY + "\n地址：青枫路8号  \n开放时间：周一至周五9:00~17:00\n"
    issue = parse_text(text)
    assert issue.articles[0].blocks[-1].text == "地址：青枫路8号\n开放时间：周一至周五9:00~17:00"
    assert issue.meta.contact == {}


def test_boilerplate_and_masthead_never_reach_the_articles():
    text = ("2024年3月27日\n\n扫描二维码 关注\"青枫发布\" 官方微信公众号\n\n■ 社 / 区 / 的 / 每 / 一 / 天 ━━━━\n"
            + BODY + "\n\n\n扫描二维码 关注青枫微信公众号\n")
    issue = parse_text(text)
    everything = str(issue.to_json()["articles"])
    assert "二维码" not in everything and "社 / 区" not in everything and "2024年3月27日" not in everything
