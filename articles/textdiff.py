"""Readable differences between two versions of a text: paragraphs first, then characters.

Pure functions, no Django. Chinese has no spaces to diff words by, so changed paragraphs are
compared character by character; unchanged paragraphs are kept whole.
"""

from __future__ import annotations

from difflib import SequenceMatcher

EQUAL, DELETE, INSERT = "equal", "delete", "insert"


def char_diff(old: str, new: str) -> list[tuple[str, str]]:
    ops = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            ops.append((EQUAL, old[i1:i2]))
        else:
            if i2 > i1:
                ops.append((DELETE, old[i1:i2]))
            if j2 > j1:
                ops.append((INSERT, new[j1:j2]))
    return ops


def text_diff(old: str, new: str) -> list[list[tuple[str, str]]]:
    """Paragraph by paragraph: a list of paragraphs, each a list of (op, text) runs."""
    old_paras, new_paras = _paragraphs(old), _paragraphs(new)
    out: list[list[tuple[str, str]]] = []
    matcher = SequenceMatcher(None, old_paras, new_paras, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.extend([[(EQUAL, p)] for p in old_paras[i1:i2]])
        elif tag == "replace":
            olds, news = old_paras[i1:i2], new_paras[j1:j2]
            for k in range(max(len(olds), len(news))):
                a = olds[k] if k < len(olds) else ""
                b = news[k] if k < len(news) else ""
                out.append(char_diff(a, b))
        elif tag == "delete":
            out.extend([[(DELETE, p)] for p in old_paras[i1:i2]])
        else:
            out.extend([[(INSERT, p)] for p in new_paras[j1:j2]])
    return out


def changed(ops: list[list[tuple[str, str]]]) -> bool:
    return any(op != EQUAL for para in ops for op, _ in para)


def _paragraphs(text: str) -> list[str]:
    return [p for p in (text or "").replace("\r\n", "\n").split("\n\n") if p.strip()]
