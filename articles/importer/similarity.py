"""How much two pieces of text share: character bigrams, the unit that survives segmentation."""

from .chars import is_cjk


def bigrams(text: str) -> set[str]:
    chars = [ch for ch in text if is_cjk(ch) or ch.isalnum()]
    return {a + b for a, b in zip(chars, chars[1:], strict=False)}


def overlap(reference: str, text: str) -> float:
    """Share of the reference's bigrams found in text (0..1)."""
    ref = bigrams(reference)
    if not ref:
        return 0.0
    return len(ref & bigrams(text)) / len(ref)
