"""Chinese full-text search over published articles: an index of character bigrams in the database.

`index` keeps the index in step with the articles; `query` finds articles through it; `backends`
holds what each database does differently. `syntax` reads what a resident types (operators),
`variants` adds what editors know (synonyms, recorded misreads), `plan` is the result: the exact
strings searched. Search finds exactly the articles a plain substring
match finds (see tokens.py for why bigrams).
"""

from .index import index_articles, index_in_step, rebuild_index, refresh_statistics, unindex_article
from .plan import SearchPlan
from .query import NEWEST, RELEVANCE, SearchHits, search_articles, search_hits
from .syntax import ParsedQuery, describe, exact_query, parse_query
from .tokens import split_query
from .variants import known_variants, plan_with_variants

__all__ = ["NEWEST", "RELEVANCE", "ParsedQuery", "SearchHits", "SearchPlan", "describe", "exact_query", "index_articles",
           "index_in_step", "known_variants", "parse_query", "plan_with_variants", "rebuild_index",
           "refresh_statistics", "search_articles", "search_hits", "split_query", "unindex_article"]
