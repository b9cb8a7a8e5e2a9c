"""Headlines, subheads and captions: how the blocks of an issue become articles."""

import pytest

from articles.importer import parse_text


def headlines(text):
    return [(a.column, a.kicker, a.title, a.subtitle) for a in parse_text(text).articles]


P1 = "3月15日，青枫镇召开居民区工作会议，部署今年的重点工作。镇党委书记杜明远出席会议。"
P2 = "杜明远指出，各居民区要把群众的事当作自己的事，切实解决急难愁盼问题。"
P3 = "5月8日，青枫镇开展防汛防台应急演练，抢险队伍二十分钟内抵达现场。"
P4 = "镇长沈佳琪指出，汛期将至，各部门要提前排查隐患点位，备足抢险物资。"


def test_markdown_headings_mark_titles_and_subtitles():
    text = f"# 凝心聚力 共建家园\n\n## 青枫镇召开居民区工作会议\n\n{P1}\n\n{P2}\n\n# 防汛不松劲\n\n## 青枫镇开展防汛演练\n\n{P3}\n"
    assert headlines(text) == [(None, None, "凝心聚力 共建家园", "青枫镇召开居民区工作会议"),
                               (None, None, "防汛不松劲", "青枫镇开展防汛演练")]


def test_one_markdown_level_alone_marks_titles():
    text = f"## 青枫镇召开居民区工作会议\n\n{P1}\n\n## 青枫镇开展防汛演练\n\n{P3}\n"
    assert [h[2] for h in headlines(text)] == ["青枫镇召开居民区工作会议", "青枫镇开展防汛演练"]


def test_bare_headline_stacks_are_display_title_over_factual_subtitle():
    text = f"凝心聚力 共建家园\n\n青枫镇召开居民区工作会议\n\n{P1}\n\n{P2}\n\n\n\n防汛不松劲\n\n青枫镇开展防汛防台应急演练\n\n{P3}\n"
    assert headlines(text) == [(None, None, "凝心聚力 共建家园", "青枫镇召开居民区工作会议"),
                               (None, None, "防汛不松劲", "青枫镇开展防汛防台应急演练")]


@pytest.mark.xfail(strict=True, reason="issue 11 open: the role model reads a short bare subhead as the start of a paragraph cut by a column")
def test_a_lone_bare_line_between_paragraphs_is_a_subhead_when_the_paper_stacks_its_headlines():
    text = f"凝心聚力 共建家园\n\n青枫镇召开居民区工作会议\n\n{P1}\n\n聚焦民生补短板\n\n{P2}\n"
    article = parse_text(text).articles[0]
    assert [(b.type, b.text) for b in article.blocks] == [("paragraph", P1), ("subhead", "聚焦民生补短板"), ("paragraph", P2)]


def test_a_paper_that_never_stacks_headlines_prints_one_line_titles():
    text = f"青枫镇召开居民区工作会议\n\n{P1}\n\n{P2}\n\n青枫镇开展防汛演练\n\n{P3}\n\n{P4}\n"
    assert [h[2] for h in headlines(text)] == ["青枫镇召开居民区工作会议", "青枫镇开展防汛演练"]


def test_a_column_label_sits_above_the_title():
    text = f"### 民生实事\n\n# 一部电梯 一片温情\n\n## 青枫镇加快推进加装电梯\n\n{P1}\n"
    assert headlines(text) == [("民生实事", None, "一部电梯 一片温情", "青枫镇加快推进加装电梯")]
    bare = f"民生实事\n\n一部电梯 一片温情\n\n青枫镇加快推进加装电梯\n\n{P1}\n"
    assert headlines(bare) == [("民生实事", None, "一部电梯 一片温情", "青枫镇加快推进加装电梯")]


def test_one_line_holding_a_title_and_a_long_subtitle_is_split():
    text = f"青枫镇召开2024年居民区工作会议 进一步明确下半年工作重点\n\n{P1}\n"
    assert headlines(text) == [(None, None, "青枫镇召开2024年居民区工作会议", "进一步明确下半年工作重点")]


def test_a_caption_after_a_picture_gap_is_not_body_text():
    text = f"凝心聚力 共建家园\n\n青枫镇召开居民区工作会议\n\n\n\n会议现场\n\n{P1}\n\n{P2}\n"
    article = parse_text(text).articles[0]
    assert article.captions == ["会议现场"]
    assert all("会议现场" != b.text for b in article.blocks)


def test_a_caption_dropped_inside_a_sentence_is_lifted_out_and_the_sentence_rejoined():
    text = f"凝心聚力 共建家园\n\n青枫镇召开居民区工作会议\n\n{P1}\n\n杜明远指出，各居民区要把群众的事当作\n\n\n\n居民代表在会上发言\n\n自己的事，切实解决急难愁盼问题。\n"
    article = parse_text(text).articles[0]
    assert article.captions == ["居民代表在会上发言"]
    assert article.blocks[-1].text == P2


def test_a_caption_before_the_next_stack_belongs_to_the_article_it_closes():
    text = (f"凝心聚力 共建家园\n\n青枫镇召开居民区工作会议\n\n{P1}\n\n\n\n青枫镇召开居民区工作会议现场\n\n"
            f"防汛不松劲\n\n青枫镇开展防汛防台应急演练\n\n{P3}\n")
    first, second = parse_text(text).articles
    assert first.captions == ["青枫镇召开居民区工作会议现场"]
    assert second.title == "防汛不松劲" and second.kicker is None


def test_two_stacks_printed_side_by_side_each_get_their_own_body():
    text = (f"# 凝心聚力 共建家园\n\n## 青枫镇召开居民区工作会议\n\n# 防汛不松劲\n\n## 青枫镇开展防汛防台应急演练\n\n\n\n"
            f"会议现场\n\n{P1}\n\n{P2}\n\n\n\n演练现场\n\n{P3}\n\n{P4}\n")
    first, second = parse_text(text).articles
    assert [b.text for b in first.blocks] == [P1, P2] and first.captions == ["会议现场"]
    assert [b.text for b in second.blocks] == [P3, P4] and second.captions == ["演练现场"]


def test_captions_at_the_end_of_the_file_belong_to_the_last_article():
    text = f"防汛不松劲\n\n青枫镇开展防汛防台应急演练\n\n{P3}\n\n\n\n抢险队员架设泵车\n\n\n\n志愿者转移老人\n"
    article = parse_text(text).articles[0]
    assert article.captions == ["抢险队员架设泵车", "志愿者转移老人"]


def _labelled(rows):
    from articles.importer.lines import split_lines

    lines = split_lines("\n".join(text for text, _ in rows))
    return lines, [label for _, label in rows]


def test_a_reports_parallel_subheads_are_read_alike_whatever_the_model_made_of_each():
    from articles.importer.roles.corrections import parallel_subheads

    lines, labels = _labelled([
        ("风雨同心守家园 全力以赴保平安", "title"),
        ("8月24日，台风在沿海登陆，街道全力应对。", "para"),
        ("提前部署 隐患排查不留死角", "caption"),
        ("台风登陆前三天，街道就启动了应急响应。", "para"),
        ("转移安置 群众安全放在首位", "subhead"),
        ("街道设立了6个临时安置点，转移群众1800余人。", "para"),
        ("灾后恢复 第一时间清障复绿", "title"),
        ("25日上午风雨减弱后，街道立即组织清障。", "para"),
    ])
    assert parallel_subheads(lines, labels) == ["title", "para", "subhead", "para", "subhead", "para", "subhead", "para"]


def test_stories_in_a_row_with_headlines_of_one_shape_stay_apart_without_a_subhead_read():
    from articles.importer.roles.corrections import parallel_subheads

    lines, labels = _labelled([
        ("九九重阳 情暖檀林", "title"),
        ("重阳节前夕，镇领导走访慰问高龄老人。", "para"),
        ("月圆中秋 暖意到家", "title"),
        ("中秋佳节即将来临，镇领导分头走访慰问。", "para"),
        ("冬至团圆 汤圆暖心", "title"),
        ("冬至当天，志愿者为独居老人送上汤圆。", "para"),
    ])
    assert parallel_subheads(lines, labels) == labels


def test_a_line_read_as_body_but_far_wider_than_its_column_is_a_headline_across_the_columns():
    from articles.importer.roles.corrections import wider_than_body

    lines, labels = _labelled([
        ("今年以来，居民区共走访困难家庭", "para"),
        ("垃圾分类步入新的阶段，志愿服务体系再次扩容", "para_cont"),
        ("快递站店长当起了垃圾分类宣传员，小", "para"),
        ("哥在送货时顺手将传单发给居民。", "para_cont"),
    ])
    for line in lines:
        line.notes["column"] = 16.0
    assert wider_than_body(lines, labels) == ["para", "title", "para", "para_cont"]
    for line in lines:
        line.notes["column"] = 21.0
    assert wider_than_body(lines, labels) == labels


def test_one_line_whose_first_half_names_who_the_story_is_about_stays_one_title():
    text = f"青枫镇城管中队：整治五金街消防隐患 畅通背街小巷“生命通道”\n\n{P1}\n"
    assert headlines(text) == [(None, None, "青枫镇城管中队：整治五金街消防隐患 畅通背街小巷“生命通道”", None)]


def test_a_bracketed_label_alone_over_a_headline_is_the_column_and_the_headline_its_title():
    from articles.importer.roles.corrections import bracketed_labels

    lines, labels = _labelled([
        ("【乡村振兴】", "title"),
        ("檀林镇三个村入选市级乡村振兴示范村创建名单", "subtitle"),
        ("近日，上海市公布新一批乡村振兴示范村创建名单。", "para"),
        ("【一线】区域联动添活力", "title"),
        ("9月12日，青枫镇召开区域化党建联席会议。", "para"),
    ])
    assert bracketed_labels(lines, labels) == ["column", "title", "para", "title", "para"]


def test_a_byline_in_brackets_on_its_own_line_after_the_last_paragraph_is_the_byline():
    from articles.importer.roles.corrections import closing_bylines

    lines, labels = _labelled([
        ("村民侯建军说，他去年从市区辞职回村，和几个朋友一起开了一家民宿。", "para"),
        ("（通讯员 郝思彤）", "furn"),
        ("（下转第2版）", "furn"),
        ("温馨提示", "notice"),
    ])
    assert closing_bylines(lines, labels) == ["para", "byline", "furn", "notice"]


def test_a_photo_credit_wrapped_onto_the_lines_after_a_caption_goes_on_with_the_caption():
    from articles.importer.roles.corrections import caption_credits

    lines, labels = _labelled([
        ("据了解，丰收节期间，镇里还推出了三条乡村旅游线路。", "para"),
        ("市民在稻田边", "caption"),
        ("体验割稻 摄影 蔡", "furn"),
        ("超 摄", "furn"),
        ("2 要闻", "furn"),
    ])
    assert caption_credits(lines, labels) == ["para", "caption", "caption_cont", "caption_cont", "furn"]


def test_a_caption_and_its_credit_on_two_lines_are_read_as_a_caption():
    from articles.importer.roles.corrections import caption_credits

    lines, labels = _labelled([
        ("近年来，檀林镇持续推进农村人居环境整治。", "para"),
        ("新塘村整修后的村宅 记者", "furn"),
        ("韩芳 摄", "furn"),
        ("2016年第一季度组团走访活动", "furn"),
    ])
    assert caption_credits(lines, labels) == ["para", "caption", "caption_cont", "furn"]


def test_a_line_opening_with_a_dash_inside_a_sentence_goes_on_with_the_sentence():
    from articles.importer.roles.corrections import dashes_in_sentences

    lines, labels = _labelled([
        ("开学季，青枫大学城的志愿服务暖人心", "title"),
        ("三月春风暖人心。3月1日下午，广富林街道开展“汇聚志愿力量”", "para"),
        ("——“3·5”学雷锋志愿服务主题", "subtitle"),
        ("活动，为辖区的大学生送上贴心服务。", "para_cont"),
        ("老洋房“修旧如旧”", "title"),
        ("——明泽街道康定里修缮工程收尾", "subtitle"),
        ("岁末年初，明泽街道康定里历史风貌街区的修缮工程进入收尾阶段。", "para_cont"),
    ])
    assert dashes_in_sentences(lines, labels)[2:6] == ["para_cont", "para_cont", "title", "subtitle"]


def test_a_subhead_broken_after_a_comma_is_one_subhead_not_a_title_that_cuts_the_story():
    from articles.importer.roles.corrections import comma_wrapped_subheads

    lines, labels = _labelled([
        ("开春第一天，青枫镇今年的加装电梯工作拉开了序幕。", "para"),
        ("8台电梯同日开工，", "furn"),
        ("老邻居们盼来了好消息", "title_cont"),
        ("3月1日上午，在青枫二村12号门前，镇领导与居民代表一起为电梯奠基。", "para"),
        ("一个月上门服务300户，", "title"),
        ("志愿者们让老人用上洁净空调", "title_cont"),
        ("这几天，家住青枫三村的王阿婆解决了一件心事。", "para"),
    ])
    assert comma_wrapped_subheads(lines, labels) == ["para", "subhead", "subhead", "para", "title", "title_cont", "para"]
    # The model may read the piece before the comma as a paragraph of its own: the same two lines.
    labels[1] = "para"
    assert comma_wrapped_subheads(lines, labels)[1:3] == ["subhead", "subhead"]


def test_after_a_caption_a_headline_like_line_after_a_finished_sentence_is_the_next_storys_title():
    from articles.importer.roles.corrections import headlines_after_captions

    lines, labels = _labelled([
        ("喻国华表示，收集上来的每一条意见都要有回应、有落实。", "para"),
        ("人大代表在联络站接待村民", "caption"),
        ("垃圾分类步入2.0阶段，志愿服务体系扩容", "para_cont"),
        ("快递站店长当起了垃圾分类宣传员，小哥在送货时顺手发传单。", "para"),
        ("街道办事处主任苏婉婷说，越是", "para"),
        ("志愿者清理倒伏树木", "caption"),
        ("天冷越要把服务做在前头", "para_cont"),
        ("25日上午风雨减弱后，街道立即组织清障。", "para"),
    ])
    assert headlines_after_captions(lines, labels) == [
        "para", "caption", "title", "para", "para", "caption", "para_cont", "para"]


def test_parallel_subheads_may_open_with_phrases_a_character_apart():
    from articles.importer.roles.corrections import parallel_subheads

    lines, labels = _labelled([
        ("同心奋进 共创文明", "title"),
        ("7月30日，青枫镇召开精神文明建设推进大会。", "para"),
        ("守护绿色家园 共建美好青枫", "subhead"),
        ("一年来，全镇文明创建工作稳步推进。", "para"),
        ("擦亮文明新底色 唱响奋进主旋律", "title"),
        ("今年，青枫镇将继续深化新时代文明实践。", "para"),
    ])
    assert parallel_subheads(lines, labels)[4] == "subhead"


def test_a_headline_after_which_the_story_names_bare_a_person_it_introduced_is_a_subhead():
    from articles.importer.roles.corrections import names_carried_on

    lines, labels = _labelled([
        ("青枫镇召开年中工作会议", "title"),
        ("7月28日，青枫镇召开年中工作会议。镇党委书记杜明远出席会议并讲话。", "para"),
        ("四项工作提高城市治理水平", "title"),
        ("“人民城市人民建”，杜明远要求全镇上下认识到城市治理的重要性。", "para"),
        ("青枫镇开展防汛演练", "title"),
        ("5月8日，青枫镇开展防汛演练，镇长沈佳琪到场指导。", "para"),
    ])
    assert names_carried_on(lines, labels) == ["title", "para", "subhead", "para", "title", "para"]


def test_a_new_story_that_names_a_person_with_their_office_again_keeps_its_title():
    from articles.importer.roles.corrections import names_carried_on

    lines, labels = _labelled([
        ("青枫镇召开年中工作会议", "title"),
        ("7月28日，青枫镇召开年中工作会议。镇党委书记杜明远出席会议并讲话。", "para"),
        ("青枫镇开展防汛演练", "title"),
        ("5月8日，青枫镇开展防汛演练，镇党委书记杜明远到场指导。杜明远指出，要备足物资。", "para"),
    ])
    assert names_carried_on(lines, labels) == labels


def test_a_paragraph_goes_on_past_a_full_line_left_open_and_ends_on_a_short_closed_one():
    from articles.importer.roles.corrections import paragraphs_end_short

    lines, labels = _labelled([
        ("街道还在街区入口设立了议事点，居民", "para"),
        ("随时可以来反映意见建议300余", "para"),  # digits set narrow: it reads short, yet goes on
        ("条，大部分都得到了落实。", "para_cont"),
        ("居民回到修缮后的家中", "caption"),
        ("在保留历史风貌的同时，修缮工程", "para_cont"),  # after a short line that closed its sentence
    ])
    for line in lines:
        line.notes["column"] = 17.0
    assert paragraphs_end_short(lines, labels) == ["para", "para_cont", "para_cont", "caption", "para"]


def test_a_short_line_the_next_paragraph_goes_on_from_is_the_heading_or_caption_the_model_holds_likelier():
    from articles.importer.roles.corrections import paragraphs_end_short

    lines, labels = _labelled([
        ("“孩子第一次见到真正的稻田。”周女士说。", "para"),
        ("展销区人头攒动", "para"),
        ("据了解，丰收节期间，镇里还推出了三条乡村旅游线路，", "para_cont"),
    ])
    for line in lines:
        line.notes["column"] = 17.0
    weights = [{"para": 0.9}, {"para": 0.5, "caption": 0.3, "subhead": 0.2}, {"para_cont": 0.6, "para": 0.4}]
    assert paragraphs_end_short(lines, labels, weights) == ["para", "caption", "para"]
    weights[1] = {"para": 0.5, "caption": 0.1, "subhead": 0.4}
    assert paragraphs_end_short(lines, labels, weights) == ["para", "subhead", "para"]
    # A line with a comma in it opens a sentence, however short it is: no heading.
    lines[1].text = "据了解，丰收节期间"
    assert paragraphs_end_short(lines, labels, weights) == labels


def test_a_line_opening_with_a_closing_quote_goes_on_with_the_paragraph_before():
    from articles.importer.roles.corrections import closing_marks_go_on

    lines, labels = _labelled([
        ("“饭菜可口，吃不完还可以打包。", "para"),
        ("”走进社区长者食堂，老人们正在用餐。", "para"),
        ("“家门口就有食堂，真方便。”", "para"),
    ])
    assert closing_marks_go_on(lines, labels) == ["para", "para_cont", "para"]


def test_a_line_with_a_word_cut_by_a_columns_wrap_is_body_text_not_a_headline():
    from articles.importer.roles.corrections import words_wrapped_in_a_column

    lines, labels = _labelled([
        ("青枫镇召开一季度工作会议", "title"),
        ("镇长沈佳琪指 出开局工作有点有面、稳", "title"),
        ("凝心聚力 共建家园", "title"),
    ])
    assert words_wrapped_in_a_column(lines, labels) == ["title", "para", "title"]


def test_a_byline_that_names_nobody_and_a_notice_read_as_a_headline_take_their_own_roles():
    from articles.importer.roles.corrections import roles_in_their_forms

    lines, labels = _labelled([
        ("再鼓干劲 冲刺全年目标", "byline"),
        ("10月28日上午，青枫镇召开第三次工作会议。", "para"),
        ("记者 杜明远", "byline"),
        ("5月8日，青枫镇开展防汛演练。", "para"),
        ("温馨提示：请前来活动的居民带好身份证，提前十分钟入场", "title"),
        ("场馆每周一闭馆。", "para"),
    ])
    weights = [{"byline": 0.4, "title": 0.35, "caption": 0.25}, {}, {"byline": 0.9}, {}, {"title": 0.6}, {}]
    assert roles_in_their_forms(lines, labels, weights) == ["title", "para", "byline", "para", "para", "para"]


def test_a_short_heading_the_model_read_as_a_cut_paragraph_stands_over_the_paragraph_after_it():
    from articles.importer.roles.corrections import headings_read_as_cut_paragraphs

    lines, labels = _labelled([
        ("今年2月9日，青枫二村的4台电梯正式竣工。", "para"),
        ("楼里邻居意见不一", "para"),
        ("青枫二村建于上世纪80年代初，是青枫镇第一批售后公房小区。", "para_cont"),
        ("康定里建于192", "para"),  # a paragraph the page cut inside a number
        ("0年代，共有新式里弄住宅46幢。", "para_cont"),
    ])
    assert headings_read_as_cut_paragraphs(lines, labels) == ["para", "subhead", "para", "para", "para_cont"]


def _draft(title, body, **flags):
    from articles.importer.segment import Draft, Stack

    lines, _ = _labelled([(title, "title"), *((text, "para") for text in body)])
    return Draft([Stack(title=[lines[0]])], body=lines[1:], **flags)


def test_after_a_jump_a_repeated_title_that_took_the_line_under_it_along_still_finds_its_story():
    from articles.importer.segment import _put_back_continued

    first = _draft("在青枫，未来已来", ["11月中旬，青枫社区通过了未来社区验收。"], page=1, jumps_out=True)
    other = _draft("社区宝宝屋开门迎客", ["宝宝屋每天开放八小时。"], page=2)
    rest = _draft("在青枫，未来已来居民共建共享", ["社区党委书记说，居民是参与者。"], page=3, continues=True)
    drafts = _put_back_continued([first, other, rest])
    assert [d.stack.title_text for d in drafts] == ["在青枫，未来已来", "社区宝宝屋开门迎客"]
    assert drafts[0].continued and drafts[0].body[-1].text == "社区党委书记说，居民是参与者。"
    # Without a 上接 before it, a title that merely begins like an earlier one is a story of its own.
    rest.continues = False
    assert len(_put_back_continued([first, other, rest])) == 3


def test_after_a_caption_a_short_line_over_a_lead_is_the_next_storys_headline():
    from articles.importer.roles.corrections import headlines_over_leads

    lines, labels = _labelled([
        ("活动结束后，居民们纷纷表示很有收获。", "para"),
        ("居民参与活动", "caption"),
        ("同心护家园，青枫人齐心助创城", "para"),
        ("为助力全国文明城区创建，青枫镇组织志愿者开展清洁行动。", "para_cont"),
        ("工作人员走访居民", "caption"),
        ("楼道里的杂物，志愿者们一件件", "para"),
        ("清理干净，居民连声道谢。", "para_cont"),
    ])
    assert headlines_over_leads(lines, labels) == ["para", "caption", "title", "para", "caption", "para", "para_cont"]
