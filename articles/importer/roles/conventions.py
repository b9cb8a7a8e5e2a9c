"""What one issue does the same way throughout: its own conventions, read off a first pass.

Every extractor and every paper keeps to its habits within an issue: the blank lines it leaves
before a headline and around a caption, how long its headlines and captions run. A first pass of
the role model labels the lines; the lines it labels alike tell these habits, and a second pass
weighs each line against them (a line spaced as this issue spaces its captions is likelier one).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from statistics import median

from ..evidence import LENGTH_TOLERANCE, MIN_LINES, STORY_PARAGRAPH_EDGES
from ..lines import Line

# The roles whose habits are read.
ROLES = ("title", "kicker", "subtitle", "caption", "subhead", "para", "byline", "column")


@dataclass
class Conventions:
    gap_before: dict[str, int] = field(default_factory=dict)
    gap_after: dict[str, int] = field(default_factory=dict)
    length: dict[str, float] = field(default_factory=dict)
    # What the first pass made of most lines of each markdown level: a paper marks its headlines
    # (and its subheads) the same way throughout an issue.
    level: dict[int, str] = field(default_factory=dict)


def read_conventions(lines: list[Line], labels: list[str]) -> Conventions:
    before: dict[str, Counter] = {r: Counter() for r in ROLES}
    after: dict[str, Counter] = {r: Counter() for r in ROLES}
    lengths: dict[str, list[int]] = {r: [] for r in ROLES}
    levels: dict[int, Counter] = {}
    for i, (line, label) in enumerate(zip(lines, labels, strict=True)):
        if line.level:
            levels.setdefault(line.level, Counter())[label.removesuffix("_cont")] += 1
        if label not in before:
            continue
        before[label][min(line.gap, 4)] += 1
        if i + 1 < len(lines):
            after[label][min(lines[i + 1].gap, 4)] += 1
        lengths[label].append(len(line.text))
    out = Conventions()
    for role in ROLES:
        if sum(before[role].values()) >= MIN_LINES:
            out.gap_before[role] = before[role].most_common(1)[0][0]
        if sum(after[role].values()) >= MIN_LINES:
            out.gap_after[role] = after[role].most_common(1)[0][0]
        if len(lengths[role]) >= MIN_LINES:
            out.length[role] = median(lengths[role])
    for level, seen in levels.items():
        role, count = seen.most_common(1)[0]
        if count >= MIN_LINES:
            out.level[level] = role
    return out


def _bucket(n: int) -> str:
    for edge in STORY_PARAGRAPH_EDGES:
        if n <= edge:
            return str(edge)
    return "more"


def story_so_far(labels: list[str]) -> list[list[str]]:
    """Where each line stands in the story the first pass has it in: whether that story already has
    subheads, how many paragraphs it has run and how many since its last headline or subhead. A
    story that has begun with subheads goes on with them at even intervals; a lone headline line
    deep inside such a story is likelier its next subhead than a new story's title."""
    out: list[list[str]] = []
    subheads = paragraphs = since_head = 0
    for label in labels:
        out.append([f"story-subheads={'yes' if subheads else 'no'}", f"story-paras={_bucket(paragraphs)}",
                    f"since-head={_bucket(since_head)}"])
        if label == "title":
            subheads = paragraphs = since_head = 0
        elif label == "subhead":
            subheads += 1
            since_head = 0
        elif label == "para":
            paragraphs += 1
            since_head += 1
    return out


def with_conventions(lines: list[Line], features: list[list[str]], labels: list[str]) -> list[list[str]]:
    """The first pass's features, each line's first-pass label and its neighbours', where it stands
    in its story, and how the line fits the issue's habits."""
    habits = read_conventions(lines, labels)
    stories = story_so_far(labels)
    n = len(lines)
    out = []
    for i, (line, f) in enumerate(zip(lines, features, strict=True)):
        extra = [f"p1={labels[i]}", f"p1-={labels[i - 1] if i else 'start'}",
                 f"p1+={labels[i + 1] if i + 1 < n else 'end'}", *stories[i]]
        gap_before = min(line.gap, 4)
        gap_after = min(lines[i + 1].gap, 4) if i + 1 < n else None
        for role in ROLES:
            fits_before = habits.gap_before.get(role) == gap_before
            fits_after = gap_after is not None and habits.gap_after.get(role) == gap_after
            if fits_before and fits_after:
                extra.append(f"spaced-as={role}")
            elif fits_before:
                extra.append(f"gap-before-as={role}")
            elif fits_after:
                extra.append(f"gap-after-as={role}")
            typical = habits.length.get(role)
            if typical and abs(len(line.text) - typical) <= LENGTH_TOLERANCE * typical:
                extra.append(f"long-as={role}")
        if line.level in habits.level:
            extra.append(f"level-as={habits.level[line.level]}")
        out.append(f + extra)
    return out
