"""The article body format: plain text, paragraphs separated by a blank line, `## ` subheads.

Pure functions, no Django: the importer, the editor and the public pages all read and write
bodies through these two.
"""

import re

from .importer.model import Block

SUBHEAD_PREFIX = "## "
_BLANK_LINES = re.compile(r"\n[ \t\u3000]*\n+")


def parse_body(body: str) -> list[Block]:
    """Blocks of a body; a single newline inside a paragraph is kept (an address, a list)."""
    blocks = []
    for chunk in _BLANK_LINES.split((body or "").replace("\r\n", "\n").replace("\r", "\n")):
        chunk = chunk.strip("\n")
        if not chunk.strip():
            continue
        if chunk.startswith(SUBHEAD_PREFIX.rstrip()) and "\n" not in chunk.strip():
            text = chunk[2:].strip()
            if text:
                blocks.append(Block("subhead", text))
                continue
        blocks.append(Block("paragraph", chunk.strip()))
    return blocks


def render_body(blocks) -> str:
    """The body text of blocks (Block objects or {"type", "text"} dicts)."""
    parts = []
    for block in blocks:
        kind = block["type"] if isinstance(block, dict) else block.type
        text = (block["text"] if isinstance(block, dict) else block.text).strip()
        if not text:
            continue
        parts.append(SUBHEAD_PREFIX + text if kind == "subhead" else text)
    return "\n\n".join(parts)


def paragraphs(body: str) -> list[str]:
    return [b.text for b in parse_body(body) if b.type == "paragraph"]


def plain_text(body: str) -> str:
    """The body as reading text: subhead markers dropped."""
    return "\n\n".join(b.text for b in parse_body(body))
