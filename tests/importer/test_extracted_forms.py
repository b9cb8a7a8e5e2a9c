"""Text as the common PDF extractors return it: radicals, a line per printed line, columns read
across, captions glued to body lines. Each stage alone, on text written for the case."""

from django.test import SimpleTestCase

from articles.importer.columns import close_up, reorder_columns, split_joined
from articles.importer.fold import fold_ideographs
from articles.importer.inline import split_glued
from articles.importer.lines import close_letter_spacing, split_lines
from articles.importer.unwrap import join_wrapped, join_wrapped_headlines

PARAGRAPH = ("3月15日，青枫镇召开2024年居民区工作会议，总结去年工作，部署今年的重点任务。镇党委书记杜明远出席会议"
             "并讲话，镇长沈佳琪主持会议。")


def wrapped(text, width, indent=0):
    """Text set in a column `width` characters wide, as a typesetter breaks it."""
    from tests.simulator.render import wrap

    return wrap(text, width, first_indent=indent)


class LetterSpacingTests(SimpleTestCase):
    def test_a_line_spaced_out_character_by_character_is_closed_up(self):
        self.assertEqual(close_letter_spacing("量 ， 绽 放 ‘ 富 林 ’ 风 采 ”——"), "量，绽放‘富林’风采”——")
        self.assertEqual(split_lines("这 些 项 目 实 行 “ 周 调")[0].text, "这些项目实行“周调")

    def test_two_latin_words_or_numbers_keep_the_space_between_them(self):
        self.assertEqual(close_letter_spacing("共 有 2024 名 居 民 参 加 A B 组"), "共有2024名居民参加A B组")

    def test_a_headline_of_two_phrases_and_a_byline_keep_their_spaces(self):
        for text in ("月圆中秋 暖意到家", "记者 王 伟", "编审团：孙志勇 杜玉文 卢卫峰"):
            self.assertEqual(close_letter_spacing(text), text)


class HangingPunctuationTests(SimpleTestCase):
    def test_a_sentences_closing_marks_wrapped_onto_a_line_of_their_own_end_the_line_before(self):
        lines = split_lines("成立了工作室，为年轻社区工作者“传帮带”\n。\n邻里漏水、噪音扰民都能来这里说")
        self.assertEqual([(line.text, line.gap) for line in lines],
                         [("成立了工作室，为年轻社区工作者“传帮带”。", 0), ("邻里漏水、噪音扰民都能来这里说", 0)])

    def test_an_ornament_alone_still_spaces_the_page_like_a_blank_line(self):
        lines = split_lines("青枫镇开展防汛演练\n▲\n5月8日，青枫镇开展防汛演练。")
        self.assertEqual([line.gap for line in lines], [0, 1])


class FoldTests(SimpleTestCase):
    def test_kangxi_radicals_and_radical_supplement_characters_become_ideographs(self):
        text, count = fold_ideographs("⽇⽉同辉，⻓⻔⻛⺠")
        self.assertEqual(text, "日月同辉，长门风民")
        self.assertEqual(count, 6)

    def test_ordinary_text_is_untouched_and_counts_nothing(self):
        self.assertEqual(fold_ideographs("日月同辉"), ("日月同辉", 0))


class UnwrapTests(SimpleTestCase):
    def test_the_lines_of_a_paragraph_set_in_a_column_are_joined_back(self):
        printed = wrapped(PARAGRAPH, 18, indent=2)
        lines = split_lines("\n".join(printed))
        joined = join_wrapped(lines, [18.0] * len(lines))
        self.assertEqual([line.text for line in joined], [PARAGRAPH])

    def test_a_short_headline_after_a_full_line_is_not_joined_to_it(self):
        printed = wrapped(PARAGRAPH[:54], 18) + ["青枫镇开展防汛演练"] + wrapped(PARAGRAPH, 18)
        lines = split_lines("\n".join(printed))
        joined = join_wrapped(lines, [18.0] * len(lines))
        self.assertIn("青枫镇开展防汛演练", [line.text for line in joined])

    def test_a_headline_wrapped_inside_one_column_in_large_type_is_one_line_again(self):
        headline = ["青枫镇首批", "加装电梯同", "日竣工"]
        lines = split_lines("\n".join(headline + wrapped(PARAGRAPH, 16)))
        joined = join_wrapped_headlines(lines, [16.0] * len(lines))
        self.assertEqual(joined[0].text, "青枫镇首批加装电梯同日竣工")
        self.assertEqual(joined[1].text, wrapped(PARAGRAPH, 16)[0])

    def test_narrow_lines_with_a_sentence_in_them_are_not_taken_for_a_headline(self):
        printed = ["会议强调。", "各居民区要", "抓好落实。"]
        lines = split_lines("\n".join(printed))
        joined = join_wrapped_headlines(lines, [16.0] * len(lines))
        self.assertEqual(joined[0].text, "会议强调。")

    def test_a_caption_under_its_mark_as_wide_as_the_column_does_not_take_the_next_paragraph(self):
        lines = split_lines("\n".join(["△镇防汛队员冒雨疏通排水", "在地势最低的青枫新村，", "积水一度没过小腿。居委"]))
        joined = join_wrapped(lines, [12.0] * len(lines))
        self.assertEqual([line.text for line in joined], ["镇防汛队员冒雨疏通排水", "在地势最低的青枫新村，积水一度没过小腿。居委"])

    def test_a_caption_under_its_mark_is_not_joined_to_the_subhead_beside_it(self):
        lines = split_lines("\n".join(["△调解员在调解室调解纠纷", "源头预防 织密平安网", *wrapped(PARAGRAPH, 16)]))
        joined = join_wrapped_headlines(lines, [16.0] * len(lines))
        self.assertEqual([line.text for line in joined[:2]], ["调解员在调解室调解纠纷", "源头预防 织密平安网"])

    def test_a_bracketed_column_label_is_not_a_piece_of_the_caption_above_it(self):
        lines = split_lines("\n".join(["党员在纪念馆重温入党誓词", "【人物】", *wrapped(PARAGRAPH, 16)]))
        joined = join_wrapped_headlines(lines, [16.0] * len(lines))
        self.assertEqual([line.text for line in joined[:2]], ["党员在纪念馆重温入党誓词", "【人物】"])

    def test_a_kicker_over_a_headline_wrapped_in_narrower_lines_stays_apart(self):
        lines = split_lines("\n".join(["晒实绩 比作为 促担当", "鹭汀街道开展", "社区书记述职", *wrapped(PARAGRAPH, 16)]))
        joined = join_wrapped_headlines(lines, [16.0] * len(lines))
        self.assertEqual([line.text for line in joined[:2]], ["晒实绩 比作为 促担当", "鹭汀街道开展社区书记述职"])

    def test_a_caption_ending_in_its_credit_is_not_run_into_the_body_after_it(self):
        caption = "改造后的社区服务中心 记者田新梅 摄"  # as wide as the column
        printed = [caption, *wrapped(PARAGRAPH, 18)]
        lines = split_lines("\n".join(printed))
        joined = join_wrapped(lines, [18.0] * len(lines))
        self.assertEqual(joined[0].text, caption)

    def test_a_headline_as_wide_as_the_column_is_not_run_into_the_quote_that_opens_the_story(self):
        printed = ["社区宝宝屋开门 年轻父母有了帮手", "“宝宝，来，和老师一起搭积木。”", *wrapped(PARAGRAPH, 16)]
        lines = split_lines("\n".join(printed))
        joined = join_wrapped(lines, [16.0] * len(lines))
        self.assertEqual(joined[0].text, printed[0])

    def test_a_headline_that_ends_in_brackets_after_a_full_stop_is_not_a_paragraph_end(self):
        body = ["镇长缪佳宁表示，要从群众最关心的小事", "做起，让群众办事少跑腿、好办事等。"]  # the last line full
        headline = "石湖荡镇召开安委会（扩大）"
        lines = split_lines("\n".join([*body, headline, *wrapped(PARAGRAPH, 18)]))
        joined = join_wrapped(lines, [18.0] * len(lines))
        self.assertIn(headline, [line.text for line in joined])

    def test_a_byline_closing_the_bracket_the_last_line_opened_goes_on_with_it(self):
        body = wrapped("据介绍，黄桃节期间，镇里还将举办品鉴评比等活动，一直持续到8月中旬。（", 18)
        lines = split_lines("\n".join([*body, "通讯员 覃小鸥）"]))
        joined = join_wrapped(lines, [18.0] * len(lines))
        self.assertTrue(joined[-1].text.endswith("（通讯员 覃小鸥）"))

    def test_an_indented_first_line_after_a_full_stop_opens_a_new_paragraph(self):
        first = wrapped("镇党委书记杜明远出席会议并讲话，要求各居民区抓好落实，确保年度目标完成。", 18)
        second = wrapped(PARAGRAPH, 18, indent=2)
        lines = split_lines("\n".join(first + second))
        joined = join_wrapped(lines, [18.0] * len(lines))
        self.assertEqual(len(joined), 2)


class ColumnTests(SimpleTestCase):
    def test_two_columns_read_across_are_put_back_one_after_the_other(self):
        left = wrapped("居民区党总支书记周丽萍介绍，居民区组建了三十人的志愿者队伍，每天早晚在投放点值守，现在大多数居民已经养成了分类的习惯，"
                       "湿垃圾分出量比去年同期增长百分之八。", 16)
        right = wrapped("镇长沈佳琪表示，青枫镇将继续坚持能加尽加、愿加快加，力争全年完成六十台加装电梯，让更多老人实现一键到家，"
                        "各居民区要做好意见征询和协调工作。", 16)
        across = [line for pair in zip(left, right, strict=False) for line in pair]
        lines = split_lines("\n".join(across))
        ordered, reordered, _ = reorder_columns(lines)
        self.assertEqual(reordered, 1)
        self.assertEqual([line.text for line in ordered], left[:len(right)] + right[:len(left)])

    def test_four_columns_read_across_come_back_whole_though_the_last_ends_first(self):
        # Each column opens with a paragraph's indented first line, where no word runs on yet;
        # the last column is the shortest, so the others read on in turns of three.
        texts = ["今年是全市老伙伴计划开展的第五年，街道通过对一千余名高龄老人的调研需求进行分析，在原有计划的基础上推出升级版服务，"
                 "首先是充实志愿力量。",
                 "居民区党总支书记周丽萍介绍说居民区组建了三十人的志愿者队伍，每天早晚在投放点值守，现在大多数居民已经养成了分类的习惯，"
                 "湿垃圾分出量比去年增长。",
                 "镇长沈佳琪表示青枫镇将继续坚持能加尽加、愿加快加，力争全年完成六十台加装电梯，让更多老人实现一键到家，各居民区要做好"
                 "意见征询和协调工作。",
                 "社区卫生服务中心的家庭医生团队每周两次走进居民区，为老年人测量血压、讲解用药知识，还建立了健康档案。"]
        columns = [wrapped(text, 13, indent=2) for text in texts]
        self.assertLess(len(columns[3]), len(columns[0]))
        rows = max(len(column) for column in columns)
        across = [column[row] for row in range(rows) for column in columns if row < len(column)]
        ordered, _, _ = reorder_columns(split_lines("\n".join(across)))
        self.assertEqual([line.text for line in ordered], [line for column in columns for line in column])

    def test_lines_whose_columns_were_already_parted_by_where_they_stood_are_not_reordered(self):
        from articles.importer.prepare import prepare

        left = wrapped("居民区党总支书记周丽萍介绍，居民区组建了三十人的志愿者队伍，每天早晚在投放点值守，现在大多数居民已经养成了分类的习惯，"
                       "湿垃圾分出量比去年同期增长百分之八。", 16)
        right = wrapped("镇长沈佳琪表示，青枫镇将继续坚持能加尽加、愿加快加，力争全年完成六十台加装电梯，让更多老人实现一键到家，"
                        "各居民区要做好意见征询和协调工作。", 16)
        text = "\n".join(line for pair in zip(left, right, strict=False) for line in pair)
        self.assertEqual(prepare(text).columns_reordered, 1)
        self.assertEqual(prepare(text, columns_read=True).columns_reordered, 0)

    def test_three_columns_read_across_are_put_back_column_by_column(self):
        texts = ["居民区党总支书记周丽萍介绍说居民区组建了三十人的志愿者队伍，每天早晚在投放点值守，现在大多数居民已经养成了分类的习惯。",
                 "镇长沈佳琪表示青枫镇将继续坚持能加尽加、愿加快加，力争全年完成六十台加装电梯，让更多老人实现一键到家。",
                 "社区卫生服务中心的家庭医生团队每周两次走进居民区，为老年人测量血压、讲解用药知识，还建立了健康档案。"]
        columns = [wrapped(text, 16) for text in texts]
        rows = min(len(column) for column in columns)
        across = [column[row] for row in range(rows) for column in columns]
        lines = split_lines("\n\n".join(across))  # this extractor leaves a blank line after each
        ordered, reordered, _ = reorder_columns(close_up(lines))
        self.assertEqual(reordered, 1)
        self.assertEqual([line.text for line in ordered], [line for column in columns for line in column[:rows]])

    def test_a_blank_line_after_every_printed_line_is_closed_up_and_a_wider_gap_kept(self):
        printed = wrapped(PARAGRAPH, 16)
        text = "\n\n".join(printed[:2]) + "\n\n\n青枫镇开展防汛演练\n\n" + "\n\n".join(printed[2:])
        lines = close_up(split_lines(text))
        self.assertEqual([line.gap for line in lines], [0, 0, 1] + [0] * (len(printed) - 2))

    def test_short_paragraphs_a_line_each_keep_the_blank_lines_between_them(self):
        from articles.importer.prepare import prepare

        text = "\n\n".join(["镇党委书记杜明远出席会议，并讲话。", "会议还对各居民区，提出了具体要求。",
                             "演练中，各环节衔接顺畅。", "沈佳琪表示，集体企业是青枫镇的名片。", "会上，各居民区作了交流。"])
        self.assertEqual([line.gap for line in prepare(text).lines], [0, 1, 1, 1, 1])

    def test_lines_in_order_stay_in_order(self):
        printed = wrapped(PARAGRAPH * 2, 16)
        lines = split_lines("\n".join(printed))
        ordered, reordered, _ = reorder_columns(lines)
        self.assertEqual((reordered, [line.text for line in ordered]), (0, printed))

    def test_two_column_lines_on_one_baseline_are_cut_at_the_space_between(self):
        lines = split_lines("上分别布置了进博会期间安全生产、消防 镇人大代表十二人参加了这次活动。")
        split = split_joined(lines, [16.0])
        self.assertEqual([line.text for line in split], ["上分别布置了进博会期间安全生产、消防", "镇人大代表十二人参加了这次活动。"])

    def test_a_headline_whose_halves_a_space_sets_apart_is_not_cut(self):
        lines = split_lines("老街坊“修旧如旧” 百年弄堂焕发新生")
        self.assertEqual([line.text for line in split_joined(lines, [12.0])], ["老街坊“修旧如旧” 百年弄堂焕发新生"])

    def test_a_headline_piece_beside_a_full_body_line_of_the_next_column_is_cut(self):
        lines = split_lines("街道人大工委组织 最后，市人大代表王建国指出：一")
        split = split_joined(lines, [15.0])
        self.assertEqual([line.text for line in split], ["街道人大工委组织", "最后，市人大代表王建国指出：一"])

    def test_a_masthead_line_of_names_is_not_cut_into_columns(self):
        lines = split_lines("编审团：张志强 李文华 王卫东 赵思燕 主编：陈艳勇")
        self.assertEqual(len(split_joined(lines, [16.0])), 1)


class UnwrapHeadlineTests(SimpleTestCase):
    def test_a_headline_as_wide_as_the_column_is_not_joined_with_the_lead_below_it(self):
        from articles.importer import parse_text

        text = ("青枫镇隆重庆祝上海市第三十一个敬老日\n"
                "9月12日，青枫镇在镇文化中心开展了以\n"
                "“关爱老人、孝亲敬老”为主题的庆祝活\n"
                "动，展示为老服务成果，与社区老年居民\n"
                "同喜同乐，现场还为老人们送上了礼物。\n"
                "活动现场，一批孝亲敬老先进典型受到表\n"
                "彰，向社会弘扬和传递着孝老爱亲的理念，\n"
                "大家纷纷表示今天的活动内容很丰富。\n")
        issue = parse_text(text)
        self.assertEqual(issue.articles[0].title, "青枫镇隆重庆祝上海市第三十一个敬老日")
        self.assertTrue(issue.articles[0].blocks[0].text.startswith("9月12日，青枫镇"))

    def test_a_headline_wrapped_in_its_own_type_is_not_run_on_into_the_lead(self):
        from articles.importer.unwrap import join_wrapped

        lines = split_lines("“两岸一家亲”！青枫街道台胞社区服务站在凤鸣社区揭牌\n11月24日，青枫街道台胞社区服务站在凤鸣社区揭牌。")
        lines[0].notes.update(headline_wrap=True, wrapped_lines=3)  # as join_wrapped_headlines leaves it
        self.assertEqual(len(join_wrapped(lines, [26.0, 26.0])), 2)

    def test_a_leads_indented_first_line_is_no_piece_of_the_headline_above(self):
        from articles.importer.unwrap import join_wrapped_headlines

        lines = split_lines("明春安全工作部署会\n12月8日下午，青枫")
        self.assertEqual([line.text for line in join_wrapped_headlines(lines, [13.0, 13.0])],
                         ["明春安全工作部署会", "12月8日下午，青枫"])


class GluedCaptionTests(SimpleTestCase):
    def test_a_side_caption_and_its_credit_read_into_a_body_line_are_cut_off(self):
        lines = split_lines("居民代表发言通讯员摄活动开始前，志愿者们早早来到现场")
        pieces = split_glued(lines, [16.0])
        self.assertEqual([p.text for p in pieces], ["居民代表发言", "活动开始前，志愿者们早早来到现场"])
        self.assertEqual(pieces[0].notes["credit"], "通讯员摄")

    def test_a_credit_with_spaces_after_it_is_cut_off_before_a_lead_with_a_date(self):
        lines = split_lines("志愿者清理倒伏树木通讯员摄　　8月24日至25日，今年第11号台风在沿海登")
        pieces = split_glued(lines, [23.0])
        self.assertEqual([p.text for p in pieces], ["志愿者清理倒伏树木", "8月24日至25日，今年第11号台风在沿海登"])
        self.assertEqual(pieces[0].notes["credit"], "通讯员摄")

    def test_a_bare_credit_is_cut_off_only_where_the_line_is_too_wide_for_its_column(self):
        glued = "居民代表发言摄杜明远认为要做一个有心人，从身边的每件小事做"
        self.assertEqual([p.text for p in split_glued(split_lines(glued), [22.0])],
                         ["居民代表发言", "杜明远认为要做一个有心人，从身边的每件小事做"])
        self.assertEqual(len(split_glued(split_lines(glued), [29.0])), 1)
        self.assertEqual(len(split_glued(split_lines("他们拍摄了许多照片，记录下社区这一年来的新变化和好风貌"), [20.0])), 1)

    def test_a_caption_behind_its_ornament_at_a_line_end_is_cut_off(self):
        lines = split_lines("还有夫妻、父子一起上岗。 ▲志愿者在小区门口为居民测温")
        pieces = split_glued(lines, [16.0])
        self.assertEqual([(p.text, p.ornament) for p in pieces],
                         [("还有夫妻、父子一起上岗。", ""), ("志愿者在小区门口为居民测温", "▲")])


class PrintedGeometryTests(SimpleTestCase):
    def test_short_paragraphs_a_line_each_are_not_taken_for_printed_lines(self):
        from articles.importer.prepare import prepare

        text = "\n\n".join(["镇党委书记杜明远出席会议，并讲话。", "会议还对各居民区，提出了具体要求。",
                             "1月21日，青枫经济联合社召开2024年经济工作会议，镇领导出席。", "演练中，各环节衔接顺畅。",
                             "沈佳琪表示，集体企业是青枫镇的名片。"])
        self.assertEqual(prepare(text).form, "paragraphs")

    def test_printed_lines_of_uneven_width_are_still_taken_for_printed_lines(self):
        from articles.importer.prepare import prepare

        # Justified lines hold more characters where they carry digits and fewer where they carry
        # wide marks, so the extracted lines of one column differ by a character or two.
        paragraphs = [PARAGRAPH, "会议还对2024年各居民区的重点工作提出了具体要求，包括加装电梯12台、改造老旧小区3个、新建睦邻点"
                      "8个，并要求各居民区在6月底前完成。", PARAGRAPH[::-1] + "。"]
        printed = []
        for paragraph in paragraphs:
            at, cuts = 0, [15, 18, 16, 19, 14, 17]
            while at < len(paragraph):
                cut = cuts[len(printed) % len(cuts)]
                printed.append(paragraph[at:at + cut])
                at += cut
            printed.append("")
        self.assertEqual(prepare("\n".join(printed)).form, "lines")

    def test_a_line_left_alone_is_still_weighed_against_the_column_it_was_printed_in(self):
        from articles.importer.prepare import prepare
        from articles.importer.roles.features import line_features

        printed = wrapped(PARAGRAPH, 16) + ["青枫镇开展防汛防台应急演练，全体居民参加"] + wrapped(PARAGRAPH, 16, indent=2)
        prepared = prepare("\n".join(printed))
        self.assertEqual(prepared.form, "lines")
        texts = [line.text for line in prepared.lines]
        headline = texts.index("青枫镇开展防汛防台应急演练，全体居民参加")
        features = line_features(prepared.lines, prepared.context)
        self.assertIn("R=wide", features[headline])  # wider than the column: set across columns
        self.assertIn("R=joined", features[0])  # a paragraph joined from its printed lines
