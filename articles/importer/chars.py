"""Character classes and sentence-boundary predicates for Chinese newspaper text."""

import re
from functools import lru_cache

# CJK ideographs (URO, extension A, compatibility) - what "Chinese text" means below.
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_RE = re.compile(f"[{CJK}]")

# Full-width punctuation that may sit inside Chinese prose.
CJK_PUNCT = "，。、；：？！…—“”‘’（）《》〈〉「」『』【】·～"
OPENING = "“‘（《〈「『【(\"'"
CLOSING = "”’）》〉」』】)\"'"

# A sentence is complete when it ends with one of these (after any closing quotes or brackets).
SENTENCE_END = "。！？!?…；;"
# A paragraph that ends with a colon introduces what follows; printers do not cut there.
PARAGRAPH_END = SENTENCE_END + "：:"

ENUMERATOR_RE = re.compile(
    r"^(?:[一二三四五六七八九十]+(?:是|要|来|则|方面)|第[一二三四五六七八九十\d]+[，、,是条要]|"
    r"[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[、.．]\D)"
)


def is_cjk(ch: str) -> bool:
    return bool(ch) and bool(CJK_RE.match(ch))


def cjk_count(text: str) -> int:
    return len(CJK_RE.findall(text))


def strip_closers(text: str) -> str:
    return text.rstrip().rstrip(CLOSING + " \u3000")


def ends_sentence(text: str) -> bool:
    """Does this paragraph end where a sentence ends (so the next one cannot continue it)?"""
    core = strip_closers(text)
    if not core:
        return True
    if core[-1] in PARAGRAPH_END:
        return True
    # 。” and ！） close a sentence too; a bare closing quote after a word does not.
    stripped = text.rstrip()
    return stripped[-1:] in CLOSING and core[-1:] in SENTENCE_END


def starts_enumeration(text: str) -> bool:
    """一要… / 二是… / （三）… / 第四，…: a new item of a list, never the rest of a sentence."""
    return bool(ENUMERATOR_RE.match(text.lstrip()))


def has_prose_punctuation(text: str) -> bool:
    return any(ch in text for ch in "，,。；;")

# Characters that attach to what comes before them and so never open a sentence on their own.
BOUND_START = set("的地得了着过们性化度者等之与及而且则其所于被把吗呢吧啊年月日号时分秒个位名项次届期里米元万亿")
OPENERS_ONE_CHAR = set("但而对是好")
# Parts of speech of words the segmenter invents (names, places, numbers) that may open a sentence.
INVENTED_OK_POS = {"nr", "nrfg", "nrt", "ns", "nt", "nz", "m", "eng", "x"}


def begins_mid_sentence(text: str) -> bool:
    """Does this paragraph start in the middle of a sentence (its beginning printed elsewhere)?

    Cautious: it says yes only on clear signs, since a real opening is far more common.
    年第一季度… (a bound character), 大，紧紧… (a one-character clause), 程中所遇到… (a piece of
    a word the dictionary does not know).
    """
    from ..textintel.segmenter import plain_is_word as is_word
    from ..textintel.segmenter import plain_tag as tag

    t = text.lstrip()
    if not t:
        return False
    if t[0] in "，。、；：！？,.;:!?）)】》”’":
        return True
    if not is_cjk(t[0]) or starts_enumeration(t):
        return False
    if len(t) > 1 and t[1] in "，,、" and t[0] not in OPENERS_ONE_CHAR:
        return True
    word, pos = tag(t[:12])[0]
    if len(word) == 1:
        return word in BOUND_START and not (is_word(t[:2]) or is_word(t[:3]))
    return len(word) == 2 and not is_word(word) and pos not in INVENTED_OK_POS


def joins_across(before: str, after: str) -> bool:
    """Does a dictionary word run across the seam (责任重|大 -> 重大)? Then the two belong together."""
    left, right = before.rstrip()[-8:], after.lstrip()[:8]
    if not left or not right or not (is_cjk(left[-1]) and is_cjk(right[0])):
        return False
    return _word_across(left, right)


@lru_cache(maxsize=1 << 16)
def _word_across(left: str, right: str) -> bool:
    # The same seam is weighed by the column order, the joins and the role features in turn.
    from ..textintel.segmenter import plain_cut as cut
    from ..textintel.segmenter import plain_is_word as is_word

    position = 0
    for token in cut(left + right):
        end = position + len(token)
        if position < len(left) < end and is_word(token):
            return True
        position = end
    return False
