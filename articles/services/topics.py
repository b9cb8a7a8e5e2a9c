"""The archive's topic vocabulary: loading it for the segmenter and the tagger, the editors'
changes to it (merge two tags, make one a synonym of another, retire one), and what it learns
from their decisions (accepted tags become topics and teach the words that go with them;
feedback on every suggested name)."""

from __future__ import annotations

import dataclasses
import threading
import time

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.db.models import Count, F, Max, Q

from ..caching import bump_content_version
from ..models import Article, ArticleStatus, Tag, TaggedArticle
from ..models.intel import (
    ArticleKeyword,
    SuggestionState,
    TagFeedback,
    TagSuggestion,
    TopicCue,
    VocabularyWord,
    WordKind,
    WordSource,
)
from ..textintel import segmenter, tag_rules
from ..textintel.lexicon import Lexicon, build_lexicon, seed_lexicon
from ..textintel.tags import is_chinese_term
from ..textintel.vocabulary import seed_words, tokenizer_entries

VOCABULARY_CHECK_SECONDS = 2.0
NAME_KINDS = (WordKind.PERSON, WordKind.PLACE)

_state_lock = threading.Lock()
_lexicon = Lexicon()
_checked_at = float("-inf")
_lexicon_version: object = None


# --- Loading ---------------------------------------------------------------------------------------

def _aggregate(queryset):
    row = queryset.aggregate(n=Count("pk"), latest=Max("updated_at"))
    return row["n"], row["latest"]


def vocabulary_version():
    return _aggregate(VocabularyWord.objects)


def ensure_vocabulary(*, force: bool = False) -> Lexicon:
    """Make this process's segmenter and tagger know the archive's vocabulary, and what editors
    decided; reload after a change.

    Checked at most every few seconds, so an editor's change takes effect without a restart (at
    once in the process that made it). Without a database (a dry run in a fresh checkout) the
    shipped vocabulary is used.
    """
    global _lexicon, _checked_at, _lexicon_version
    now = time.monotonic()
    if not force and now - _checked_at < VOCABULARY_CHECK_SECONDS and segmenter.vocabulary_version() is not None:
        return _lexicon
    with _state_lock:
        try:
            words_version = vocabulary_version()
            knowledge = (words_version, _aggregate(TopicCue.objects), _aggregate(TagFeedback.objects))
            if knowledge != _lexicon_version or words_version != segmenter.vocabulary_version():
                rows = list(VocabularyWord.objects.values_list("word", "kind", "preferred__word", "is_topic", "retired"))
                if words_version != segmenter.vocabulary_version():
                    segmenter.use_vocabulary(tokenizer_entries(rows, segmenter.suggest_freq), words_version)
                cues = TopicCue.objects.values_list("word", "topic__word", "seen", "source")
                _lexicon = build_lexicon(rows, [(w, t, seen, source == WordSource.SEED) for w, t, seen, source in cues],
                                         TagFeedback.objects.values_list("name", "accepted", "rejected"))
                _lexicon_version = knowledge
        except DatabaseError:
            if segmenter.vocabulary_version() != "seed":
                rows = [(w.word, w.kind, w.preferred, w.topic) for w in seed_words()]
                segmenter.use_vocabulary(tokenizer_entries(rows, segmenter.suggest_freq), "seed")
                _lexicon, _lexicon_version = seed_lexicon(), "seed"
        _checked_at = now
    return _lexicon


def learn_names(names: list[str], words_version) -> None:
    """People's names just added to the vocabulary (at `words_version`), taken into this
    process's lexicon as a reload would take them, without reading the vocabulary again: a name
    joins `names` (never a term or a topic) and what was remembered of the name as a word is
    forgotten. What is remembered of other words stays: a dictionary word that holds a new name
    keeps its part of speech (as it did between reloads before), where scanning the memo for
    such words would cost more than the rest of the analysis."""
    global _lexicon, _lexicon_version
    with _state_lock:
        if not isinstance(_lexicon_version, tuple) or not names:
            return  # nothing loaded from the database yet: the next load reads them
        if words_version[0] != _lexicon_version[0][0] + len(names):
            return  # the vocabulary changed otherwise too: the next check reloads it all
        memo = _lexicon.memo
        for name in names:
            memo.pop(name, None)
        _lexicon = dataclasses.replace(_lexicon, names=_lexicon.names | frozenset(names), memo=memo)
        _lexicon_version = (words_version, *_lexicon_version[1:])


def invalidate() -> None:
    """Reload the vocabulary in this process on its next use (other processes reload within
    VOCABULARY_CHECK_SECONDS). Reloading too soon, before a rollback, costs a reload, nothing else."""
    global _checked_at
    _checked_at = float("-inf")


# --- Editors' changes ------------------------------------------------------------------------------

def _word_for(name: str, **defaults) -> VocabularyWord:
    word, _ = VocabularyWord.objects.get_or_create(word=name[:40], defaults={"source": WordSource.EDITOR, **defaults})
    return word


@transaction.atomic
def vocabulary_merge(*, synonyms: list[VocabularyWord], preferred: VocabularyWord) -> int:
    """Fold words into a preferred form (加梯 -> 加装电梯): their tags on articles become the
    preferred tag, their pending suggestions go, what editors decided and the cues learnt for them
    count for the preferred form from now on."""
    count, public = 0, False
    preferred.refresh_from_db()
    if preferred.preferred_id:  # a synonym of a synonym: fold into the end of the chain
        preferred = preferred.preferred
    target_tag = None
    for word in synonyms:
        word.refresh_from_db()
        if word.pk == preferred.pk:
            continue
        preferred.is_topic = preferred.is_topic or word.is_topic
        word.preferred, word.is_topic = preferred, False
        word.save(update_fields=["preferred", "is_topic", "updated_at"])
        VocabularyWord.objects.filter(preferred=word).update(preferred=preferred)
        TagSuggestion.objects.filter(name=word.word, state=SuggestionState.SUGGESTED).delete()
        for cue in TopicCue.objects.filter(topic=word):
            mine, _ = TopicCue.objects.get_or_create(topic=preferred, word=cue.word, defaults={"source": cue.source})
            TopicCue.objects.filter(pk=mine.pk).update(seen=F("seen") + cue.seen)
        TopicCue.objects.filter(topic=word).delete()
        _merge_feedback(word.word, preferred.word)
        old = Tag.objects.filter(name=word.word).first()
        if old is not None:
            if target_tag is None:
                target_tag, _ = Tag.objects.get_or_create(name=preferred.word)
            public = public or _tag_is_public(old)
            have = set(TaggedArticle.objects.filter(tag=target_tag).values_list("content_object_id", flat=True))
            TaggedArticle.objects.bulk_create([
                TaggedArticle(tag=target_tag, content_object_id=pk)
                for pk in TaggedArticle.objects.filter(tag=old).values_list("content_object_id", flat=True)
                if pk not in have])
            old.delete()
        count += 1
    preferred.save(update_fields=["is_topic", "updated_at"])
    if public:
        bump_content_version()
    invalidate()
    return count


def _merge_feedback(source: str, target: str) -> None:
    old = TagFeedback.objects.filter(name=source).first()
    if old is None:
        return
    mine, _ = TagFeedback.objects.get_or_create(name=target)
    TagFeedback.objects.filter(pk=mine.pk).update(accepted=F("accepted") + old.accepted,
                                                  rejected=F("rejected") + old.rejected)
    old.delete()


def _tag_is_public(tag: Tag) -> bool:
    return Article.objects.filter(tagged_items__tag=tag, status=ArticleStatus.PUBLISHED).exists()


@transaction.atomic
def tags_merge(*, tags: list[Tag], into: Tag) -> int:
    """Merge tags into one: the others become synonyms of its name in the vocabulary, so the
    suggestions fold them from now on, and their articles carry the kept tag."""
    preferred = _word_for(into.name, is_topic=True)
    if preferred.preferred_id or preferred.retired:
        raise ValidationError(f"“{into.name}”是同义词或已停用，不能作为合并后的标签")
    others = [_word_for(t.name) for t in tags if t.pk != into.pk]
    return vocabulary_merge(synonyms=others, preferred=preferred)


@transaction.atomic
def tags_retire(*, tags: list[Tag]) -> int:
    """Retire tags: see `retire`."""
    return retire(names=[t.name for t in tags])


@transaction.atomic
def retire(*, names: list[str]) -> int:
    """Retire topics: never suggested again, and their tags removed from every article (the
    vocabulary keeps each word, marked retired, so an editor can see and undo it there)."""
    tags = list(Tag.objects.filter(name__in=names))
    public = any(_tag_is_public(t) for t in tags)
    for name in names:
        word = _word_for(name)
        word.retired, word.is_topic = True, False
        word.save(update_fields=["retired", "is_topic", "updated_at"])
    TagSuggestion.objects.filter(name__in=names, state=SuggestionState.SUGGESTED).delete()
    for tag in tags:
        tag.delete()
    if public:
        bump_content_version()
    invalidate()
    return len(names)


@transaction.atomic
def vocabulary_word_save(*, word: VocabularyWord, changed: list[str]) -> None:
    """An editor's edit of one vocabulary word: a new preferred form folds it (and its tags) into
    that form, retiring it removes its tag; any change reaches the segmenter and the tagger."""
    word.save()
    if "preferred" in changed and word.preferred_id:
        vocabulary_merge(synonyms=[word], preferred=word.preferred)
    if "retired" in changed and word.retired:
        retire(names=[word.word])
    invalidate()


# --- Learning from the editors -------------------------------------------------------------------

def learn_topic(name: str) -> None:
    """A tag an editor chose is a topic of the archive from now on (unless it is a synonym, a
    name, or retired)."""
    if not is_chinese_term(name) or len(name) > 40:
        return
    word, created = VocabularyWord.objects.get_or_create(
        word=name, defaults={"is_topic": True, "source": WordSource.LEARNT})
    if not created and not (word.is_topic or word.preferred_id or word.retired or word.kind in NAME_KINDS):
        word.is_topic = True
        word.save(update_fields=["is_topic", "updated_at"])
    if created or word.is_topic:
        invalidate()


def record_decision(suggestion: TagSuggestion, was: str) -> None:
    """Count an editor's decision on a suggested name archive-wide; an acceptance also teaches
    the topic the words of the article (its keywords), a withdrawn acceptance unteaches them."""
    counts = TagSuggestion.objects.filter(name=suggestion.name).aggregate(
        accepted=Count("pk", filter=Q(state=SuggestionState.ACCEPTED)),
        rejected=Count("pk", filter=Q(state=SuggestionState.REJECTED)))
    TagFeedback.objects.update_or_create(name=suggestion.name, defaults=counts)
    now_accepted = suggestion.state == SuggestionState.ACCEPTED
    if now_accepted == (was == SuggestionState.ACCEPTED):
        invalidate()
        return
    if now_accepted:
        learn_topic(suggestion.name)
    topic = VocabularyWord.objects.filter(word=suggestion.name, is_topic=True).first()
    if topic is not None:
        _learn_cues(topic, suggestion.article_id, 1 if now_accepted else -1)
    invalidate()


def _learn_cues(topic: VocabularyWord, article_id: int, step: int) -> None:
    not_cues = set(VocabularyWord.objects.filter(Q(preferred=topic) | Q(is_topic=True) | Q(kind__in=NAME_KINDS))
                   .filter(word__in=ArticleKeyword.objects.filter(article_id=article_id).values("term"))
                   .values_list("word", flat=True))
    terms = [t for t in ArticleKeyword.objects.filter(article_id=article_id).order_by("-weight", "term")
             .values_list("term", flat=True) if t != topic.word and t not in not_cues]
    for term in terms[:tag_rules.LEARNT_CUES_PER_ACCEPTANCE]:
        if step > 0:
            cue, _ = TopicCue.objects.get_or_create(topic=topic, word=term, defaults={"source": WordSource.LEARNT})
            TopicCue.objects.filter(pk=cue.pk, source=WordSource.LEARNT).update(seen=F("seen") + 1)
        else:
            TopicCue.objects.filter(topic=topic, word=term, source=WordSource.LEARNT, seen__gt=0).update(
                seen=F("seen") - 1)
    TopicCue.objects.filter(topic=topic, source=WordSource.LEARNT, seen__lte=0).delete()
