"""Ideographs as some PDF extractors return them: the Kangxi radical or radical-supplement
character that shares the font's glyph (⽇ for 日, ⻓ for 长)."""

from __future__ import annotations

import random
import unicodedata

# Ideograph -> the radical character an extractor may return for it.
TO_RADICAL: dict[str, str] = {}
for _cp in range(0x2F00, 0x2FD6):
    TO_RADICAL.setdefault(unicodedata.normalize("NFKC", chr(_cp)), chr(_cp))
for _radical, _ideograph in zip("⻓⻔⻛⺠⻅⻋⻢⻜⻬⻩⻉⻙⻚⻝⻥⻦⻨⻮⻰⻳⻄⺟⻆⻘⻣⻤",
                                "长门风民见车马飞齐黄贝韦页食鱼鸟麦齿龙龟西母角青骨鬼", strict=True):
    TO_RADICAL[_ideograph] = _radical


def to_radicals(text: str, rate: float, rng: random.Random) -> str:
    return "".join(TO_RADICAL[ch] if ch in TO_RADICAL and rng.random() < rate * 4 else ch for ch in text)
