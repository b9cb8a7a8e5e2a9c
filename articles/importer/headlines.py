"""Headline stacks: which printed lines are titles, subtitles, kickers, column labels.

A community paper's headline is usually a stack of two lines: a display title made of short
parallel phrases (服务群众零距离 凝心聚力惠民生) over a factual line saying what happened
(新泾镇召开2022年学习讨论会). A column label (栏目) may sit above; two stacks printed side by side
come out of the extractor one after the other, their bodies following in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .chars import CJK, cjk_count, is_cjk
from .layout import Item

EVENT_VERB_RE = re.compile(
    "召开|举行|举办|开展|启动|开幕|闭幕|揭牌|成立|签约|签订|开放|调研|视察|走访|慰问|表彰|推进|部署|学习|传达|贯彻|"
    "评议|获评|荣获|获得|入选|完成|发布|上线|通过|当选|出席|来到|走进|迎来|落地|亮相|开通|竣工|开工|考察|检查|"
    "会议|大会|活动|仪式|座谈|论坛|培训|比赛|展览|讲座"
)
PLACE_START_RE = re.compile(f"^(中共)?[{CJK}]{{2,8}}?(镇|街道|区|市|村|居民区|社区|居委会|公司|联合社)")
DIGIT_RE = re.compile(r"\d")

MAX_HEADLINE = 40
MAX_SUBHEAD = 24
MAX_COLUMN = 6


def is_headline_like(text: str) -> bool:
    """A line that could be printed in headline type: short, and not a piece of prose."""
    t = text.strip()
    if not t or len(t) > MAX_HEADLINE or not cjk_count(t):
        return False
    if t[-1] in "。；;，,、：:" or (t[-1] in "！？!?" and len(t) > 20):
        return False
    commas = t.count("，") + t.count(",")
    if commas and len(t) > 12:
        return False
    if "。" in t or "；" in t:
        return False
    return not _has_column_wrap(t)


def _has_column_wrap(text: str) -> bool:
    """`指 出`: a lone character between spaces is a word broken by a column edge, not a headline."""
    parts = text.split()
    if len(parts) < 2:
        return False
    return any(len(p) == 1 and is_cjk(p) for p in parts)


def is_subhead_like(text: str) -> bool:
    return is_headline_like(text) and len(text.strip()) <= MAX_SUBHEAD


def looks_display(text: str) -> bool:
    """A display title: parallel short phrases, no report of an event."""
    t = text.strip()
    if DIGIT_RE.search(t):
        return False
    parts = t.split()
    if len(parts) >= 2 and all(cjk_count(p) <= 10 for p in parts):
        return True
    return not EVENT_VERB_RE.search(t) and not PLACE_START_RE.match(t)


def looks_factual(text: str) -> bool:
    return not looks_display(text)


@dataclass
class Stack:
    """One headline stack and the items it was read from."""

    title: str
    column: str | None = None
    kicker: str | None = None
    subtitle: str | None = None
    items: list[Item] = field(default_factory=list)

    @property
    def headline(self) -> str:
        return " ".join(p for p in (self.column, self.kicker, self.title, self.subtitle) if p)


def stack_from_lines(items: list[Item]) -> Stack:
    """Title, subtitle, kicker and column of one stack of bare lines, top to bottom."""
    texts = [i.text for i in items]
    column = None
    if len(texts) >= 3 and len(texts[0]) <= MAX_COLUMN:
        column, texts = texts[0], texts[1:]
    if len(texts) == 1:
        return Stack(texts[0], column=column, items=items)
    if len(texts) == 2:
        first, second = texts
        if looks_factual(first) and looks_display(second):
            return Stack(second, column=column, kicker=first, items=items)
        return Stack(first, column=column, subtitle=second, items=items)
    return Stack(texts[1], column=column, kicker=texts[0], subtitle=" ".join(texts[2:]), items=items)


def split_bare_run(run: list[Item]) -> list[list[Item]]:
    """Split consecutive headline lines into stacks: a display line after a factual one starts anew."""
    groups: list[list[Item]] = [[run[0]]]
    for prev, item in zip(run, run[1:]):
        if looks_display(item.text) and looks_factual(prev.text):
            groups.append([item])
        else:
            groups[-1].append(item)
    return groups


def stack_from_headings(items: list[Item], title_level: int) -> Stack:
    """A stack of markdown headings: the most prominent level is the title."""
    before, title, after = [], None, []
    for item in items:
        if title is None and item.level == title_level:
            title = item
        elif title is None:
            before.append(item)
        else:
            after.append(item)
    if title is None:
        return stack_from_lines(items)
    column = kicker = None
    if before:
        head = " ".join(i.text for i in before)
        if len(before) == 1 and len(head) <= 8:
            column = head
        else:
            kicker = head
    subtitle = " ".join(i.text for i in after) or None
    return Stack(title.text, column=column, kicker=kicker, subtitle=subtitle, items=items)


def split_heading_run(run: list[Item], title_level: int) -> list[list[Item]]:
    """Split consecutive markdown headings into stacks, one per title-level heading."""
    groups: list[list[Item]] = [[]]
    seen_title = False
    for item in run:
        if item.level == title_level and seen_title:
            # Labels above this title (a column) belong to it, not to the stack before.
            carry = []
            while groups[-1] and groups[-1][-1].level > title_level and len(groups[-1]) > 1 and _is_label(groups[-1][-1]):
                carry.insert(0, groups[-1].pop())
            groups.append(carry)
        seen_title = seen_title or item.level == title_level
        groups[-1].append(item)
    return [g for g in groups if g]


def _is_label(item: Item) -> bool:
    return len(item.text) <= 8 and item.level > 1
