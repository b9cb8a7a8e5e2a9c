"""Scores an import against what a perfect import yields.

The same measures as the project's shared scoring tool describes (articles found, body sentence
F1, captions, paragraphs reproduced exactly, bylines, pages, issue fields), written here so the
project measures itself with no ../shared beside it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "「": '"', "」": '"'})
SENTENCE_RE = re.compile(r"(?<=[。!?;])")
SPACE_RE = re.compile(r"\s+")


def norm(text: str | None) -> str:
    return SPACE_RE.sub("", unicodedata.normalize("NFKC", text or "").translate(QUOTES))


def sentences(blocks: list[dict]) -> Counter:
    text = "".join(norm(b["text"]) for b in blocks)
    return Counter(p for p in SENTENCE_RE.split(text) if p)


def f1(gold: Counter, pred: Counter) -> float:
    if not gold and not pred:
        return 1.0
    common = sum((gold & pred).values())
    if not common:
        return 0.0
    precision, recall = common / sum(pred.values()), common / sum(gold.values())
    return 2 * precision * recall / (precision + recall)


def headline(article: dict) -> str:
    return norm("".join(article.get(k) or "" for k in ("column", "kicker", "title", "subtitle")))


def score_issue(gold: dict, pred: dict | None) -> dict[str, float]:
    if not pred:
        return {"article_f1": 0.0, "body_f1": 0.0, "caption_f1": 0.0, "para_exact": 0.0, "meta": 0.0}
    gold_articles, pred_articles = gold["articles"], pred.get("articles") or []
    used: set[int] = set()
    matched = []
    pred_sentences = [sentences(p["blocks"]) for p in pred_articles]
    pred_headlines = [headline(p) for p in pred_articles]
    for g in gold_articles:
        title, gs = norm(g["title"]), sentences(g["blocks"])
        best, best_f = None, 0.0
        for i in range(len(pred_articles)):
            if i in used or title not in pred_headlines[i]:
                continue
            score = f1(gs, pred_sentences[i])
            if score > best_f:
                best, best_f = i, score
        if best is not None and best_f >= 0.8:
            used.add(best)
            matched.append((g, pred_articles[best], best_f))
    result: dict[str, float] = {}
    tp = len(matched)
    precision = tp / len(pred_articles) if pred_articles else 0.0
    recall = tp / len(gold_articles) if gold_articles else 0.0
    result["article_f1"] = 2 * precision * recall / (precision + recall) if tp else 0.0
    result["body_f1"] = sum(m[2] for m in matched) / len(gold_articles) if gold_articles else 0.0
    gold_captions = Counter(norm(c) for g in gold_articles for c in g["captions"])
    pred_captions = Counter(norm(c) for _, p, _ in matched for c in p.get("captions") or [])
    result["caption_f1"] = f1(gold_captions, pred_captions) if gold_captions else 1.0
    gold_paras = [SPACE_RE.sub("", b["text"]) for g in gold_articles for b in g["blocks"] if b["type"] == "paragraph"]
    pred_paras = {SPACE_RE.sub("", b["text"]) for p in pred_articles for b in p["blocks"]}
    result["para_exact"] = sum(t in pred_paras for t in gold_paras) / len(gold_paras) if gold_paras else 1.0
    with_byline = [(g, p) for g, p, _ in matched if "byline" in g and (g.get("byline") or p.get("byline"))]
    if with_byline:
        result["byline"] = sum(norm(g.get("byline")) == norm(p.get("byline")) for g, p in with_byline) / len(with_byline)
    with_page = [(g, p) for g, p, _ in matched if g.get("page")]
    if with_page:
        result["page"] = sum(g["page"] == p.get("page") for g, p in with_page) / len(with_page)
    result["meta"] = _meta(gold["issue"], pred.get("issue") or {})
    return result


def _meta(gi: dict, pi: dict) -> float:
    checks = []
    blob = repr(pi)
    if "town" in gi:
        checks.append(gi["town"] in blob)
    if "date" in gi:
        checks.append(pi.get("date") == gi["date"])
    if "date_precision" in gi and "date" in gi:
        checks.append(pi.get("date_precision") == gi["date_precision"])
    for key in ("number", "pages"):
        if key in gi:
            checks.append(pi.get(key) == gi[key])
    return sum(checks) / len(checks) if checks else 1.0


def mean_scores(rows: list[dict[str, float]]) -> dict[str, float]:
    totals: Counter = Counter()
    counts: Counter = Counter()
    for row in rows:
        for key, value in row.items():
            totals[key] += value
            counts[key] += 1
    return {key: totals[key] / counts[key] for key in totals}
