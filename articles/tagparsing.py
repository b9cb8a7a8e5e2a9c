"""Tag input as editors type it: separated by Chinese or Latin commas, 、 or semicolons."""

import re

SEPARATORS = re.compile(r"[,，、;；\n]+")


def tags_from_string(text: str) -> list[str]:
    seen = []
    for part in SEPARATORS.split(text or ""):
        name = part.strip().strip('"“”')
        if name and name not in seen:
            seen.append(name)
    return seen


def tags_to_string(tags) -> str:
    return "，".join(sorted(t.name for t in tags))
