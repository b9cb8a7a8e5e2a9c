"""Small charts drawn on the server as inline SVG: articles per year, readable on a phone."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT = 320, 120
# Room above the bars and below them for 16-unit labels (large-text mode).
MARGIN_BOTTOM, MARGIN_TOP = 24, 20


def year_chart(counts: dict[int, int], *, label: str = "每年文章数") -> SafeString:
    """A bar per year from the first to the last year with articles (empty years included)."""
    if not counts:
        return mark_safe("")
    years = list(range(min(counts), max(counts) + 1))
    peak = max(counts.values())
    slot = WIDTH / len(years)
    bar = max(2.0, min(28.0, slot * 0.7))
    plot = HEIGHT - MARGIN_BOTTOM - MARGIN_TOP
    parts = []
    label_every = max(1, round(len(years) / 8))
    for i, year in enumerate(years):
        n = counts.get(year, 0)
        h = 0 if not n else max(2.0, plot * n / peak)
        x = i * slot + (slot - bar) / 2
        y = MARGIN_TOP + plot - h
        parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" class="bar">'
                     f'<title>{year}年：{n} 篇</title></rect>')
        if n:
            parts.append(f'<text x="{x + bar / 2:.1f}" y="{y - 3:.1f}" class="count">{n}</text>')
        if i % label_every == 0 or i == len(years) - 1:
            parts.append(f'<text x="{x + bar / 2:.1f}" y="{HEIGHT - 5}" class="year">{year}</text>')
    summary = "，".join(f"{y}年{counts[y]}篇" for y in sorted(counts))
    svg = (f'<svg class="year-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(label)}：{escape(summary)}"'
           f' xmlns="http://www.w3.org/2000/svg"><title>{escape(label)}</title>{"".join(parts)}</svg>')
    return mark_safe(svg)
