"""What editors know about a word, for search: its synonyms in the vocabulary and the misreads
of a name they were warned of.

- Vocabulary (VocabularyWord.preferred, kept one level deep by services.topics): a word, its
  preferred form and that form's other synonyms are one thing (加梯, 电梯加装 = 加装电梯), found
  from any of them.
- Misreads (ArticleWarning "suspect-name": the import compared the name with the archive's
  record of the office, 下晓清 for 卞晓清): a search for the right name also finds the printed
  misread, but not the other way round, since the misread is not a name anyone means.
  Only warnings of articles the public may see count, so no hidden text is ever named, and
  none a publisher judged not to be a misread (a dismissal with a reason).
"""

from __future__ import annotations

from django.db.models import Q
from django.db.models.functions import Coalesce

from ..importer.notices import SUSPECT_NAME
from ..models import ArticleWarning, VocabularyWord
from ..models.article import visible
from .plan import SearchPlan, plan_for
from .syntax import ParsedQuery
from .tokens import MAX_TERM_LENGTH, fold

MAX_VARIANTS = 12  # per word: a query stays a handful of index look-ups


def synonyms_of(word: str) -> list[str]:
    # One query: the group of the word's preferred form (or of the word, if it is one).
    roots = (VocabularyWord.objects.filter(word__iexact=word)
             .annotate(root=Coalesce("preferred_id", "pk")).values("root"))
    group = VocabularyWord.objects.filter(Q(pk__in=roots) | Q(preferred_id__in=roots))
    return sorted((w for w in group.values_list("word", flat=True) if fold(w) != word), key=lambda w: (len(w), w))


def misreads_of(name: str) -> list[str]:
    wrong = (ArticleWarning.objects.filter(visible("article__"), code=SUSPECT_NAME, data__right=name,
                                           dismiss_reason="")
             .values_list("data__wrong", flat=True).distinct())
    return sorted({w for w in wrong if isinstance(w, str) and w and w != name})


def known_variants(word: str) -> list[str]:
    """The strings a search for `word` (folded) finds besides it, folded, fewest characters first."""
    found = [fold(v)[:MAX_TERM_LENGTH] for v in [*synonyms_of(word), *misreads_of(word)]]
    return [v for v in dict.fromkeys(found) if v and v != word and " " not in v][:MAX_VARIANTS]


def plan_with_variants(parsed: ParsedQuery) -> SearchPlan:
    """The plan of a parsed query, every bare word widened by what editors know of it."""
    return plan_for(parsed, known_variants)
