"""Group items into articles: headline stacks, then the paragraphs, subheads and captions under them."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

from .chars import ends_sentence
from .headlines import (
    Stack,
    is_headline_like,
    is_subhead_like,
    looks_factual,
    split_bare_run,
    split_heading_run,
    stack_from_headings,
    stack_from_lines,
)
from .layout import Item
from .similarity import overlap

PICTURE_GAP = 2  # the extractor leaves two or more blank lines where a picture stood
MAX_CAPTION_UNDER_STACK = 10


@dataclass
class Draft:
    """An article as segmented: its stack(s) and body items (role: paragraph, subhead, caption)."""

    stacks: list[Stack]
    body: list[Item] = field(default_factory=list)

    @property
    def stack(self) -> Stack:
        return self.stacks[0]


@dataclass
class Segmentation:
    drafts: list[Draft]
    preface: list[Item]  # body text before the first headline


def segment_items(items: list[Item]) -> Segmentation:
    content = [i for i in items if i.kind != "noise"]
    markdown = sum(1 for i in content if i.kind == "heading") >= 2
    if not markdown:
        for item in content:
            if item.kind == "heading":
                item.kind = "line"
    for item in content:
        if item.kind == "line":
            item.kind = "short" if is_headline_like(item.text) else "para"
    title_level = min((i.level for i in content if i.kind == "heading"), default=1)
    # A paper that stacks its headlines (title over subtitle) does so for every article, and its
    # lone headline lines are subheads; a paper that never stacks them prints one-line titles.
    one_line_titles = not markdown and not _has_stacks(content)
    # When subheads are marked up (### under # titles), a bare line is never one.
    bare_subheads = not markdown or not _subheads_marked(content, title_level)

    drafts: list[Draft] = []
    preface: list[Item] = []
    index = 0
    while index < len(content):
        item = content[index]
        current = drafts[-1] if drafts else None
        if item.kind == "para":
            _add(current, preface, item, "paragraph")
            index += 1
            continue
        if markdown and item.kind == "short":
            role = _lone_line_role(content, index, current) if current else "paragraph"
            _add(current, preface, item, "caption" if role == "subhead" and not bare_subheads else role)
            index += 1
            continue
        run = _collect_run(content, index, markdown)
        index += len(run)
        if markdown:
            _read_heading_run(run, title_level, drafts)
        else:
            _read_bare_run(run, content, index, drafts, preface, one_line_titles)
    for draft in drafts:
        _trailing_shorts_are_captions(draft)
    return Segmentation(list(_split_side_by_side(drafts)), preface)


def _add(current: Draft | None, preface: list[Item], item: Item, role: str) -> None:
    item.role = role
    (current.body if current else preface).append(item)


def _collect_run(content: list[Item], index: int, markdown: bool) -> list[Item]:
    kind = "heading" if markdown else "short"
    run = [content[index]]
    for item in content[index + 1:]:
        if item.kind != kind or (not markdown and item.gap > 1):
            break
        run.append(item)
    return run


def _last_paragraph(draft: Draft | None) -> Item | None:
    if draft is None:
        return None
    for item in reversed(draft.body):
        if item.role == "paragraph":
            return item
        if item.role == "subhead":
            return None
    return None


def _interrupts_sentence(content: list[Item], index: int, current: Draft | None) -> bool:
    """A line between a paragraph cut mid-sentence and the paragraph that goes on with it."""
    last = _last_paragraph(current)
    following = content[index + 1] if index + 1 < len(content) else None
    return bool(last and not ends_sentence(last.text) and following and following.kind == "para")


def _has_stacks(content: list[Item]) -> bool:
    for index, item in enumerate(content[1:], start=1):
        previous = content[index - 1]
        if item.kind == "short" and previous.kind == "short" and item.gap <= 1:
            return True
    return False


def _subheads_marked(content: list[Item], title_level: int) -> bool:
    for index, item in enumerate(content):
        if item.kind != "heading" or item.level <= title_level:
            continue
        neighbours = content[max(0, index - 1):index] + content[index + 1:index + 2]
        if all(n.kind != "heading" for n in neighbours):
            return True
    return False


def _lone_line_role(content: list[Item], index: int, current: Draft) -> str:
    """A headline-like line on its own inside an article: caption, subhead or a short paragraph."""
    item = content[index]
    following = content[index + 1] if index + 1 < len(content) else None
    if (item.gap >= PICTURE_GAP or not any(i.role == "paragraph" for i in current.body)
            or current.body[-1].role == "caption" or _interrupts_sentence(content, index, current)
            or (following is not None and following.kind == "short" and following.gap >= PICTURE_GAP)):
        return "caption"
    if is_subhead_like(item.text) and _last_paragraph_complete(current) and following and following.kind == "para":
        return "subhead"
    return "paragraph"


def _read_heading_run(run: list[Item], title_level: int, drafts: list[Draft]) -> None:
    has_title = any(i.level == title_level for i in run)
    if not has_title and drafts:
        for item in run:
            item.role = "subhead"
            drafts[-1].body.append(item)
        return
    groups = split_heading_run(run, title_level)
    _open_drafts([stack_from_headings(g, title_level) for g in groups], drafts)


def _read_bare_run(run: list[Item], content: list[Item], next_index: int, drafts: list[Draft],
                   preface: list[Item], one_line_titles: bool) -> None:
    current = drafts[-1] if drafts else None
    if len(run) == 1:
        item = run[0]
        role = _lone_line_role(content, next_index - 1, current) if current else "headline"
        if role == "subhead" and one_line_titles:
            role = "headline"
        if role == "headline":
            _open_drafts([stack_from_lines(run)], drafts)
        else:
            _add(current, preface, item, role)
        return
    groups = split_bare_run(run)
    # A lone line ahead of a full stack, after a picture gap or echoing the headline before it, is
    # the caption of the picture that closed the article before it.
    while len(groups) > 1 and len(groups[0]) == 1 and current is not None and (
            groups[0][0].gap >= PICTURE_GAP or overlap(groups[0][0].text, current.stack.headline) >= 0.5):
        _add(current, preface, groups.pop(0)[0], "caption")
    # Short lines under a stack's factual subtitle are captions of the picture below it.
    trailing = _captions_under_stack(groups[-1])
    if trailing:
        del groups[-1][-len(trailing):]
    merged: list[list[Item]] = []
    for group in groups:
        if merged and len(merged[-1]) == 1:
            merged[-1].extend(group)  # a lone line above a stack is its kicker
        else:
            merged.append(group)
    _open_drafts([stack_from_lines(g) for g in merged], drafts)
    for item in trailing:
        _add(drafts[-1], preface, item, "caption")


def _captions_under_stack(group: list[Item]) -> list[Item]:
    if len(group) < 3:
        return []
    factual = [i for i, item in enumerate(group) if looks_factual(item.text)]
    if not factual or factual[-1] < 1:
        return []
    subtitle = group[factual[-1]]
    tail = group[factual[-1] + 1:]
    if tail and all(len(i.text) <= MAX_CAPTION_UNDER_STACK and len(i.text) < len(subtitle.text) for i in tail):
        return tail
    # 集中会议 under 新泾镇举行…活动: a factual-looking short line last in the stack.
    last = group[-1]
    if factual[-1] == len(group) - 1 and len(factual) >= 2 and factual[-2] == len(group) - 2 \
            and len(last.text) <= MAX_CAPTION_UNDER_STACK and len(group[-2].text) > 2 * len(last.text):
        return [last]
    return []


def _last_paragraph_complete(draft: Draft) -> bool:
    last = _last_paragraph(draft)
    return last is None or ends_sentence(last.text)


def _open_drafts(stacks: list[Stack], drafts: list[Draft]) -> None:
    for stack in stacks:
        for item in stack.items:
            item.role = "headline"
    drafts.append(Draft(stacks))


def _trailing_shorts_are_captions(draft: Draft) -> None:
    """Short lines after an article's last paragraph are captions of its pictures."""
    for item in reversed(draft.body):
        if item.role == "paragraph" and item.kind == "short":
            item.role = "caption"
        elif item.role != "caption":
            break


def _split_side_by_side(drafts: list[Draft]):
    """Stacks printed side by side share the body that follows: cut it where each story starts."""
    for draft in drafts:
        if len(draft.stacks) == 1:
            yield draft
            continue
        parts = _cut_body(draft.body, draft.stacks)
        for stack, body in zip(draft.stacks, parts):
            yield Draft([stack], body)


def _cut_body(body: list[Item], stacks: list[Stack]) -> list[list[Item]]:
    """Choose cut points so each part's opening paragraph matches its own headline best."""
    k = len(stacks)
    cuts = [i for i in range(1, len(body)) if _cut_allowed(body, i)]
    best, best_score = None, float("-inf")
    for combo in combinations(cuts, k - 1):
        bounds = [0, *combo, len(body)]
        parts = [body[a:b] for a, b in zip(bounds, bounds[1:])]
        if any(not any(i.role == "paragraph" for i in part) for part in parts):
            continue
        score = sum(_opening_score(part, stack) for part, stack in zip(parts, stacks))
        if score > best_score:
            best, best_score = parts, score
    if best is None:
        return [body] + [[] for _ in range(k - 1)]
    return best


def _cut_allowed(body: list[Item], i: int) -> bool:
    before = [x for x in body[:i] if x.role == "paragraph"]
    if not before or not ends_sentence(before[-1].text):
        return False
    # A caption goes with the story it opens: never cut between a caption and its paragraph.
    return body[i - 1].role != "caption"


def _opening_score(part: list[Item], stack: Stack) -> float:
    paragraphs = [i for i in part if i.role == "paragraph"]
    score = overlap(stack.headline, paragraphs[0].text[:120]) if paragraphs else 0.0
    if part and part[0].role == "caption":
        score += 0.05
    return score
