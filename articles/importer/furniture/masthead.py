"""The masthead: the issue's date, its running number, page count, publisher, boilerplate."""

from __future__ import annotations

import re

from ..evidence import MASTHEAD_NAME_MAX
from ..lines import strip_decoration
from .dates import WEEKDAY_RE, printed_date, without_dates

PAGES_RE = re.compile(r"(?:本期|共)\s*(\d{1,2})\s*(?:版|个版面)")
TOTAL_NUMBER_RE = re.compile(r"总\s*第\s*(\d{1,5})\s*期")
NUMBER_RE = re.compile(r"(?<!总)第\s*(\d{1,4})\s*期")
NEXT_ISSUE_RE = re.compile(
    r"下\s*期\s*(?:出版|出报|见报)(?:日期|时间)?\s*[:：]?\s*(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日"
)
# 主办：…, …联合出版, 主管单位：…: the line that says who publishes the paper.
PUBLISHER_PREFIX_RE = re.compile(r"^(主\s*办|主\s*管|出\s*版|承\s*办|编\s*印|主办单位|主管单位|出版单位)\s*[:：]")
PUBLISHER_SUFFIX_RE = re.compile(r"(联合)?(出版|主办|主管|承办|编印|编辑出版)\s*$")
ORG_RE = re.compile(r"(党委|党工委|委员会|人民政府|政府|办事处|管委会|工作委员会)")
ORG_LINE_RE = re.compile(
    r"^(中共)?[\u4e00-\u9fff]{2,24}(委员会|人民政府|办事处|党委|党工委|管委会)([、\s][\u4e00-\u9fff]{1,20})*$")
REGISTRATION_RE = re.compile(r"准印证|内部资料|免费赠阅|免费交流|连续性内部|出版物准印|刊\s*号|印\s*数|沪\s*[Kk]\s*\d|发行范围")
QR_RE = re.compile(
    r"扫描?二维码|扫一扫|扫码关注|微信公众号|官方微信|视频号|抖音号|关注.{0,16}(公众号|微信|视频号|抖音|客户端)"
    r"|^关注\s*[“\"「『].{1,16}[”\"」』]$"
)
SLOGAN_SEPARATORS = re.compile(r"[\s/／|｜·•、]+")
WEEKDAY_ONLY_RE = re.compile(r"^(星期|周)[一二三四五六日天]$")


def is_boilerplate(text: str) -> bool:
    """Words printed in every issue: WeChat and QR notices, registration, slogans."""
    text = strip_decoration(text)
    if len(text) <= 60 and (QR_RE.search(text) or REGISTRATION_RE.search(text)):
        return True
    # 自 / 家 / 门 / 口 …: a slogan printed one character at a time.
    parts = [p for p in SLOGAN_SEPARATORS.split(text) if p]
    return len(parts) >= 4 and all(len(p) == 1 for p in parts)


def is_date_line(text: str) -> bool:
    """A line that is a date and little else (a weekday, 农历 …): a masthead or dateline."""
    if len(text) > 40:
        return False
    found = printed_date(text)
    if not found:
        return False
    rest = re.sub(r"[\s，,()（）:：\-—]", "", without_dates(text))
    rest = NUMBER_RE.sub("", TOTAL_NUMBER_RE.sub("", PAGES_RE.sub("", rest)))
    return len(rest) <= 4


def is_named_date_line(text: str) -> bool:
    """The paper's name and its date on one line (真如镇街道社区报 2024.04.08 星期一): a date printed
    with its weekday is a masthead's, never a headline's, and the rest is no longer than a name."""
    if len(text) > 40 or not WEEKDAY_RE.search(text) or re.search(r"[，。；！？,;!?]", text):
        return False
    found = printed_date(text)
    rest = re.sub(r"\s", "", without_dates(text))
    return bool(found) and found[1] == "day" and len(rest) <= MASTHEAD_NAME_MAX


def is_publisher_line(text: str) -> bool:
    compact = text.replace(" ", "")
    if len(text) > 60:
        return False
    if PUBLISHER_PREFIX_RE.match(compact) or (PUBLISHER_SUFFIX_RE.search(text) and ORG_RE.search(text)):
        return True
    return bool(ORG_LINE_RE.match(compact))


def is_masthead_line(text: str) -> bool:
    """A line only a masthead prints: the issue's date, number, pages, next issue, publisher."""
    if len(text) > 60:
        return False
    return bool(is_date_line(text) or is_named_date_line(text) or PAGES_RE.search(text) or TOTAL_NUMBER_RE.search(text)
                or (NUMBER_RE.search(text) and len(text) <= 24 and not re.search(r"[，。；！？]", text))
                or NEXT_ISSUE_RE.search(text) or is_publisher_line(text))


def publisher_orgs(text: str) -> list[str]:
    """Organisation names on a publisher line: 新泾镇党委、政府 / 中共闵行区虹桥镇委员会."""
    text = PUBLISHER_PREFIX_RE.sub("", text.strip())
    text = PUBLISHER_SUFFIX_RE.sub("", text)
    orgs = []
    for part in re.split(r"\s+", text.strip()):
        part = part.strip("■□◆●★ ")
        if ORG_RE.search(part) and len(part) >= 4:
            orgs.append(part)
    return orgs
