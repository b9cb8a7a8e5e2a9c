"""What an import reads of the archive it reads once: the term counts come back from the upsert
that adds the new articles to them, and the people it learns enter the lexicon in memory as a
reload of the whole vocabulary would put them there."""

import pytest

from articles.models.intel import TermStat, VocabularyWord
from articles.services import intel, topics
from articles.textintel import segmenter

pytestmark = pytest.mark.django_db

LONG_TERM = "长" * 41  # longer than the column: stored cut to 40 characters


def counts_in_table(terms):
    df = dict(TermStat.objects.filter(term__in=[intel.DOCUMENTS, *terms]).values_list("term", "df"))
    return df.pop(intel.DOCUMENTS, 0), df


def test_counting_terms_returns_the_counts_a_look_up_would_read():
    TermStat.objects.create(term="居民", df=7)
    TermStat.objects.create(term=intel.DOCUMENTS, df=30)
    articles = [{"居民", "垃圾分类", LONG_TERM}, {"居民", "加装电梯"}, set()]
    stats = intel._count_terms(articles)
    terms = set().union(*articles)
    assert (stats.documents, dict(stats.df)) == counts_in_table(terms)
    assert stats.documents == 33 and stats.df == {"居民": 9, "垃圾分类": 1, "加装电梯": 1}
    again = intel._count_terms([{"居民"}])
    assert (again.documents, dict(again.df)) == (34, {"居民": 10})


def test_counting_terms_of_many_articles_spans_several_upserts():
    terms = [f"词语{i:04d}" for i in range(intel.COUNT_TERMS_BATCH * 2 + 5)]
    stats = intel._count_terms([set(terms), set(terms[:10])])
    assert stats.documents == 2 and len(stats.df) == len(terms)
    assert (stats.documents, dict(stats.df)) == counts_in_table(terms)
    assert stats.df[terms[0]] == 2 and stats.df[terms[-1]] == 1


def test_people_learnt_in_an_import_enter_the_lexicon_as_a_full_reload_would():
    loaded = topics.ensure_vocabulary(force=True)
    loaded.memo["杜明远"] = ("stale",)  # what was remembered of the name as an ordinary word
    loaded.memo["居民"] = remembered = ("kept",)
    intel._learn_people({"杜明远", "沈慧芳"})
    learnt = topics.ensure_vocabulary()
    assert {"杜明远", "沈慧芳"} <= learnt.names
    assert "杜明远" not in learnt.memo and learnt.memo["居民"] is remembered
    assert segmenter.is_word("杜明远")
    # A forced check finds the lexicon in step with the database: nothing to reload...
    assert topics.ensure_vocabulary(force=True) is learnt
    # ...and a lexicon built from the database afresh is the same.
    topics._lexicon_version = None
    assert topics.ensure_vocabulary(force=True) == learnt


def test_a_vocabulary_changed_meanwhile_is_reloaded_in_full():
    topics.ensure_vocabulary(force=True)
    VocabularyWord.objects.create(word="梅溪湾党群驿站", kind="place")  # another process's addition
    intel._learn_people({"杜明远"})
    assert "梅溪湾党群驿站" in topics.ensure_vocabulary(force=True).names
