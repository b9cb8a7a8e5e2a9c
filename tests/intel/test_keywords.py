"""Keywords (what related articles match on) on hand-written text (no database)."""

from articles.textintel import segmenter
from articles.textintel.keywords import TermStats, keywords
from articles.textintel.lexicon import seed_lexicon
from articles.textintel.vocabulary import seed_words, tokenizer_entries

GARBAGE = ("垃圾分类 从“新时尚”到“好习惯”",
           "近日，青枫镇对二十八个居民区的垃圾分类实效进行评估。评估组检查了定时定点投放和湿垃圾分出量。"
           "全镇湿垃圾分出量比去年增长百分之八，可回收物回收网点实现全覆盖。垃圾分类志愿者每天在投放点值守。")


def lexicon():
    rows = [(w.word, w.kind, w.preferred, w.topic) for w in seed_words()]
    segmenter.use_vocabulary(tokenizer_entries(rows, segmenter.suggest_freq), "test-seed")
    return seed_lexicon()


def test_keywords_rank_the_articles_own_terms_above_the_genres_boilerplate():
    found = [term for term, _ in keywords(*GARBAGE, TermStats(), lexicon())]
    assert found[0] == "垃圾分类"
    assert {"湿垃圾", "可回收物"} <= set(found)
    assert not {"工作", "推进", "开展", "全面", "要求", "居民区"} & set(found)


def test_keywords_leave_out_the_papers_own_town():
    found = [term for term, _ in keywords(*GARBAGE, TermStats(), lexicon(), exclude=["青枫镇", "青枫"])]
    assert not any("青枫" in term for term in found)
