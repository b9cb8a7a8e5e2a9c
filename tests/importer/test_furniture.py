"""Masthead, publisher, boilerplate and footer: taken out of the articles, read into the issue."""

import datetime as dt

from articles.importer import parse_text
from articles.importer.furniture import is_boilerplate
from articles.importer.furniture.dates import printed_date
from articles.importer.furniture.masthead import is_date_line
from articles.importer.furniture.running import jumps_in, running_page


def masthead_date(text):
    """The date a masthead line prints, if the line is a date line."""
    found = printed_date(text) if is_date_line(text) else None
    return found[:2] if found else None

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


def test_dotted_and_month_only_mastheads_are_read_with_their_precision():
    assert masthead_date("2024.03.15 星期五") == (dt.date(2024, 3, 15), "day")
    assert masthead_date("第 5 期 2024年3月") == (dt.date(2024, 3, 1), "month")
    meta = parse_text("第 5 期 2024年3月\n" + BODY).meta
    assert (meta.date, meta.date_precision, meta.number) == (dt.date(2024, 3, 1), "month", 5)


def test_a_month_only_masthead_is_not_made_a_day_by_a_date_in_an_article():
    assert parse_text("2024年3月刊\n" + BODY).meta.date_precision == "month"


def test_the_running_number_since_the_first_issue_wins_over_the_number_in_the_year():
    meta = parse_text("第 2 期 2024年10月\n总第256期 本期4版\n" + BODY).meta
    assert meta.number == 256


def test_running_heads_and_feet_name_their_page():
    assert running_page("2 要闻 2024年3月15日 责任编辑：顾文") == 2
    assert running_page("第3版") == 3
    assert running_page("第 3 版 文化") == 3
    assert running_page("2024.03.15 要闻 03") == 3
    assert running_page("青枫社区报 2024年3月15日 第3版", ("青枫社区报",)) == 3
    assert running_page("3 居民们说，很好") is None
    assert running_page("第3期") is None


def test_a_jump_line_names_the_page_a_story_comes_from_not_the_page_it_stands_on():
    assert running_page("（上接第1版）") is None
    assert running_page("（下转第3版）") is None
    from articles.importer.prepare import prepare

    text = ("青枫社区报\n2024年3月15日 星期五\n\n青枫镇召开居民区工作会议\n\n3月15日，青枫镇召开居民区工作会议，"
            "部署今年的重点工作。\n（下转第2版）\n\f2 要闻 2024年3月15日 责任编辑：顾文\n\n（上接第1版）\n"
            "镇党委书记杜明远出席会议并讲话。\n")
    prepared = prepare(text)
    pages = {line.text: page for line, page in zip(prepared.lines, prepared.pages, strict=True)}
    assert pages["青枫镇召开居民区工作会议"] == 1
    assert pages["镇党委书记杜明远出席会议并讲话。"] == 2
    assert parse_text(text).articles[0].page == 1


def test_jump_lines_say_where_a_story_goes_on_or_comes_from():
    assert jumps_in("落实到位。（下转第3版）") == [("out", 3, (5, 12))]
    assert [j[:2] for j in jumps_in("（上接第1版）青枫镇召开工作会议")] == [("in", 1)]
    assert [j[:2] for j in jumps_in("下转第3版")] == [("out", 3)]


def test_a_running_head_between_the_lines_of_a_sentence_is_taken_out_and_the_sentence_rejoined():
    text = ("青枫镇召开居民区工作会议\n\n3月15日，青枫镇召开居民区工作会议，部署今年\n\n"
            "2 要闻 2024年3月15日 责任编辑：顾文\n\n的重点工作。镇党委书记杜明远出席会议。\n")
    issue = parse_text(text)
    assert [b.text for b in issue.articles[0].blocks] == ["3月15日，青枫镇召开居民区工作会议，部署今年的重点工作。镇党委书记杜明远出席会议。"]


def test_every_role_on_one_footer_line_gives_its_names():
    from articles.importer.furniture.footer import read_footer_line
    from articles.importer.model import IssueMeta

    meta = IssueMeta()
    read_footer_line("编审团：孙洋 蒋颖兰 主编：董国", meta, False)
    assert meta.editorial_board == ["孙洋", "蒋颖兰", "董国"]


def test_a_masthead_date_set_after_the_first_storys_column_is_still_the_issues_date():
    # An extractor that orders a page by its blocks may put the masthead's date box after the
    # opening column of the first story.
    story = ("青枫镇召开居民区工作会议\n\n3月15日，青枫镇召开居民区工作会议，部署今年的重点工作。\n\n"
             "镇党委书记杜明远出席会议并讲话，要求各居民区把实事办到居民心坎里。\n\n")
    text = "青枫社区报\n\n" + story + "2024年3月20日 星期三\n\n总第131期 本期4版\n\n" + BODY
    meta = parse_text(text).meta
    assert (meta.date, meta.date_precision) == (dt.date(2024, 3, 20), "day")
    articles = parse_text(text).articles
    assert all("星期三" not in block.text for article in articles for block in article.blocks)


def test_a_date_alone_after_the_first_page_is_not_read_as_the_masthead():
    text = "青枫社区报\n\n" + BODY + "\f2 要闻\n\n2024年3月20日 星期三\n" + BODY
    meta = parse_text(text).meta
    assert meta.date_basis == "inferred"  # from what the articles report, with a warning


def test_the_papers_name_and_its_date_with_the_weekday_on_one_line_are_the_masthead():
    text = "青枫社区报 2024.04.08 星期一\n总第211期 本期3版\n" + BODY
    issue = parse_text(text)
    assert (issue.meta.date, issue.meta.date_precision) == (dt.date(2024, 4, 8), "day")
    assert [article.title for article in issue.articles] == ["青枫镇召开居民区工作会议"]


def test_a_headline_with_a_date_but_no_weekday_is_not_taken_for_the_masthead():
    from articles.importer.furniture.masthead import is_named_date_line

    assert is_named_date_line("青枫社区报 2024年4月8日 星期一")
    assert not is_named_date_line("2024年4月8日 青枫镇召开居民区工作会议")
    assert not is_named_date_line("4月8日星期一，青枫镇召开居民区工作会议，部署今年的重点工作")
