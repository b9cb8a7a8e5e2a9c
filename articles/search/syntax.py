"""What a resident types into the search box, read as words and operators.

Pure functions, no Django: `parse_query` turns the text into clauses (every clause must match,
any word of a clause will do), words to exclude, and a Chinese message when the text cannot be
read. The operators are the ones residents know from web search:

    加装电梯 新泾        both words
    加梯 或 电梯 / OR    either word (binds tighter than the space: 甲 乙 或 丙 = 甲 and (乙 or 丙))
    -停车                articles without the word
    "垃圾 分类" “一网统管”  exactly this text, spaces included, and no known variants

A word typed bare may be widened by the archive's known variants later (variants.py); a quoted
one never is. A query that cannot be read is never half-searched: it gets `error` and no clauses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .tokens import MAX_TERM_LENGTH, MAX_TERMS, fold

OPEN_QUOTES = '"“'
CLOSE_QUOTES = '"”'
MINUS = "-－"  # ASCII and full-width, as Chinese input methods type it
OR_WORDS = ("或", "OR")
_SPACE_RE = re.compile(r"\s+")

EMPTY = "请输入要找的词。"
UNBALANCED = "引号没有配对：请把要整体查找的词放在一对引号里，如 “加装电梯”。"
STRAY_CLOSE = "多了一个右引号：请把要整体查找的词放在一对引号里，如 “加装电梯”。"
EMPTY_PHRASE = "引号里没有词：请在引号之间写上要查找的词。"
LONE_MINUS = "减号后面要紧跟要排除的词，中间不留空格，如 -停车。"
ONLY_EXCLUDED = "请至少写一个要找的词：只写要排除的词（-词）无法搜索。"
DANGLING_OR = "“或”的两边都要有词，如 加梯 或 电梯；要查找“或”字本身，请加引号：“或”。"
EXCLUDED_OR = "要排除的词不能用“或”连接：请分别写，如 -停车 -收费。"
TRUNCATED = f"词太多，只按前 {MAX_TERMS} 个词搜索。"


@dataclass(frozen=True)
class Word:
    """One word of a query, folded; `exact` when it was quoted (no variants, spaces kept)."""

    text: str
    exact: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    clauses: tuple[tuple[Word, ...], ...] = ()
    excluded: tuple[Word, ...] = ()
    error: str = ""  # why the query cannot be searched; then clauses and excluded are empty
    notice: str = ""  # something the searcher should know about a query that was searched

    @property
    def words(self) -> tuple[Word, ...]:
        return tuple(word for clause in self.clauses for word in clause)

    @property
    def has_operators(self) -> bool:
        return bool(self.excluded) or any(len(c) > 1 or c[0].exact for c in self.clauses)


@dataclass(frozen=True)
class _Token:
    kind: str  # "word", "or"
    word: Word | None = None
    negated: bool = False


class _Unreadable(Exception):
    pass


def _phrase(text: str) -> str:
    return _SPACE_RE.sub(" ", text).strip()


def _tokens(query: str) -> list[_Token]:
    tokens: list[_Token] = []
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if ch.isspace():
            i += 1
            continue
        negated = ch in MINUS
        start = i + 1 if negated else i
        if negated and (start >= n or query[start].isspace()):
            raise _Unreadable(LONE_MINUS)
        if query[start] in CLOSE_QUOTES and query[start] not in OPEN_QUOTES:
            raise _Unreadable(STRAY_CLOSE)
        if query[start] in OPEN_QUOTES:
            end = next((j for j in range(start + 1, n) if query[j] in CLOSE_QUOTES), -1)
            if end < 0:
                raise _Unreadable(UNBALANCED)
            text = _phrase(query[start + 1:end])
            if not text:
                raise _Unreadable(EMPTY_PHRASE)
            tokens.append(_Token("word", Word(fold(text)[:MAX_TERM_LENGTH].rstrip(), exact=True), negated))
            i = end + 1
            continue
        end = start
        while end < n and not query[end].isspace() and query[end] not in OPEN_QUOTES + CLOSE_QUOTES:
            end += 1
        text = query[start:end]
        # A quote right after a word (加装“电梯”) ends the word; the next turn reads the phrase,
        # or finds the closing quote stray.
        if not negated and text in OR_WORDS:
            tokens.append(_Token("or"))
        else:
            tokens.append(_Token("word", Word(fold(text)[:MAX_TERM_LENGTH]), negated))
        i = end
    return tokens


def parse_query(query: str | None) -> ParsedQuery:
    """The clauses, exclusions and any message of a query typed into the search box."""
    if not (query or "").strip():
        return ParsedQuery(error=EMPTY)
    try:
        tokens = _tokens(query)
    except _Unreadable as unreadable:
        return ParsedQuery(error=str(unreadable))
    groups: list[list[_Token]] = []
    joining = False
    for position, token in enumerate(tokens):
        if token.kind == "or":
            if not groups or joining or position == len(tokens) - 1:
                return ParsedQuery(error=DANGLING_OR)
            joining = True
            continue
        if joining:
            groups[-1].append(token)
        else:
            groups.append([token])
        joining = False
    clauses: list[tuple[Word, ...]] = []
    excluded: list[Word] = []
    for group in groups:
        if len(group) > 1 and any(t.negated for t in group):
            return ParsedQuery(error=EXCLUDED_OR)
        if group[0].negated:
            if group[0].word not in excluded:
                excluded.append(group[0].word)
            continue
        clause = tuple(dict.fromkeys(t.word for t in group))
        if clause not in clauses:
            clauses.append(clause)
    if not clauses:
        return ParsedQuery(error=ONLY_EXCLUDED)
    kept, budget = [], MAX_TERMS
    for clause in clauses:
        if budget < len(clause):
            break
        kept.append(clause)
        budget -= len(clause)
    excluded_kept = excluded[:max(budget, 0)]
    truncated = len(kept) < len(clauses) or len(excluded_kept) < len(excluded)
    return ParsedQuery(clauses=tuple(kept), excluded=tuple(excluded_kept), notice=TRUNCATED if truncated else "")


def describe(parsed: ParsedQuery) -> str:
    """The query as read, in words a resident understands (同时包含：甲、乙或丙；不含：丁)."""
    def show(word: Word) -> str:
        return f"“{word.text}”" if word.exact else word.text

    parts = []
    if len(parsed.clauses) > 1 or any(len(c) > 1 for c in parsed.clauses):
        label = "同时包含" if len(parsed.clauses) > 1 else "包含"
        parts.append(label + "：" + "、".join("或".join(show(w) for w in clause) for clause in parsed.clauses))
    if parsed.excluded:
        parts.append("不含：" + "、".join(show(w) for w in parsed.excluded))
    return "；".join(parts)


def exact_query(parsed: ParsedQuery) -> str:
    """The same query with every word quoted: what it finds without any variants."""
    def quoted(word: Word) -> str:
        return f"“{word.text}”"

    parts = [" 或 ".join(quoted(w) for w in clause) for clause in parsed.clauses]
    parts += [f"-{quoted(w)}" for w in parsed.excluded]
    return " ".join(parts)
