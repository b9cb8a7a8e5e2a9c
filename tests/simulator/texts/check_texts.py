"""Check the project's own clean-article corpus against the clean-article format and print its shares.

Every `articles*.json` and `notices*.json` here is read and checked as one corpus (ids, titles,
shared runs and papers across files); the shares are printed per file and for the whole.

Run: python tests/simulator/texts/check_texts.py  (stdlib only; exits 1 on any error)
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

HERE = Path(__file__).parent
ARTICLE_FIELDS = {
    "id": str, "paper": str, "town": str, "district": (str, type(None)), "city": str, "date": str,
    "column": (str, type(None)), "kicker": (str, type(None)), "title": str,
    "subtitle": (str, type(None)), "byline": (str, type(None)), "byline_at_end": bool,
    "blocks": list, "captions": list, "tags": list,
}
NOTICE_FIELDS = {"id": str, "paper": str, "town": str, "kind": str, "title": (str, type(None)), "text": str}
# Half-width punctuation that must be full-width in running Chinese text; a period or colon between
# digits (3.5, 9:30) and a percent sign are how papers print numbers.
HALF_WIDTH = re.compile(r"[,;!?()\"']|(?<!\d)[.:]|[.:](?!\d)")
FULL_WIDTH_DIGIT = re.compile(r"[０-９]")
# E-mail addresses and web addresses keep their ASCII dots.
ADDRESS = re.compile(r"[A-Za-z0-9_.+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+|https?://\S+")
FINAL_PUNCTUATION = tuple("。，；：！？、")
BYLINE_SHAPE = re.compile(r"^(本报记者|记者|通讯员|文/图|文|图|摄影|特约通讯员|见习记者|撰稿|供稿)")
DATELINE = re.compile(r"^(本报讯|[^\s，。]{2,4}社[^\s，。]{2,6}\d{1,2}月\d{1,2}日电)（[^）]*(记者|通讯员)")

# The one short caption pair papers print under renovation photos.
BEFORE_AFTER = {"改造前", "改造后"}
BODY_CHARACTERS = (150, 1800)
MAX_CAPTIONS = 4
# Marks a long display title carries (共话新期待！XX街道……, XX区XX街道：……, 亚运进行时丨……).
TITLE_MARKS = set("，！？：、“”丨")
SHORT_CAPTION = 6
LIST_ITEM = re.compile(r"^(\d{1,2}、|[一二三四五六七八九十]、)")
ADDRESS_BLOCK = re.compile(r"^[^，。]{0,12}(地址|开放时间|服务时间|门诊时间)：")

# What articles_more.json exists to add to the first 120 (see README.md); checked as errors so the
# file keeps covering headline stacks, subheads, captions and bylines if it is edited.
MIX_TARGETS = {
    "articles_more.json": {
        "stack": 0.60,            # kicker or subtitle
        "all_three": (0.10, 0.20),  # kicker and subtitle
        "long_titles": 0.25,      # over 25 characters, with one of TITLE_MARKS
        "subhead_articles": 30,   # 2 to 5 subheads and a body of 700 to 1,800 characters
        "captions": (1, 4),       # per article
        "bylines": (0.30, 0.40),
        "bylines_at_end": (0.20, 0.30),  # of the bylines
        "dateline_leads": 3,
    },
}

errors: list[str] = []


def error(item_id: str, message: str) -> None:
    errors.append(f"{item_id}: {message}")


def check_text(item_id: str, where: str, text: str) -> None:
    if "\n" in text or "\r" in text:
        error(item_id, f"line break in {where}")
    if text != text.strip():
        error(item_id, f"leading/trailing space in {where}")
    plain = ADDRESS.sub("", text).replace("|", "")
    if HALF_WIDTH.search(plain):
        error(item_id, f"half-width punctuation in {where}: {HALF_WIDTH.search(plain).group()!r} in {text[:30]}")
    if FULL_WIDTH_DIGIT.search(text):
        error(item_id, f"full-width digit in {where}")
    if text.count("“") != text.count("”"):
        error(item_id, f"unbalanced quotes in {where}")
    if text.count("（") != text.count("）"):
        error(item_id, f"unbalanced brackets in {where}")


def check_article(a: dict) -> None:
    aid = a.get("id", "?")
    if set(a) != set(ARTICLE_FIELDS):
        error(aid, f"fields {sorted(set(a) ^ set(ARTICLE_FIELDS))} missing or extra")
        return
    for field, kind in ARTICLE_FIELDS.items():
        if not isinstance(a[field], kind):
            error(aid, f"{field} has type {type(a[field]).__name__}")
            return
    if not re.fullmatch(r"[a-z]{2,4}-\d{3}", aid):
        error(aid, "id is not short ASCII")
    d = date.fromisoformat(a["date"])
    if not date(2016, 1, 1) <= d <= date(2025, 12, 31):
        error(aid, "date outside 2016-2025")
    if not 8 <= len(a["title"]) <= 45:
        error(aid, f"title of {len(a['title'])} characters")
    for field in ("kicker", "subtitle", "column", "title", "byline"):
        if a[field] is not None:
            check_text(aid, field, a[field])
            if a[field].endswith("。"):
                error(aid, f"{field} ends with 。")
    for field in ("kicker", "subtitle"):
        if a[field] is not None and not 4 <= len(a[field]) <= 40:
            error(aid, f"{field} of {len(a[field])} characters")
    if a["column"] is not None and not 2 <= len(a["column"]) <= 8:
        error(aid, "column length")
    if a["byline"] is not None and not BYLINE_SHAPE.match(a["byline"]):
        error(aid, f"byline shape: {a['byline']}")
    if a["byline_at_end"] and a["byline"] is None:
        error(aid, "byline_at_end without byline")
    blocks = a["blocks"]
    paragraphs = [b for b in blocks if b.get("type") == "paragraph"]
    subheads = [b for b in blocks if b.get("type") == "subhead"]
    if len(paragraphs) + len(subheads) != len(blocks):
        error(aid, "unknown block type")
    if not 1 <= len(paragraphs) <= 12:
        error(aid, f"{len(paragraphs)} paragraphs")
    if blocks and blocks[0]["type"] != "paragraph":
        error(aid, "body starts with a subhead")
    for i, b in enumerate(blocks):
        if set(b) != {"type", "text"} or not isinstance(b["text"], str):
            error(aid, f"block {i} shape")
            continue
        check_text(aid, f"block {i}", b["text"])
        n = len(b["text"])
        if b["type"] == "paragraph" and not 20 <= n <= 400:
            error(aid, f"paragraph {i} of {n} characters")
        if b["type"] == "subhead":
            if not 4 <= n <= 16 or b["text"].endswith(FINAL_PUNCTUATION):
                error(aid, f"subhead {b['text']!r}")
            if i + 1 >= len(blocks) or blocks[i + 1]["type"] != "paragraph":
                error(aid, "subhead not followed by a paragraph")
    if DATELINE.match(paragraphs[0]["text"] if paragraphs else "") and a["byline"] is not None:
        error(aid, "dateline lead carries the byline, so byline must be null")
    body = sum(len(p["text"]) for p in paragraphs)
    if not BODY_CHARACTERS[0] <= body <= BODY_CHARACTERS[1]:
        error(aid, f"body of {body} characters")
    if not 0 <= len(a["captions"]) <= MAX_CAPTIONS:
        error(aid, "caption count")
    for c in a["captions"]:
        if not isinstance(c, str) or not (4 <= len(c) <= 30 or c in BEFORE_AFTER):
            error(aid, f"caption {c!r}")
            continue
        check_text(aid, "caption", c)
    if not 1 <= len(a["tags"]) <= 4 or len(set(a["tags"])) != len(a["tags"]):
        error(aid, "tags")


def check_notice(n: dict) -> None:
    nid = n.get("id", "?")
    if set(n) != set(NOTICE_FIELDS):
        error(nid, "notice fields")
        return
    for field, kind in NOTICE_FIELDS.items():
        if not isinstance(n[field], kind):
            error(nid, f"{field} type")
            return
    if n["kind"] != "notice":
        error(nid, "kind")
    check_text(nid, "text", n["text"])
    if n["title"] is not None:
        check_text(nid, "title", n["title"])
    if not 40 <= len(n["text"]) <= 300:
        error(nid, f"notice text of {len(n['text'])} characters")


def shared_runs(articles: list[dict], size: int = 16) -> list[tuple[str, str, str]]:
    """Runs of `size` characters that occur in two different articles (more than a common phrase)."""
    seen: dict[str, str] = {}
    clashes = []
    for a in articles:
        text = "".join(b["text"] for b in a["blocks"])
        grams = {text[i:i + size] for i in range(len(text) - size + 1)}
        for g in grams:
            if g in seen and seen[g] != a["id"]:
                clashes.append((seen[g], a["id"], g))
            else:
                seen.setdefault(g, a["id"])
    return clashes


def share(part: int, whole: int) -> str:
    return f"{part:4d} ({100 * part / whole:4.1f} %)" if whole else f"{part:4d}"


def body_length(a: dict) -> int:
    return sum(len(b["text"]) for b in a["blocks"] if b["type"] == "paragraph")


def subheads(a: dict) -> list[str]:
    return [b["text"] for b in a["blocks"] if b["type"] == "subhead"]


def is_long_marked_title(a: dict) -> bool:
    return len(a["title"]) > 25 and bool(TITLE_MARKS & set(a["title"]))


def is_subhead_article(a: dict) -> bool:
    return 2 <= len(subheads(a)) <= 5 and 700 <= body_length(a) <= 1800


def has_dateline(a: dict) -> bool:
    return bool(a["blocks"]) and bool(DATELINE.match(a["blocks"][0]["text"]))


def load(pattern: str) -> dict[str, list[dict]]:
    """File name -> rows, for every file matching the pattern (articles.json first)."""
    out = {}
    for path in sorted(HERE.glob(pattern), key=lambda p: (p.stem != pattern.split("*")[0], p.name)):
        rows = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(rows, list):
            error(path.name, "not a JSON list")
            continue
        out[path.name] = rows
    return out


def check_papers(articles: list[dict], notices: list[dict]) -> None:
    """One paper is one town, district and city in every file; a notice belongs to a paper we print."""
    places: dict[str, set] = {}
    for a in articles:
        places.setdefault(a["paper"], set()).add((a["town"], a["district"], a["city"]))
    for paper, where in places.items():
        if len(where) > 1:
            error(paper, f"paper printed for several places: {sorted(map(str, where))}")
    towns = {(paper, town) for paper, where in places.items() for town, _, _ in where}
    for n in notices:
        if (n.get("paper"), n.get("town")) not in towns:
            error(n.get("id", "?"), f"notice of a paper with no article: {n.get('paper')} / {n.get('town')}")


def check_mix(name: str, articles: list[dict]) -> None:
    target = MIX_TARGETS.get(name)
    if not target or not articles:
        return
    n = len(articles)
    stack = sum(a["kicker"] is not None or a["subtitle"] is not None for a in articles)
    three = sum(a["kicker"] is not None and a["subtitle"] is not None for a in articles)
    bylines = [a for a in articles if a["byline"] is not None]
    at_end = sum(a["byline_at_end"] for a in bylines)
    checks = [
        ("kicker or subtitle", stack / n >= target["stack"]),
        ("kicker and subtitle", target["all_three"][0] <= three / n <= target["all_three"][1]),
        ("long marked titles", sum(map(is_long_marked_title, articles)) / n >= target["long_titles"]),
        ("subhead articles", sum(map(is_subhead_article, articles)) >= target["subhead_articles"]),
        ("captions per article", all(target["captions"][0] <= len(a["captions"]) <= target["captions"][1]
                                     for a in articles)),
        ("bylines", target["bylines"][0] <= len(bylines) / n <= target["bylines"][1]),
        ("bylines at end", bool(bylines) and target["bylines_at_end"][0] <= at_end / len(bylines)
         <= target["bylines_at_end"][1]),
        ("dateline leads", sum(map(has_dateline, articles)) >= target["dateline_leads"]),
    ]
    for label, ok in checks:
        if not ok:
            error(name, f"mix target missed: {label}")


def report(label: str, articles: list[dict], notices: list[dict]) -> None:
    n = len(articles)
    if not n:
        return
    bodies = sorted(body_length(a) for a in articles)
    paragraphs = [len(b["text"]) for a in articles for b in a["blocks"] if b["type"] == "paragraph"]
    per_article = [sum(b["type"] == "paragraph" for b in a["blocks"]) for a in articles]
    papers = Counter((a["paper"], a["town"], a["city"]) for a in articles)
    print(f"== {label}")
    print(f"articles {n}, notices {len(notices)}, papers {len(papers)} "
          f"(上海 {sum(1 for p in papers if p[2] == '上海')}, elsewhere "
          f"{sum(1 for p in papers if p[2] != '上海')}), issues {len({(a['paper'], a['date']) for a in articles})}")
    print(f"dates {min(a['date'] for a in articles)} .. {max(a['date'] for a in articles)}")
    print(f"body characters: min {bodies[0]}, median {bodies[n // 2]}, max {bodies[-1]}, "
          f"total {sum(bodies)}")
    print(f"  under 250: {share(sum(b < 250 for b in bodies), n)}   300-800: "
          f"{share(sum(300 <= b <= 800 for b in bodies), n)}   over 900: {share(sum(b > 900 for b in bodies), n)}")
    one_sentence = sum(1 for a in articles for b in a["blocks"] if b["type"] == "paragraph"
                       and b["text"].count("。") + b["text"].count("！") + b["text"].count("？") <= 1)
    list_items = sum(1 for a in articles for b in a["blocks"] if b["type"] == "paragraph"
                     and LIST_ITEM.match(b["text"]))
    addresses = sum(1 for a in articles for b in a["blocks"] if b["type"] == "paragraph"
                    and ADDRESS_BLOCK.match(b["text"]))
    print(f"paragraphs per article {min(per_article)}..{max(per_article)}; paragraph characters "
          f"{min(paragraphs)}..{max(paragraphs)}; one-sentence paragraphs {one_sentence}; "
          f"numbered-list paragraphs {list_items}; address/hours paragraphs {addresses}")
    titles = [len(a["title"]) for a in articles]
    print(f"titles {min(titles)}..{max(titles)} characters; over 25: {share(sum(t > 25 for t in titles), n)}, "
          f"of them with ，！？：、“”丨: {sum(map(is_long_marked_title, articles))}")
    kicker = sum(a["kicker"] is not None for a in articles)
    subtitle = sum(a["subtitle"] is not None for a in articles)
    both = sum(a["kicker"] is not None and a["subtitle"] is not None for a in articles)
    with_byline = [a for a in articles if a["byline"] is not None]
    for name, count in [
        ("kicker", kicker),
        ("subtitle", subtitle),
        ("kicker or subtitle", kicker + subtitle - both),
        ("kicker and subtitle", both),
        ("column", sum(a["column"] is not None for a in articles)),
        ("byline", len(with_byline)),
        ("dateline lead", sum(map(has_dateline, articles))),
        ("subheads", sum(bool(subheads(a)) for a in articles)),
        ("2-5 subheads, 700+", sum(map(is_subhead_article, articles))),
    ]:
        print(f"{name:>20}: {share(count, n)}")
    print(f"{'byline at end':>20}: {sum(a['byline_at_end'] for a in with_byline)} of {len(with_byline)} bylines")
    longer = [a for a in articles if sum(len(b['text']) for b in a['blocks']) > 600]
    print(f"{'subheads in >600':>20}: {sum(bool(subheads(a)) for a in longer)} of {len(longer)}")
    per = Counter(len(subheads(a)) for a in articles if subheads(a))
    heads = [h for a in articles for h in subheads(a)]
    if heads:
        spaced = sum(" " in h for h in heads)
        numbered = sum(bool(LIST_ITEM.match(h)) for h in heads)
        quoted = sum("“" in h for h in heads)
        print(f"{'subheads/article':>20}: " + ", ".join(f"{k}: {v}" for k, v in sorted(per.items()))
              + f"; {len(heads)} subheads of {min(map(len, heads))}..{max(map(len, heads))} characters "
              f"(two phrases {spaced}, numbered {numbered}, quoted {quoted})")
    print(f"{'captions':>20}: " + ", ".join(
        f"{k}: {v}" for k, v in sorted(Counter(len(a['captions']) for a in articles).items())))
    caps = [c for a in articles for c in a["captions"]]
    if caps:
        lengths = sorted(map(len, caps))
        print(f"{'caption characters':>20}: {len(caps)} captions, {lengths[0]}..{lengths[-1]}, median "
              f"{lengths[len(lengths) // 2]}; short (up to {SHORT_CAPTION}): "
              f"{share(sum(x <= SHORT_CAPTION for x in lengths), len(caps))}")
    tags = Counter(t for a in articles for t in a["tags"])
    print(f"tags: {len(tags)} distinct; most used: " + "，".join(f"{t} {c}" for t, c in tags.most_common(12)))
    if notices:
        print(f"notice characters {min(len(x['text']) for x in notices)}..{max(len(x['text']) for x in notices)}; "
              f"untitled {sum(x['title'] is None for x in notices)}")


def main() -> int:
    article_files = load("articles*.json")
    notice_files = load("notices*.json")
    articles = [a for rows in article_files.values() for a in rows]
    notices = [n for rows in notice_files.values() for n in rows]
    ids = Counter(a.get("id") for a in articles) + Counter(n.get("id") for n in notices)
    for item_id, count in ids.items():
        if count > 1:
            error(item_id, "duplicate id")
    for a in articles:
        check_article(a)
    for n in notices:
        check_notice(n)
    if errors:  # the checks below assume well-formed rows
        print("\n".join(errors))
        print(f"{len(errors)} errors")
        return 1
    for first, second, run in shared_runs(articles)[:20]:
        error(second, f"shares {run!r} with {first}")
    titles = Counter(a["title"] for a in articles)
    for title, count in titles.items():
        if count > 1:
            error(title, "title used twice")
    check_papers(articles, notices)
    for name, rows in article_files.items():
        check_mix(name, rows)
    if errors:
        print("\n".join(errors))
        print(f"{len(errors)} errors")
        return 1

    for name, rows in article_files.items():
        pair = "notices" + name.removeprefix("articles")  # articles_more.json -> notices_more.json
        report(name + (f" + {pair}" if pair in notice_files else ""), rows, notice_files.get(pair, []))
    if len(article_files) > 1 or len(notice_files) > 1:
        report("all files", articles, notices)
    return 0


if __name__ == "__main__":
    sys.exit(main())
