"""Clean articles for the simulator: the project's own texts, and the shared corpus when present.

The project's own texts (tests/simulator/texts/*.json and the demo issues' expected files) are
always there. `../shared/corpus/real_articles.json` is read at run time when it exists and is
never copied: it has titles and bodies only, so the simulator invents no structure for it.
"""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OWN_TEXTS = Path(__file__).resolve().parent / "texts"
DEMO_ISSUES = ROOT / "articles" / "demo_issues"
SHARED_ARTICLES = ROOT.parent / "shared" / "corpus" / "real_articles.json"


@dataclass
class CleanArticle:
    id: str
    title: str
    blocks: list[dict]
    town: str = ""
    paper: str = ""
    district: str | None = None
    city: str = "上海"
    date: str | None = None
    column: str | None = None
    kicker: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    byline_at_end: bool = False
    captions: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    origin: str = "own"  # "own" | "demo" | "shared"

    @property
    def paragraphs(self) -> list[str]:
        return [b["text"] for b in self.blocks if b["type"] == "paragraph"]


@dataclass
class CleanNotice:
    id: str
    title: str | None
    text: str
    town: str = ""
    paper: str = ""


def own_articles(split: str = "all") -> list[CleanArticle]:
    """The project's own articles: all, or the papers held out of training ("holdout"), or the rest."""
    fields = CleanArticle.__dataclass_fields__
    out = []
    for path in sorted(OWN_TEXTS.glob("articles*.json")):
        out.extend(CleanArticle(**{k: v for k, v in row.items() if k in fields}, origin="own")
                   for row in json.loads(path.read_text(encoding="utf-8")))
    if split == "all":
        return out
    return [a for a in out if held_out(a) == (split == "holdout")]


def held_out(article: CleanArticle) -> bool:
    """One paper in five is never trained on, so the benchmark reads texts the model never saw."""
    return zlib.crc32((article.paper or article.town).encode("utf-8")) % 5 == 0


def own_notices() -> list[CleanNotice]:
    fields = CleanNotice.__dataclass_fields__
    out = []
    for path in sorted(OWN_TEXTS.glob("notices*.json")):
        out.extend(CleanNotice(**{k: v for k, v in row.items() if k in fields})
                   for row in json.loads(path.read_text(encoding="utf-8")))
    return out


def demo_articles() -> list[CleanArticle]:
    """The demo issues' articles, as their expected files give them."""
    out = []
    for path in sorted(DEMO_ISSUES.glob("*.expected.json")):
        expected = json.loads(path.read_text(encoding="utf-8"))
        town = expected["issue"].get("town", "")
        date = expected["issue"].get("date")
        for n, a in enumerate(expected["articles"], start=1):
            out.append(CleanArticle(
                id=f"demo-{path.stem}-{n}", title=a["title"], blocks=a["blocks"], town=town, date=date,
                paper=f"{town}社区报", column=a.get("column"), kicker=a.get("kicker"),
                subtitle=a.get("subtitle"), byline=a.get("byline"), captions=list(a.get("captions") or []),
                origin="demo",
            ))
    return out


_HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
_CJK_RE = re.compile(r"[\u3400-\u9fff“”‘’（）《》，。、；：！？]")


def full_width(text: str) -> str:
    """The shared articles were saved with half-width marks; a paper prints them full width, and a
    perfect import yields them full width. Marks between digits (1,000, 8:30) stay."""
    out = []
    quote_open = False
    for i, ch in enumerate(text):
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if ch == '"':
            out.append("”" if quote_open else "“")
            quote_open = not quote_open
        elif ch in _HALF_TO_FULL and not (before.isdigit() and after.isdigit()) and \
                (_CJK_RE.match(before or " ") or _CJK_RE.match(after or " ")):
            out.append(_HALF_TO_FULL[ch])
        else:
            out.append(ch)
    return "".join(out)


def shared_articles() -> list[CleanArticle]:
    """../shared/corpus/real_articles.json when it exists (titles and bodies of real articles)."""
    if not SHARED_ARTICLES.exists():
        return []
    out = []
    for n, row in enumerate(json.loads(SHARED_ARTICLES.read_text(encoding="utf-8"))):
        paragraphs = [full_width(p.strip()) for p in row["body"].split("\n") if p.strip()]
        out.append(CleanArticle(id=f"shared-{n}", title=full_width(row["title"]), town=row.get("town", ""),
                                paper=f"{row.get('town', '')}社区报",
                                blocks=[{"type": "paragraph", "text": p} for p in paragraphs], origin="shared"))
    return out


def clean_articles(*, shared: bool = True, split: str = "all") -> list[CleanArticle]:
    """Clean articles: the project's own (all, or the training or held-out papers), the demo
    issues' (training only), then the shared ones when asked for and present."""
    demo = demo_articles() if split in ("all", "train") else []
    return own_articles(split) + demo + (shared_articles() if shared else [])
