"""Text intelligence over the archive: vocabulary, suggestions, people, names, related articles."""

import datetime as dt
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.core.management import call_command

from articles.models import Article, ArticleStatus, ArticleWarning, Mention, TagSuggestion, VocabularyWord
from articles.models.intel import SuggestionState, WordKind
from articles.services import intel, topics
from articles.services.related import related_articles
from articles.textintel import segmenter, tag_rules

from ..factories import make_article, make_issue, put_on_desk

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)
DEMOS = ROOT / "articles" / "demo_issues"
SAMPLES = ROOT.parent / "shared" / "samples"
needs_samples = pytest.mark.skipif(not SAMPLES.exists(), reason="../shared/samples not present")


def import_files(*paths):
    call_command("import_issues", "--create-papers", *map(str, paths), stdout=mock.MagicMock())


def article(title_part):
    return Article.objects.get(title__contains=title_part)


def suggested(title_part):
    return [s.name for s in article(title_part).tag_suggestions.order_by("-score")]


def test_a_word_added_to_the_vocabulary_is_cut_whole_and_a_removed_one_is_not():
    assert segmenter.cut("梅溪湾党群驿站开放") != ["梅溪湾党群驿站", "开放"]
    word = VocabularyWord.objects.create(word="梅溪湾党群驿站", kind=WordKind.BODY)
    topics.ensure_vocabulary(force=True)
    assert segmenter.cut("梅溪湾党群驿站开放") == ["梅溪湾党群驿站", "开放"]
    word.delete()
    topics.ensure_vocabulary(force=True)
    assert "梅溪湾党群驿站" not in segmenter.cut("梅溪湾党群驿站开放")


def test_a_vocabulary_change_takes_effect_without_a_restart_once_the_check_interval_passes():
    topics.ensure_vocabulary(force=True)
    VocabularyWord.objects.create(word="枫叶议事厅", kind=WordKind.BODY)
    later = topics.time.monotonic() + topics.VOCABULARY_CHECK_SECONDS + 1
    with mock.patch.object(topics.time, "monotonic", return_value=later):
        topics.ensure_vocabulary()
    assert segmenter.cut("枫叶议事厅开门") == ["枫叶议事厅", "开门"]


def test_names_read_from_an_import_are_learnt_and_cut_whole():
    import_files(DEMOS / "qingfeng-2024-03-27.txt")
    assert VocabularyWord.objects.filter(word="沈佳琪", kind=WordKind.PERSON, source="learnt").exists()
    assert segmenter.cut("沈佳琪部署工作")[0] == "沈佳琪"


def test_the_archives_idf_counts_every_imported_article_and_the_articles_each_term_is_in():
    from articles.models import TermStat

    import_files(DEMOS / "qingfeng-2024-03-27.txt")
    first = Article.objects.count()
    assert TermStat.objects.get(term=intel.DOCUMENTS).df == first
    import_files(*sorted(p for p in DEMOS.glob("*.txt") if p.name != "qingfeng-2024-03-27.txt"))
    assert TermStat.objects.get(term=intel.DOCUMENTS).df == Article.objects.count() > first
    term = TermStat.objects.exclude(term=intel.DOCUMENTS).order_by("-df", "term").first()
    holding = Article.objects.filter(keywords__term=term.term).count()
    assert holding <= term.df <= Article.objects.count()


def test_merging_a_synonym_folds_its_tags_into_the_preferred_form():
    target = make_article(title="加梯")
    target.tags.add("增设电梯")
    synonym = VocabularyWord.objects.get(word="增设电梯")  # a tag an editor chose is a topic of the archive
    assert synonym.is_topic
    preferred = VocabularyWord.objects.get(word="加装电梯")
    topics.vocabulary_merge(synonyms=[synonym], preferred=preferred)
    assert list(target.tags.names()) == ["加装电梯"]
    synonym.refresh_from_db()
    assert synonym.preferred == preferred and not synonym.is_topic


def test_accepting_a_suggestion_makes_it_a_tag_and_rejecting_removes_it(django_user_model):
    from django.contrib.auth.models import Group

    editor = django_user_model.objects.create_user("editor-x")
    editor.groups.add(Group.objects.get(name="编辑"))
    put_on_desk(editor)
    item = make_article(status="draft", published_at=None)
    suggestion = TagSuggestion.objects.create(article=item, name="垃圾分类", score=1.0)
    intel.suggestion_decide(suggestion=suggestion, accept=True, user=editor)
    assert list(item.tags.names()) == ["垃圾分类"]
    intel.suggestion_decide(suggestion=suggestion, accept=False, user=editor)
    assert list(item.tags.names()) == []
    assert TagSuggestion.objects.get().state == SuggestionState.REJECTED


def test_demo_imports_suggest_the_topic_tags_and_flag_the_misread_name():
    import_files(*sorted(DEMOS.glob("*.txt")))
    assert "垃圾分类" in suggested("从“新时尚”到“好习惯”")[:2]
    assert "加装电梯" in suggested("一部电梯")[:2]
    warning = ArticleWarning.objects.get(code="suspect-name")
    assert warning.article.title == "共建共治 共享家园"
    assert (warning.data["wrong"], warning.data["right"]) == ("社明远", "杜明远")


@needs_samples
def test_sample_suggestions_are_what_an_editor_would_pick():
    import_files(SAMPLES)
    assert "垃圾分类" in suggested("持续推进 引领垃圾分类")[:2]
    assert "垃圾分类" in suggested("“新时尚”成为“好习惯”")[:2]
    assert "加装电梯" in suggested("幸福“一键”直达")[:2]
    assert "人大代表" in suggested("服务群众零距离")[:3]
    assert "人大代表" in suggested("听民心 解民忧")[:3]
    assert "文明城区" in suggested("决战创全")[:2]
    assert "文明城区" in suggested("“整”环境")[:2]
    topics_known = set(VocabularyWord.objects.filter(is_topic=True).values_list("word", flat=True))
    for a in Article.objects.all():
        names = list(a.tag_suggestions.values_list("name", flat=True))
        assert len(names) <= tag_rules.SHOW_AT_MOST, a.title
        assert set(names) <= topics_known, a.title  # in the samples every suggestion is a topic of the vocabulary


@needs_samples
def test_sample_people_titles_and_office_holders():
    import_files(SAMPLES)
    mentions = {(m.person.name, m.title) for m in Mention.objects.select_related("person")}
    assert {("卞晓清", "镇党委书记"), ("王炜", "镇党委副书记、镇长"), ("陈大雨", "新泾镇副镇长"),
            ("潘明霞", "淞二居民区党总支书记"), ("金卫峰", "镇党委副书记、镇长"), ("侯学军", "镇人大主席")} <= mentions
    names = {name for name, _ in mentions}
    assert "下晓清" not in names and "严格" not in names
    holders = intel_office_holders("新泾镇", "镇长")
    assert holders == [("金卫峰", dt.date(2019, 4, 24), dt.date(2019, 4, 24)),
                       ("王炜", dt.date(2022, 2, 16), dt.date(2023, 6, 7))]


def intel_office_holders(town, office):
    from articles.services.people import office_holders

    return [(h.person.name, h.first, h.last) for h in office_holders(town=town, office=office)]


@needs_samples
def test_sample_misread_name_is_flagged_and_no_real_person_is():
    import_files(SAMPLES)
    flagged = {(w.data["wrong"], w.data["right"]) for w in ArticleWarning.objects.filter(code="suspect-name")}
    assert flagged == {("下晓清", "卞晓清")}


def test_related_articles_share_tags_and_never_include_unpublished_ones():
    issue = make_issue()
    me = make_article(issue, title="垃圾分类推进会")
    close = make_article(issue, title="垃圾分类评估")
    far = make_article(issue, title="防汛演练")
    hidden = [make_article(issue, status=s, published_at=p, title=f"垃圾分类{s}")
              for s, p in [(ArticleStatus.DRAFT, None), (ArticleStatus.REVIEW, None),
                           (ArticleStatus.WITHDRAWN, "past"), (ArticleStatus.PUBLISHED, "future")]]
    for a in [me, close, *hidden]:
        a.tags.add("垃圾分类", "定时定点")
    far.tags.add("防汛")
    assert related_articles(me) == [close]


def test_the_migrations_seed_every_shipped_topic_with_its_variants_and_cues():
    """The frozen copy in the seeding migration and data/topics.txt agree (a new topic in the file
    needs a migration that seeds it)."""
    from articles.models import TopicCue
    from articles.textintel.vocabulary import seed_topics

    rows = {w.word: w for w in VocabularyWord.objects.select_related("preferred")}
    cues = set(TopicCue.objects.values_list("topic__word", "word"))
    for topic in seed_topics():
        if topic.kind == "word":
            assert topic.name in rows
            continue
        assert rows[topic.name].is_topic and rows[topic.name].preferred is None, topic.name
        for variant in topic.variants:
            assert rows[variant].preferred == rows[topic.name] and not rows[variant].is_topic, variant
        assert {(topic.name, cue) for cue in topic.cues} <= cues, topic.name
