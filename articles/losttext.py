"""Where the importer found printed text lost, said in the body a reader sees.

Pure functions, no Django. The importer flags an article that begins mid-sentence, ends
mid-sentence, or has a gap between two fragments (notices.py); the public page shows a marker
at that place rather than letting the fragments read as one text. A flag counts only while the
text still looks cut there, so a gap an editor has since filled shows no marker.
"""

from __future__ import annotations

from .importer import notices
from .importer.chars import begins_mid_sentence, ends_sentence
from .importer.model import Block

LOST = "lost"  # the block type of a marker
MARKER_TEXT = "原报此处文字缺失"
LOST_TEXT_CODES = (notices.BEGINS_MID_SENTENCE, notices.ENDS_MID_SENTENCE, notices.TEXT_GAP)

# The importer recorded a gap's edges before it curled the quotes: compare them quote-blind.
_QUOTES = str.maketrans({c: '"' for c in "“”„‟〝〞＂"} | {c: "'" for c in "‘’‚‛＇"})


def _plain(text: str) -> str:
    return text.translate(_QUOTES)


def marker() -> Block:
    return Block(LOST, MARKER_TEXT)


def _split_joined_gap(blocks: list[Block], before: str, after: str) -> bool:
    """A paragraph where the two edges of a gap run on (joined by hand or by a later import):
    cut it there and put the marker in between."""
    seam = before + after
    for i, block in enumerate(blocks):
        if block.type != "paragraph":
            continue
        at = _plain(block.text).find(seam)
        if at < 0:
            continue
        cut = at + len(before)
        head, tail = block.text[:cut].rstrip(), block.text[cut:].lstrip()
        blocks[i:i + 1] = [Block("paragraph", head), marker(), Block("paragraph", tail)]
        return True
    return False


def _mark_gap_between(blocks: list[Block], before: str, after: str) -> bool:
    for i in range(len(blocks) - 1):
        first, second = blocks[i], blocks[i + 1]
        if first.type == second.type == "paragraph" and _plain(first.text).rstrip().endswith(before) \
                and _plain(second.text).lstrip().startswith(after):
            blocks.insert(i + 1, marker())
            return True
    return False


def with_lost_text_markers(blocks: list[Block], flags: list[tuple[str, dict]]) -> list[Block]:
    """`blocks` with a marker block wherever a flag (code, data) says text was lost and the text
    still shows it."""
    blocks = list(blocks)
    codes = {code for code, _ in flags}
    for code, data in flags:
        if code != notices.TEXT_GAP:
            continue
        before, after = _plain((data or {}).get("before", "")), _plain((data or {}).get("after", ""))
        if before and after and not _mark_gap_between(blocks, before, after):
            _split_joined_gap(blocks, before, after)
    at = [i for i, b in enumerate(blocks) if b.type == "paragraph"]
    if at and notices.ENDS_MID_SENTENCE in codes and not ends_sentence(blocks[at[-1]].text):
        blocks.insert(at[-1] + 1, marker())
    if at and notices.BEGINS_MID_SENTENCE in codes and begins_mid_sentence(blocks[at[0]].text):
        blocks.insert(at[0], marker())
    return blocks
