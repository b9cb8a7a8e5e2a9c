from .article import NEWEST_FIRST, Article, ArticleQuerySet, ArticleStatus, ArticleWarning, Tag, TaggedArticle
from .intel import ArticleKeyword, Mention, Person, TagFeedback, TagSuggestion, TermStat, TopicCue, VocabularyWord
from .publication import Issue, IssueQuerySet, Publication
from .search import SearchEntry
from .site import ContentVersion
from .uploads import ImportUpload
from .workflow import ArticleTransition, Correction, CorrectionHit

__all__ = [
    "NEWEST_FIRST",
    "ContentVersion",
    "SearchEntry",
    "ArticleTransition",
    "Correction",
    "CorrectionHit",
    "ArticleKeyword",
    "Mention",
    "Person",
    "TagFeedback",
    "TagSuggestion",
    "TopicCue",
    "TermStat",
    "VocabularyWord",
    "Article",
    "ArticleQuerySet",
    "ArticleStatus",
    "ArticleWarning",
    "ImportUpload",
    "Issue",
    "IssueQuerySet",
    "Publication",
    "Tag",
    "TaggedArticle",
]
