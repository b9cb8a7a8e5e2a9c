"""Chinese full-text search over published articles: an index of character bigrams in the database.

`index` keeps the index in step with the articles; `query` finds articles through it; `backends`
holds what each database does differently. Search finds exactly the articles a plain substring
match finds (see tokens.py for why bigrams).
"""

from .index import index_articles, index_in_step, rebuild_index, refresh_statistics, unindex_article
from .query import NEWEST, RELEVANCE, SearchHits, search_articles, search_hits
from .tokens import split_query

__all__ = ["NEWEST", "RELEVANCE", "SearchHits", "index_articles", "index_in_step", "rebuild_index", "refresh_statistics",
           "search_articles", "search_hits", "split_query", "unindex_article"]
