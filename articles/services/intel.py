"""Text intelligence on the archive: vocabulary, tag suggestions, keywords, people, name checks.

The pure work lives in articles.textintel; this module feeds it the archive's data and stores
what it finds. It runs as part of every import.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
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
from ..textintel.keywords import TermStats, rank_terms
from ..textintel.names import NameIndex, NameUse
from ..textintel.people import Mention as PrintedMention
from ..textintel.people import office, read_mentions
from ..textintel.tags import read_article, suggest
from . import topics
from .rows import insert_new_rows
from .topics import ensure_vocabulary

KEYWORDS_PER_ARTICLE = 10
# TermStat's row for the number of articles counted, the N of the archive's IDF (no term is empty).
DOCUMENTS = ""


# --- People learnt from an import ----------------------------------------------------------------

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
    # The tokenizer and the lexicon in memory learn them directly; no reload is needed for additions.
    tokenizer = segmenter.tokenizer()
    for name in new:
        tokenizer.add_word(name, None, "nr")
    version = topics.vocabulary_version()
    segmenter.mark_vocabulary_version(version)
    topics.learn_names(new, version)


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
    if readings is None or len(readings) != len(articles):
        readings = [ArticleReading(read_mentions(article_text(a.title, a.subtitle, [a.body]))) for a in articles]
    lexicon = ensure_vocabulary()
    # The people just read are words first, so that no name is taken for a topic.
    _learn_people({m.name for r in readings for m in r.people})
    exclude = _town_words(town)
    read = {a.pk: read_article(headline(a), a.body, lexicon) for a in articles}
    stats = _count_terms([set(r.terms) for r in read.values()])
    suggestions, keyword_rows, mentions = [], [], []
    for article, reading in zip(articles, readings, strict=True):
        found = read[article.pk]
        for s in suggest(found, lexicon, documents=stats.documents, df=stats.df, exclude=exclude):
            suggestions.append((article.pk, s.name[:100], round(s.score, 3), SuggestionState.SUGGESTED))
        for term, weight in rank_terms(found.terms, stats, exclude=exclude)[:KEYWORDS_PER_ARTICLE]:
            keyword_rows.append((article.pk, term[:40], round(weight, 3)))
        mentions.extend((article, mention) for mention in reading.people)
    insert_new_rows(TagSuggestion, ["article", "name", "score", "state"], suggestions)
    insert_new_rows(ArticleKeyword, ["article", "term", "weight"], keyword_rows)
    _store_mentions(mentions, town, issue_date)


def headline(article: Article) -> str:
    """What an article's headline says: kicker, title and subtitle."""
    return " ".join(part for part in (article.kicker, article.title, article.subtitle) if part)


def _town_words(town: str) -> list[str]:
    words = [town]
    for suffix in ("街道", "镇"):
        if town.endswith(suffix) and len(town) > len(suffix) + 1:
            words.append(town[: -len(suffix)])
    return words


def _count_terms(term_sets: list[set[str]]) -> TermStats:
    """Add one document to the archive's frequency of every term each article uses, and to the
    number of documents counted; the counts as they now are, for these terms.

    The upsert returns the rows it wrote, which are exactly the rows a look-up of these terms
    would read (a term is stored cut to the column's 40 characters, so a longer one is found
    under its own spelling nowhere, and is left out here too)."""
    totals: dict[str, int] = defaultdict(int)
    for terms in term_sets:
        totals[DOCUMENTS] += 1
        for term in terms:
            totals[term[:40]] += 1
    if not totals:
        return TermStats(0, {})
    wanted = set().union(*term_sets)
    table = TermStat._meta.db_table
    rows = list(totals.items())
    df: dict[str, int] = {}
    with connection.cursor() as cursor:
        for start in range(0, len(rows), COUNT_TERMS_BATCH):
            batch = rows[start:start + COUNT_TERMS_BATCH]
            cursor.execute(
                f"INSERT INTO {table} (term, df) VALUES {', '.join(['(%s, %s)'] * len(batch))} "
                f"ON CONFLICT (term) DO UPDATE SET df = {table}.df + excluded.df RETURNING term, df",
                [value for row in batch for value in row],
            )
            df.update((term, count) for term, count in cursor.fetchall() if term in wanted or term == DOCUMENTS)
    return TermStats(df.pop(DOCUMENTS, 0), df)


COUNT_TERMS_BATCH = 400  # rows per upsert: 800 parameters, within every SQLite build's limit


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
    """An editor accepts a suggested tag (it becomes a taggit tag) or rejects it (never suggested
    for the article again). Either way the decision counts for the name across the archive."""
    if not getattr(user, "pk", None):
        raise ValidationError("标签建议须由编辑本人采用或否决")
    was = suggestion.state
    suggestion.state = SuggestionState.ACCEPTED if accept else SuggestionState.REJECTED
    suggestion.decided_by = user
    suggestion.decided_at = timezone.now()
    suggestion.save(update_fields=["state", "decided_by", "decided_at"])
    from .workflow import article_tags  # tags are text: a live article's go through review

    change = {"add": [suggestion.name]} if accept else {"remove": [suggestion.name]}
    suggestion.tags_now = article_tags(article=suggestion.article, user=user, **change)
    topics.record_decision(suggestion, was)
