"""Who's who: people named with the title printed beside them (镇党委书记卞晓清).

A community paper names officials by title then name. A mention is taken only when both are
clear: a title ending in an office word, then a name that begins with a surname and is followed
by a clause boundary or a reporting verb. Precision over recall: a wrong person is worse than a
missed one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import segmenter

DATA = Path(__file__).parent / "data"

# A printed title (镇党委副书记、镇长) is at most this long; its clause is looked for twice as far back,
# for the words before it that end it.
LONGEST_TITLE = 24
TITLE_WINDOW = 2 * LONGEST_TITLE

# Words that end an office title: 书记, 镇长, 主任, 主席, 委员 …
OFFICE_WORDS = (
    "党组书记 党委书记 纪委书记 副书记 书记 副镇长 镇长 副区长 区长 副市长 市长 副主任 主任 副主席 主席 委员 成员 干事 "
    "局长 副局长 处长 科长 部长 副部长 组长 副组长 会长 理事长 秘书长 总经理 经理 董事长 校长 院长 所长 站长 队长 社长 "
    "主任干事 代表 领导 主任委员 调研员 监察员 馆长 园长 网格长 楼组长 村长 组织委员 宣传委员 统战委员 纪检委员"
).split()
OFFICE_RE = re.compile("|".join(sorted(map(re.escape, set(OFFICE_WORDS)), key=len, reverse=True)))
# Parts of speech a title is made of (places, bodies, nouns, 副 …).
TITLE_POS = {"n", "nt", "ns", "nz", "j", "b", "ng", "l", "vn"}
# A name or a number may be part of a title only as the name of a place: 绿八居委会, 华松居民区.
PLACE_WORDS = {"居民区", "居委会", "村", "社区", "小区", "街道", "镇", "村委会", "居委"}
LEADING_PREPOSITIONS = "由在对向请经为与和及"
TITLE_STOP_WORDS = {"由", "在", "对", "和", "与", "及", "以及", "等", "向", "为", "请", "邀请", "是", "有", "会上", "会议"}
# What may follow a name: a clause boundary, or a word that reports what the person did.
FOLLOWERS = (
    "对 在 于 为 向 与 和 及 等 一行 同志 指出 表示 强调 主持 出席 参加 通报 部署 传达 介绍 带队 率队 陪同 讲话 致辞 说 "
    "作 做 分别 代表 要求 提出 总结 汇报 宣读 来到 到会 先后 亲自 也 还 就 认为 希望 肯定 点评 回顾 围绕 从 按照 带领 "
    "获 荣获 当选 是 的 调研 走访 慰问 视察 听取 主讲 发言 谈 解读 布置 宣布 颁发 揭牌 签约 看望 检查 考察 上台 作了"
).split()
BOUNDARY_CHARS = set("，。、；：！？（）“”‘’《》,.;:!?()\"' \n")


@dataclass(frozen=True)
class Mention:
    name: str
    title: str  # as printed, e.g. 镇党委副书记、镇长
    start: int  # offset of the name in the text
    surname: bool = True  # the name begins with a surname (what a real name does)

    @property
    def roles(self) -> list[str]:
        return [r for r in self.title.split("、") if r]


@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    single, compound = set(), set()
    for line in (DATA / "surnames.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        parts = line.split()
        if len(parts) > 1:
            compound.update(parts)
        else:
            single.update(line.strip())
    return frozenset(single), frozenset(compound)


def starts_with_surname(name: str) -> bool:
    single, compound = surnames()
    return name[:2] in compound or name[:1] in single


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


FOLLOWERS_RE = re.compile("|".join(sorted(map(re.escape, FOLLOWERS), key=len, reverse=True)))


def _follows_name(rest: str) -> bool:
    if not rest or rest[0] in BOUNDARY_CHARS:
        return True
    return bool(FOLLOWERS_RE.match(rest))


def name_at(text: str, start: int, *, require_surname: bool = True) -> str | None:
    """The personal name that starts at `start`, if one clearly does."""
    single, compound = surnames()
    window = text[start:start + 6]
    lengths = (4, 3) if window[:2] in compound else (3, 2)
    if require_surname and window[:2] not in compound and window[:1] not in single:
        return None
    candidates = []
    for length in lengths:
        name = window[:length]
        if len(name) == length and all(_is_cjk(ch) for ch in name) and _follows_name(text[start + length:]):
            candidates.append(name)
    # 与会代表严格按照…: an ordinary word is not a name, even after a title.
    candidates = [c for c in candidates if not (segmenter.is_word(c) and not segmenter.tag(c)[0][1].startswith("nr"))]
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    # Both lengths read as a name: take the one the segmenter tags as a person's name.
    tagged = segmenter.tag(text[start:start + 8])
    first = tagged[0][0] if tagged else ""
    return first if first in candidates else candidates[-1]


def _title_before(text: str, end: int) -> str | None:
    """The printed title that ends at `end`: nouns and places back to a verb or a boundary."""
    window = max(0, end - TITLE_WINDOW)
    clause_start = max(window, max(text.rfind(ch, window, end) for ch in "，。；：！？,;:!?\n“”") + 1)
    clause = text[clause_start:end]
    if not clause or not OFFICE_RE.search(clause[-6:]) or not any(clause.endswith(w) for w in OFFICE_WORDS):
        return None
    tokens = segmenter.tag(clause)
    kept: list[str] = []
    place_chars = 0  # characters kept of a place's own name (淞二 in 淞二居民区)
    for word, pos in reversed(tokens):
        after_place = bool(kept) and (kept[0] in PLACE_WORDS or place_chars > 0)
        if after_place and pos not in {"p", "v", "c", "u", "x", "d", "r"} and place_chars + len(word) <= 4 \
                and word not in TITLE_STOP_WORDS:
            kept.insert(0, word)
            place_chars += len(word)
            continue
        place_chars = 0
        joins_office = bool(kept) and (word + kept[0]) in OFFICE_WORDS  # 组织|委员
        if word in {"、", "（", "）", "(", ")"} or word in OFFICE_WORDS or joins_office or (
                pos in TITLE_POS and word not in TITLE_STOP_WORDS):
            kept.insert(0, word)
            continue
        break
    title = "".join(kept).strip("、")
    # 会议由镇党委书记…: the segmenter may glue a preposition onto the title.
    while len(title) > 3 and title[0] in LEADING_PREPOSITIONS:
        title = title[1:]
    if not title or not any(title.endswith(w) for w in OFFICE_WORDS) or len(title) > LONGEST_TITLE:
        return None
    return title


def find_mentions(text: str, *, require_surname: bool = True) -> list[Mention]:
    """Every (title, name) the text prints, in order. `require_surname=False` also yields
    name-shaped words that do not begin with a surname (for the misread check), marked so."""
    found = read_mentions(text)
    return [m for m in found if m.surname] if require_surname else found


def read_mentions(text: str) -> list[Mention]:
    mentions: list[Mention] = []
    require_surname = False
    for match in OFFICE_RE.finditer(text):
        end = match.end()
        if end >= len(text) or not _is_cjk(text[end]):
            continue
        title = _title_before(text, end)
        if title is None:
            continue
        name = name_at(text, end, require_surname=require_surname)
        if name is None:
            continue
        mentions.append(Mention(name, title, end, starts_with_surname(name)))
        # 副书记盛亚炜、马绘新: further names sharing the title.
        position = end + len(name)
        while position < len(text) and text[position] == "、":
            following = name_at(text, position + 1, require_surname=require_surname)
            if following is None or OFFICE_RE.match(text, position + 1):
                break
            after = text[position + 1 + len(following):position + 2 + len(following)]
            if after and after not in "，。、；等":
                break
            mentions.append(Mention(following, title, position + 1, starts_with_surname(following)))
            position += 1 + len(following)
    return _dedupe(mentions)


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    seen, out = set(), []
    for mention in mentions:
        if mention.start in seen:
            continue
        seen.add(mention.start)
        out.append(mention)
    return out


def office(role: str, town: str | None) -> str:
    """A role as printed, reduced to the office it names in its town: 新泾镇镇长 -> 镇长."""
    role = role.replace("（", "").replace("）", "").replace("(", "").replace(")", "")
    if town and role.startswith(town):
        level = "镇" if town.endswith("镇") else "街道"
        rest = role[len(town):]
        role = rest if rest.startswith(level) else level + rest
    if role.startswith(("党委", "党工委", "人大", "纪委")):
        role = ("街道" if town and town.endswith("街道") else "镇") + role
    return role
