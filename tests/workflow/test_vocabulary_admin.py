"""Editors merge tags, make one a synonym of another and retire one, in the admin."""

import pytest
from django.urls import reverse

from articles.models import Tag, VocabularyWord

from ..factories import make_article

pytestmark = pytest.mark.django_db
TAGS = reverse("admin:articles_tag_changelist")
WORDS = reverse("admin:articles_vocabularyword_changelist")


@pytest.fixture
def tagged(db):
    a, b = make_article(title="甲"), make_article(title="乙")
    a.tags.add("助老服务站")
    b.tags.add("为老服务", "助老服务站")
    return a, b


def selected(*names):
    return [str(pk) for pk in Tag.objects.filter(name__in=names).values_list("pk", flat=True)]


def test_an_editor_merges_two_tags_choosing_the_one_to_keep(client, editor, tagged):
    client.force_login(editor)
    ids = selected("助老服务站", "为老服务")
    page = client.post(TAGS, {"action": "merge_tags", "_selected_action": ids})
    assert page.status_code == 200 and "选择保留的标签" in page.content.decode()
    keep = Tag.objects.get(name="为老服务").pk
    done = client.post(TAGS, {"action": "merge_tags", "_selected_action": ids, "into": keep}, follow=True)
    assert "并入“为老服务”" in done.content.decode()
    assert [list(a.tags.names()) for a in tagged] == [["为老服务"], ["为老服务"]]
    assert VocabularyWord.objects.get(word="助老服务站").preferred.word == "为老服务"
    listing = client.get(TAGS).content.decode()
    assert "助老服务站" in listing  # shown as a synonym of the kept tag


def test_an_editor_retires_a_tag_after_confirming(client, editor, tagged):
    client.force_login(editor)
    ids = selected("助老服务站")
    page = client.post(TAGS, {"action": "retire_tags", "_selected_action": ids})
    assert "从所有文章上移除" in page.content.decode() and Tag.objects.filter(name="助老服务站").exists()
    client.post(TAGS, {"action": "retire_tags", "_selected_action": ids, "confirm": "yes"})
    assert not Tag.objects.filter(name="助老服务站").exists()
    assert [list(a.tags.names()) for a in tagged] == [[], ["为老服务"]]
    assert VocabularyWord.objects.get(word="助老服务站").retired


def test_setting_a_preferred_form_in_the_vocabulary_folds_the_words_tags(client, editor, tagged):
    client.force_login(editor)
    word = VocabularyWord.objects.get(word="助老服务站")
    preferred = VocabularyWord.objects.get(word="为老服务")
    response = client.post(reverse("admin:articles_vocabularyword_change", args=[word.pk]), {
        "word": word.word, "kind": "term", "preferred": preferred.pk, "is_topic": "", "source": word.source,
        "cues-TOTAL_FORMS": "0", "cues-INITIAL_FORMS": "0", "cues-MIN_NUM_FORMS": "0", "cues-MAX_NUM_FORMS": "1000",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    assert [list(a.tags.names()) for a in tagged] == [["为老服务"], ["为老服务"]]


def test_the_vocabulary_lists_topics_and_their_learnt_cues(client, editor):
    client.force_login(editor)
    assert "为老服务" in client.get(WORDS, {"is_topic__exact": "1", "q": "为老服务"}).content.decode()
    topic = VocabularyWord.objects.get(word="垃圾分类")
    page = client.get(reverse("admin:articles_vocabularyword_change", args=[topic.pk])).content.decode()
    assert "湿垃圾" in page  # a cue word shipped with the topic


def test_someone_outside_the_roles_cannot_merge_tags(client, outsider, tagged):
    client.force_login(outsider)
    client.post(TAGS, {"action": "merge_tags", "_selected_action": selected("助老服务站", "为老服务"),
                       "into": Tag.objects.get(name="为老服务").pk})
    assert Tag.objects.filter(name="助老服务站").exists()
