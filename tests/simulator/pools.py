"""What the simulator prints around the articles: mastheads, running headers, bylines, captions.

Every pool holds forms community papers really print; the composer draws from them with its
seeded random generator, so one seed always gives the same issue.
"""

from __future__ import annotations

import datetime as dt
import random

WEEKDAYS = "一二三四五六日"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国文辉力斌宇浩凯鹏晨琳雪梅晓东海波飞俊峰雯婷佳怡欣悦嘉慧颖瑶琪蕾"
PAGE_NAMES = ["要闻", "综合", "民生", "文化", "党建", "社区", "专版", "特刊", "服务", "人文"]
SLOGANS = ["自家门口这点事", "社区的每一天", "你我身边的新闻", "共建共治共享", "邻里之间"]
QR_LINES = [
    ["扫描二维码", "关注“{brand}”", "官方微信公众号"],
    ["扫一扫 关注{brand}微信公众号"],
    ["关注“{brand}”视频号"],
    ["扫码关注“{brand}” 了解更多社区资讯"],
]
GENERIC_CAPTIONS = ["会议现场", "活动现场", "现场指导", "居民参与活动", "工作人员走访居民", "志愿者在行动",
                    "座谈会现场", "居民代表发言", "志愿者为老人服务", "检查组实地查看", "文艺演出现场",
                    "居民在家门口办事", "党员志愿者清理楼道", "新建成的健身步道"]
NOTICE_HEADS = ["温馨提示", "征稿启事", "通知", "启事", "提醒", "公告"]


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def byline(rng: random.Random) -> str:
    forms = [
        lambda: f"记者 {person(rng)}",
        lambda: f"本报记者 {person(rng)}",
        lambda: f"通讯员 {person(rng)}",
        lambda: f"记者 {person(rng)} 通讯员 {person(rng)}",
        lambda: f"文/图 {person(rng)}",
        lambda: f"文 {person(rng)} 图 {person(rng)}",
        lambda: f"撰稿 {person(rng)}",
    ]
    return rng.choice(forms)()


def cn_year(year: int) -> str:
    return "".join("〇一二三四五六七八九"[int(d)] for d in str(year))


def cn_number(n: int) -> str:
    """1..31 as dates print them in Chinese numerals: 三, 十二, 二十七."""
    digits = "〇一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


def masthead_date_line(rng: random.Random, date: dt.date, precision: str, number: int) -> str:
    weekday = f"星期{WEEKDAYS[date.weekday()]}"
    if precision == "month":
        return rng.choice([f"第 {number} 期 {date.year}年{date.month}月", f"{date.year}年{date.month}月 第{number}期",
                           f"{date.year}年{date.month}月刊"])
    return rng.choice([
        f"{date.year}年{date.month}月{date.day}日 {weekday}",
        f"{date.year}年 {date.month} 月 {date.day} 日",
        f"{date.year}.{date.month:02d}.{date.day:02d} {weekday}",
        f"{date.year}.{date.month}.{date.day} {weekday}",
        f"{date.year}年{date.month}月{date.day}日 农历{rng.choice('甲乙丙丁戊己庚辛壬癸')}{rng.choice('子丑寅卯辰巳午未申酉戌亥')}年",
        f"{cn_year(date.year)}年{cn_number(date.month)}月{cn_number(date.day)}日",
    ])


def publisher_lines(rng: random.Random, town: str) -> list[str]:
    office = "人民政府" if town.endswith("镇") else "办事处"
    party = f"中共{town}{'委员会' if town.endswith('镇') else '工作委员会'}"
    return rng.choice([
        [f"■{town[:2]} {town}党委、政府 联合出版 ■"],
        [f"主办：{party} {town}{office}"],
        [f"{party} 联合主办", f"{town}{office}"],
        [f"主管：{party}", f"主办：{town}{office}"],
        [f"{town}党委 {town}{office} 主办"],
    ])


def number_lines(rng: random.Random, number: int, total: int, pages: int) -> list[str]:
    return rng.choice([
        [f"本期 {pages} 版 总第 {total} 期"],
        [f"总第{total}期 本期{pages}版"],
        [f"第{number}期（总第{total}期）"],
        [f"总第 {total} 期", f"本期 {pages} 版"],
        [],
    ])


def running_header(rng: random.Random, page: int, date: dt.date, paper: str, style: int) -> str:
    name = rng.choice(PAGE_NAMES)
    editor = person(rng)
    forms = [
        f"{page} {name} {date.year}年{date.month}月{date.day}日 责任编辑：{editor}",
        f"第{page}版",
        f"第{page}版 {name}",
        f"{paper} {date.year}年{date.month}月{date.day}日 第{page}版",
        f"{date.year}.{date.month:02d}.{date.day:02d} {name} {page:02d}",
        f"{name} 第{page}版 责编：{editor}",
    ]
    return forms[style % len(forms)]


def footer_lines(rng: random.Random) -> list[str]:
    names = " ".join(person(rng) for _ in range(rng.randint(2, 4)))
    lines = rng.choice([
        [f"本报编审团：{names}"],
        [f"主编：{person(rng)}", f"责任编辑：{person(rng)}"],
        [f"编委会：{names}"],
    ])
    if rng.random() < 0.7:
        lines.append(f"投稿邮箱：news{rng.randint(1, 99)}@example.cn")
    if rng.random() < 0.6:
        lines.append(f"新闻热线：021-{rng.randint(5000, 6999)}{rng.randint(1000, 9999)}")
    if rng.random() < 0.3:
        lines.append(f"地址：{rng.choice(['青枫路', '梅苑路', '长乐路', '和平街'])}{rng.randint(1, 999)}号")
    return lines


def caption_form(rng: random.Random, caption: str, style: str) -> str:
    """A clean caption as the paper prints it."""
    if style == "tushuo":
        return f"图说：{caption}"
    if style == "triangle":
        return f"▲{caption}"
    if style == "credit":
        return f"{caption} {rng.choice(['记者', '通讯员', ''])} {person(rng)} 摄".replace("  ", " ")
    if style == "tuwei":
        return f"图为{caption}"
    return caption
