"""The paper's own notices printed in boxes between articles (温馨提示, 征稿启事).

They come from tests/simulator/texts/notices.json when that file is there; until then (and for
papers it has no notice for) these few, written for this project, stand in. `{email}` and
`{phone}` are the paper's own, filled in from its furniture.
"""

from __future__ import annotations

from .texts import own_notices

FALLBACK_NOTICES = [
    ("温馨提示", "近期早晚温差较大，请广大居民注意添衣保暖，多关心家中老人和孩子。如遇困难，可拨打新闻热线{phone}反映。"),
    ("征稿启事", ("本报面向广大居民征集稿件，身边的好人好事、社区新风、生活随笔、摄影作品均可投稿。"
                  "来稿请发送至{email}，并注明姓名和联系方式。")),
    ("温馨提示", "请勿在楼道和消防通道堆放杂物，电动自行车请到指定地点停放充电，共同守护家园安全。"),
    ("征稿启事", ("为记录社区发展变化，本报开设“老照片里的家园”栏目，欢迎居民提供老照片并讲述背后的故事，"
                  "投稿邮箱：{email}。")),
]


def notices_for(town: str, *, email: str, phone: str) -> list[tuple[str, str]]:
    """(title, text) of the notices this paper may print: its own from notices.json, else any."""
    rows = own_notices()
    mine = [(n.title or "温馨提示", n.text) for n in rows if n.town == town]
    if mine:
        return mine
    pool = [(n.title or "温馨提示", n.text) for n in rows] or FALLBACK_NOTICES
    return [(title, text.replace("{email}", email).replace("{phone}", phone)) for title, text in pool]
