"""The issue import pipeline: extracted issue text in, structured articles out.

Pure Python: no Django, plain dataclasses out (see model.py). The stages, in order:
decode (and fold radicals back to ideographs) -> lines -> take out the furniture (masthead,
boilerplate, running heads, jump lines, footer) -> the role of every line, decided for the issue
as a whole -> drafts of articles -> rejoin and repair their text -> infer what the masthead did
not say, or say that it cannot be inferred.
"""

from __future__ import annotations

import hashlib

from . import notices
from .assemble import body_lines, build_body, finish_article, preface_paras, reattach_fragments, source_text
from .chars import CJK_RE
from .decode import SourceError, decode_source
from .fold import fold_ideographs
from .meta import complete_meta
from .model import Block, IssueMeta, Notice, ParsedArticle, ParsedIssue, PdfPage, PhotoRef
from .pdf import is_pdf, parse_pdf
from .prepare import prepare
from .repair import repair_text
from .roles import label_lines
from .segment import segment
from .spaced_columns import read_columns

__all__ = ["Block", "IssueMeta", "Notice", "ParsedArticle", "ParsedIssue", "PdfPage", "PhotoRef", "SourceError",
           "parse_issue", "parse_text"]


def parse_issue(data: bytes, *, source: str) -> ParsedIssue:
    """Parse one issue's bytes (extracted text, or the printer's PDF). Raises SourceError when
    nothing can be imported from them."""
    if is_pdf(data):
        return parse_pdf(data, source=source, sha256=hashlib.sha256(data).hexdigest())
    text, encoding = decode_source(data)
    return parse_text(text, source=source, encoding=encoding, sha256=hashlib.sha256(data).hexdigest())


def parse_text(text: str, *, source: str = "", encoding: str = "utf-8", sha256: str | None = None) -> ParsedIssue:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    sha256 = sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest()
    folded_text, folded = fold_ideographs(text)
    # A page laid out with spaces (pdftotext -layout) is read column by column first; the
    # articles' source lines are then lines of that reading.
    read_text, pages_read = read_columns(folded_text)
    prepared = prepare(read_text, columns_read=pages_read > 0)
    roles = label_lines(prepared.lines, form=prepared.form, jump_in=prepared.jump_in, jump_out=prepared.jump_out,
                        pages=prepared.pages, context=prepared.context)
    issue = ParsedIssue(source=source, sha256=sha256, encoding=encoding, text=text, meta=prepared.meta)
    if folded:
        issue.warnings.append(notices.characters_folded(folded))
    if pages_read:
        issue.warnings.append(notices.layout_read(pages_read))
    if prepared.columns_reordered:
        issue.warnings.append(notices.columns_reordered(prepared.columns_reordered))
    if prepared.columns_unclear:
        issue.warnings.append(notices.columns_unclear(prepared.columns_unclear))
    return build_issue(issue, prepared.lines, roles, pages=prepared.pages, jump_in=prepared.jump_in,
                       jump_out=prepared.jump_out, source_lines=read_text.split("\n"))


def build_issue(issue: ParsedIssue, lines, roles: list[str], *, pages, jump_in, jump_out,
                source_lines: list[str] | None = None) -> ParsedIssue:
    """Lines with their roles to the issue's articles, notices and leftovers."""
    segmentation = segment(lines, roles, pages=pages, jump_in=jump_in, jump_out=jump_out)
    bodies = [build_body(draft) for draft in segmentation.drafts]
    leftovers = reattach_fragments(bodies, preface_paras(segmentation.preface))
    source_lines = source_lines if source_lines is not None else issue.text.split("\n")
    for body in bodies:
        # A community paper's article is written in Chinese: a body without a Chinese character
        # (an English note, a table of numbers) is no article.
        if not any(p.kind == "paragraph" and CJK_RE.search(p.text) for p in body.paras):
            headline = repair_text(body.stack.headline, headline=True)
            if headline:
                issue.leftovers.append(headline)
                issue.warnings.append(notices.no_body(headline))
            continue
        article = finish_article(body)
        article.source_text = source_text(source_lines, body_lines(body))
        issue.articles.append(article)
    for notice in segmentation.notices:
        issue.notices.append(repair_text("\n".join(line.text for line in notice)))
    unplaced = [p.text for p in leftovers] + [line.text for line in segmentation.unplaced]
    if unplaced:
        issue.leftovers.extend(unplaced)
        issue.warnings.append(notices.leftover_text(len(unplaced)))
    if not issue.articles:
        raise SourceError("no-articles", "文件中找不到任何文章（没有可识别的标题和正文）")
    complete_meta(issue)
    return issue
