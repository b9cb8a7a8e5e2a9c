"""Lines with their roles to drafts of articles: headline stacks, and the body under each.

The role model has said what each line is; this groups them. A run of headline lines is one or
more stacks (two stacks printed side by side share the body that follows, which is cut where
each story starts). A story that jumps to a later page (`（下转第3版）` … `（上接第1版）`, its
title repeated) is put back together in order.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations

from .chars import ends_sentence
from .evidence import MAX_CUT_CANDIDATES, REPEATED_TITLE_OVERLAP
from .lines import Line
from .roles import HEADLINE_ROLES
from .similarity import bigrams, overlap


@dataclass
class Stack:
    """One headline stack: column label, kicker, title, subtitle, byline, as printed."""

    column: list[Line] = field(default_factory=list)
    kicker: list[Line] = field(default_factory=list)
    title: list[Line] = field(default_factory=list)
    subtitle: list[Line] = field(default_factory=list)
    byline: list[Line] = field(default_factory=list)

    @property
    def lines(self) -> list[Line]:
        return self.column + self.kicker + self.title + self.subtitle + self.byline

    @property
    def headline(self) -> str:
        return " ".join(line.text for line in self.column + self.kicker + self.title + self.subtitle)

    @property
    def title_text(self) -> str:
        return "".join(line.text for line in self.title)


@dataclass
class Draft:
    stacks: list[Stack]
    body: list[Line] = field(default_factory=list)
    page: int | None = None
    continues: bool = False  # it begins with a 上接: the rest of a story printed earlier
    jumps_out: bool = False  # a 下转 sends its story on to a later page
    continued: bool = False  # a later part was put back into it

    @property
    def stack(self) -> Stack:
        return self.stacks[0]


@dataclass
class Segmentation:
    drafts: list[Draft]
    preface: list[Line]  # body text before the first headline
    notices: list[list[Line]]  # the paper's own notices standing between articles
    unplaced: list[Line] = field(default_factory=list)  # lines that fit no article, kept for the editor


def segment(lines: list[Line], roles: list[str], *, pages: list[int | None] | None = None,
            jump_in: set[int] = frozenset(), jump_out: set[int] = frozenset()) -> Segmentation:
    for line, role in zip(lines, roles, strict=True):
        line.role = role
    drafts: list[Draft] = []
    preface: list[Line] = []
    notices: list[list[Line]] = []
    pending_notice: list[Line] = []
    unplaced: list[Line] = []
    titles: set[str] = set()
    roles = list(roles)
    i = 0
    while i < len(lines):
        line, role = lines[i], roles[i]
        if role in ("subhead", "para", "caption") and _squashed(line.text) in titles:
            # A continued story's later part repeats its title, in whatever type the page had room
            # for: it opens that part, it is not a subhead of the story before.
            role = roles[i] = line.role = "title"
        if role in HEADLINE_ROLES:
            _flush_notice(pending_notice, notices, drafts, preface, closes=True)
            run_end = i
            while run_end < len(lines) and (roles[run_end] in HEADLINE_ROLES or
                                            (roles[run_end] == "byline" and run_end > i)):
                run_end += 1
            draft = Draft(_stacks(lines[i:run_end], roles[i:run_end]))
            titles.update(_squashed(stack.title_text) for stack in draft.stacks if len(stack.title_text) >= 4)
            draft.page = pages[i] if pages else None
            draft.continues = i in jump_in
            drafts.append(draft)
            for j in range(i, run_end):
                if j in jump_out:
                    draft.jumps_out = True
            i = run_end
            continue
        if role in ("notice", "notice_cont"):
            pending_notice.append(line)
            i += 1
            continue
        _flush_notice(pending_notice, notices, drafts, preface, closes=False)
        if i in jump_in and drafts and role in ("para", "para_cont"):
            # The rest of a story printed earlier, with no title repeated.
            drafts.append(Draft([Stack()], page=pages[i] if pages else None, continues=True))
        if role == "furn":
            unplaced.append(line)
        else:
            (drafts[-1].body if drafts else preface).append(line)
        if i in jump_out and drafts:
            drafts[-1].jumps_out = True
        i += 1
    _flush_notice(pending_notice, notices, drafts, preface, closes=True)
    drafts = [d for d in _split_side_by_side(drafts)]
    drafts = _put_back_continued(drafts)
    return Segmentation(drafts, preface, notices, unplaced)


def _squashed(text: str) -> str:
    return "".join(text.split())


def _flush_notice(pending: list[Line], notices: list[list[Line]], drafts: list[Draft], preface: list[Line],
                  *, closes: bool) -> None:
    """A notice stands alone between stories; notice-like lines inside a story stay in it."""
    if not pending:
        return
    if closes or not drafts:
        notices.append(list(pending))
    else:
        for line in pending:
            line.role = "para" if line.role == "notice" else "para_cont"
            drafts[-1].body.append(line)
    pending.clear()


def _stacks(run: list[Line], roles: list[str]) -> list[Stack]:
    stacks: list[Stack] = []
    current: Stack | None = None
    for line, role in zip(run, roles, strict=True):
        if role == "title_cont" and current is not None and current.title:
            current.title.append(line)
            continue
        if role == "title_cont":
            role = "title"
        opens = (current is None or (role == "title" and current.title)
                 or (role in ("column", "kicker") and (current.title or current.subtitle or getattr(current, role)))
                 or (role == "byline" and current.byline))
        if opens:
            current = Stack()
            stacks.append(current)
        getattr(current, role).append(line)
    out: list[Stack] = []
    carried: list[Line] = []
    for stack in stacks:
        stack.column = carried + stack.column
        carried = []
        if not stack.title:
            for name in ("kicker", "subtitle"):
                lines = getattr(stack, name)
                if lines:
                    stack.title, lines[:] = [lines[0]], lines[1:]
                    break
        if not stack.title:
            carried = stack.column  # a label alone: it heads the stack that follows
            if out and stack.byline:
                out[-1].byline.extend(stack.byline)
            continue
        out.append(stack)
    if carried:
        if out:
            out[-1].subtitle.extend(carried)
        else:
            out.append(Stack(title=carried))
    return out or [Stack(title=list(run[:1]))]


def _split_side_by_side(drafts: list[Draft]):
    """Stacks printed side by side share the body that follows: cut it where each story starts."""
    for draft in drafts:
        if len(draft.stacks) == 1:
            yield draft
            continue
        for stack, body in zip(draft.stacks, _cut_body(draft.body, draft.stacks), strict=True):
            yield Draft([stack], body, page=draft.page, continues=False, jumps_out=draft.jumps_out)


def _cut_body(body: list[Line], stacks: list[Stack]) -> list[list[Line]]:
    """Choose cut points so each part's opening paragraph matches its own headline best."""
    k = len(stacks)
    cuts = [i for i in range(1, len(body)) if _cut_allowed(body, i)][:MAX_CUT_CANDIDATES]
    best, best_score = None, float("-inf")
    for combo in combinations(cuts, k - 1):
        bounds = [0, *combo, len(body)]
        parts = [body[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
        if any(not any(line.role == "para" for line in part) for part in parts):
            continue
        score = sum(_opening_score(part, stack) for part, stack in zip(parts, stacks, strict=True))
        if score > best_score:
            best, best_score = parts, score
    if best is None:
        return [body] + [[] for _ in range(k - 1)]
    return best


def _cut_allowed(body: list[Line], i: int) -> bool:
    if body[i].role not in ("para", "caption"):
        return False
    before = [line for line in body[:i] if line.role in ("para", "para_cont")]
    if not before or not ends_sentence(before[-1].text):
        return False
    # A caption goes with the story it opens: never cut between a caption and its paragraph.
    return body[i - 1].role not in ("caption", "caption_cont")


def _opening_score(part: list[Line], stack: Stack) -> float:
    paragraphs = [line for line in part if line.role in ("para", "para_cont")]
    opening = "".join(line.text for line in paragraphs[:3])[:120]
    score = overlap(stack.headline, opening) if paragraphs else 0.0
    if part and part[0].role == "caption":
        score += 0.05
    return score


def _put_back_continued(drafts: list[Draft]) -> list[Draft]:
    """A story's later part goes back into it: after a 上接, or under its repeated title."""
    out: list[Draft] = []
    titles = _TitleIndex()
    for draft in drafts:
        target = _continued_story(draft, out, titles)
        if target is None:
            titles.add(draft)
            out.append(draft)
            continue
        target.body.extend(draft.body)
        target.continued = True
        target.jumps_out = False
    return out


class _TitleIndex:
    """The titles seen so far by their bigrams, so a repeated title is found without comparing
    each title with every earlier one (an archive-sized file holds thousands)."""

    def __init__(self):
        self.drafts: list[Draft] = []
        self.by_bigram: dict[str, list[int]] = {}

    def add(self, draft: Draft) -> None:
        title = draft.stack.title_text
        if not title:
            return
        self.drafts.append(draft)
        for gram in bigrams(title):
            self.by_bigram.setdefault(gram, []).append(len(self.drafts) - 1)

    def best(self, title: str) -> tuple[float, float, Draft] | None:
        """(share of this title's bigrams found in the best earlier title, share of that title's
        found in this one, that title's draft)."""
        grams = bigrams(title)
        if not grams:
            return None
        shared: Counter = Counter()
        for gram in grams:
            shared.update(self.by_bigram.get(gram, ()))
        if not shared:
            return None
        # The highest share wins; of equal shares the earliest title.
        index, count = max(shared.items(), key=lambda item: (item[1], -item[0]))
        found = self.drafts[index]
        return count / len(grams), count / max(1, len(bigrams(found.stack.title_text))), found


def _continued_story(draft: Draft, earlier: list[Draft], titles: _TitleIndex) -> Draft | None:
    title = draft.stack.title_text
    if title:
        found = titles.best(title)
        if found:
            mine, theirs, earlier_draft = found
            # After a 上接 the repeated title may have taken the line under it along (在翠岭，未来已来 +
            # 居民共建共享): then the earlier title is found whole in it.
            share = max(mine, theirs) if draft.continues else mine
            if share >= REPEATED_TITLE_OVERLAP and (draft.continues or share >= 0.95):
                return earlier_draft
    if draft.continues:
        waiting = [d for d in earlier if d.jumps_out]
        if waiting and not title:
            return waiting[-1]
        if waiting and not draft.body:
            return waiting[-1]
    return None
