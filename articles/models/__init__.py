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
from .pages import ArticlePhoto, ImportJob, IssuePage, JobStatus, PdfPreview
from .publication import Issue, IssueQuerySet, Publication
from .related import RelatedArticle
from .reports import ErrorReport, ReportStatus
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
    "ArticlePhoto",
    "ArticleQuerySet",
    "ArticleRevision",
    "ArticleStatus",
    "ArticleTransition",
    "ArticleWarning",
    "ContentVersion",
    "Correction",
    "CorrectionHit",
    "DeskOperation",
    "ErrorReport",
    "ImportJob",
    "ImportUpload",
    "Issue",
    "IssuePage",
    "IssueQuerySet",
    "JobStatus",
    "Mention",
    "PdfPreview",
    "Person",
    "Publication",
    "RelatedArticle",
    "ReportStatus",
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
