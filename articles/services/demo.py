"""A local site with something in it: demo issues (and the shared samples), and local accounts."""

from __future__ import annotations

from pathlib import Path

from .batch import import_paths

DEMO_DIR = Path(__file__).resolve().parent.parent / "demo_issues"
# Left unpublished so there is something on the editors' desk.
DESK_DEMO = "qingfeng-2024-05.txt"


def demo_site_setup(*, samples: Path | None = None):
    """Import and publish the demo issues and the samples; leave one demo issue on the desk."""
    published = [p for p in sorted(DEMO_DIR.glob("*.txt")) if p.name != DESK_DEMO]
    if samples and samples.exists():
        published.append(samples)
    outcomes = [import_paths(published, publish=True), import_paths([DEMO_DIR / DESK_DEMO])]
    _accept_top_suggestions(outcomes[0])
    return outcomes


def _accept_top_suggestions(outcome, per_article: int = 3) -> None:
    """Stand in for the editors' review on the published demo: accept each article's best tags."""
    from ..models import TagSuggestion
    from .intel import suggestion_decide

    for result in outcome.imported:
        for article in result.issue.articles.all():
            for suggestion in TagSuggestion.objects.filter(article=article).order_by("-score")[:per_article]:
                suggestion_decide(suggestion=suggestion, accept=True, user=None)
