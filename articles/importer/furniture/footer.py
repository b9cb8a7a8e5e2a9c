"""The footer: the editorial board and how to reach the paper."""

from __future__ import annotations

import re

from ..model import IssueMeta

FOOTER_KEY_RE = re.compile(
    r"^(本报|本刊)?\s*(编审团|编委会|编\s*委|总\s*编|主\s*编|副\s*主\s*编|执行主编|责任编辑|美术编辑|编\s*辑|校\s*对|摄\s*影|"
    r"投稿邮箱|投稿信箱|电子邮箱|电子信箱|邮\s*箱|新闻热线|投稿热线|报料热线|联系电话|电\s*话|传\s*真|"
    r"印\s*刷|承\s*印|发\s*行|邮\s*编|网\s*址)\s*[:：]"
)
STRONG_FOOTER_RE = re.compile(r"编审团|编委|主\s*编|责任编辑|投稿|新闻热线|报料热线|印\s*刷|承\s*印")
WEAK_FOOTER_RE = re.compile(r"^(地\s*址|电\s*话|邮\s*编|网\s*址|传\s*真)\s*[:：]")
BOARD_KEY_RE = re.compile(r"(编审团|编委会|编\s*委|总\s*编|主\s*编|副\s*主\s*编|执行主编|责任编辑|美术编辑|编\s*辑|校\s*对)\s*[:：]\s*(.*)$")
# Several roles on one line (编审团：孙洋 蒋颖兰 主编：董国): each key is cut out before the names are read.
ANY_BOARD_KEY_RE = re.compile(r"(编审团|编委会|编\s*委|总\s*编|副\s*主\s*编|主\s*编|执行主编|责任编辑|美术编辑|编\s*辑|校\s*对)\s*[:：]")
NAME_RE = re.compile(r"^[\u4e00-\u9fff·]{2,4}$")
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,100}\.[A-Za-z]{2,10}")
PHONE_RE = re.compile(r"(?:\(?0\d{2,3}\)?[-\s]?)?\d{7,8}(?:[-转]\d{1,5})?|1[3-9]\d{9}")
ADDRESS_RE = re.compile(r"地\s*址\s*[:：]\s*(.+)$")


def is_strong_footer(text: str) -> bool:
    return bool(FOOTER_KEY_RE.match(text) and STRONG_FOOTER_RE.search(text))


def continues_footer(text: str) -> bool:
    if FOOTER_KEY_RE.match(text) or WEAK_FOOTER_RE.match(text):
        return True
    names = [part for part in re.split(r"[\s、，,]+", text) if part]
    return bool(names) and all(NAME_RE.match(name) for name in names)


def read_footer_line(text: str, meta: IssueMeta, in_board: bool) -> bool:
    """Record a footer line; returns whether the lines that follow still list board members."""
    if m := EMAIL_RE.search(text):
        meta.contact.setdefault("email", m.group(0))
    if m := ADDRESS_RE.search(text):
        meta.contact.setdefault("address", m.group(1).strip())
    elif re.search(r"热线|电\s*话|传\s*真", text) and (m := PHONE_RE.search(text.split("：")[-1].split(":")[-1])):
        meta.contact.setdefault("fax" if "传" in text else "phone", m.group(0).strip())
    if m := BOARD_KEY_RE.search(text):
        _add_names(m.group(2), meta)
        return True
    if in_board and continues_footer(text) and not FOOTER_KEY_RE.match(text):
        _add_names(text, meta)
        return True
    return False


def _add_names(text: str, meta: IssueMeta) -> None:
    for name in re.split(r"[\s、，,；;]+", ANY_BOARD_KEY_RE.sub(" ", text)):
        if NAME_RE.match(name) and name not in meta.editorial_board:
            meta.editorial_board.append(name)
