"""The pure parts of browsing by date, lost-text markers and 报告错误: no database."""

import datetime as dt

from django.test import SimpleTestCase

from articles.importer.model import Block
from articles.losttext import LOST, MARKER_TEXT, with_lost_text_markers
from articles.readerdates import ReaderDateError, parse_reader_date
from articles.reportchecks import normalized_report, spam_reason


class ReaderDates(SimpleTestCase):
    def test_the_ways_residents_write_a_day(self):
        for typed in ["2024-03-27", "2024/3/27", "2024.3.27", "2024年3月27日", "2024年3月27号", "20240327",
                      " 2024 - 03 - 27 ", "２０２４－０３－２７"]:
            with self.subTest(typed=typed):
                self.assertEqual(parse_reader_date(typed), dt.date(2024, 3, 27))

    def test_a_month_alone_means_its_first_day(self):
        self.assertEqual(parse_reader_date("2024-05"), dt.date(2024, 5, 1))
        self.assertEqual(parse_reader_date("2024年5月"), dt.date(2024, 5, 1))

    def test_each_bad_date_is_told_in_chinese_what_is_wrong(self):
        cases = {"": "请填写日期", "  ": "请填写日期", "明天": "看不懂", "2024-02-30": "没有 30 日",
                 "2023-02-29": "没有 29 日", "2024-13-01": "没有 13 月", "1850-01-01": "年份 1850",
                 "2024-03-27<script>": "看不懂", "9" * 40: "太长"}
        for typed, words in cases.items():
            with self.subTest(typed=typed), self.assertRaisesRegex(ReaderDateError, words):
                parse_reader_date(typed)

    def test_a_leap_day_is_a_day(self):
        self.assertEqual(parse_reader_date("2024-02-29"), dt.date(2024, 2, 29))


def paragraphs(*texts):
    return [Block("paragraph", t) for t in texts]


def kinds(blocks):
    return ["lost" if b.type == LOST else b.text[:4] for b in blocks]


class LostTextMarkers(SimpleTestCase):
    GAP = {"before": "三点要求。一要坚定信心，", "after": "二要狠抓落实，把各项任务"}

    def test_a_gap_is_marked_between_its_two_fragments(self):
        blocks = paragraphs("杜明远对今年工作提出三点要求。一要坚定信心，", "二要狠抓落实，把各项任务分解到岗。", "三要改进作风。")
        marked = with_lost_text_markers(blocks, [("text-gap", self.GAP)])
        self.assertEqual(kinds(marked), ["杜明远对", "lost", "二要狠抓", "三要改进"])
        self.assertEqual(marked[1].text, MARKER_TEXT)

    def test_fragments_joined_into_one_paragraph_are_parted_again(self):
        blocks = paragraphs("杜明远对今年工作提出三点要求。一要坚定信心，二要狠抓落实，把各项任务分解到岗。")
        marked = with_lost_text_markers(blocks, [("text-gap", self.GAP)])
        self.assertEqual([b.text for b in marked], ["杜明远对今年工作提出三点要求。一要坚定信心，", MARKER_TEXT,
                                                    "二要狠抓落实，把各项任务分解到岗。"])

    def test_straight_and_curled_quotes_match_alike(self):
        gap = {"before": '说："要坚定信心，', "after": "二要狠抓落实"}
        blocks = paragraphs("他说：“要坚定信心，", "二要狠抓落实。")
        self.assertEqual(kinds(with_lost_text_markers(blocks, [("text-gap", gap)])), ["他说：“", "lost", "二要狠抓"])

    def test_a_gap_an_editor_filled_shows_no_marker(self):
        blocks = paragraphs("三点要求。一要坚定信心，鼓足干劲。", "二要狠抓落实，把各项任务分解到岗。")
        self.assertEqual(kinds(with_lost_text_markers(blocks, [("text-gap", self.GAP)])), ["三点要求", "二要狠抓"])

    def test_a_cut_beginning_and_end_are_marked_at_start_and_end(self):
        blocks = [Block("subhead", "小标题"), *paragraphs("年第一季度工作会议，回顾总结。", "会议强调，要加快推")]
        marked = with_lost_text_markers(blocks, [("begins-mid-sentence", {}), ("ends-mid-sentence", {})])
        self.assertEqual(kinds(marked), ["小标题", "lost", "年第一季", "会议强调", "lost"])

    def test_a_flag_whose_text_now_reads_whole_shows_nothing(self):
        blocks = paragraphs("青枫镇召开第一季度工作会议。", "会议强调，要加快推进。")
        marked = with_lost_text_markers(blocks, [("begins-mid-sentence", {}), ("ends-mid-sentence", {})])
        self.assertEqual(marked, blocks)

    def test_no_flag_no_marker_even_where_the_text_looks_cut(self):
        blocks = paragraphs("年第一季度工作会议", "要加快推")
        self.assertEqual(with_lost_text_markers(blocks, []), blocks)
        self.assertEqual(with_lost_text_markers(blocks, [("suspect-name", {"wrong": "下", "right": "卞"})]), blocks)


class ReportChecks(SimpleTestCase):
    def test_a_plain_report_passes(self):
        for text in ["第二段的“下晓清”应为“卞晓清”。", "日期错了", "photo caption: wrong name",
                     "见 https://example.org/x 第3段人名错了"]:
            with self.subTest(text=text):
                self.assertIsNone(spam_reason(text))

    def test_links_only_or_many_links_is_spam(self):
        self.assertIn("不要只留链接", spam_reason("https://spam.example.com/buy"))
        self.assertIn("不要只留链接", spam_reason("www.cheap.xyz  http://a.cn/b"))
        self.assertIn("链接太多", spam_reason("看 http://a.cn http://b.cn http://c.cn 这里"))

    def test_no_words_at_all_is_asked_for_words(self):
        self.assertIn("请写明", spam_reason("？？？！！"))

    def test_the_stored_text_keeps_lines_and_drops_blank_runs(self):
        self.assertEqual(normalized_report("  第一行\r\n\r\n\r\n\r\n第二行  "), "第一行\n\n第二行")
