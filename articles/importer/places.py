"""Which town (镇/街道) and district (区) a paper serves."""

from __future__ import annotations

import re
from collections import Counter

from .chars import CJK

SHANGHAI_DISTRICTS = ["黄浦区", "徐汇区", "长宁区", "静安区", "普陀区", "虹口区", "杨浦区", "闵行区", "宝山区",
                      "嘉定区", "浦东新区", "金山区", "松江区", "青浦区", "奉贤区", "崇明区"]
# Words ending in 镇/街道 that name no place: 全镇, 本镇, 小镇, 示范镇 …
NOT_A_TOWN_BEFORE_ZHEN = set("全本该各我乡城集小市村范重古名强大型色这那每两一")
TOWN_SUFFIX_RE = re.compile("镇|街道")
CJK_RUN_RE = re.compile(f"[{CJK}]+$")
NON_DISTRICTS = {"居民区", "社区", "小区", "园区", "城区", "辖区", "片区", "街区", "景区", "地区", "市区",
                 "郊区", "新区", "全区", "本区", "各区", "该区", "我区", "两区", "老区", "校区", "营区", "示范区"}


def town_from_publisher(publisher: str) -> tuple[str | None, str | None]:
    """(town, district) from a printed publisher line such as 中共闵行区虹桥镇委员会."""
    district = next((d for d in SHANGHAI_DISTRICTS if d in publisher), None)
    if district is None and (m := re.search(f"([{CJK}]{{2,3}}区)", publisher)) and m.group(1) not in NON_DISTRICTS:
        district = m.group(1)
    rest = publisher.replace("中共", "")
    if district:
        rest = rest.replace(district, "")
    match = re.search(f"([{CJK}]{{2,4}}?(?:镇|街道))", rest)
    return (match.group(1) if match else None), district


def town_from_text(text: str) -> str | None:
    """The town the text names most often (新泾镇 over 全镇, 小镇, 示范镇 …)."""
    counts: Counter[str] = Counter()
    for match in TOWN_SUFFIX_RE.finditer(text):
        run = CJK_RUN_RE.search(text[max(0, match.start() - 3):match.start()])
        if not run:
            continue
        stem = run.group(0)
        for length in (2, 3):
            name = stem[-length:]
            if len(name) == length and name[-1] not in NOT_A_TOWN_BEFORE_ZHEN:
                counts[name + match.group(0)] += 1
    if not counts:
        return None
    best, n = counts.most_common(1)[0]
    if n < 2:
        return None
    # 江川路街道: the three-character name wins when it accounts for the two-character one.
    for name, m in counts.most_common():
        if len(name) > len(best) and name.endswith(best) and m >= 0.8 * n:
            return name
    return best


def district_from_text(text: str, town: str | None) -> str | None:
    if town:
        for district in SHANGHAI_DISTRICTS:
            if district + town in text:
                return district
        # Outside Shanghai's list: only a district printed right before the town's own name.
        match = re.search(f"([{CJK}]{{2,3}}区){re.escape(town)}", text)
        if match and match.group(1) not in NON_DISTRICTS:
            return match.group(1)
    counts = Counter(d for d in SHANGHAI_DISTRICTS for _ in range(text.count(d)))
    return counts.most_common(1)[0][0] if counts else None
