"""What the masthead did not print: the issue date and the paper's town, inferred from the text."""

import datetime as dt

from articles.importer import parse_text
from articles.importer.dates import filename_date, infer_issue_date
from articles.importer.places import town_from_publisher, town_from_text


def test_issue_date_is_the_latest_event_in_the_year_the_articles_speak_of():
    text = "2024年，青枫镇将继续推进加梯。5月8日，青枫镇开展演练。5月16日，青枫镇举行签约仪式。到2035年基本建成。"
    assert infer_issue_date(text) == (dt.date(2024, 5, 16), "5月16日")


def test_deadlines_and_plans_do_not_date_the_issue():
    text = "2024年3月15日，青枫镇召开会议，要求6月30日前完成整改，计划于12月1日验收。"
    assert infer_issue_date(text)[0] == dt.date(2024, 3, 15)


def test_a_january_issue_that_mentions_december_dates_it_in_january():
    text = "2024年工作会议于1月12日召开。2023年12月28日，镇里召开了年终总结会。12月30日举行了迎新活动。"
    assert infer_issue_date(text)[0] == dt.date(2024, 1, 12)


def test_the_year_comes_from_the_file_name_when_the_text_names_none():
    assert filename_date("qingfeng-2024-05.txt") == (2024, 5, None)
    assert filename_date("000_4f1c25a0884fc651.txt") is None
    assert infer_issue_date("5月16日，青枫镇举行签约仪式。", "qingfeng-2024-05.txt")[0] == dt.date(2024, 5, 16)


def test_an_inferred_date_has_month_precision_and_a_warning():
    issue = parse_text("防汛不松劲\n\n青枫镇开展演练\n\n2024年5月8日，青枫镇开展防汛演练。\n")
    assert (issue.meta.date, issue.meta.date_precision) == (dt.date(2024, 5, 8), "month")
    assert "date-inferred" in [w.code for w in issue.warnings]


def test_town_and_district_from_a_publisher_line():
    assert town_from_publisher("中共闵行区虹桥镇委员会") == ("虹桥镇", "闵行区")
    assert town_from_publisher("江川路街道党工委、办事处") == ("江川路街道", None)


def test_town_from_text_is_the_place_named_most_often_not_a_common_word():
    text = "全镇上下努力建设精品小镇。青枫镇召开会议，青枫镇居民参加。全镇共有示范镇两个，青枫镇……"
    assert town_from_text(text) == "青枫镇"
    assert town_from_text("梅园路街道召开会议。梅园路街道居民参加。") == "梅园路街道"
