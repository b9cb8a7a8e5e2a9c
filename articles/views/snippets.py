"""Search result snippets: the text around the first hit, every hit highlighted."""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .. import bodytext
from ..search.tokens import fold

WINDOW = 48


def snippet(article, terms: list[str], *, length: int = 110) -> SafeString:
    text = bodytext.plain_text(article.body).replace("\n\n", " ")
    if not terms:
        return mark_safe(escape(text[:length]) + ("…" if len(text) > length else ""))
    folded = fold(text)
    starts = [i for i in (folded.find(t) for t in terms) if i >= 0]
    start = max(0, min(starts) - WINDOW // 2) if starts else 0
    piece = text[start:start + length]
    return mark_safe(("…" if start else "") + highlight(piece, terms) + ("…" if start + length < len(text) else ""))


def highlight(text: str, terms: list[str]) -> str:
    """Escape text and wrap every (Latin-case-insensitive) occurrence of the terms in <mark>."""
    if not terms:
        return escape(text)
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.IGNORECASE)
    out, last = [], 0
    for match in pattern.finditer(text):
        out.append(escape(text[last:match.start()]))
        out.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)
