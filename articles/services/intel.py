"""Text intelligence on the archive: vocabulary, tag suggestions, keywords, people, name checks.

The pure work lives in articles.textintel; this module feeds it the archive's data and stores
what it finds. It runs as part of every import.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import DatabaseError, connection, transaction
from django.db.models import Count, Max, Min
from django.utils import timezone

from ..importer import ParsedIssue, notices
from ..models import Article, Issue
from ..models.intel import (
    ArticleKeyword,
    Mention,
    Person,
    SuggestionState,
    TagSuggestion,
    TermStat,
    VocabularyWord,
    WordKind,
    WordSource,
)
from ..textintel import segmenter
from ..textintel.keywords import Lexicon, TermStats, pick_tags, rank_terms, term_counts
from ..textintel.names import NameIndex, NameUse
from ..textintel.people import Mention as PrintedMention
from ..textintel.people import office, read_mentions
from ..textintel.vocabulary import POS_OF_KIND, seed_words
from .rows import insert_new_rows

VOCABULARY_CHECK_SECONDS = 2.0
KEYWORDS_PER_ARTICLE = 10
# TermStat's row for the number of articles counted, the N of the archive's IDF (no term is empty).
DOCUMENTS = ""

_state_lock = threading.Lock()
_lexicon = Lexicon()
_checked_at = float("-inf")


# --- Vocabulary ----------------------------------------------------------------------------------

def _vocabulary_version():
    row = VocabularyWord.objects.aggregate(n=Count("pk"), latest=Max("updated_at"))
    return row["n"], row["latest"]


def ensure_vocabulary(*, force: bool = False) -> Lexicon:
    """Make this process's segmenter know the archive's vocabulary; reload it after edits.

    Checked at most every few seconds, so an editor's change takes effect without a restart.
    Without a database (a dry run in a fresh checkout) the shipped genre words are used.
    """
    global _lexicon, _checked_at
    now = time.monotonic()
    if not force and now - _checked_at < VOCABULARY_CHECK_SECONDS and segmenter.vocabulary_version() is not None:
        return _lexicon
    with _state_lock:
        try:
            version = _vocabulary_version()
            rows = None
            if version != segmenter.vocabulary_version():
                rows = list(VocabularyWord.objects.values_list("word", "kind", "preferred__word"))
        except DatabaseError:
            version = "seed"
            rows = None if segmenter.vocabulary_version() == version else \
                [(w.word, w.kind, w.preferred) for w in seed_words()]
        if rows is not None:
            segmenter.use_vocabulary([(w, None, POS_OF_KIND.get(kind, "nz")) for w, kind, _ in rows], version)
            _lexicon = Lexicon(
                synonyms={w: preferred for w, _, preferred in rows if preferred},
                terms=frozenset(w for w, kind, _ in rows if kind != WordKind.PERSON),
            )
        _checked_at = now
    return _lexicon


@transaction.atomic
def vocabulary_merge(*, synonyms: list[VocabularyWord], preferred: VocabularyWord) -> int:
    """Fold words into a preferred form (加梯 -> 加装电梯), and the tags already made of them."""
    from ..models import Tag

    count = 0
    for word in synonyms:
        if word.pk == preferred.pk:
            continue
        word.preferred = preferred
        word.save(update_fields=["preferred", "updated_at"])
        VocabularyWord.objects.filter(preferred=word).update(preferred=preferred)
        TagSuggestion.objects.filter(name=word.word, state=SuggestionState.SUGGESTED).delete()
        old = Tag.objects.filter(name=word.word).first()
        if old is not None:
            for article in Article.objects.filter(tags=old):
                article.tags.add(preferred.word)
            old.delete()
        count += 1
    return count


def _learn_people(names: set[str]) -> None:
    """Names found with a title become vocabulary, so the segmenter keeps them whole."""
    if not names:
        return
    known = set(VocabularyWord.objects.filter(word__in=names).values_list("word", flat=True))
    new = sorted(names - known)
    if not new:
        return
    VocabularyWord.objects.bulk_create(
        [VocabularyWord(word=n, kind=WordKind.PERSON, source=WordSource.LEARNT) for n in new],
        ignore_conflicts=True,
    )
    # The tokenizer in memory learns them directly; no reload is needed for additions.
    tokenizer = segmenter.tokenizer()
    for name in new:
        tokenizer.add_word(name, None, "nr")
    with _state_lock:
        segmenter.mark_vocabulary_version(_vocabulary_version())


# --- Name checks over a batch -----------------------------------------------------------------------

@dataclass
class ArticleReading:
    """What the text layer read in one parsed article: every (title, name), real names marked."""

    mentions: list[PrintedMention] = field(default_factory=list)

    @property
    def people(self) -> list[PrintedMention]:
        return [m for m in self.mentions if m.surname]


def article_text(title: str, subtitle: str | None, paragraphs) -> str:
    return "\n".join([title, subtitle or "", *paragraphs])


def read_parsed(parsed: ParsedIssue) -> list[ArticleReading]:
    return [ArticleReading(read_mentions(article_text(a.title, a.subtitle, (b.text for b in a.blocks))))
            for a in parsed.articles]


def check_batch(parsed_issues: list[ParsedIssue]) -> dict[str, list[ArticleReading]]:
    """Warn of misread names in a batch, against each other and against the archive.

    Returns what was read from each issue (by its sha256), for the import to store.
    """
    if not parsed_issues:
        return {}
    ensure_vocabulary()
    index = NameIndex()
    towns = {p.meta.town for p in parsed_issues if p.meta.town}
    _add_archive_names(index, towns)
    readings = {p.sha256: read_parsed(p) for p in parsed_issues}
    for parsed in parsed_issues:
        town = parsed.meta.town or ""
        for reading in readings[parsed.sha256]:
            for mention in reading.mentions:
                for role in mention.roles:
                    index.add(NameUse(mention.name, office(role, town), town, parsed.sha256, parsed.meta.date))
    suspects = {(s.town, s.office, s.wrong): s for s in index.suspects()}
    if not suspects:
        return readings
    for parsed in parsed_issues:
        town = parsed.meta.town or ""
        for article, reading in zip(parsed.articles, readings[parsed.sha256], strict=True):
            flagged = set()
            for mention in reading.mentions:
                for role in mention.roles:
                    suspect = suspects.get((town, office(role, town), mention.name))
                    if suspect and suspect.wrong not in flagged:
                        flagged.add(suspect.wrong)
                        article.warnings.append(notices.suspect_name(suspect.wrong, suspect.right, mention.title))
    return readings


def _add_archive_names(index: NameIndex, towns: set[str]) -> None:
    try:
        rows = (Mention.objects.filter(person__town__in=towns)
                .values("person__name", "office", "person__town")
                .annotate(issues=Count("article__issue", distinct=True), first=Min("issue_date"),
                          last=Max("issue_date")))
        for row in rows:
            index.add_archive(name=row["person__name"], office=row["office"], town=row["person__town"],
                              issues=row["issues"], first=row["first"], last=row["last"])
    except DatabaseError:
        # No archive to compare with (a dry run before the database exists): the batch alone.
        return


# --- Analysis of imported articles ------------------------------------------------------------------

def analyse_issue(issue: Issue, readings: list[ArticleReading] | None = None,
                  articles: list[Article] | None = None) -> None:
    """Tag suggestions, keywords and people for every article of an issue.

    `readings` are the names already read from the parsed articles, and `articles` the articles
    just written, both in print order."""
    if articles is None:
        articles = list(issue.articles.order_by("position", "pk"))
    analyse_articles(articles, town=issue.publication.town, issue_date=issue.date, readings=readings)


def analyse_articles(articles: list[Article], *, town: str, issue_date, readings=None) -> None:
    lexicon = ensure_vocabulary()
    exclude = _town_words(town)
    counts = {a.pk: term_counts(a.title + " " + a.subtitle, a.body, lexicon) for a in articles}
    _count_terms(set(c) for c in counts.values())
    stats = _term_stats(set().union(*counts.values()) if counts else set())
    if readings is None or len(readings) != len(articles):
        readings = [ArticleReading(read_mentions(article_text(a.title, a.subtitle, [a.body]))) for a in articles]
    suggestions, keyword_rows, mentions, names = [], [], [], set()
    for article, reading in zip(articles, readings, strict=True):
        ranked = rank_terms(counts[article.pk], stats, exclude=exclude)
        for name, score in pick_tags(ranked):
            suggestions.append((article.pk, name[:100], round(score, 3), SuggestionState.SUGGESTED))
        for term, weight in ranked[:KEYWORDS_PER_ARTICLE]:
            keyword_rows.append((article.pk, term[:40], round(weight, 3)))
        for mention in reading.people:
            names.add(mention.name)
            mentions.append((article, mention))
    insert_new_rows(TagSuggestion, ["article", "name", "score", "state"], suggestions)
    insert_new_rows(ArticleKeyword, ["article", "term", "weight"], keyword_rows)
    _store_mentions(mentions, town, issue_date)
    _learn_people(names)


def _town_words(town: str) -> list[str]:
    words = [town]
    for suffix in ("街道", "镇"):
        if town.endswith(suffix) and len(town) > len(suffix) + 1:
            words.append(town[: -len(suffix)])
    return words


def _count_terms(term_sets) -> None:
    """Add one document to the archive's frequency of every term each article uses, and to the
    number of documents counted."""
    totals: dict[str, int] = defaultdict(int)
    for terms in term_sets:
        totals[DOCUMENTS] += 1
        for term in terms:
            totals[term[:40]] += 1
    if not totals:
        return
    table = TermStat._meta.db_table
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} (term, df) VALUES (%s, %s) "
            f"ON CONFLICT (term) DO UPDATE SET df = {table}.df + excluded.df",
            list(totals.items()),
        )


def _term_stats(terms: set[str]) -> TermStats:
    df = dict(TermStat.objects.filter(term__in=[DOCUMENTS, *terms]).values_list("term", "df"))
    return TermStats(df.pop(DOCUMENTS, 0), df)


def _store_mentions(mentions: list[tuple[Article, PrintedMention]], town: str, issue_date) -> None:
    if not mentions:
        return
    names = {m.name for _, m in mentions}
    insert_new_rows(Person, ["name", "town", "note"], [(n, town, "") for n in sorted(names)])
    people = dict(Person.objects.filter(town=town, name__in=names).values_list("name", "pk"))
    insert_new_rows(Mention, ["person", "article", "title", "office", "issue_date"], [
        (people[m.name], article.pk, m.title[:60], office(role, town)[:40], issue_date)
        for article, m in mentions for role in m.roles
    ])


def forget_article(article: Article) -> None:
    """Before an article's text is re-read (after an edit): drop what was read from it."""
    article.keywords.all().delete()
    article.mentions.all().delete()


@transaction.atomic
def suggestion_decide(*, suggestion: TagSuggestion, accept: bool, user) -> None:
    """Accept a suggested tag (it becomes a taggit tag) or reject it (never suggested again)."""
    suggestion.state = SuggestionState.ACCEPTED if accept else SuggestionState.REJECTED
    suggestion.decided_by = user if getattr(user, "pk", None) else None
    suggestion.decided_at = timezone.now()
    suggestion.save(update_fields=["state", "decided_by", "decided_at"])
    if accept:
        suggestion.article.tags.add(suggestion.name)
    else:
        suggestion.article.tags.remove(suggestion.name)
