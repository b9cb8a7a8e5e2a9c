"""Pages laid out with spaces (pdftotext -layout): the columns side by side on each line, read back
one after the other. Each case is set by hand from the project's own text, the way the extractor
sets a page: every word at its cell, a line that ran long pushing the next column one space on."""

from django.test import SimpleTestCase
from hypothesis import given, settings
from hypothesis import strategies as st

from articles.importer import parse_text
from articles.importer.notices import COLUMNS_REORDERED, COLUMNS_UNCLEAR, LAYOUT_READ
from articles.importer.spaced_columns import is_laid_out, read_columns
from tests.simulator.render import wrap

LEFT = ("3月15日，青枫镇召开2024年居民区工作会议，总结去年工作，部署今年的重点任务。镇党委书记杜明远出席会议"
        "并讲话，镇长沈佳琪主持会议。会议指出，过去一年全镇新增加装电梯四十二台，改造老旧小区六个，新建"
        "睦邻点十八个，居民满意度明显提升。今年，全镇将继续推进加装电梯和老旧小区改造，计划新建社区食堂三家、"
        "口袋公园五个，并在每个居民区设立一个议事点。")
RIGHT = ("会上，各居民区党组织书记交流了加装电梯、垃圾分类和老旧小区改造中的做法。大家表示，要把群众的"
         "急难愁盼放在心上，把实事办到居民心坎里。杜明远要求，各居民区要用好议事会、听证会等平台，让居民"
         "的事由居民商量着办。会后，与会人员还实地察看了青枫三村加装电梯现场，听取了居民代表对下一步工作的意见"
         "和建议。")
STORY = ("青枫镇文化活动中心本周起延长开放时间，每天晚上开放到九点。中心设有图书室、舞蹈房和书画室，"
         "居民凭社区服务卡免费使用。")


def side_by_side(*columns, at=(0, 22, 44)):
    """Columns of lines set side by side, each at its cell, or one space after the line before
    where that one ran long (as pdftotext -layout sets them)."""
    rows = max(len(c) for c in columns)
    out = []
    for r in range(rows):
        line = ""
        for n, column in enumerate(columns):
            text = column[r] if r < len(column) else ""
            if not text:
                continue
            start = max(at[n], len(line) + 1) if line else at[n]
            line = line.ljust(start) + text
        out.append(line.rstrip())
    return out


def squashed(text):
    return "".join(text.split())


class ReadColumnsTests(SimpleTestCase):
    def test_two_columns_side_by_side_are_read_one_after_the_other(self):
        page = side_by_side(wrap(LEFT, 16, first_indent=2), wrap(RIGHT, 16, first_indent=2))
        text, pages = read_columns("\n".join(page))
        self.assertEqual(pages, 1)
        self.assertIn(squashed(LEFT) + squashed(RIGHT), squashed(text))

    def test_a_line_that_ran_long_leaving_one_space_before_the_next_column_is_parted_there(self):
        left, right = wrap(LEFT, 16, first_indent=2), wrap(RIGHT, 16, first_indent=2)
        page = side_by_side(left, right, at=(0, 18))
        self.assertTrue(any("  " not in line.strip() and " " in line for line in page))
        self.assertIn(squashed(LEFT) + squashed(RIGHT), squashed(read_columns("\n".join(page))[0]))

    def test_a_headline_across_the_columns_comes_before_them(self):
        headline = "青枫镇召开2024年居民区工作会议"
        page = ["            " + headline, ""] + side_by_side(wrap(LEFT, 16), wrap(RIGHT, 16))
        self.assertIn(headline + squashed(LEFT) + squashed(RIGHT), squashed(read_columns("\n".join(page))[0]))

    def test_stories_one_under_another_are_read_story_by_story(self):
        first = side_by_side(wrap(LEFT, 16), wrap(RIGHT, 16))
        story = wrap(STORY * 2, 16)
        second = side_by_side(story[:len(story) // 2], story[len(story) // 2:])
        page = first + ["", "", "文化中心延长开放时间", ""] + second
        text = squashed(read_columns("\n".join(page))[0])
        self.assertIn(squashed(LEFT) + squashed(RIGHT) + "文化中心延长开放时间" + squashed(STORY * 2), text)

    def test_one_blank_row_where_both_columns_end_a_paragraph_does_not_part_the_columns(self):
        top = len(wrap(LEFT, 16))
        left = wrap(LEFT, 16) + [""] + wrap(STORY, 16)
        right = (wrap(RIGHT, 16) + [""] * top)[:top] + [""] + wrap(STORY[::-1], 16)
        text = squashed(read_columns("\n".join(side_by_side(left, right)))[0])
        self.assertIn(squashed(LEFT) + squashed(STORY) + squashed(RIGHT), text)

    def test_a_headline_with_a_space_in_it_above_a_byline_stays_one_line(self):
        page = ["     加装电梯惠民生 上下楼不再难", "记者 李建颖", ""] + side_by_side(wrap(LEFT, 16), wrap(RIGHT, 16))
        lines = read_columns("\n".join(page))[0].splitlines()
        self.assertEqual(lines[:2], ["加装电梯惠民生 上下楼不再难", "记者 李建颖"])

    def test_pages_stay_pages(self):
        page = "\n".join(side_by_side(wrap(LEFT, 16), wrap(RIGHT, 16)))
        text, pages = read_columns(page + "\f" + page)
        self.assertEqual((text.count("\f"), pages), (1, 2))

    def test_text_that_is_not_laid_out_comes_back_as_it_was(self):
        for text in (
            "\n\n".join([LEFT, RIGHT, STORY] * 4),  # a line per paragraph
            "\n".join(wrap(LEFT + RIGHT + STORY, 18) * 3),  # a line per printed line
            "\n".join(["全 力以赴" + LEFT, "## 标题", RIGHT] * 5),  # a space where a column wrapped
        ):
            self.assertFalse(is_laid_out(text))
            self.assertEqual(read_columns(text), (text, 0))

    @settings(max_examples=60, deadline=None)
    @given(st.lists(st.text(alphabet="青枫镇会议。， \n\f ab12", max_size=60), min_size=10, max_size=80))
    def test_reading_loses_and_adds_no_character(self, lines):
        text = "\n".join(lines)
        got, _ = read_columns(text)
        self.assertEqual(sorted(squashed(got)), sorted(squashed(text)))

    def test_text_without_page_breaks_is_read_a_few_hundred_rows_at_a_time_and_loses_nothing(self):
        page = side_by_side(wrap(LEFT * 40, 18), wrap(RIGHT * 40, 18))
        text = "\n".join(page + [""]) * 6
        got, _ = read_columns(text)
        self.assertEqual(sorted(squashed(got)), sorted(squashed(text)))
        self.assertIn(squashed(LEFT * 3), squashed(got))


class LaidOutIssueTests(SimpleTestCase):
    def test_an_issue_laid_out_with_spaces_imports_its_paragraphs_whole_and_says_it_was_re_read(self):
        masthead = ["青枫镇社区报", "2024年3月20日 星期三", "主办：中共青枫镇委员会 青枫镇人民政府", ""]
        story = ["        青枫镇召开居民区工作会议", ""] + side_by_side(
            ["  " + line if n == 0 else line for n, line in enumerate(wrap(LEFT, 16, first_indent=2))],
            ["  " + line if n == 0 else line for n, line in enumerate(wrap(RIGHT, 16, first_indent=2))])
        issue = parse_text("\n".join(masthead + story), source="laid-out.txt")
        codes = [w.code for w in issue.warnings]
        self.assertIn(LAYOUT_READ, codes)
        # Its columns were parted by where they stood: no second guess at columns read across.
        self.assertFalse({COLUMNS_REORDERED, COLUMNS_UNCLEAR} & set(codes))
        article = issue.articles[0]
        self.assertEqual(article.title, "青枫镇召开居民区工作会议")
        self.assertEqual([b.text for b in article.blocks if b.type == "paragraph"], [LEFT, RIGHT])
