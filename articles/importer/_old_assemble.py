"""From segmented drafts to clean articles: rejoin cut paragraphs, reattach stray fragments."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import notices
from .chars import begins_mid_sentence, ends_sentence, joins_across, starts_enumeration
from .headlines import Stack
from .layout import Item
from .model import Block, Notice, ParsedArticle
from .repair import curl_quotes, join_fragments, normalise_widths, remove_layout_spaces, repair_text
from .segment import PICTURE_GAP, Draft
from .similarity import overlap

# Below this share of shared bigrams a fragment is not judged to belong to a headline.
FRAGMENT_MIN_OVERLAP = 0.2


@dataclass
class Para:
    kind: str  # "paragraph" | "subhead"
    text: str
    items: list[Item]
    hard: bool = False  # lines kept as printed (an address block): never joined to others

    @property
    def complete(self) -> bool:
        return self.hard or ends_sentence(self.text)


@dataclass
class Body:
    stack: Stack
    paras: list[Para] = field(default_factory=list)
    captions: list[tuple[str, Item]] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    joins: int = 0


def clean(text: str) -> str:
    return normalise_widths(remove_layout_spaces(text))


def build_body(draft: Draft) -> Body:
    body = Body(draft.stack)
    for item in draft.body:
        if item.role == "caption":
            body.captions.append((repair_text(item.text), item))
        elif item.role == "subhead":
            body.paras.append(Para("subhead", repair_text(item.text, headline=True), [item]))
        else:
            _append_paragraph(body, Para("paragraph", clean(item.text), [item], hard=item.hard_breaks))
    return body


def _append_paragraph(body: Body, para: Para) -> None:
    last = body.paras[-1] if body.paras else None
    if last is None or last.kind != "paragraph" or last.complete or para.hard:
        body.paras.append(para)
        return
    if starts_enumeration(para.text):
        # 三要…不 / 四要…: the next item of a list begins, so text was lost in between.
        body.notices.append(notices.text_gap(last.text[-12:], para.text[:12]))
        body.paras.append(para)
        return
    last.text = join_fragments(last.text, para.text)
    last.items.extend(para.items)
    body.joins += 1


def preface_paras(items: list[Item]) -> list[Para]:
    scratch = Body(Stack(""))
    for item in items:
        _append_paragraph(scratch, Para("paragraph", clean(item.text), [item], hard=item.hard_breaks))
    return scratch.paras


def reattach_fragments(bodies: list[Body], preface: list[Para]) -> list[Para]:
    """Move text that landed away from its article back to it; return what fits no article."""
    leftovers = list(preface)
    if len(bodies) >= 2:
        found = _tail_fragment(bodies)
        if found:
            start, target = found
            fragment = bodies[-1].paras[start:]
            del bodies[-1].paras[start:]
            _prepend(target, fragment)
    if leftovers and leftovers[0].kind == "paragraph" and begins_mid_sentence(leftovers[0].text):
        # Text before the first headline that continues a sentence: the end of an article whose
        # start is printed later in the file.
        target = _best_ending_for(leftovers, bodies)
        if target is not None:
            _append(target, leftovers)
            leftovers = []
    return leftovers


def _tail_fragment(bodies: list[Body]) -> tuple[int, Body] | None:
    """The beginning of an earlier article, printed at the very end of the issue.

    It ends the file mid-sentence, an earlier article begins mid-sentence, and its words match
    that article's headline better than the headline it was left under.
    """
    last = bodies[-1]
    paras = last.paras
    if len(paras) < 2 or paras[-1].complete or paras[-1].kind != "paragraph":
        return None
    ending = paras[-1].text
    targets = [b for b in bodies[:-1] if b.paras and b.paras[0].kind == "paragraph"
               and (begins_mid_sentence(b.paras[0].text) or joins_across(ending, b.paras[0].text))]
    best, best_score = None, 0.0
    for start in range(len(paras) - 1, 0, -1):
        para = paras[start]
        if para.kind != "paragraph":
            break
        if not paras[start - 1].complete or begins_mid_sentence(para.text):
            continue
        text = "".join(p.text for p in paras[start:])
        own = overlap(last.stack.headline, text)
        for target in targets:
            fit = overlap(target.stack.headline, text)
            score = fit - own + (0.1 if para.items[0].gap >= PICTURE_GAP else 0.0)
            if fit >= FRAGMENT_MIN_OVERLAP and fit > own and score > best_score:
                best, best_score = (start, target), score
    return best


def _best_ending_for(fragment: list[Para], bodies: list[Body]) -> Body | None:
    text = "".join(p.text for p in fragment)
    candidates = [b for b in bodies if b.paras and not b.paras[-1].complete]
    scored = [(overlap(b.stack.headline, text), b) for b in candidates]
    scored = [(s, b) for s, b in scored if s >= FRAGMENT_MIN_OVERLAP]
    return max(scored, key=lambda sb: sb[0])[1] if scored else None


def _prepend(body: Body, fragment: list[Para]) -> None:
    first_line = fragment[0].items[0].line
    old = body.paras
    body.paras = []
    for para in fragment + old:
        if body.paras and para is old[0]:
            _append_paragraph(body, para)
        else:
            body.paras.append(para)
    body.notices.append(notices.reassembled(first_line, at_start=True))


def _append(body: Body, fragment: list[Para]) -> None:
    first_line = fragment[0].items[0].line
    for para in fragment:
        _append_paragraph(body, para)
    body.notices.append(notices.reassembled(first_line, at_start=False))


def finish_article(body: Body) -> ParsedArticle:
    stack = body.stack
    title, subtitle = _split_single_line(stack)
    blocks = [Block(p.kind, curl_quotes(p.text) if p.kind == "paragraph" else p.text) for p in body.paras]
    article = ParsedArticle(
        title=title,
        column=_headline_text(stack.column),
        kicker=_headline_text(stack.kicker),
        subtitle=subtitle,
        blocks=blocks,
        captions=[text for text, _ in body.captions],
        source_text="",
    )
    article.warnings.extend(body.notices)
    paragraphs = [p for p in body.paras if p.kind == "paragraph"]
    if paragraphs and begins_mid_sentence(paragraphs[0].text) and not _was_reassembled(body, at_start=True):
        article.warnings.insert(0, notices.begins_mid_sentence(paragraphs[0].text[:16]))
    if paragraphs and not paragraphs[-1].complete:
        article.warnings.append(notices.ends_mid_sentence(paragraphs[-1].text[-16:]))
    if body.joins:
        article.warnings.append(notices.paragraphs_rejoined(body.joins))
    return article


def _was_reassembled(body: Body, *, at_start: bool) -> bool:
    return any(n.code == notices.REASSEMBLED and n.data.get("at_start") == at_start for n in body.notices)


def _headline_text(text: str | None) -> str | None:
    return repair_text(text, headline=True) if text else None


def _split_single_line(stack: Stack) -> tuple[str, str | None]:
    """`虹桥镇召开2020年年中工作会议 进一步明确下半年工作重点`: one printed line, title and subtitle."""
    title = repair_text(stack.title, headline=True)
    subtitle = _headline_text(stack.subtitle)
    if subtitle is None and stack.kicker is None:
        parts = title.split(" ")
        if len(parts) == 2 and all(len(p) >= 8 for p in parts):
            return parts[0], parts[1]
    return title, subtitle


def source_text(lines: list[str], items: list[Item]) -> str:
    """The article's lines exactly as imported: each run of its items, in source order."""
    if not items:
        return ""
    spans: list[list[int]] = []
    for item in sorted(items, key=lambda i: i.line):
        if spans and item.line <= spans[-1][1] + 1 + item.gap:
            spans[-1][1] = max(spans[-1][1], item.last_line)
        else:
            spans.append([item.line, item.last_line])
    return "\n\n".join("\n".join(lines[a - 1:b]) for a, b in spans)


def body_items(body: Body) -> list[Item]:
    items = [i for p in body.paras for i in p.items] + [i for _, i in body.captions] + list(body.stack.items)
    return items
