"""Tag suggestions on hand-written text (no database)."""

from articles.textintel import segmenter
from articles.textintel.keywords import Lexicon, TermStats, suggest_tags
from articles.textintel.vocabulary import seed_words

GARBAGE = ("垃圾分类 从“新时尚”到“好习惯”",
           "近日，青枫镇对二十八个居民区的垃圾分类实效进行评估。评估组检查了定时定点投放和湿垃圾分出量。"
           "全镇湿垃圾分出量比去年增长百分之八，可回收物回收网点实现全覆盖。垃圾分类志愿者每天在投放点值守。")
LIFT = ("一部电梯 一片温情",
        "加梯是群众关心的民生实事。今年青枫镇成立加梯专班，截至目前已签约加装电梯四十五台。"
        "“以前爬五楼要歇两回，现在一键到家。”居民说。青枫镇将继续推进既有多层住宅加装电梯。")


def lexicon():
    words = seed_words()
    segmenter.use_vocabulary([(w.word, None, "nz") for w in words], "test-seed")
    return Lexicon({w.word: w.preferred for w in words if w.preferred}, frozenset(w.word for w in words))


def tags(article, **kwargs):
    return [name for name, _ in suggest_tags(*article, TermStats(), lexicon(), **kwargs)]


def test_suggestions_name_the_topic_and_skip_the_genres_boilerplate():
    suggested = tags(GARBAGE)
    assert suggested[0] == "垃圾分类"
    assert 3 <= len(suggested) <= 8
    assert not {"工作", "推进", "开展", "全面", "要求"} & set(suggested)


def test_synonyms_are_folded_into_the_preferred_form():
    suggested = tags(LIFT)
    assert "加装电梯" in suggested[:2]
    assert "加梯" not in suggested


def test_the_papers_own_town_is_not_suggested():
    assert "青枫镇" not in tags(GARBAGE, exclude=["青枫镇", "青枫"])
