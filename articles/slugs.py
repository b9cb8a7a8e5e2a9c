"""Slugs for URLs: pinyin for papers (shared links stay readable), Unicode for tags."""

import hashlib
import re

from django.utils.text import slugify

TOWN_SUFFIXES = ("街道", "镇", "乡")


def paper_slug(town: str) -> str:
    """新泾镇 -> xinjing; a name with no Chinese keeps its Latin slug."""
    from pypinyin import lazy_pinyin

    name = town.strip()
    for suffix in TOWN_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            name = name[: -len(suffix)]
            break
    slug = slugify("".join(lazy_pinyin(name)))
    return slug[:50] or text_slug(town)


def text_slug(text: str, i: int | None = None) -> str:
    """A Unicode slug that is never empty: text made only of symbols gets a stable hash."""
    slug = slugify(text, allow_unicode=True)[:90]
    if not slug:
        slug = "t-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
    if i is not None:
        slug += f"-{i}"
    return slug


UNICODE_SLUG_RE = re.compile(r"^[-\w]+\Z")
