from .article import NEWEST_FIRST, Article, ArticleQuerySet, ArticleStatus, ArticleWarning, Tag, TaggedArticle
from .intel import (
    ArticleKeyword,
    Mention,
    Person,
    TagFeedback,
    TagSuggestion,
    TermStat,
    TopicCue,
    VocabularyWord,
)
from .publication import Issue, IssueQuerySet, Publication
from .related import RelatedArticle
from .search import SearchEntry
from .site import ContentVersion
from .uploads import ImportUpload
from .workflow import ArticleTransition, Correction, CorrectionHit

__all__ = [
    "NEWEST_FIRST",
    "Article",
    "ArticleKeyword",
    "ArticleQuerySet",
    "ArticleStatus",
    "ArticleTransition",
    "ArticleWarning",
    "ContentVersion",
    "Correction",
    "CorrectionHit",
    "ImportUpload",
    "Issue",
    "IssueQuerySet",
    "Mention",
    "Person",
    "Publication",
    "RelatedArticle",
    "SearchEntry",
    "Tag",
    "TagFeedback",
    "TagSuggestion",
    "TaggedArticle",
    "TermStat",
    "TopicCue",
    "VocabularyWord",
]
