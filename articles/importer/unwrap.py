"""A paragraph's printed lines joined back where nothing else can be meant.

Extractors that return a line per printed line cut every paragraph into lines as wide as its
column. A line that fills its column and is followed, with no blank line, by another that fills
it too or that ends the sentence, goes on with it: they are joined before the role model reads
them. Anything less clear (a short line, an indented one, a line after a sentence's end that may
open a paragraph) is left for the role model to weigh.
"""

from __future__ import annotations

from .evidence import FULL_SLACK, HEADLINE_NARROWER, INDENT_DEFICIT, SAME_WIDTH, STACK_LINE
from .lines import Line
from .roles import words
from .roles.features import CLOSERS, SENTENCE_END

# The marks papers print before a caption (▲ 居民在…).
CAPTION_MARKS = ("▲", "△", "▼", "▽")

ENDS_SENTENCE = "。！？!?；;…”’）)"


def join_wrapped(lines: list[Line], widths: list[float | None]) -> list[Line]:
    out: list[Line] = []
    tail_width = 0.0
    for line, column in zip(lines, widths, strict=True):
        width = line.width
        previous = out[-1] if out else None
        if previous is not None and column and _goes_on(previous, tail_width, line, width, column):
            previous.text = _joined(previous.text, line.text)
            previous.notes["last_number"] = line.number
            previous.notes["wrapped_lines"] = previous.notes.get("wrapped_lines", 1) + 1
            previous.notes["tail_width"] = width  # the printed width of its last line
            tail_width = width
            continue
        out.append(line)
        tail_width = width
    return out


def _goes_on(previous: Line, tail_width: float, line: Line, width: float, column: float) -> bool:
    if line.gap or line.page_break or line.level or line.ornament or line.indent >= 2 or previous.level:
        return False
    if previous.notes.get("headline_wrap"):
        return False  # a headline wrapped in its own type: what follows is the next line of the stack or the body
    if words.CREDIT_RE.search(previous.text):
        return False  # a photo credit closes its caption: what follows is something else
    if previous.ornament in CAPTION_MARKS and "wrapped_lines" not in previous.notes and any(
            mark in line.text for mark in "，。；！？"):
        return False  # a caption under its mark (▲…) wraps onto a phrase, not onto a paragraph's sentence
    if words.SPACE_BETWEEN_CJK_RE.search(previous.text) and not any(mark in previous.text for mark in "，。、；：,;:"):
        return False  # a headline's halves set apart by a space, no sentence in it: not body text
    if ("wrapped_lines" not in previous.notes and words.DATE_START_RE.match(line.text)
            and not any(mark in previous.text for mark in "，。、；：,;:")):
        # A line on its own with no mark of a sentence in it, and the next opens the way a news
        # report's lead does (9月12日， / 近日，): a headline as wide as the column, not body text.
        return False
    fills = column - FULL_SLACK <= tail_width <= column + FULL_SLACK
    # A paragraph's first line, indented (the indent lost by the extractor), with prose in it.
    opens = ("wrapped_lines" not in previous.notes and INDENT_DEFICIT[0] <= column - tail_width <= INDENT_DEFICIT[1]
             and any(mark in previous.text for mark in "，、；"))
    if not (fills or opens):
        return False  # the line before does not fill the column: it may end a paragraph
    text = line.text
    full = column - FULL_SLACK <= width <= column + FULL_SLACK
    ends = _ends_sentence(text) or _closes_bracket(previous.text, text)
    if not (full or ends):
        return False  # short and open: a headline, a caption or a cut
    if previous.text[-1] in ENDS_SENTENCE and INDENT_DEFICIT[0] <= column - width <= INDENT_DEFICIT[1]:
        return False  # after a full stop, a line short of its column by an indent opens a paragraph
    return True


def _ends_sentence(text: str) -> bool:
    """A sentence's mark at the end, or inside the closing quotes: `好。”` does, `（扩大）` does not."""
    core = text.rstrip(CLOSERS)
    return bool(core) and core[-1] in SENTENCE_END


def _closes_bracket(previous: str, text: str) -> bool:
    """The line ends the bracket the line before opened: `…中旬。（` / `通讯员 覃小鸥）`."""
    return text[-1] in "）)" and previous.count("（") + previous.count("(") > previous.count("）") + previous.count(")")


def _joined(first: str, second: str) -> str:
    if first[-1].isascii() and first[-1].isalpha() and second[0].isascii() and second[0].isalpha():
        return f"{first} {second}"
    return first + second


def join_wrapped_headlines(lines: list[Line], widths: list[float | None]) -> list[Line]:
    """A headline set in large type inside one column wraps into lines narrower than the body's,
    all as wide as each other but the last: `一天举办“四` / `个一批”加装` / `电梯仪式！这`. Such a
    run, with no sentence in it, is one line of print and is joined before the roles are read."""
    out: list[Line] = []
    i, n = 0, len(lines)
    while i < n:
        end = _headline_run_end(lines, widths, i)
        if end - i < 2:
            out.append(lines[i])
            i += 1
            continue
        first = lines[i]
        for line in lines[i + 1:end]:
            first.text = _joined(first.text, line.text)
        first.notes["last_number"] = lines[end - 1].number
        first.notes["wrapped_lines"] = end - i
        first.notes["headline_wrap"] = True
        out.append(first)
        i = end
    return out


def _headline_run_end(lines: list[Line], widths: list[float | None], start: int) -> int:
    column = widths[start]
    line = lines[start]
    if not column or line.ornament or line.width > column * HEADLINE_NARROWER or not _headline_piece(line.text):
        return start + 1  # a caption's mark (▲) opens a caption, never a headline
    if _narrower_run_follows(lines, start):
        return start + 1  # a kicker over a headline wrapped in its own, narrower lines
    width, total, end = line.width, len(line.text), start + 1
    while end < len(lines):
        following = lines[end]
        if (following.gap or following.page_break or following.level or following.ornament
                or not _headline_piece(following.text)):
            break
        if following.width > width + SAME_WIDTH / 2 or total + len(following.text) > STACK_LINE:
            break
        if abs(lines[end - 1].width - width) > SAME_WIDTH / 2:
            break  # only the last line of a wrapped headline is short
        total += len(following.text)
        end += 1
    return end


def _narrower_run_follows(lines: list[Line], start: int) -> bool:
    """The next two lines are as wide as each other and narrower than this one: they wrap one
    headline in its own type, and this line is another (a kicker in smaller type over it)."""
    if start + 2 >= len(lines):
        return False
    second, third = lines[start + 1], lines[start + 2]
    if second.gap or third.gap or second.page_break or third.page_break:
        return False
    return (lines[start].width - second.width > SAME_WIDTH / 2 and abs(second.width - third.width) <= SAME_WIDTH / 2
            and _headline_piece(second.text) and _headline_piece(third.text))


def _headline_piece(text: str) -> bool:
    """A piece of a wrapped headline: no sentence in it, and not a line of its own form (a byline
    under the headline, a subtitle's dash, a credit, a caption's mark, a bracketed column label)."""
    if not text or any(mark in text for mark in "。；;") or text[-1] in "，、：:,":
        return False
    if words.DATE_START_RE.match(text) and "，" in text:
        return False  # 12月8日下午，石湖荡: a news report's lead opens so, a headline does not
    return not (text.startswith(("—", "-", "－")) or words.BYLINE_RE.match(text) or words.CREDIT_RE.search(text)
                or words.CAPTION_HEAD_RE.match(text) or words.BRACKET_LABEL_RE.match(text))
