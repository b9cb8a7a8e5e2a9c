"""Search tokens: every pair of adjacent characters, so any substring of two or more characters is
found through the index, with no word segmentation to miss names jieba splits (晓清, 加梯).

Pure functions, no Django. A term of n characters is in a text exactly when its n-1 bigrams are;
the index narrows the articles down by those bigrams and a substring check makes it exact. Each
run of non-space characters also ends with a terminal token, so a one-character query finds the
characters that end a run too. Characters that are neither letters nor digits are spelled out in
hex, so every token is made only of characters any full-text tokenizer keeps whole.
"""

from __future__ import annotations

import re

ESCAPE = "ǂ"  # a letter (Lo) in every tokenizer's eyes, never in Chinese newspaper text
TERMINAL = "ǃ"
MAX_TERMS = 8
MAX_TERM_LENGTH = 40
_SPACE_RE = re.compile(r"\s+")


_ASCII_UPPER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def fold(text: str) -> str:
    """Case-fold Latin letters only: what SQLite's LIKE and the index agree on."""
    return text.translate(_ASCII_UPPER)


_encoded: dict[str, str] = {}


def _encode(ch: str) -> str:
    unit = _encoded.get(ch)
    if unit is None:
        unit = ch if ch.isalnum() and ch not in (ESCAPE, TERMINAL) else f"{ESCAPE}{ord(ch):x}{ESCAPE}"
        if len(_encoded) < 100_000:
            _encoded[ch] = unit
    return unit


def document_tokens(text: str, *, longest: int = 2) -> list[str]:
    """Every run of 2 to `longest` adjacent characters of a document, plus a terminal token after
    each run of non-space characters."""
    tokens = []
    for run in _SPACE_RE.split(fold(text)):
        if not run:
            continue
        encoded = [_encoded.get(ch) or _encode(ch) for ch in run]
        tokens.extend(map(str.__add__, encoded, encoded[1:]))
        for n in range(3, longest + 1):
            tokens.extend("".join(encoded[i:i + n]) for i in range(len(encoded) - n + 1))
        tokens.append(encoded[-1] + TERMINAL)
    return tokens


def phrase_tokens(term: str) -> list[str]:
    """The bigrams of a term in order: as a phrase, they match exactly where the term occurs."""
    encoded = [_encode(ch) for ch in fold(term)]
    return [a + b for a, b in zip(encoded, encoded[1:], strict=False)]


def term_tokens(term: str, *, longest: int = 2) -> list[str]:
    """Tokens every document containing `term` has, from an index of runs up to `longest`.

    One character: its prefix (every occurrence starts a token). Up to `longest` characters: the
    term itself, exactly. Longer: its runs of `longest`, all present in a superset of the
    documents holding the term.
    """
    encoded = [_encode(ch) for ch in fold(term)]
    if len(encoded) <= longest:
        return ["".join(encoded)]
    n = longest
    return list(dict.fromkeys("".join(encoded[i:i + n]) for i in range(len(encoded) - n + 1)))


def split_query(query: str) -> list[str]:
    """The terms of a query: whitespace separates them; all must occur."""
    terms = []
    for term in _SPACE_RE.split(fold(query or "")):
        term = term[:MAX_TERM_LENGTH]
        if term and term not in terms:
            terms.append(term)
    return terms[:MAX_TERMS]


def document_text(title: str, subtitle: str, body: str) -> str:
    return "\n".join([title or "", subtitle or "", body or ""])


def indexed_text(title: str, subtitle: str, body: str) -> str:
    """The text the index keeps: folded once, so checking a (folded) term is a plain substring test."""
    return fold(document_text(title, subtitle, body))
