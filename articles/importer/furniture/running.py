"""Running heads and feet, page labels and jump lines: the page's own furniture.

They may stand anywhere in the extracted text, between the lines of a paragraph too, since the
extractor reads a page from top to bottom. They tell the printed page: `2 要闻 2024年3月15日
责任编辑：顾文` heads page 2; `（下转第3版）` sends the story on to page 3.
"""

from __future__ import annotations

import re

from .dates import printed_date, without_dates

PAGE_NAMES = ("要闻", "综合", "民生", "文化", "党建", "社区", "专版", "特刊", "服务", "人文", "视点", "时事",
              "经济", "法治", "平安", "健康", "生活", "副刊", "文艺", "广告", "资讯", "动态", "聚焦", "专题", "头版")
PAGE_LABEL_RE = re.compile(r"第\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*版")
# A line that is a page label and no more: 第1版, 第2版 要闻, 第3版·社区.
PAGE_LABEL_LINE_RE = re.compile(r"^第\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*版[\s·|｜:：]*[\u4e00-\u9fff]{0,4}$")
EDITOR_RE = re.compile(r"(责任编辑|责\s*编|编\s*辑|美\s*编|版\s*式|校\s*对|组\s*版)\s*[:：]?\s*[\u4e00-\u9fff]{2,4}")
LONE_NUMBER_RE = re.compile(r"^[-—－·\s]*([0-9]{1,2})[-—－·\s]*$")
EDGE_NUMBER_RE = re.compile(r"^([0-9]{1,2})(?=\s)|(?<=\s)([0-9]{1,2})$")
JUMP_RE = re.compile(
    r"[（(]\s*(下转|转|续|上接|接|承|紧接|转下|转至)\s*(?:第\s*)?([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*(?:版|页)?"
    r"(?:\s*[^）)]{0,12})?\s*[）)]"
)
JUMP_BARE_RE = re.compile(r"^(下转|上接|转|接|续)\s*(?:第\s*)?([0-9]{1,2})\s*(?:版|页)$")
SENTENCE_MARK_RE = re.compile(r"[，。；！？、“”]")
CN_NUMBERS = {c: i for i, c in enumerate("〇一二三四五六七八九十")}


def _number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + CN_NUMBERS[text[1]]
    if len(text) == 2 and text.endswith("十"):
        return CN_NUMBERS[text[0]] * 10
    if "十" in text:
        tens, ones = text.split("十")
        return CN_NUMBERS[tens] * 10 + CN_NUMBERS[ones]
    return CN_NUMBERS.get(text, 0)


def running_page(text: str, paper_names: tuple[str, ...] = ()) -> int | None:
    """The page a running head or foot names, or None if the line is not one.

    One is short, has no sentence punctuation, and besides a page number carries what only
    page furniture carries: 第N版, a page name, the issue's date, the page's editor, the paper.
    """
    t = text.strip()
    if len(t) > 48 or SENTENCE_MARK_RE.search(t):
        return None
    if JUMP_RE.fullmatch(t) or JUMP_BARE_RE.match(t):
        return None  # （上接第1版）: the page a story comes from or goes on to, not this one
    label = PAGE_LABEL_RE.search(t)
    rest = t
    if label:
        rest = (t[:label.start()] + " " + t[label.end():]).strip()
        page = _number(label.group(1))
    else:
        edge = EDGE_NUMBER_RE.search(t)
        if not edge:
            return None
        page = int(edge.group(1) or edge.group(2))
        rest = (t[:edge.start()] + " " + t[edge.end():]).strip()
    if not 1 <= page <= 99:
        return None
    has_date = printed_date(rest) is not None
    rest = without_dates(rest) if has_date else rest
    has_editor = bool(EDITOR_RE.search(rest))
    rest = EDITOR_RE.sub(" ", rest)
    words = [w for w in re.split(r"\s+", rest) if w]
    names = [w for w in words if w in PAGE_NAMES or any(w.startswith(n) or n.startswith(w) for n in paper_names if n)]
    if label:
        # 第3版 / 第3版 文化 / 文化 第3版: a page label with at most a page name beside it.
        return page if len(words) <= len(names) + (1 if has_date or has_editor else 0) or len(rest) <= 6 else None
    # 2 要闻 2024年3月15日 责任编辑：顾文: a page number with the page's name, date or editor.
    evidence = has_date + has_editor + bool(names)
    leftover = [w for w in words if w not in names]
    return page if evidence >= 1 and (evidence >= 2 or not leftover) and len("".join(leftover)) <= 8 else None


def lone_page_number(text: str) -> int | None:
    match = LONE_NUMBER_RE.match(text)
    return int(match.group(1)) if match else None


def jumps_in(text: str) -> list[tuple[str, int, tuple[int, int]]]:
    """Jump lines in a line: ("out" | "in", page, span). 下转 goes on elsewhere, 上接 comes from."""
    found = []
    for match in JUMP_RE.finditer(text):
        word = match.group(1)
        direction = "in" if word in ("上接", "接", "承", "紧接") else "out"
        found.append((direction, _number(match.group(2)), match.span()))
    if not found and (bare := JUMP_BARE_RE.match(text.strip())):
        direction = "in" if bare.group(1) in ("上接", "接") else "out"
        found.append((direction, int(bare.group(2)), (0, len(text))))
    return found
