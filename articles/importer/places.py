"""Which town (镇/街道/乡) and district (区/县) a paper serves."""

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
# What stands before a town's own name on a publisher line: the party, the city, the district.
ADMIN_PREFIX_RE = re.compile(f"^(?:中共)?(?:[{CJK}]{{2,4}}?(?:省|自治区))?(?:[{CJK}]{{2,4}}?市)?(?:[{CJK}]{{2,4}}?(?:新区|区|县))?")
TOWN_ON_LINE_RE = re.compile(f"[{CJK}]{{2,12}}?(?:镇|街道|乡)(?=党委|党工委|委员会|工作委员会|人民政府|政府|办事处|、|\\s|$)")


def town_from_publisher(publisher: str) -> tuple[str | None, str | None]:
    """(town, district) from a printed publisher line: 中共闵行区虹桥镇委员会, 江苏路街道办事处."""
    district = next((d for d in SHANGHAI_DISTRICTS if d in publisher), None)
    after_city = re.sub(f"^.*?[{CJK}]{{1,4}}市", "", publisher.replace("中共", ""))
    if district is None and (m := re.search(f"([{CJK}]{{2,3}}(?:区|县))", after_city)) and m.group(1) not in NON_DISTRICTS:
        district = m.group(1)
    for part in re.split(r"[、\s]+", publisher):
        match = TOWN_ON_LINE_RE.search(part)
        if not match:
            continue
        name = ADMIN_PREFIX_RE.sub("", match.group(0))
        if 2 <= len(name) - (2 if name.endswith("街道") else 1) <= 5:
            return name, district
    return None, district


def town_counts(text: str) -> Counter[str]:
    """How often the text names each town (新泾镇, not 全镇, 小镇, 示范镇 …)."""
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
    # 江川路街道: the three-character name stands for the two-character one it ends with.
    merged: Counter[str] = Counter()
    for name, n in counts.most_common():
        longer = [other for other in counts if len(other) > len(name) and other.endswith(name)
                  and counts[other] >= 0.8 * n]
        if longer:
            continue
        merged[name] = n
    return merged


def town_from_text(text: str) -> str | None:
    """The town the text names most often, when it names one at least twice."""
    ranked = town_counts(text).most_common(1)
    return ranked[0][0] if ranked and ranked[0][1] >= 2 else None


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
