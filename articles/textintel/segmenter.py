"""The one module that owns the segmenter.

jieba's dictionary and algorithm, run by rjieba (the jieba-rs binding: the same cuts, far
faster to load and run). Nothing is loaded at import time: the first call loads it, once per
process. The archive's vocabulary (names of people, places, bodies, programmes) is laid on top
with `use_vocabulary`; a newer version replaces the tokenizer, so a change made by an editor
takes effect without restarting anything.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

_lock = threading.Lock()
_tokenizer = None
_vocabulary_version: object = None


def _new_tokenizer(words: Iterable[tuple[str, int | None, str | None]] = ()):
    import rjieba

    tokenizer = rjieba.Jieba()
    for word, freq, tag in words:
        tokenizer.add_word(word, freq, tag)
    return tokenizer


def tokenizer():
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                _tokenizer = _new_tokenizer()
    return _tokenizer


def is_loaded() -> bool:
    return _tokenizer is not None


def vocabulary_version() -> object:
    return _vocabulary_version


def use_vocabulary(words: Iterable[tuple[str, int | None, str | None]], version: object) -> None:
    """Replace the tokenizer with one that knows `words` (word, frequency, part of speech)."""
    global _tokenizer, _vocabulary_version
    fresh = _new_tokenizer(words)
    with _lock:
        _tokenizer, _vocabulary_version = fresh, version


def cut(text: str) -> list[str]:
    return tokenizer().cut(text)


def cut_for_search(text: str) -> list[str]:
    return tokenizer().cut_for_search(text)


def tag(text: str) -> list[tuple[str, str]]:
    return tokenizer().tag(text)


def is_word(text: str) -> bool:
    return tokenizer().has_word(text)


_plain = None


def plain_tokenizer():
    """jieba's own dictionary and nothing of the archive's: what the importer reads with, so the
    same file always imports the same way, whatever the archive has learnt meanwhile."""
    global _plain
    if _plain is None:
        with _lock:
            if _plain is None:
                _plain = _new_tokenizer()
    return _plain


def plain_cut(text: str) -> list[str]:
    return plain_tokenizer().cut(text)


def plain_tag(text: str) -> list[tuple[str, str]]:
    return plain_tokenizer().tag(text)


def plain_is_word(text: str) -> bool:
    return plain_tokenizer().has_word(text)


def mark_vocabulary_version(version: object) -> None:
    """Record that the tokenizer in memory already knows the vocabulary at `version`."""
    global _vocabulary_version
    with _lock:
        _vocabulary_version = version


def suggest_freq(word: str) -> int:
    """The frequency that keeps `word` whole in the dictionary now (at least its own)."""
    return tokenizer().suggest_freq(word)
