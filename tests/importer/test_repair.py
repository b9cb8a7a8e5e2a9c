"""Character-level repairs of layout and OCR noise."""

import pytest

from articles.importer.repair import curl_quotes, normalise_widths, remove_layout_spaces, repair_text


@pytest.mark.parametrize("raw,clean", [
    ("全 力以赴推进年度目 标", "全力以赴推进年度目标"),
    ("镇党 委 2024 年第一季度", "镇党委2024年第一季度"),
    ("新泾镇33 个居委会122 个小区", "新泾镇33个居委会122个小区"),
    ("全镇上下，\u3000共同努力", "全镇上下，共同努力"),
    ("联系 Peter Chen 先生", "联系Peter Chen先生"),
    ("开放时间 8:30 - 17:00", "开放时间8:30 - 17:00"),
])
def test_column_wrap_spaces_go_but_spaces_between_latin_words_stay(raw, clean):
    assert remove_layout_spaces(raw) == clean


def test_headline_keeps_the_spaces_between_its_phrases_but_not_around_numbers():
    assert remove_layout_spaces("听民心 解民忧 聚民力", headline=True) == "听民心 解民忧 聚民力"
    assert remove_layout_spaces("青枫镇召开 2024 年工作会议", headline=True) == "青枫镇召开2024年工作会议"


def test_lines_of_an_address_block_keep_their_breaks():
    assert remove_layout_spaces("地址：梅园路 88 号  \n开放时间：周一至周五") == "地址：梅园路88号\n开放时间：周一至周五"


@pytest.mark.parametrize("raw,clean", [
    ("会议结束,居民区书记发言", "会议结束，居民区书记发言"),
    ("问题所在:充分体现", "问题所在：充分体现"),
    ("守住底线;结合特点", "守住底线；结合特点"),
    ("《办法(草案)》", "《办法（草案）》"),
    ("上万平方米!布局了", "上万平方米！布局了"),
    ("真的吗?是的", "真的吗？是的"),
])
def test_half_width_punctuation_in_chinese_text_becomes_full_width(raw, clean):
    assert normalise_widths(raw) == clean


@pytest.mark.parametrize("text", [
    "每天8:30至17:00开放",
    "共1,000人参加，增长3.5%",
    "投稿邮箱：news@qingfeng.example.cn",
    "详见 https://www.example.cn/a,b;c",
    "Hello, World",
])
def test_times_numbers_addresses_and_latin_text_keep_their_punctuation(text):
    assert normalise_widths(text) == text


def test_a_hyphen_read_for_the_character_one_is_corrected():
    assert normalise_widths("-要统一思想，第-季度") == "一要统一思想，第一季度"
    assert normalise_widths("编号A-3") == "编号A-3"


def test_full_width_digits_and_letters_become_half_width():
    assert normalise_widths("２０２４年ＡＢ") == "2024年AB"


def test_straight_quotes_become_curly_quotes_in_turn():
    assert curl_quotes('打好"攻坚战"和"持久战"') == "打好“攻坚战”和“持久战”"
    assert curl_quotes("他说'好'，走了") == "他说‘好’，走了"


def test_a_quote_left_open_by_a_cut_is_closed_where_the_sentence_ends():
    assert curl_quotes('定位战"，社区管理') == "定位战”，社区管理"


def test_apostrophes_in_latin_text_stay_straight():
    assert curl_quotes("It's 青枫") == "It's 青枫"


def test_repair_text_applies_every_repair():
    assert repair_text('在镇党委 领导下,3月 31 日前"定时定点"投放') == "在镇党委领导下，3月31日前“定时定点”投放"


def test_a_hyphen_between_chinese_and_a_digit_is_left_alone():
    assert normalise_widths("社会组织-0签订协议") == "社会组织-0签订协议"
