"""Repairs of layout and OCR noise inside a piece of text.

- A space wherever a printed column wrapped (`全 力以赴`): removed between Chinese characters,
  and between Chinese and a number, but kept between two pieces of Latin text or numbers.
- Half-width punctuation in Chinese context to full width, never inside a time (8:30),
  a number (1,000 / 3.5), an e-mail address or a URL.
- Straight quotes to “” and ‘’.
- A hyphen read where 一 was printed (`-要统一思想`, `第-季度`).
- Full-width digits and Latin letters to half width.
"""

from __future__ import annotations

import re

from .chars import CJK, CJK_PUNCT, is_cjk

# Possessive quantifiers: a long run of digits or letters is read once, never backtracked into.
PROTECTED_RE = re.compile(
    r"https?://[^\s，。；）]++|www\.[^\s，。；）]++|[A-Za-z0-9._%+-]{1,64}+@[A-Za-z0-9.-]{1,100}+\.[A-Za-z]{2,10}+"
    r"|(?<!\d)\d{1,2}:\d{2}(?::\d{2})?|(?<!\d)\d++(?:[.,]\d++)+"
)
FULLWIDTH_ALNUM = {cp: cp - 0xFEE0 for r in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
                   for cp in range(r[0], r[1] + 1)}
WIDTH_MAP = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
SPACE_RUN_RE = re.compile(r"[ \t\u3000\u00a0]+")
_HALF_WIDTH_RE = re.compile(r"[,:;!?().\-－]")
_MAYBE_PROTECTED_RE = re.compile(r"[@:/.,]")
OCR_ONE_RE = re.compile(f"(?:^|(?<=[{CJK}]))[-－](?=[{CJK}])")


def _chinese(ch: str) -> bool:
    return is_cjk(ch) or (ch != "" and ch in CJK_PUNCT)


def remove_layout_spaces(text: str, *, headline: bool = False) -> str:
    """Drop spaces the layout put in; in headlines keep the ones between phrases."""

    def replace(match: re.Match) -> str:
        start, end = match.start(), match.end()
        left = text[start - 1] if start else ""
        right = text[end] if end < len(text) else ""
        if not left or not right:
            return ""
        if left.isascii() and right.isascii():
            return " "
        if headline and is_cjk(left) and is_cjk(right):
            return " "
        if headline and left in "”’》）" and is_cjk(right):
            return " "
        if headline and is_cjk(left) and right in "“‘《（":
            return " "
        return ""

    lines = [SPACE_RUN_RE.sub(replace, line) if line else line for line in text.split("\n")]
    # Each line of a multi-line paragraph is repaired on its own so its breaks stay.
    return "\n".join(_strip(line) for line in lines)


def _strip(line: str) -> str:
    return line.strip(" \t\u3000\u00a0")


def normalise_widths(text: str) -> str:
    """Half-width punctuation to full width where it stands among Chinese text."""
    text = text.translate(FULLWIDTH_ALNUM)
    protected: list[str] = []

    def hide(match: re.Match) -> str:
        protected.append(match.group(0))
        return f"\x00{len(protected) - 1}\x00"

    if not _HALF_WIDTH_RE.search(text):
        return text
    masked = PROTECTED_RE.sub(hide, text) if _MAYBE_PROTECTED_RE.search(text) else text
    masked = OCR_ONE_RE.sub("一", masked)

    def widen(match: re.Match) -> str:
        i, ch = match.start(), match.group(0)
        if ch == ".":
            follows_cjk = i and is_cjk(masked[i - 1])
            return "。" if follows_cjk and (i + 1 == len(masked) or _chinese(masked[i + 1])) else ch
        if ch not in WIDTH_MAP:
            return ch  # a hyphen is only looked at as a misread 一 (above)
        return WIDTH_MAP[ch] if _in_chinese_context(masked, i) else ch

    result = _HALF_WIDTH_RE.sub(widen, masked)
    if not protected:
        return result
    return re.sub(r"\x00(\d+)\x00", lambda m: protected[int(m.group(1))], result)


def _neighbour(text: str, i: int, step: int) -> str:
    j = i + step
    while 0 <= j < len(text) and text[j] in " \t\u3000":
        j += step
    return text[j] if 0 <= j < len(text) else ""


def _in_chinese_context(text: str, i: int) -> bool:
    left, right = _neighbour(text, i, -1), _neighbour(text, i, 1)
    ch = text[i]
    if ch == "(":
        return _chinese(right) or _chinese(left)
    if ch == ")":
        return _chinese(left) or _chinese(right)
    return _chinese(left) or (_chinese(right) and not (left.isascii() and left.isalnum()))


def curl_quotes(text: str) -> str:
    """Straight quotes to Chinese curly quotes, opening and closing in turn."""
    return _curl(_curl(text, '"', "“", "”"), "'", "‘", "’", chinese_only=True)


def _curl(text: str, straight: str, opening: str, closing: str, *, chinese_only: bool = False) -> str:
    if straight not in text:
        return text
    out = []
    is_open = False
    # Quotes already curled in the text count too, so a mix stays balanced.
    for i, ch in enumerate(text):
        if ch == opening:
            is_open = True
        elif ch == closing:
            is_open = False
        if ch != straight:
            out.append(ch)
            continue
        left, right = _neighbour(text, i, -1), _neighbour(text, i, 1)
        if chinese_only and not (_chinese(left) or _chinese(right)):
            out.append(ch)  # an apostrophe in Latin text
            continue
        if not is_open and (right == "" or right in "，。；：！？、"):
            out.append(closing)  # a quote closing one opened before a cut
        elif is_open:
            out.append(closing)
            is_open = False
        else:
            out.append(opening)
            is_open = True
    return "".join(out)


def repair_text(text: str, *, headline: bool = False) -> str:
    return curl_quotes(normalise_widths(remove_layout_spaces(text, headline=headline)))


def join_fragments(first: str, second: str) -> str:
    """Rejoin a paragraph cut mid-sentence: no space, unless two Latin words meet."""
    if first and second and first[-1].isascii() and first[-1].isalnum() and second[0].isascii() and second[0].isalnum():
        return f"{first} {second}"
    return first + second
