"""The issue import pipeline: extracted issue text in, structured articles out.

Pure Python: no Django, plain dataclasses out (see model.py). The stages, in order:
decode -> split into items -> take out the furniture (masthead, boilerplate, footer) ->
segment into articles -> rejoin and repair their text -> infer what the masthead did not say.
"""

from __future__ import annotations

import hashlib

from . import notices
from .assemble import (
    body_items,
    build_body,
    finish_article,
    preface_paras,
    reattach_fragments,
    source_text,
)
from .dates import infer_issue_date
from .decode import SourceError, decode_source
from .furniture import take_furniture
from .layout import split_items
from .model import Block, IssueMeta, Notice, ParsedArticle, ParsedIssue
from .places import district_from_text, town_from_publisher, town_from_text
from .repair import repair_text
from .segment import segment_items

__all__ = ["Block", "IssueMeta", "Notice", "ParsedArticle", "ParsedIssue", "SourceError", "parse_issue",
           "parse_text"]


def parse_issue(data: bytes, *, source: str) -> ParsedIssue:
    """Parse one issue's bytes. Raises SourceError when nothing can be imported from them."""
    text, encoding = decode_source(data)
    return parse_text(text, source=source, encoding=encoding, sha256=hashlib.sha256(data).hexdigest())


def parse_text(text: str, *, source: str = "", encoding: str = "utf-8", sha256: str | None = None) -> ParsedIssue:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    sha256 = sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest()
    meta = IssueMeta()
    items = split_items(text)
    take_furniture(items, meta)
    segmentation = segment_items(items)
    bodies = [build_body(draft) for draft in segmentation.drafts]
    leftovers = reattach_fragments(bodies, preface_paras(segmentation.preface))

    issue = ParsedIssue(source=source, sha256=sha256, encoding=encoding, text=text, meta=meta)
    lines = text.split("\n")
    for body in bodies:
        if not any(p.kind == "paragraph" for p in body.paras):
            headline = repair_text(body.stack.headline, headline=True)
            issue.leftovers.append(headline)
            issue.warnings.append(notices.no_body(headline))
            continue
        article = finish_article(body)
        article.source_text = source_text(lines, body_items(body))
        issue.articles.append(article)
    if leftovers:
        issue.leftovers.extend(p.text for p in leftovers)
        issue.warnings.append(notices.leftover_text(len(leftovers)))
    if not issue.articles:
        raise SourceError("no-articles", "文件中找不到任何文章（没有可识别的标题和正文）")
    _complete_meta(issue)
    return issue


def _complete_meta(issue: ParsedIssue) -> None:
    meta = issue.meta
    article_text = "\n".join(
        "\n".join([a.title, a.subtitle or ""] + [b.text for b in a.blocks]) for a in issue.articles
    )
    if meta.publisher:
        meta.town, meta.district = town_from_publisher(meta.publisher)
    if not meta.town:
        meta.town = town_from_text(article_text)
        issue.warnings.append(notices.town_inferred(meta.town) if meta.town else notices.town_missing())
    if not meta.district:
        meta.district = district_from_text(article_text + "\n" + (meta.contact.get("address") or ""), meta.town)
    if meta.town and not meta.publication:
        meta.publication = f"{meta.town}社区报"
    if meta.date is None:
        inferred = infer_issue_date(article_text, issue.source)
        if inferred:
            meta.date, meta.date_precision = inferred[0], "month"
            issue.warnings.append(notices.date_inferred(f"{meta.date.year}年{meta.date.month}月", inferred[1]))
        else:
            issue.warnings.append(notices.date_missing())
