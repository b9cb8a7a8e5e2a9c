"""Tag suggestions on hand-written text (no database): topics with evidence, nothing else."""

import pytest

from articles.textintel import segmenter, tag_rules
from articles.textintel.lexicon import build_lexicon, seed_lexicon
from articles.textintel.tags import read_article, suggest, suggest_tags
from articles.textintel.vocabulary import (
    check_topics,
    parse_topics,
    seed_topics,
    seed_words,
    tokenizer_entries,
)

GARBAGE = ("垃圾分类 从“新时尚”到“好习惯” 青枫镇开展垃圾分类实效评估",
           "近日，青枫镇对二十八个居民区的垃圾分类实效进行评估。评估组检查了定时定点投放和湿垃圾分出量。\n\n"
           "全镇湿垃圾分出量比去年增长百分之八，可回收物回收网点实现全覆盖。垃圾分类志愿者每天在投放点值守。")
ELDERS = ("敬老爱老 暖在冬日 梅园路街道走访慰问高龄独居老人",
          "寒冬时节，梅园路街道开展关爱老人活动，走访慰问辖区高龄独居老人二百余户。\n\n"
          "走访人员查看老人家中的取暖设备，叮嘱老人注意防寒保暖。街道表示，敬老助老是一项重要工作，"
          "将继续做好助老服务，让老人温暖过冬。")
MEETING = ("青枫镇召开三季度工作推进会",
           "9月20日，青枫镇召开三季度工作推进会，总结前三季度工作，部署四季度重点任务。\n\n"
           "镇长要求各部门对照年初目标，抓好乡村振兴、安全生产、垃圾分类、冬季防火等重点工作，确保全年任务圆满完成。"
           "镇党委书记强调，要进一步转变作风，深入基层、深入群众，把工作落到实处。")


@pytest.fixture(autouse=True)
def shipped_vocabulary():
    rows = [(w.word, w.kind, w.preferred, w.topic) for w in seed_words()]
    segmenter.use_vocabulary(tokenizer_entries(rows, segmenter.suggest_freq), "test-seed")


def names(article, lexicon=None, **kwargs):
    return [name for name, _ in suggest_tags(*article, lexicon or seed_lexicon(), **kwargs)]


def test_the_articles_topic_is_suggested_and_the_genres_boilerplate_never():
    suggested = names(GARBAGE)
    assert suggested[0] == "垃圾分类"
    assert len(suggested) <= tag_rules.SHOW_AT_MOST
    assert not {"工作", "推进", "开展", "评估", "居民区", "新时尚", "好习惯", "志愿者"} & set(suggested)


def test_variants_are_folded_into_the_preferred_name_before_anything_is_ranked():
    # 敬老, 助老, 关爱老人 and 助老服务 are each named once or twice; together they are the topic.
    assert names(ELDERS) == ["为老服务"]
    lift = ("一部电梯 一片温情", "今年青枫镇成立加梯专班，截至目前已完成加梯四十五台。\n\n居民说，加梯以后下楼方便多了。")
    assert names(lift) == ["加装电梯"]


def test_one_topic_is_suggested_once_whatever_its_variants():
    text = ("消防安全进万家 青枫镇志愿者开展消防宣传",
            "青枫镇消防志愿者走进小区宣传消防安全知识。志愿者们演示了灭火器的使用，提醒居民清理楼道堆物。\n\n"
            "志愿服务队还为独居老人检查了家中的消防隐患。")
    suggested = names(text)
    assert len(suggested) == len(set(suggested))
    assert "消防安全" in suggested and not {"消防", "志愿者", "消防隐患"} & set(suggested)


def test_a_mention_in_passing_is_no_evidence_so_an_article_may_get_no_suggestion():
    assert names(MEETING) == []


def test_a_piece_of_a_longer_unit_is_never_a_candidate_only_the_whole():
    # Without 高空抛物 in the vocabulary the segmenter cuts 高空|抛物; 抛物 is never offered alone.
    lexicon = build_lexicon([("垃圾分类", "programme", None, True, False)])
    text = ("严禁高空抛物 守护头顶安全 东盛居民区定下居民公约",
            "东盛居民区召开居民议事会，商议治理高空抛物。过去常有居民反映楼上扔下烟头和果皮。\n\n"
            "公约明确禁止高空抛物，物业在楼栋周边安装了高空抛物监控探头。东盛居民区的高空抛物投诉明显减少。")
    segmenter.use_vocabulary([], "plain")
    suggested = names(text, lexicon)
    assert "抛物" not in suggested and "高空" not in suggested
    assert suggested == ["高空抛物"]


def test_names_of_people_and_places_are_never_suggested():
    lexicon = build_lexicon([("垃圾分类", "programme", None, True, False), ("周丽萍", "person", None, False, False)])
    text = ("东盛居民区来了新书记 周丽萍走访东盛小区",
            "东盛居民区党总支书记周丽萍走访了东盛小区。周丽萍说，东盛居民区将继续做好服务。\n\n"
            "东盛小区居民对周丽萍的到来表示欢迎，东盛居民区的志愿者也参加了走访。")
    assert not {"东盛", "周丽萍", "东盛居民区", "东盛小区"} & set(names(text, lexicon))


def test_words_in_quotation_marks_in_the_headline_are_puns_not_topics():
    lexicon = build_lexicon([("垃圾分类", "programme", None, True, False)])
    text = ("幸福“一键”直达", "居民坐上了电梯，一键到家。\n\n老人说，一键上下，方便多了，一键就能下楼。")
    assert "一键" not in names(text, lexicon)


def test_the_papers_own_town_is_not_suggested():
    text = ("青枫镇文明城区创建推进会", "青枫镇召开文明城区创建推进会，部署创城工作。青枫镇各居民区将开展创城志愿服务。")
    assert not any("青枫" in name for name in names(text, exclude=["青枫镇", "青枫"]))


def test_retired_topics_are_never_suggested():
    base = [(w.word, w.kind, w.preferred, w.topic, False) for w in seed_words()]
    retired = [(w, k, p, t, w == "垃圾分类") for w, k, p, t, _ in base]
    assert "垃圾分类" in names(GARBAGE, build_lexicon(base))
    assert "垃圾分类" not in names(GARBAGE, build_lexicon(retired))


def test_editors_rejections_lower_a_topics_evidence_and_acceptances_raise_it():
    base = [(w.word, w.kind, w.preferred, w.topic, False) for w in seed_words()]
    plain = build_lexicon(base)
    rejected = build_lexicon(base, feedback=[("垃圾分类", 0, 6)])
    accepted = build_lexicon(base, feedback=[("垃圾分类", 6, 0)])
    reading = read_article(*GARBAGE, plain)

    def score(lexicon):
        return dict((s.name, s.score) for s in suggest(reading, lexicon)).get("垃圾分类", 0.0)

    assert score(rejected) < score(plain) < score(accepted)
    assert score(build_lexicon(base, feedback=[("垃圾分类", 0, 60)])) == 0.0  # below the bar: not shown


def test_cue_words_strengthen_a_named_topic_but_never_suggest_one_alone():
    base = [(w.word, w.kind, w.preferred, w.topic, False) for w in seed_words()]
    cues = [("营养配餐", "社区食堂", 3, False), ("送餐员", "社区食堂", 3, False), ("菜单", "社区食堂", 3, False)]
    once = ("枫林居民区举办邻里节", "邻里节上，居民们品尝了营养配餐，送餐员讲了送餐故事，社区食堂公布了新菜单。\n\n"
            "活动还有文艺演出和义诊，居民们度过了快乐的一天。")
    alone = ("枫林居民区举办邻里节", "邻里节上，居民们品尝了营养配餐，送餐员讲了送餐故事，还公布了新菜单。")
    assert "社区食堂" not in names(once, build_lexicon(base))
    assert "社区食堂" in names(once, build_lexicon(base, cues))
    assert "社区食堂" not in names(alone, build_lexicon(base, cues))


def test_the_shipped_vocabulary_names_each_topic_once_and_folds_its_variants():
    topics = {t.name: t for t in seed_topics()}
    assert len(topics) >= 200
    for name in ["垃圾分类", "加装电梯", "为老服务", "集中联系社区", "乡村振兴", "民生实事", "志愿服务", "全民健身",
                 "农民丰收节", "居民自治", "党群服务中心", "电动自行车", "老伙伴计划", "文明城区", "消防安全",
                 "防汛防台", "美丽家园", "15分钟社区生活圈", "社区食堂", "旧区改造", "河长制", "平安建设"]:
        assert name in topics, name
    folded = {w.word: w.preferred for w in seed_words()}
    for variant, preferred in [("助老", "为老服务"), ("敬老", "为老服务"), ("关爱老人", "为老服务"), ("加梯", "加装电梯"),
                               ("创城", "文明城区"), ("志愿者", "志愿服务"), ("消防", "消防安全")]:
        assert folded[variant] == preferred, variant


def test_a_vocabulary_naming_a_word_twice_is_refused():
    with pytest.raises(ValueError, match="助老"):
        parse_topics("为老服务 term = 助老\n助老 term")
    with pytest.raises(ValueError, match="expected"):
        parse_topics("为老服务 kind-unknown")
    check_topics(seed_topics())
