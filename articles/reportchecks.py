"""Checks on what a reader writes in 报告错误: pure string functions, no Django.

A report is a sentence about an article; what is only links, or far too long, is not one.
"""

from __future__ import annotations

import re

URL_RE = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|cn|info|xyz|top|ru|io)\b\S*",
                    re.IGNORECASE)
# Letters of any script and digits: what words are made of.
WORD_CHAR_RE = re.compile(r"[^\W_]", re.UNICODE)
MAX_LINKS = 2
MIN_WORD_CHARS = 2


def spam_reason(text: str) -> str | None:
    """Why a report reads as spam, in Chinese; None when it reads as a report."""
    links = URL_RE.findall(text)
    rest = URL_RE.sub(" ", text)
    if links and len(WORD_CHAR_RE.findall(rest)) < MIN_WORD_CHARS:
        return "请用文字说明哪里有错，不要只留链接。"
    if len(links) > MAX_LINKS:
        return f"链接太多了（{len(links)} 个）：请用文字说明哪里有错，最多附 {MAX_LINKS} 个链接。"
    if len(WORD_CHAR_RE.findall(text)) < MIN_WORD_CHARS:
        return "请写明哪里有错，例如：第二段的“下晓清”应为“卞晓清”。"
    return None


def normalized_report(text: str) -> str:
    """The report as stored: line ends unified, runs of blank lines and outer spaces dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return re.sub(r"\n{3,}", "\n\n", text).strip()
