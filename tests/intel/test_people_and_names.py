"""Who's who and misread names, on hand-written text (no database)."""

import datetime as dt

from articles.textintel.names import NameUse, find_suspects, look_alike
from articles.textintel.people import find_mentions, office


def pairs(text, **kwargs):
    return [(m.title, m.name) for m in find_mentions(text, **kwargs)]


def test_titles_and_names_are_read_as_printed():
    text = ("3月15日，青枫镇召开工作会议。镇党委书记杜明远，镇党委副书记、镇长沈佳琪，镇人大主席韩国平出席。"
            "会议由镇党委副书记顾晓峰主持。枫林居民区党总支书记周丽萍、梅溪居民区主任干事陈大雨作交流发言。")
    assert pairs(text) == [
        ("镇党委书记", "杜明远"), ("镇党委副书记、镇长", "沈佳琪"), ("镇人大主席", "韩国平"),
        ("镇党委副书记", "顾晓峰"), ("枫林居民区党总支书记", "周丽萍"), ("梅溪居民区主任干事", "陈大雨"),
    ]


def test_several_names_after_one_title_share_it():
    assert pairs("镇党委副书记盛建新、马文华，镇纪委书记凌华分别部署工作。") == [
        ("镇党委副书记", "盛建新"), ("镇党委副书记", "马文华"), ("镇纪委书记", "凌华")]


def test_a_word_after_a_title_is_not_taken_for_a_name():
    assert pairs("与会代表严格按照选举办法投票。") == []
    assert pairs("镇领导高度重视这项工作。") == []


def test_a_name_without_a_surname_is_only_found_when_asked_for():
    text = "镇党委书记下明远主持会议。"
    assert pairs(text) == []
    assert pairs(text, require_surname=False) == [("镇党委书记", "下明远")]


def test_office_reduces_a_printed_role_to_the_office_in_its_town():
    assert office("青枫镇镇长", "青枫镇") == "镇长"
    assert office("党委副书记", "青枫镇") == "镇党委副书记"
    assert office("人大主席", "梅园路街道") == "街道人大主席"
    assert office("镇纪委（监察）书记", "青枫镇") == "镇纪委监察书记"


def test_look_alike_names_differ_in_one_look_alike_character():
    assert look_alike("下晓清", "卞晓清")
    assert look_alike("社明远", "杜明远")
    assert not look_alike("王平", "王炜")  # one character apart, but not alike
    assert not look_alike("下晓清", "卞晓明")  # two characters apart


def uses(name, office_name, issues, year):
    return [NameUse(name, office_name, "青枫镇", f"{name}-{i}", dt.date(year, 1 + i, 1)) for i in range(issues)]


def test_a_rare_look_alike_of_a_frequent_name_in_the_same_office_is_suspect():
    found = find_suspects(uses("杜明远", "镇党委书记", 3, 2023) + uses("社明远", "镇党委书记", 1, 2023))
    assert [(s.wrong, s.right) for s in found] == [("社明远", "杜明远")]


def test_look_alike_names_in_different_offices_are_different_people():
    assert find_suspects(uses("杜明远", "镇党委书记", 3, 2023) + uses("社明远", "副镇长", 1, 2023)) == []


def test_look_alike_names_years_apart_in_one_office_are_successive_holders():
    assert find_suspects(uses("王大成", "镇长", 3, 2015) + uses("玉大成", "镇长", 1, 2023)) == []


def test_names_that_do_not_look_alike_are_never_suspect():
    assert find_suspects(uses("王炜", "镇长", 3, 2023) + uses("王平", "镇长", 1, 2023)) == []
