"""The newspaper's furniture: masthead, publisher lines, boilerplate and the footer.

Items recognised here are taken out of the article stream (kind "noise"); what they say about
the issue (date, running number, page count, board, contact) goes into IssueMeta.
"""

from __future__ import annotations

import datetime as dt
import re

from ..layout import Item, strip_decoration
from ..model import IssueMeta

DATE_FULL_RE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
DATE_DOTTED_RE = re.compile(r"^(\d{4})\s*[.\-/]\s*(\d{1,2})\s*[.\-/]\s*(\d{1,2})$")
MONTH_ONLY_RE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*第\s*\d+\s*期)?$")
PAGES_RE = re.compile(r"(?:本期|共)\s*(\d{1,2})\s*(?:版|个版面)")
NUMBER_RE = re.compile(r"总\s*第\s*(\d{1,5})\s*期")
YEAR_NUMBER_RE = re.compile(r"(?<!总)第\s*(\d{1,3})\s*期")
NEXT_ISSUE_RE = re.compile(
    r"下\s*期\s*(?:出版|出报|见报)(?:日期|时间)?\s*[:：]?\s*(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日"
)
WEEKDAY_RE = re.compile(r"(星期|周)[一二三四五六日天]|农历|[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年")
PUBLISHER_RE = re.compile(r"(联合)?(出版|主办|主管|承办|编印|编辑出版)\s*$")
ORG_RE = re.compile(r"(党委|党工委|委员会|人民政府|政府|办事处|管委会)")
ORG_LINE_RE = re.compile(r"^(中共)?[\u4e00-\u9fff]{2,20}(委员会|人民政府|办事处|党委|党工委|管委会)(、[\u4e00-\u9fff]{1,10})*$")
REGISTRATION_RE = re.compile(r"准印证|内部资料|免费赠阅|免费交流|连续性内部|出版物准印|刊\s*号|印\s*数|沪\s*[Kk]")

# Boilerplate: WeChat/QR notices and the like, printed in every issue.
QR_RE = re.compile(
    r"扫描?二维码|扫一扫|微信公众号|官方微信|视频号|抖音号|关注.{0,16}(公众号|微信|视频号|抖音|客户端)"
    r"|^关注\s*[“\"「『].{1,16}[”\"」』]$"
)

FOOTER_KEY_RE = re.compile(
    r"^(本报|本刊)?\s*(编审团|编委会|编\s*委|总\s*编|主\s*编|副\s*主\s*编|执行主编|责任编辑|美术编辑|编\s*辑|校\s*对|摄\s*影|"
    r"投稿邮箱|投稿信箱|电子邮箱|电子信箱|邮\s*箱|新闻热线|投稿热线|报料热线|联系电话|电\s*话|传\s*真|"
    r"印\s*刷|承\s*印|发\s*行|邮\s*编|网\s*址)\s*[:：]"
)
STRONG_FOOTER_RE = re.compile(r"编审团|编委|主\s*编|责任编辑|投稿|新闻热线|报料热线|印\s*刷|承\s*印")
WEAK_FOOTER_RE = re.compile(r"^(地\s*址|电\s*话|邮\s*编|网\s*址|传\s*真)\s*[:：]")
BOARD_KEY_RE = re.compile(r"(编审团|编委会|编\s*委|总\s*编|主\s*编|副\s*主\s*编|执行主编|责任编辑|美术编辑|编\s*辑|校\s*对)\s*[:：]\s*(.*)$")
NAME_RE = re.compile(r"^[\u4e00-\u9fff·]{2,4}$")
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
PHONE_RE = re.compile(r"(?:\(?0\d{2,3}\)?[-\s]?)?\d{7,8}(?:[-转]\d{1,5})?|1[3-9]\d{9}")
ADDRESS_RE = re.compile(r"地\s*址\s*[:：]\s*(.+)$")

SLOGAN_SEPARATORS = re.compile(r"[\s/／|｜·•、]+")


def is_boilerplate(text: str) -> bool:
    text = strip_decoration(text)
    if len(text) <= 60 and QR_RE.search(text):
        return True
    if REGISTRATION_RE.search(text) and len(text) <= 60:
        return True
    # 自 / 家 / 门 / 口 …: a slogan printed one character at a time.
    parts = [p for p in SLOGAN_SEPARATORS.split(text) if p]
    return len(parts) >= 4 and all(len(p) == 1 for p in parts)


CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "Ｏ": 0}
CN_DATE_RE = re.compile(r"([〇零○Ｏ一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月(?:\s*([一二三四五六七八九十]{1,3})\s*日)?")


def _cn_number(text: str) -> int:
    """一 … 三十一 as printed in dates."""
    if "十" not in text:
        return CN_DIGITS[text]
    tens, _, ones = text.partition("十")
    return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[ones] if ones else 0)


def arabic_dates(text: str) -> str:
    """二〇二一年十一月二十四日 -> 2021年11月24日."""
    def convert(match: re.Match) -> str:
        year = "".join(str(CN_DIGITS[c]) for c in match.group(1))
        out = f"{year}年{_cn_number(match.group(2))}月"
        return out + (f"{_cn_number(match.group(3))}日" if match.group(3) else "")

    return CN_DATE_RE.sub(convert, text)


def masthead_date(text: str) -> tuple[dt.date, str] | None:
    """A line that is only a date (perhaps with its weekday): the issue's date."""
    if len(text) > 40:
        return None
    text = arabic_dates(text)
    rest = WEEKDAY_RE.sub("", text)
    match = DATE_FULL_RE.search(rest)
    if match and len(re.sub(r"[\s，,()（）]", "", DATE_FULL_RE.sub("", rest))) <= 5:
        date = _date(*map(int, match.groups()))
        return (date, "day") if date else None
    match = DATE_DOTTED_RE.match(text.strip())
    if match:
        date = _date(*map(int, match.groups()))
        return (date, "day") if date else None
    match = MONTH_ONLY_RE.match(text.strip())
    if match:
        date = _date(int(match.group(1)), int(match.group(2)), 1)
        return (date, "month") if date else None
    return None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def is_masthead_line(text: str) -> bool:
    return bool(
        len(text) <= 60
        and (masthead_date(text) or PAGES_RE.search(text) or NUMBER_RE.search(text)
             or NEXT_ISSUE_RE.search(text) or PUBLISHER_RE.search(text))
    )


def take_furniture(items: list[Item], meta: IssueMeta) -> None:
    """Mark masthead, boilerplate and footer items as noise and record what they say."""
    first_content = _first_content_index(items)
    _mark_footer(items)
    next_issue = None
    for index, item in enumerate(items):
        if item.kind == "noise":
            continue
        text = item.text
        if item.kind == "heading" and not (index < first_content and is_masthead_line(text)):
            continue
        # Lines printed in one block with a masthead line (no blank line between) are masthead too.
        beside_masthead = index > 0 and item.gap == 0 and items[index - 1].role == "masthead"
        if is_boilerplate(text):
            item.kind, item.role = "noise", "boilerplate"
        elif is_masthead_line(text) or ((index < first_content or beside_masthead)
                                         and ORG_LINE_RE.match(text.replace(" ", ""))):
            next_issue = _read_masthead(text, meta) or next_issue
            item.kind, item.role = "noise", "masthead"
    if next_issue:
        meta.next_issue_date = _next_issue_date(next_issue, meta.date)
    in_board = False
    for item in items:
        if item.role == "footer":
            in_board = _read_footer_line(item.text, meta, in_board)


def _first_content_index(items: list[Item]) -> int:
    """Index of the first item that is prose or a headline rather than masthead furniture."""
    for index, item in enumerate(items):
        if item.kind == "noise":
            continue
        text = item.text
        if is_boilerplate(text) or is_masthead_line(text) or ORG_LINE_RE.match(text.replace(" ", "")):
            continue
        return index
    return len(items)


def _mark_footer(items: list[Item]) -> None:
    """Footer lines: a strong key (编审团, 投稿邮箱 …) and the lines that stand with it."""
    in_footer = False
    for item in items:
        if item.kind == "noise":
            continue
        text = item.text
        strong = bool(FOOTER_KEY_RE.match(text) and STRONG_FOOTER_RE.search(text))
        if strong or (in_footer and item.gap <= 1 and _footer_continuation(text)):
            item.kind, item.role = "noise", "footer"
            in_footer = True
        else:
            in_footer = False


def _footer_continuation(text: str) -> bool:
    if FOOTER_KEY_RE.match(text) or WEAK_FOOTER_RE.match(text):
        return True
    names = [part for part in re.split(r"[\s、，,]+", text) if part]
    return bool(names) and all(NAME_RE.match(name) for name in names)


def _read_masthead(text: str, meta: IssueMeta) -> tuple[int | None, int, int] | None:
    """Record what a masthead line says; returns the next issue's (year, month, day) if printed."""
    found = masthead_date(text)
    if found and meta.date is None:
        meta.date, meta.date_precision = found
    if (m := PAGES_RE.search(text)) and meta.pages is None:
        meta.pages = int(m.group(1))
    if (m := NUMBER_RE.search(text)) and meta.number is None:
        meta.number = int(m.group(1))
    elif (m := YEAR_NUMBER_RE.search(text)) and meta.number is None and PAGES_RE.search(text):
        meta.number = int(m.group(1))
    orgs = _orgs(text)
    if orgs:
        known = meta.publisher.split("、") if meta.publisher else []
        meta.publisher = "、".join(dict.fromkeys(known + orgs))
    if m := NEXT_ISSUE_RE.search(text):
        return (int(m.group(1)) if m.group(1) else None, int(m.group(2)), int(m.group(3)))
    return None


def _orgs(text: str) -> list[str]:
    """Organisation names on a publisher line: 新泾镇党委、政府 / 中共闵行区虹桥镇委员会."""
    orgs = []
    for part in re.split(r"\s+", PUBLISHER_RE.sub("", text).strip()):
        part = part.strip("■□◆●★ ")
        if ORG_RE.search(part) and len(part) >= 4:
            orgs.append(part)
    return orgs


def _read_footer_line(text: str, meta: IssueMeta, in_board: bool) -> bool:
    """Record a footer line; returns whether the lines that follow still list board members."""
    if m := EMAIL_RE.search(text):
        meta.contact.setdefault("email", m.group(0))
    if m := ADDRESS_RE.search(text):
        meta.contact.setdefault("address", m.group(1).strip())
    elif re.search(r"热线|电\s*话|传\s*真", text) and (m := PHONE_RE.search(text.split("：")[-1].split(":")[-1])):
        key = "fax" if "传" in text else "phone"
        meta.contact.setdefault(key, m.group(0).strip())
    if m := BOARD_KEY_RE.search(text):
        _add_names(m.group(2), meta)
        return True
    if in_board and _footer_continuation(text) and not FOOTER_KEY_RE.match(text):
        _add_names(text, meta)
        return True
    return False


def _add_names(text: str, meta: IssueMeta) -> None:
    for name in re.split(r"[\s、，,；;]+", text):
        if NAME_RE.match(name) and name not in meta.editorial_board:
            meta.editorial_board.append(name)


def _next_issue_date(parts: tuple[int | None, int, int], issue_date: dt.date | None) -> dt.date | None:
    year, month, day = parts
    if year is None:
        if issue_date is None:
            return None
        year = issue_date.year + (1 if month < issue_date.month else 0)
    return _date(year, month, day)
