"""Related articles: published articles sharing tags, people or keywords with an article.

Computed when an article is published or changed (articles/signals.py) and stored
(RelatedArticle), so the article page reads them with one query. A change to one article also
recomputes the articles it relates to and those whose lists named it: the relation is (nearly)
symmetric, so they are the lists it can enter or leave. An article that has no stored list yet
(published by an import, whose lists the task worker works out after the import commits, and
not there yet) gets one on its first reading.
"""

from __future__ import annotations

from collections import defaultdict

from django.db import transaction

from ..models import Article, ArticleKeyword, ArticleStatus, Mention, RelatedArticle, TaggedArticle

TAG_WEIGHT, PERSON_WEIGHT, KEYWORD_WEIGHT = 3.0, 2.0, 1.0
RECENT = 200
TERMS = 5
COMMON_PERSON_ARTICLES = 200


STORED = 10  # kept per article: more than shown, so a later withdrawal leaves enough


def related_articles(article: Article, *, limit: int = 5) -> list[Article]:
    """Up to `limit` public articles related to `article`, best first, as stored."""
    stored = (Article.objects.published().filter(related_to__article=article).select_related("issue__publication")
              .order_by("related_to__rank"))
    found = list(stored[:limit])
    if found or RelatedArticle.objects.filter(article=article).exists():
        return found
    _store(article)
    return list(stored[:limit])


def refresh_related(*, articles: list[Article]) -> None:
    """After these articles changed: their lists, and the lists they can enter or leave.

    An article whose own list came out as before (an edit of its text, a correction across the
    archive) changed no one else's: its neighbours are left alone."""
    with transaction.atomic():
        neighbours: set[int] = set()
        for article in articles:
            before = list(RelatedArticle.objects.filter(article=article).order_by("rank").values_list("related_id", flat=True))
            after = _store(article)
            if before != (after or [None]):
                neighbours.update(after)
                neighbours.update(RelatedArticle.objects.filter(related=article).values_list("article_id", flat=True))
        neighbours -= {a.pk for a in articles}
        for neighbour in Article.objects.filter(pk__in=neighbours).only("pk", "status"):
            _store(neighbour)


def forget_related(*, article_id: int) -> None:
    """The article's list is stale (a tag is being removed): computed afresh when next read."""
    RelatedArticle.objects.filter(article_id=article_id).delete()


def _store(article: Article) -> list[int]:
    """Compute and store the article's list; the ids stored."""
    ranked = [a.pk for a in compute_related(article, limit=STORED)] if article.status == ArticleStatus.PUBLISHED else []
    RelatedArticle.objects.filter(article=article).delete()
    RelatedArticle.objects.bulk_create(
        [RelatedArticle(article=article, related_id=pk, rank=rank) for rank, pk in enumerate(ranked, 1)]
        or [RelatedArticle(article=article, related=None, rank=0)])
    return ranked


def compute_related(article: Article, *, limit: int = 5) -> list[Article]:
    """Up to `limit` public articles, best first: shared accepted tags count most, then people, then keywords."""
    public = Article.objects.published().exclude(pk=article.pk)
    scores: dict[int, float] = defaultdict(float)

    # Candidates are drawn from the most recent uses of each tag, person and term, so the cost of
    # an article page stays the same however large the archive grows.
    tag_ids = list(article.tagged_items.values_list("tag_id", flat=True))
    for tag_id in tag_ids:
        recent = (TaggedArticle.objects.filter(tag_id=tag_id).exclude(content_object=article)
                  .order_by("-content_object_id").values_list("content_object_id", flat=True)[:RECENT])
        for pk in recent:
            scores[pk] += TAG_WEIGHT

    person_ids = set(article.mentions.values_list("person_id", flat=True))
    for person_id in person_ids:
        recent = set(Mention.objects.filter(person_id=person_id).exclude(article=article)
                     .order_by("-article_id").values_list("article_id", flat=True)[:COMMON_PERSON_ARTICLES + 1])
        if len(recent) > COMMON_PERSON_ARTICLES:
            continue  # someone named in a great share of the archive (the mayor) relates nothing
        for pk in recent:
            scores[pk] += PERSON_WEIGHT

    terms = list(article.keywords.order_by("-weight").values_list("term", "weight")[:TERMS])
    for term, weight in terms:
        recent = (ArticleKeyword.objects.filter(term=term).exclude(article=article)
                  .order_by("-article_id").values_list("article_id", flat=True)[:RECENT])
        for pk in recent:
            scores[pk] += KEYWORD_WEIGHT * weight / (terms[0][1] * len(terms))

    ranked = sorted(scores, key=lambda pk: (-scores[pk], -pk))[:limit * 8]
    found = {a.pk: a for a in public.filter(pk__in=ranked).select_related("issue__publication")}
    return [found[pk] for pk in ranked if pk in found][:limit]
