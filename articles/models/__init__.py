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
from .revisions import OPEN_REVISION_STATES, ArticleRevision, DeskOperation, RevisionState
from .search import SearchEntry
from .site import ContentVersion
from .uploads import ImportUpload
from .workflow import ArticleTransition, Correction, CorrectionHit

__all__ = [
    "NEWEST_FIRST",
    "OPEN_REVISION_STATES",
    "Article",
    "ArticleKeyword",
    "ArticleQuerySet",
    "ArticleRevision",
    "ArticleStatus",
    "ArticleTransition",
    "ArticleWarning",
    "ContentVersion",
    "Correction",
    "CorrectionHit",
    "DeskOperation",
    "ImportUpload",
    "Issue",
    "IssueQuerySet",
    "Mention",
    "Person",
    "Publication",
    "RevisionState",
    "SearchEntry",
    "Tag",
    "TagFeedback",
    "TagSuggestion",
    "TaggedArticle",
    "TermStat",
    "TopicCue",
    "VocabularyWord",
]
