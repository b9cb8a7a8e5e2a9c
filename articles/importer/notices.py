"""Warnings the importer gives editors: a stable code, and a message in Chinese."""

from .model import Notice

BEGINS_MID_SENTENCE = "begins-mid-sentence"
ENDS_MID_SENTENCE = "ends-mid-sentence"
REASSEMBLED = "reassembled"
PARAGRAPHS_REJOINED = "paragraphs-rejoined"
TEXT_GAP = "text-gap"
DATE_INFERRED = "date-inferred"
DATE_MISSING = "date-missing"
TOWN_INFERRED = "town-inferred"
TOWN_MISSING = "town-missing"
LEFTOVER_TEXT = "leftover-text"
NO_BODY = "no-body"
SUSPECT_NAME = "suspect-name"
CONTINUED = "continued"
CHARACTERS_FOLDED = "characters-folded"
COLUMNS_UNCLEAR = "columns-unclear"
COLUMNS_REORDERED = "columns-reordered"
LAYOUT_READ = "layout-read"
TOWN_UNCLEAR = "town-unclear"
DATE_UNCLEAR = "date-unclear"


def begins_mid_sentence(opening: str) -> Notice:
    return Notice(BEGINS_MID_SENTENCE,
                  f"正文开头不完整：第一段从句子中间开始（“{opening}…”），前文可能印在其他版面或已丢失，请核对原报。")


def ends_mid_sentence(ending: str) -> Notice:
    return Notice(ENDS_MID_SENTENCE,
                  f"正文结尾不完整：最后一段在句子中间结束（“…{ending}”），后文可能印在其他版面或已丢失，请核对原报。")


def reassembled(line: int, *, at_start: bool) -> Notice:
    where = "开头" if at_start else "结尾"
    return Notice(REASSEMBLED, f"本文{where}的一段文字落在原文第 {line} 行附近，已接回本文{where}，请核对衔接处。",
                  {"line": line, "at_start": at_start})


def paragraphs_rejoined(count: int) -> Notice:
    return Notice(PARAGRAPHS_REJOINED, f"有 {count} 处段落在排版中被分栏或图片切断，已按句子接合。", {"count": count})


def text_gap(before: str, after: str) -> Notice:
    return Notice(TEXT_GAP, f"“…{before}”与“{after}…”之间的句子不完整，中间可能缺失文字，请核对原报。",
                  {"before": before, "after": after})


def date_inferred(date_label: str, basis: str) -> Notice:
    return Notice(DATE_INFERRED, f"报头没有印出版日期，按文中提到的最晚日期（{basis}）推断为 {date_label}，请核对。",
                  {"basis": basis})


def date_missing() -> Notice:
    return Notice(DATE_MISSING, "报头没有出版日期，文中也找不到可推断的日期，请手动填写。")


def town_inferred(town: str) -> Notice:
    return Notice(TOWN_INFERRED, f"报头没有主办单位，按文中出现最多的地名推断为“{town}”，请核对。", {"town": town})


def town_missing() -> Notice:
    return Notice(TOWN_MISSING, "无法判断这是哪个镇（街道）的报纸，请在导入时指定报纸。")


def leftover_text(count: int) -> Notice:
    return Notice(LEFTOVER_TEXT, f"有 {count} 段文字不属于任何文章（可能是导读、广告或其他版面的残段），已单独保留，请检查。",
                  {"count": count})


def no_body(title: str) -> Notice:
    return Notice(NO_BODY, f"标题“{title}”下没有正文，已作为未归属文字保留。", {"title": title})


def suspect_name(wrong: str, right: str, title: str) -> Notice:
    return Notice(SUSPECT_NAME,
                  f"人名可能识别有误：文中“{title}{wrong}”，档案中同一职务多为“{right}”，是否改为“{right}”？",
                  {"wrong": wrong, "right": right, "title": title})


def continued() -> Notice:
    return Notice(CONTINUED, "本文转版刊登（“下转”“上接”），已把各版上的部分按顺序接成一篇，请核对衔接处。")


def characters_folded(count: int) -> Notice:
    return Notice(CHARACTERS_FOLDED,
                  f"有 {count} 个字被提取工具读成了部首或兼容字符（如“⽇”“⻓”），已换回通用汉字（“日”“长”）。",
                  {"count": count})


def columns_reordered(count: int) -> Notice:
    return Notice(COLUMNS_REORDERED, f"有 {count} 处相邻两栏的文字被交错提取，已按栏重新排好，请核对。", {"count": count})


def layout_read(pages: int) -> Notice:
    return Notice(LAYOUT_READ, f"原文按版面排列（各栏文字并排在同一行），已把 {pages} 个版面按栏逐栏读出，请核对段落顺序。",
                  {"pages": pages})


def columns_unclear(count: int) -> Notice:
    return Notice(COLUMNS_UNCLEAR, f"有 {count} 处文字像是相邻两栏交错提取的，但无法确定顺序，已按原样保留，请核对原报。",
                  {"count": count})


def town_unclear(towns: list[str]) -> Notice:
    return Notice(TOWN_UNCLEAR, f"报头没有主办单位，文中提到多个镇（街道）（{'、'.join(towns)}），无法判断是哪份报纸，请在导入时选择。",
                  {"towns": towns})


def date_unclear(first: str, last: str) -> Notice:
    return Notice(DATE_UNCLEAR, f"报头没有出版日期，文中的日期从 {first} 到 {last}，跨度超过一年，无法推断，请手动填写。",
                  {"first": first, "last": last})
