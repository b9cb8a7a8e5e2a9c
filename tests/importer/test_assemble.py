"""Paragraphs cut by the layout are rejoined; text that landed elsewhere goes back; doubts become warnings."""

import pytest

from articles.importer import parse_text

HEAD = "凝心聚力 共建家园\n\n青枫镇召开居民区工作会议\n\n"


def codes(article):
    return [w.code for w in article.warnings]


def test_a_paragraph_cut_mid_sentence_is_rejoined_across_a_column_break():
    text = HEAD + "3月15日，青枫镇召开居民区工作会议，部署今年的\n\n重点工作。镇党委书记杜明远出席会议。\n"
    article = parse_text(text).articles[0]
    assert [b.text for b in article.blocks] == ["3月15日，青枫镇召开居民区工作会议，部署今年的重点工作。镇党委书记杜明远出席会议。"]
    assert "paragraphs-rejoined" in codes(article)


def test_a_paragraph_ending_a_sentence_is_not_joined_to_the_next():
    text = HEAD + "3月15日，青枫镇召开居民区工作会议。\n\n镇党委书记杜明远出席会议。\n"
    assert len(parse_text(text).articles[0].blocks) == 2


def test_a_cut_before_the_next_item_of_a_list_is_a_gap_not_a_join():
    text = HEAD + "杜明远提出三点要求。一要坚定信心，不\n\n二要狠抓落实，确保年度目标完成。\n"
    article = parse_text(text).articles[0]
    assert [b.text for b in article.blocks] == ["杜明远提出三点要求。一要坚定信心，不", "二要狠抓落实，确保年度目标完成。"]
    assert "text-gap" in codes(article)


def test_an_article_beginning_mid_sentence_is_flagged():
    text = HEAD + "年第一季度工作会议，回顾总结一季度工作。镇党委书记杜明远出席会议。\n"
    assert codes(parse_text(text).articles[0])[0] == "begins-mid-sentence"


def test_an_article_ending_mid_sentence_is_flagged():
    text = HEAD + "3月15日，青枫镇召开居民区工作会议，镇党委书记杜明远\n"
    assert "ends-mid-sentence" in codes(parse_text(text).articles[0])


def test_an_articles_start_printed_at_the_end_of_the_file_is_reattached():
    text = (
        "强化担当 凝聚力量\n\n青枫经济联合社召开2024年经济工作会议\n\n"
        "大，要紧紧抓住发展机遇，稳中求进。\n\n会议还对各集体企业提出了具体要求。\n\n\n\n"
        "防汛不松劲\n\n青枫镇开展防汛防台应急演练\n\n5月8日，青枫镇开展防汛防台应急演练。\n\n"
        "演练中各环节衔接顺畅。\n\n\n\n"
        "1月21日，青枫经济联合社召开2024年经济工作会议，镇领导出席。\n\n沈佳琪表示集体企业是青枫镇的名片，责任重\n"
    )
    economy, flood = parse_text(text).articles
    assert [b.text for b in economy.blocks] == [
        "1月21日，青枫经济联合社召开2024年经济工作会议，镇领导出席。",
        "沈佳琪表示集体企业是青枫镇的名片，责任重大，要紧紧抓住发展机遇，稳中求进。",
        "会议还对各集体企业提出了具体要求。",
    ]
    assert "reassembled" in codes(economy)
    assert "begins-mid-sentence" not in codes(economy)
    assert [b.text for b in flood.blocks] == ["5月8日，青枫镇开展防汛防台应急演练。", "演练中各环节衔接顺畅。"]


@pytest.mark.xfail(strict=True, reason="issue 11 open: the role model reads a lone first line (本期导读) as a title")
def test_text_before_the_first_headline_is_kept_as_leftover_with_a_warning():
    text = "本期导读：防汛、助餐、加梯。\n\n" + HEAD + "3月15日，青枫镇召开居民区工作会议。\n"
    issue = parse_text(text)
    assert issue.leftovers == ["本期导读：防汛、助餐、加梯。"]
    assert "leftover-text" in [w.code for w in issue.warnings]


def test_each_article_keeps_its_lines_exactly_as_imported():
    text = HEAD + "3月15日,青枫镇召开 居民区工作会议。\n\n\n\n会议现场\n\n镇党委书记杜明远出席会议。\n"
    article = parse_text(text).articles[0]
    assert article.source_text == text.strip("\n")
    assert "3月15日，青枫镇召开居民区工作会议。" == article.blocks[0].text
