"""Composed items to the text an extractor hands the editor, with each line's true role.

Two forms, as the common tools return them: a paragraph per line (some exports; a space may be
left where a column wrapped) or a line per printed line (pdftotext, pdfminer.six, pypdfium2: no
blank line between paragraphs, the first-line indent kept or lost).
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass

from .compose import Composed, Item
from .radicals import to_radicals

HALF_WIDTH = {"，": ",", "：": ":", "；": ";", "！": "!", "？": "?", "（": "(", "）": ")", "“": '"', "”": '"'}
DIGITS_RE = re.compile(r"(?<=[\u4e00-\u9fff])\d+(?=[\u4e00-\u9fff])")
NO_LINE_START = set("，。、；：！？”’）》」』…")


@dataclass
class Rendered:
    text: str
    data: bytes
    lines: dict[int, str]  # the true role of every non-blank line, by its 1-based line number


def width(ch: str) -> float:
    """Printed width in em: Latin letters and digits are half as wide as a Chinese character."""
    return 0.5 if ch.isascii() else (0.0 if unicodedata.combining(ch) else 1.0)


def wrap(text: str, columns: float, *, first_indent: float = 0.0) -> list[str]:
    """Break text into printed lines of `columns` em, never starting a line with a closing mark."""
    lines: list[str] = []
    current, used, limit = "", first_indent, columns
    i = 0
    while i < len(text):
        ch = text[i]
        w = width(ch)
        if used + w > limit + 1e-9 and current:
            if ch in NO_LINE_START:
                current += ch  # hung at the line end, as Chinese typesetting does
                i += 1
                if i >= len(text):
                    break
                ch, w = text[i], width(text[i])
            lines.append(current)
            current, used = "", 0.0
        current += ch
        used += w
        i += 1
    if current:
        lines.append(current)
    return lines


class Renderer:
    def __init__(self, composed: Composed):
        self.c = composed
        self.s = composed.style
        self.rng = random.Random(self.s.seed * 104729 + 3)

    def render(self) -> Rendered:
        out: list[tuple[int, str, str]] = []  # (blank lines before, line, role)
        previous_page = 1
        for item in self.c.items:
            lines = self.item_lines(item)
            if self.s.wrapped and item.page != previous_page and self.rng.random() < 0.7:
                out.append((0, "\f", "page-break"))
            previous_page = item.page
            for n, (line, role) in enumerate(lines):
                out.append((item.gap if n == 0 else 0, line, role))
        if self.s.wrapped and self.s.side_captions:
            out = self.glue_side_captions(out)
        if self.s.wrapped and self.s.interleaved:
            out = self.interleave(out)
        text_lines: list[str] = []
        labelled: dict[int, str] = {}
        form_feed = False
        for gap, line, role in out:
            if role == "page-break":
                form_feed = True  # pdftotext starts each page's first line with a form feed
                continue
            text_lines.extend([""] * gap)
            text_lines.append(("\f" if form_feed else "") + line)
            form_feed = False
            labelled[len(text_lines)] = role
        text = "\n".join(text_lines) + "\n"
        if self.s.radicals:
            text = to_radicals(text, self.s.radicals, self.rng)
        newline_text = text.replace("\n", "\r\n") if self.s.crlf else text
        encoding = "utf-16" if self.s.encoding == "utf-16" else self.s.encoding
        return Rendered(text, newline_text.encode(encoding), labelled)

    # --- one item ------------------------------------------------------------------------------
    def item_lines(self, item: Item) -> list[tuple[str, str]]:
        s = self.s
        text = item.text
        role = item.role
        first_role = "para_cont" if item.continues else role
        if not s.wrapped:
            if role in ("para", "caption", "notice", "notice_cont", "byline"):
                text = self.paragraph_noise(text)
            if s.digit_spaces:
                text = DIGITS_RE.sub(lambda m: f" {m.group(0)} " if self.rng.random() < s.digit_spaces else m.group(0),
                                     text).strip().replace("  ", " ")
            if item.level:
                text = "#" * item.level + " " + text
            return [(text, first_role)]
        if role == "para":
            indent = 0.0 if item.continues else 2.0
            prefix = ""
            if not item.continues and s.indent == "fullwidth":
                prefix = "\u3000\u3000"
            elif not item.continues and s.indent == "spaces":
                prefix = "  "
            lines = wrap(text, s.column_width, first_indent=indent)
            if prefix:
                lines[0] = prefix + lines[0]
            return [(line, first_role if n == 0 else "para_cont") for n, line in enumerate(lines)]
        if role in ("title", "kicker", "subtitle"):
            across = self.rng.choice([1, 1, 2, 3])
            # Headline type is 1.5 to 2.6 times body type: inside one column a headline line holds
            # 6 to 12 characters; across the page, more.
            columns = max(5, s.column_width * across / self.rng.choice([1.0, 1.4, 1.8, 2.2, 2.6]))
            lines = wrap(text.replace(" ", "\u3000"), columns) if len(text) > columns else [text]
            cont = "title_cont" if role == "title" else role
            return [(line.replace("\u3000", " "), role if n == 0 else cont) for n, line in enumerate(lines)]
        if role in ("caption", "notice", "notice_cont"):
            columns = max(6, s.column_width + self.rng.randint(-4, 4))
            lines = wrap(text, columns)
            base = role.split("_")[0]
            return [(line, role if n == 0 else f"{base}_cont") for n, line in enumerate(lines)]
        return [(text, role)]

    def paragraph_noise(self, text: str) -> str:
        s, rng = self.s, self.rng
        if s.wrap_spaces:
            out, run = [], 0
            limit = s.column_width + rng.randint(-2, 2)
            for ch in text:
                out.append(ch)
                run += 1
                if run >= limit:
                    run, limit = 0, s.column_width + rng.randint(-2, 2)
                    if rng.random() < s.wrap_spaces:
                        out.append(s.wrap_space_chars)
            text = "".join(out).strip()
        if s.half_width:
            text = "".join(HALF_WIDTH[ch] if ch in HALF_WIDTH and rng.random() < s.half_width else ch for ch in text)
        return text

    def glue_side_captions(self, out: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
        """A caption set beside the text, with its photo credit, read into the body line it faces."""
        result: list[tuple[int, str, str]] = []
        i = 0
        while i < len(out):
            _, line, role = out[i]
            following = out[i + 1] if i + 1 < len(out) else None
            if (role == "caption" and following and following[2] in ("para", "para_cont")
                    and self.rng.random() < 0.6):
                credit = self.rng.choice(["通讯员摄", "记者摄", "摄", f"{self.rng.choice('王李张刘陈')}{self.rng.choice('伟芳敏静')} 摄"])
                result.append((following[0], f"{line}{credit}{following[1]}", f"side_caption:{following[2]}"))
                i += 2
                continue
            result.append(out[i])
            i += 1
        return result

    def interleave(self, out: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
        """Neighbouring columns read across: the lines of two columns alternate."""
        result: list[tuple[int, str, str]] = []
        i = 0
        while i < len(out):
            j = i
            while j < len(out) and out[j][2] in ("para", "para_cont") and (j == i or out[j][0] == 0):
                j += 1
            run = out[i:j]
            if len(run) >= 8 and self.rng.random() < 0.5:
                half = len(run) // 2
                left, right = run[:half], run[half:]
                merged = []
                for a, b in zip(left, right, strict=False):
                    merged.extend([a, (0, b[1], b[2])])
                merged.extend(left[len(right):] + right[len(left):])
                result.extend(merged)
                i = j
                continue
            result.append(out[i])
            i += 1
        return result


def render(composed: Composed) -> Rendered:
    return Renderer(composed).render()
