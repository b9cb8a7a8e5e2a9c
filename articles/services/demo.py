"""A local site with something in it: demo issues (and the shared samples), and local accounts."""

from __future__ import annotations

import json
from pathlib import Path

from django.db import transaction

from .batch import import_paths

DEMO_DIR = Path(__file__).resolve().parent.parent / "demo_issues"
# The tags an editor chose for each demo article, by file and title (also what bench/bench_tags.py
# measures suggestions against).
DEMO_TAGS = DEMO_DIR / "tags.json"
# Left unpublished so there is something on the editors' desk.
DESK_DEMO = "qingfeng-2024-05.txt"


def demo_site_setup(*, samples: Path | None = None, editor=None, chief=None):
    """Import and publish the demo issues and the samples; leave one demo issue on the desk.

    The published demo articles get the tags written for them in demo_issues/tags.json: a
    suggestion naming one is accepted by `editor` (when given), the others are applied as tags.
    The samples get none: an editor has not read them. The demo's papers are made for it, the
    chief editor publishes (an article with an open warning stays on the desk), and both accounts
    work on every demo paper."""
    published = [p for p in sorted(DEMO_DIR.glob("*.txt")) if p.name != DESK_DEMO]
    if samples and samples.exists():
        published.append(samples)
    outcomes = [import_paths(published, create_papers=True), import_paths([DEMO_DIR / DESK_DEMO], create_papers=True)]
    from ..models import Publication
    from .workflow import issue_publish

    for paper in Publication.objects.all():
        paper.staff.add(*[u for u in (editor, chief) if u is not None])
    for result in outcomes[0].imported:
        if chief is not None:
            issue_publish(issue=result.issue, user=chief)
    demo_tags_apply(outcome=outcomes[0], editor=editor)
    return outcomes


def demo_tags() -> dict[str, dict[str, list[str]]]:
    return json.loads(DEMO_TAGS.read_text(encoding="utf-8"))["issues"]


@transaction.atomic
def demo_tags_apply(*, outcome, editor=None) -> int:
    """The demo's editor tags the demo articles just imported as demo_issues/tags.json says."""
    from ..models.intel import SuggestionState
    from .intel import suggestion_decide

    chosen = demo_tags()
    count = 0
    for result in outcome.imported:
        names = chosen.get(Path(result.issue.source_name).name)
        if names is None:
            continue
        for article in result.issue.articles.all():
            tags = names.get(article.title, [])
            if tags:  # the seeded choice first: the editor's acceptances then change no live text
                article.tags.add(*tags)
                count += len(tags)
            for suggestion in article.tag_suggestions.filter(name__in=tags, state=SuggestionState.SUGGESTED):
                if editor is not None:
                    suggestion_decide(suggestion=suggestion, accept=True, user=editor)
    return count
