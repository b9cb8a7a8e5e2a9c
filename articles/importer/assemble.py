"""From drafts to clean articles: paragraphs rejoined, captions and bylines separated, text that
landed away from its article put back, and every doubt an editor should know of as a warning."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from . import notices
from .chars import begins_mid_sentence, ends_sentence, joins_across, starts_enumeration
from .evidence import FRAGMENT_MIN_OVERLAP, PICTURE_GAP
from .lines import Line
from .model import Block, Notice, ParsedArticle
from .repair import curl_quotes, join_fragments, normalise_widths, remove_layout_spaces, repair_text
from .roles.words import BYLINE_RE
from .segment import Draft, Stack
from .similarity import overlap

CAPTION_LABEL_RE = re.compile(r"^(?:图说|图片说明|图注)\s*[:：]\s*|^[▲△]\s*")
CAPTION_CREDIT_RE = re.compile(
    r"\s*[（(]?\s*(?:(?:本报)?(?:记者|通讯员|摄影记者|摄影|特约摄影)\s*)?(?:[\u4e00-\u9fff·]{2,4}\s*)?摄\s*[）)]?\s*$")
END_BYLINE_RE = re.compile(
    r"[（(]\s*((?:本报|本刊)?(?:首席|特约|见习)?(?:记者|通讯员|撰稿|供稿|文\s*/\s*图|图\s*/\s*文|文|图|摄影|作者|编辑)"
    r"[^（）()]{1,40})[）)]\s*$")


@dataclass
class Para:
    kind: str  # "paragraph" | "subhead"
    text: str
    lines: list[Line]
    hard: bool = False  # lines kept as printed (an address block): never joined to others

    @property
    def complete(self) -> bool:
        return self.hard or ends_sentence(self.text)


@dataclass
class Body:
    stack: Stack
    draft: Draft | None = None
    paras: list[Para] = field(default_factory=list)
    captions: list[tuple[str, Line]] = field(default_factory=list)
    byline: str | None = None
    notices: list[Notice] = field(default_factory=list)
    joins: int = 0


def clean(text: str) -> str:
    return normalise_widths(remove_layout_spaces(text))


def join_wrapped(first: str, second: str) -> str:
    """A printed line and the next of the same paragraph: nothing between, unless two words meet."""
    if first and second and first[-1].isascii() and first[-1].isalpha() and second[0].isascii() and second[0].isalpha():
        return f"{first} {second}"
    return first + second


def clean_caption(text: str) -> tuple[str, str | None]:
    """A caption without its print label (图说：, ▲) and photo credit (记者 张三 摄)."""
    text = CAPTION_LABEL_RE.sub("", text.strip())
    credit = None
    match = CAPTION_CREDIT_RE.search(text)
    if match and match.start() >= 2:
        credit = match.group(0).strip(" （）()")
        text = text[:match.start()]
    return repair_text(text.strip()), credit


def build_body(draft: Draft) -> Body:
    body = Body(draft.stack, draft)
    body.byline = byline_text(draft.stack.byline)
    interrupted = False
    for line in draft.body:
        role = line.role
        if role in ("caption", "caption_cont"):
            text = line.text
            if role == "caption_cont" and body.captions:
                previous, first = body.captions[-1]
                body.captions[-1] = (join_wrapped(previous, text), first)
            else:
                body.captions.append((text, line))
            interrupted = True
            continue
        if role == "byline":
            body.byline = body.byline or byline_text([line])
            continue
        if role == "subhead":
            body.paras.append(Para("subhead", repair_text(line.text, headline=True), [line]))
            continue
        text = clean(line.text)
        if line.kept_breaks:
            body.paras.append(Para("paragraph", text, [line], hard=True))
            interrupted = False
            continue
        last = body.paras[-1] if body.paras else None
        if role == "para_cont" and last is not None and last.kind == "paragraph" and not last.hard:
            if interrupted or line.gap:
                # Across a break only an unfinished sentence says the paragraph goes on.
                _append_paragraph(body, Para("paragraph", text, [line]))
            else:
                last.text = join_wrapped(last.text, text)
                last.lines.append(line)
        else:
            _append_paragraph(body, Para("paragraph", text, [line]))
        interrupted = False
    _take_end_byline(body)
    return body


def byline_text(lines: list[Line]) -> str | None:
    if not lines:
        return None
    text = " ".join(line.text for line in lines).strip()
    text = re.sub(r"^[（(]\s*|\s*[）)]$", "", text)
    return re.sub(r"\s+", " ", text) or None


def _take_end_byline(body: Body) -> None:
    """（记者 张三） after the last paragraph is the byline, not body text."""
    paragraphs = [p for p in body.paras if p.kind == "paragraph"]
    if not paragraphs:
        return
    last = paragraphs[-1]
    match = END_BYLINE_RE.search(last.text)
    # The byline as printed, its spaces kept (记者 张三 / 文 司徒雅 图 詹立凡): the paragraph's
    # text has lost them with the column-wrap spaces.
    printed = END_BYLINE_RE.search("".join(line.text for line in last.lines))
    byline = (printed or match).group(1).strip() if match else ""
    if not match or not BYLINE_RE.match(byline):
        return
    body.byline = body.byline or re.sub(r"\s+", " ", byline)
    last.text = last.text[:match.start()].rstrip()
    if not last.text:
        body.paras.remove(last)


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
    last.lines.extend(para.lines)
    body.joins += 1


def preface_paras(lines: list[Line]) -> list[Para]:
    scratch = Body(Stack())
    for line in lines:
        if line.role in ("caption", "caption_cont", "byline", "subhead"):
            continue
        text = clean(line.text)
        last = scratch.paras[-1] if scratch.paras else None
        if line.role == "para_cont" and last is not None:
            last.text = join_wrapped(last.text, text) if not line.gap else join_fragments(last.text, text)
            last.lines.append(line)
        else:
            _append_paragraph(scratch, Para("paragraph", text, [line]))
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
            score = fit - own + (0.1 if para.lines[0].gap >= PICTURE_GAP else 0.0)
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
    first_line = fragment[0].lines[0].number
    old = body.paras
    body.paras = []
    for para in fragment + old:
        if body.paras and para is old[0]:
            _append_paragraph(body, para)
        else:
            body.paras.append(para)
    body.notices.append(notices.reassembled(first_line, at_start=True))


def _append(body: Body, fragment: list[Para]) -> None:
    first_line = fragment[0].lines[0].number
    for para in fragment:
        _append_paragraph(body, para)
    body.notices.append(notices.reassembled(first_line, at_start=False))


def finish_article(body: Body) -> ParsedArticle:
    stack = body.stack
    title, subtitle = _title_and_subtitle(stack)
    blocks = [Block(p.kind, curl_quotes(p.text) if p.kind == "paragraph" else p.text) for p in body.paras]
    captions, credits, photos = [], [], []
    for text, line in body.captions:
        caption, credit = clean_caption(text)
        if caption:
            captions.append(caption)
        if credit:
            credits.append(credit)
        if "photo" in line.notes:
            photos.append(replace(line.notes["photo"], caption=caption or None))
    article = ParsedArticle(
        title=title, column=_column_text(stack.column), kicker=_headline_text(stack.kicker), subtitle=subtitle,
        blocks=blocks, captions=captions, byline=body.byline, page=body.draft.page if body.draft else None,
        photo_credits=credits, photos=photos,
    )
    article.warnings.extend(body.notices)
    paragraphs = [p for p in body.paras if p.kind == "paragraph"]
    if paragraphs and begins_mid_sentence(paragraphs[0].text) and not _was_reassembled(body, at_start=True):
        article.warnings.insert(0, notices.begins_mid_sentence(paragraphs[0].text[:16]))
    if paragraphs and not paragraphs[-1].complete:
        article.warnings.append(notices.ends_mid_sentence(paragraphs[-1].text[-16:]))
    if body.joins:
        article.warnings.append(notices.paragraphs_rejoined(body.joins))
    if body.draft and body.draft.continued:
        article.warnings.append(notices.continued())
    return article


def _was_reassembled(body: Body, *, at_start: bool) -> bool:
    return any(n.code == notices.REASSEMBLED and n.data.get("at_start") == at_start for n in body.notices)


def _headline_text(lines: list[Line]) -> str | None:
    text = " ".join(line.text for line in lines)
    return repair_text(text, headline=True) if text else None


def _column_text(lines: list[Line]) -> str | None:
    text = _headline_text(lines)
    return re.sub(r"^[【\[〖［]\s*|\s*[】\]〗］]$", "", text) if text else None


def _title_and_subtitle(stack: Stack) -> tuple[str, str | None]:
    """`青枫镇召开2024年年中工作会议 进一步明确下半年工作重点`: one printed line, title and subtitle."""
    title = repair_text("".join(_joinable(stack.title)), headline=True)
    subtitle = _headline_text(stack.subtitle)
    if subtitle:
        # ——副题: the dash that introduces a subtitle is the printer's, not the subtitle's.
        subtitle = re.sub(r"^[—─－-]{1,2}\s*", "", subtitle) or None
    if subtitle is None and not stack.kicker:
        parts = title.split(" ")
        if len(parts) == 2 and all(len(p) >= 8 for p in parts) and _title_then_subtitle(*parts):
            return parts[0], parts[1]
    return title, subtitle


def _title_then_subtitle(first: str, second: str) -> bool:
    """`青枫镇城管中队：整治五金街消防隐患 畅通背街小巷“生命通道”` is one headline: its first half names
    who the story is about (a label and a colon, 基层动态丨), so the second goes on with the
    first; and a line wrapped at the space runs a word across it."""
    return not (any(mark in first for mark in "：:丨|｜") or joins_across(first, second))


def _joinable(lines: list[Line]) -> list[str]:
    """A title printed over several lines: the lines run on, with a space where a phrase ended."""
    out = []
    for n, line in enumerate(lines):
        if n and out and not out[-1].endswith(" "):
            previous = out[-1]
            if previous[-1].isascii() and previous[-1].isalpha() and line.text[:1].isascii():
                out.append(" ")
        out.append(line.text)
    return out


def source_text(source_lines: list[str], lines: list[Line]) -> str:
    """The article's lines exactly as imported: each run of its lines, in source order."""
    if not lines:
        return ""
    spans: list[list[int]] = []
    for line in sorted(lines, key=lambda x: x.number):
        last = line.notes.get("last_number", line.number)
        if spans and line.number <= spans[-1][1] + 1 + line.gap:
            spans[-1][1] = max(spans[-1][1], last)
        else:
            spans.append([line.number, last])
    return "\n\n".join("\n".join(source_lines[a - 1:b]) for a, b in spans)


def body_lines(body: Body) -> list[Line]:
    return [line for p in body.paras for line in p.lines] + [line for _, line in body.captions] + body.stack.lines
