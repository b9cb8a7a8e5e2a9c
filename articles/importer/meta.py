"""What the masthead did not print: inferred only where the evidence is clear, else asked for.

A community paper reports what happened since its last issue, so the latest event its articles
report dates it to the month. A file composed of articles from several towns and years has no
such date, and no town: the editor is asked instead of being shown a guess.
"""

from __future__ import annotations

from . import notices
from .dates import event_dates, infer_issue_date
from .evidence import DATE_SPREAD_DAYS, TOWN_DOMINANCE, TOWN_MIN_MENTIONS
from .model import ParsedIssue
from .places import district_from_text, town_counts, town_from_publisher


def complete_meta(issue: ParsedIssue) -> None:
    meta = issue.meta
    article_text = "\n".join(
        "\n".join([a.title, a.subtitle or ""] + [b.text for b in a.blocks]) for a in issue.articles
    )
    if meta.publisher:
        meta.town, meta.district = town_from_publisher(meta.publisher)
    if meta.town:
        meta.town_basis = "printed"
    else:
        counts = town_counts(article_text)
        ranked = counts.most_common(3)
        if ranked and ranked[0][1] >= TOWN_MIN_MENTIONS and (
                len(ranked) == 1 or ranked[0][1] >= TOWN_DOMINANCE * ranked[1][1]):
            meta.town, meta.town_basis = ranked[0][0], "inferred"
            issue.warnings.append(notices.town_inferred(meta.town))
        elif ranked:
            issue.warnings.append(notices.town_unclear([name for name, _ in ranked]))
        else:
            issue.warnings.append(notices.town_missing())
    if not meta.district:
        meta.district = district_from_text(article_text + "\n" + (meta.contact.get("address") or ""), meta.town)
    if meta.town and not meta.publication:
        meta.publication = f"{meta.town}社区报"
    if meta.date is not None:
        meta.date_basis = "printed"
        return
    found = event_dates(article_text)
    if found:
        first, last = min(d for d, _ in found), max(d for d, _ in found)
        if (last - first).days > DATE_SPREAD_DAYS:
            issue.warnings.append(notices.date_unclear(first.isoformat(), last.isoformat()))
            return
    inferred = infer_issue_date(article_text, issue.source)
    if inferred:
        meta.date, meta.date_precision, meta.date_basis = inferred[0], "month", "inferred"
        issue.warnings.append(notices.date_inferred(f"{meta.date.year}年{meta.date.month}月", inferred[1]))
    else:
        issue.warnings.append(notices.date_missing())
