"""The role model's labels corrected by facts of print it cannot weigh from one line's features:
a report's subheads are set alike, no heading ends on a comma, a subtitle never stands inside a
paragraph, a photo credit wraps with its caption. Each rule takes the labels and returns them,
changed only where the fact holds; `AFTER_THE_MODEL` applies them in order.
"""

from __future__ import annotations

import re

from ...textintel import people
from ..chars import ends_sentence, joins_across
from ..evidence import (
    FULL_LINE_SLACK,
    HEADING_NARROWER_BY,
    HEADLINE_WIDER_BY,
    INDENT_DEFICIT,
    INTERRUPTION_MAX,
    NAMED_AGAIN_WITHIN,
    NOTICE_SENTENCE,
    PARALLEL_OPENING_SLACK,
    PARALLEL_SLACK,
    STACK_LINE,
    SUBHEAD_PIECE,
)
from ..lines import Line
from . import words

# A subhead set as two phrases with a space between (`提前部署 隐患排查不留死角`): the two phrases'
# lengths are its shape.
TWO_PHRASES_RE = re.compile(r"^([\u4e00-\u9fff“”\"]{2,8}) ([\u4e00-\u9fff“”\"]{2,14})$")
BODY = ("para", "para_cont")
SENTENCE_MARKS = "，。；！？、：,;!?"
# What every byline names: a reporter, a correspondent, a writer or a photographer.
BYLINE_WORDS_RE = re.compile(r"记者|通讯员|撰稿|供稿|作者|编辑|来源|文\s*[/／]|[/／]\s*图|^[（(]?\s*[文图]\s|摄")
CLOSING_MARKS = "”’）》」』，。、；：！？,.;:!?)"
HEADING_OR_CAPTION = ("subhead", "caption", "title")
# The roles whose likelihood the corrections read (roles.tag_weighing).
WEIGHED = (*HEADING_OR_CAPTION, "byline", "para")
OFFICES = tuple(people.OFFICE_WORDS)  # 书记, 镇长 …: what a person's first mention carries before the name


def _phrase_shape(line: Line) -> tuple[int, int] | None:
    match = TWO_PHRASES_RE.match(line.text)
    if not match or "wrapped_lines" in line.notes or line.notes.get("headline_wrap"):
        return None
    return len(match.group(1)), len(match.group(2))


def parallel_subheads(lines: list[Line], labels: list[str]) -> list[str]:
    """A long report's subheads are set alike: where the model read a line of two phrases as a
    story's subhead, the lines of the same shape standing alone between the story's paragraphs
    are its other subheads, whatever the model made of each (a caption, a title that would cut
    the story, a paragraph). Without a subhead read, lines of one shape prove nothing: two
    stories in a row may well have headlines of four and four characters."""
    out = list(labels)
    n = len(lines)
    between = [0 < i < n - 1 and labels[i - 1] in BODY + ("caption", "caption_cont") and labels[i + 1] == "para"
               for i in range(n)]
    shapes = [_phrase_shape(line) if between[i] or labels[i] == "subhead" else None for i, line in enumerate(lines)]
    start = 0
    while start < n:
        # A story runs to the next title that is not itself a line of a shape seen in it.
        subheads = [shapes[start]] if shapes[start] and labels[start] == "subhead" else []
        end = start + 1
        while end < n:
            if labels[end] == "title" and not (shapes[end] and _matches(shapes[end], subheads)):
                break
            if shapes[end] and labels[end] == "subhead":
                subheads.append(shapes[end])
            end += 1
        for i in range(start, end):
            if shapes[i] and _matches(shapes[i], subheads):
                out[i] = "subhead"
        start = end
    return out


def _matches(shape: tuple[int, int], others: list) -> bool:
    return any(other and abs(other[0] - shape[0]) <= PARALLEL_OPENING_SLACK and abs(other[1] - shape[1]) <= PARALLEL_SLACK
               for other in others)


def wider_than_body(lines: list[Line], labels: list[str]) -> list[str]:
    """A printed line is never wider than its column: a line read as body text that runs well
    past its column's width and holds no sentence end is a headline set across the columns."""
    out = list(labels)
    for i, (line, label) in enumerate(zip(lines, labels, strict=True)):
        column = line.notes.get("column")
        if (label in BODY and column and "wrapped_lines" not in line.notes and i + 1 < len(lines)
                and labels[i + 1] in BODY and line.width > column + HEADLINE_WIDER_BY
                and not any(mark in line.text for mark in "。！？；")):
            out[i] = "title"
    return out


def paragraphs_end_short(lines: list[Line], labels: list[str], weights: list[dict[str, float]] | None = None) -> list[str]:
    """Set justified, every line of a paragraph fills its column but the last. So a body line that
    fills its column and leaves its sentence open goes on in the next body line (past a caption
    or the page's furniture set in between), which starts no paragraph however narrow it reads
    (digits are set narrow); one that closes its sentence short of the column's edge ends its
    paragraph, so the next body line starts one, whatever a caption between suggests; and a
    short line with no mark of a sentence in it that the next line goes on from was no paragraph
    at all but a heading or a caption over the paragraph that starts there: it takes the one of
    those the model holds likelier. A colon closes a paragraph that a list follows
    (ends_sentence counts it)."""
    out = list(labels)
    previous = None  # the last body line seen, with nothing but captions and furniture since
    for i, label in enumerate(labels):
        if label in ("caption", "caption_cont", "furn"):
            continue
        if previous is not None and label in BODY:
            before = lines[previous]
            fills = _fills_column(before, labels[previous])
            closes = ends_sentence(before.text)
            if label == "para" and fills is True and not closes:
                out[i] = "para_cont"
            elif label == "para_cont" and fills is False and closes:
                out[i] = "para"
            elif (label == "para_cont" and out[previous] == "para" and weights and _stands_over(before, lines[i])):
                out[previous] = max(HEADING_OR_CAPTION, key=lambda role: weights[previous].get(role, 0.0))
                out[i] = "para"
        previous = i if label in BODY else None
    return out


def _stands_over(line: Line, after: Line) -> bool:
    """A single short line with no mark of a sentence in it, far narrower than its column even for
    a paragraph's indented first line, and no word running on from it into the next."""
    column = line.notes.get("column")
    return bool(column) and "wrapped_lines" not in line.notes and column - line.width >= HEADING_NARROWER_BY \
        and not any(mark in line.text for mark in SENTENCE_MARKS) and not joins_across(line.text, after.text)


def _fills_column(line: Line, label: str) -> bool | None:
    """Does the line's last printed line fill its column, or its paragraph's indented first line
    fill the rest of it? None where its column is not known."""
    column = line.notes.get("column")
    if not column:
        return None
    tail = line.notes.get("tail_width", line.width)
    if label == "para" and "wrapped_lines" not in line.notes and INDENT_DEFICIT[0] <= column - tail <= INDENT_DEFICIT[1]:
        return True
    return tail >= column - FULL_LINE_SLACK


def captions_inside_sentences(lines: list[Line], labels: list[str]) -> list[str]:
    """Where a paragraph's sentence breaks off and goes on two lines down, the short line between,
    with no mark of a sentence in it, interrupts it: a caption set in the paragraph's way, not a
    piece of the paragraph (for text a line per paragraph, where a paragraph's rest is long)."""
    out = list(labels)
    for i in range(1, len(lines) - 1):
        text = lines[i].text
        if (labels[i] == "para_cont" and labels[i + 1] == "para_cont" and labels[i - 1] in BODY
                and not ends_sentence(lines[i - 1].text) and len(text) <= INTERRUPTION_MAX
                and not any(mark in text for mark in SENTENCE_MARKS)):
            out[i] = "caption"
    return out


def closing_marks_go_on(lines: list[Line], labels: list[str]) -> list[str]:
    """No paragraph opens with a closing quote, a bracket's end or a sentence's mark (”走进… /
    ，并…): a body line that does goes on with the body before it."""
    out = list(labels)
    for i, line in enumerate(lines):
        if i and out[i] == "para" and line.text[:1] in CLOSING_MARKS:
            out[i] = "para_cont"
    return out


def words_wrapped_in_a_column(lines: list[Line], labels: list[str]) -> list[str]:
    """Text a line per paragraph keeps a space where the column wrapped, inside a word as often as
    not (沈佳琪指 出2024年); a headline's space parts two phrases, never a word. A line read as a
    heading or a caption with a word cut by a space and a sentence's comma in it is body text."""
    out = list(labels)
    for i, line in enumerate(lines):
        if out[i] in ("title", "subhead", "caption") and any(mark in line.text for mark in "，、；") and any(
                joins_across(line.text[:match.start() + 1], line.text[match.end() - 1:])
                for match in words.SPACE_BETWEEN_CJK_RE.finditer(line.text)):
            out[i] = "para"
    return out


def roles_in_their_forms(lines: list[Line], labels: list[str], weights: list[dict[str, float]] | None) -> list[str]:
    """A byline names who wrote or took the story (记者 张三, 文/图 王五): a line read as one that
    names nobody so, over the body, is the likeliest of the other readings the model holds (in a
    headline stack the stack's other lines would have to be read again with it, so it stays).
    A notice's head and what it asks in one line (温馨提示：请…带好身份证，…) is a notice's sentence,
    never a headline: body text where a story's body stands around it, the paper's notice where
    none does."""
    out = list(labels)
    for i, line in enumerate(lines):
        text = line.text
        if (out[i] == "byline" and not BYLINE_WORDS_RE.search(text) and weights and i + 1 < len(lines)
                and out[i + 1] in BODY):
            out[i] = max((role for role in weights[i] if role != "byline"), key=weights[i].get, default="byline")
        elif out[i] in ("title", "subtitle", "kicker") and (head := words.NOTICE_RE.match(text)) \
                and text[head.end():head.end() + 1] in ("：", ":") and len(text) - head.end() > NOTICE_SENTENCE:
            inside = (i and out[i - 1] in BODY + ("caption", "caption_cont")) or (i + 1 < len(lines) and out[i + 1] in BODY)
            out[i] = "para" if inside else "notice"
    return out


def headings_read_as_cut_paragraphs(lines: list[Line], labels: list[str]) -> list[str]:
    """Text a line per paragraph: a short line with no mark of a sentence in it that the model read
    as a paragraph the page cut, the next line going on with it, where no word runs across and the
    line does not stop in a number, is a heading over the paragraph that starts there."""
    out = list(labels)
    for i in range(1, len(lines) - 1):
        text = lines[i].text
        if (out[i] == "para" and out[i + 1] == "para_cont" and out[i - 1] in BODY and ends_sentence(lines[i - 1].text)
                and len(text.replace(" ", "")) <= SUBHEAD_PIECE and not any(mark in text for mark in SENTENCE_MARKS)
                and not text[-1].isascii() and not joins_across(text, lines[i + 1].text)):
            out[i], out[i + 1] = "subhead", "para"
    return out


def headlines_over_leads(lines: list[Line], labels: list[str]) -> list[str]:
    """After a caption, where the body before it had finished its sentence, a short line with no
    sentence in it that the model read as a paragraph cut short, followed by a line that opens
    the way a news report's lead does (为助力…，/ 近日，/ 3月15日，), is the next story's headline
    and that line its first paragraph: a paragraph's rest does not open on a lead."""
    out = list(labels)
    for i in range(2, len(lines) - 1):
        if out[i] != "para" or out[i + 1] != "para_cont" or out[i - 1] not in ("caption", "caption_cont"):
            continue
        body = i - 1
        while body >= 0 and out[body] in ("caption", "caption_cont"):
            body -= 1
        text, after = lines[i].text, lines[i + 1].text
        if (body >= 0 and out[body] in BODY and ends_sentence(lines[body].text) and len(text) <= STACK_LINE
                and not any(mark in text for mark in "。！？；") and text[-1] not in "，、,：:"
                and (words.LEAD_WORD_RE.match(after) or words.DATE_START_RE.match(after))):
            out[i], out[i + 1] = "title", "para"
    return out


def bracketed_labels(lines: list[Line], labels: list[str]) -> list[str]:
    """A line that is nothing but a short label in brackets (【乡村振兴】) over a headline is the
    column's label, never the headline itself: the headline below it is the title."""
    out = list(labels)
    for i, line in enumerate(lines[:-1]):
        if out[i] in ("title", "kicker") and words.BRACKET_LABEL_RE.match(line.text) and out[i + 1] in (
                "subtitle", "title", "title_cont"):
            out[i] = "column"
            if out[i + 1] in ("subtitle", "title_cont"):
                out[i + 1] = "title"
    return out


def closing_bylines(lines: list[Line], labels: list[str]) -> list[str]:
    """A report's byline printed after its last paragraph in brackets on a line of its own
    (（通讯员 郝思彤）) is its byline, not the page's furniture."""
    out = list(labels)
    for i, line in enumerate(lines):
        if (out[i] == "furn" and i and out[i - 1] in BODY and line.text[0] in "（(" and line.text[-1] in "）)"
                and words.BYLINE_RE.match(line.text)):
            out[i] = "byline"
    return out


def caption_credits(lines: list[Line], labels: list[str]) -> list[str]:
    """A caption's photo credit wraps like the caption: the line after a caption that carries
    its credit, or the credit's end, goes on with the caption (the credit is taken off later)."""
    out = list(labels)
    for i, line in enumerate(lines):
        if out[i] != "furn":
            continue
        if i and out[i - 1] in ("caption", "caption_cont") and not line.gap and words.CREDIT_PIECE_RE.search(line.text):
            out[i] = "caption_cont"
        elif i + 1 < len(lines) and out[i + 1] == "furn" and not lines[i + 1].gap and words.CAPTION_AND_CREDIT_RE.match(
                line.text + lines[i + 1].text):
            out[i], out[i + 1] = "caption", "caption_cont"  # 改造前 通讯员 曹晓 / 燕 摄: a caption and its credit
    return out


def dashes_in_sentences(lines: list[Line], labels: list[str]) -> list[str]:
    """A printed line that opens with a dash (——“3·5”学雷锋…) in the middle of a sentence, the line
    before unfinished and the line after going on with it, is the sentence's dash, not a
    subtitle's: a subtitle stands under its title, never inside a paragraph."""
    out = list(labels)
    for i in range(1, len(lines) - 1):
        if (out[i] == "subtitle" and lines[i].text.startswith(("——", "--", "－－")) and out[i - 1] in BODY
                and out[i + 1] == "para_cont" and not ends_sentence(lines[i - 1].text)):
            out[i] = "para_cont"
    return out


def comma_wrapped_subheads(lines: list[Line], labels: list[str]) -> list[str]:
    """No heading ends on a comma: a short line alone between a story's paragraphs that does
    (5台电梯集中开工，) goes on in the line under it, and if the model read that one as a title it
    would cut the story where the report only turns to its next part: the two are a subhead."""
    out = list(labels)
    for i in range(2, len(lines)):
        before = lines[i - 1]
        if (out[i] in ("title", "title_cont") and out[i - 1] in ("furn", "subhead", "caption", "para") and out[i - 2] in BODY
                and before.text.endswith(("，", ",")) and len(before.text) <= SUBHEAD_PIECE
                and ends_sentence(lines[i - 2].text) and i + 1 < len(lines) and out[i + 1] == "para"):
            out[i - 1] = out[i] = "subhead"
    return out


def headlines_after_captions(lines: list[Line], labels: list[str]) -> list[str]:
    """After a caption, a line can go on only with a sentence the caption interrupted: where the
    body before the caption had finished its sentence, a short line with no sentence in it,
    followed by a paragraph's opening, is the next story's headline."""
    out = list(labels)
    for i in range(2, len(lines) - 1):
        if out[i] != "para_cont" or out[i - 1] not in ("caption", "caption_cont") or out[i + 1] != "para":
            continue
        body = i - 1
        while body >= 0 and out[body] in ("caption", "caption_cont"):
            body -= 1
        text = lines[i].text
        if (body >= 0 and out[body] in BODY and ends_sentence(lines[body].text) and len(text) <= STACK_LINE
                and not any(mark in text for mark in "。！？；") and not ends_sentence(text)):
            out[i] = "title"
    return out


def names_carried_on(lines: list[Line], labels: list[str]) -> list[str]:
    """A report names a person with their office the first time (镇党委书记杜明远) and bare after
    that (杜明远指出); a new story names them with their office again. So where the text after a
    line read as a title names bare, before any office, a person the story before it introduced,
    the story goes on there and the line is one of its subheads."""
    out = list(labels)
    titles = [i for i, label in enumerate(labels) if label == "title"]
    for previous, i, following in zip([-1, *titles][:-1], titles, [*titles, len(lines)][1:], strict=True):
        if not (0 < i < len(lines) - 1 and labels[i - 1] in BODY and labels[i + 1] == "para"):
            continue
        before = "".join(lines[j].text for j in range(previous + 1, i) if labels[j] in BODY)
        after = "".join(lines[j].text for j in range(i + 1, following) if labels[j] in BODY)[:NAMED_AGAIN_WITHIN]
        if before and after and _named_bare(people.find_mentions(before), after):
            out[i] = "subhead"
    return out


def _named_bare(introduced: list, text: str) -> bool:
    """Does the text name one of these people first without an office before the name?"""
    for name in {mention.name for mention in introduced}:
        first = text.find(name)
        if first >= 0 and not text[:first].endswith(OFFICES):
            return True
    return False


# In this order: the subheads a story's shape tells first, then the rules of single lines.
AFTER_THE_MODEL = (parallel_subheads, names_carried_on, closing_marks_go_on, bracketed_labels, closing_bylines,
                   caption_credits, dashes_in_sentences, comma_wrapped_subheads, headlines_after_captions)


def corrected(lines: list[Line], labels: list[str], *, form: str, weights: list[dict[str, float]] | None = None) -> list[str]:
    """weights: for each line, how likely the model holds each role (for choosing between readings)."""
    labels = roles_in_their_forms(lines, labels, weights)
    for rule in AFTER_THE_MODEL:
        labels = rule(lines, labels)
    # Widths say something only where the text keeps a line per printed line.
    if form == "lines":
        return paragraphs_end_short(lines, wider_than_body(lines, labels), weights)
    labels = captions_inside_sentences(lines, words_wrapped_in_a_column(lines, labels))
    return headlines_over_leads(lines, headings_read_as_cut_paragraphs(lines, labels))
