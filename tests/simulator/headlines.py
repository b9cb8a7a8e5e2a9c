"""Headlines as papers print them: the same story's title in the forms other papers use.

A column label run into the title line (创建进行时丨…, 【聚焦】…), the town before a colon
(长宁区江苏路街道：…), a kicker joined with a comma or an exclamation mark, a title that ends
with one. What is printed is what a perfect import yields as the title.
"""

from __future__ import annotations

import random
from dataclasses import replace

from .texts import CleanArticle

MAX_TITLE = 45


def printed_variant(rng: random.Random, article: CleanArticle, *, drop_stack: bool) -> CleanArticle:
    out = replace(article)
    if drop_stack:
        out = replace(out, kicker=None, subtitle=None)
    roll = rng.random()
    title = out.title
    if roll < 0.12 and out.column:
        title = rng.choice([f"{out.column}丨{title}", f"{out.column} | {title}", f"【{out.column}】{title}",
                            f"{out.column}｜{title}"])
        out = replace(out, column=None)
    elif roll < 0.24 and out.town and not title.startswith(out.town[:2]):
        place = out.town if rng.random() < 0.7 or not out.district else out.district + out.town
        title = f"{place}{rng.choice(['：', ':', ' '])}{title}"
    elif roll < 0.32 and out.kicker:
        title = f"{out.kicker}{rng.choice(['，', '！', ' ', '——'])}{title}"
        out = replace(out, kicker=None)
    elif roll < 0.44 and out.subtitle:
        # The stack printed as one line: 秋风送爽邻里情浓，桥西社区的“邻里节”热热闹闹办了一条街
        title = f"{title}{rng.choice(['，', '，', '！', ' ', '：'])}{out.subtitle}"
        out = replace(out, subtitle=None)
    elif roll < 0.38 and title[-1] not in "！？…":
        title += rng.choice(["！", "？", "~", "……"])
    if len(title) <= MAX_TITLE:
        out = replace(out, title=title)
    return out
