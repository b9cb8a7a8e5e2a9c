"""Related articles: published articles sharing tags, people or keywords with an article."""

from __future__ import annotations

from collections import defaultdict

from ..models import Article, ArticleKeyword, Mention, TaggedArticle

TAG_WEIGHT, PERSON_WEIGHT, KEYWORD_WEIGHT = 3.0, 2.0, 1.0
RECENT = 200
TERMS = 5
COMMON_PERSON_ARTICLES = 200


def related_articles(article: Article, *, limit: int = 5) -> list[Article]:
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
