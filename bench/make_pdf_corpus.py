"""Typeset a corpus of community-paper issues to PDF, with what a perfect import of each yields,
and the text each real extractor returns from it.

    .venv/bin/python bench/make_pdf_corpus.py --n 12 --seed 1 --out var/pdf-corpus --extractors all

writes, per issue, DIR/<stem>.pdf and DIR/<stem>.expected.json, and per extractor
DIR/<stem>.<tool>.txt with DIR/<stem>.<tool>.expected.json (the same expectation, its source
naming that text file), so one extractor's form is scored with

    ../shared/tools/score_import.py --python .venv/bin/python DIR DIR/*.pdftotext.txt

DIR/reading-order.tsv names each text file with the share of its paragraphs that came out whole
and in order (tests/simulator/reading_order.py), so the files an extractor kept in column order
can be scored apart from those it read across the columns:

    ../shared/tools/score_import.py --python .venv/bin/python DIR \
        $(awk -F'\t' '$2 == 1 && $1 ~ /pdftotext/ {print "DIR/" $1}' DIR/reading-order.tsv)

The same seed gives the same files, byte for byte. Articles are the simulator's clean articles
(the project's own, and ../shared's when it exists unless --no-shared), each used before any is
used twice. --html typesets through HTML printed by Chromium instead of reportlab.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ["pdftotext", "pdftotext-layout", "pdfminer", "pypdfium2", "pdfplumber"]


def issue_articles(pool, n_issues: int, rng: random.Random, low: int, high: int):
    """Article lists for n issues, drawing through a shuffled pool so every article is used. An
    issue is its first article's paper: articles of the same paper and date come first, as they
    were printed together."""
    order: list = []
    for _ in range(n_issues):
        size = min(rng.randint(low, high), len({a.id for a in pool}))
        picked = []
        while len(picked) < size:
            if not order:
                order = list(pool)
                rng.shuffle(order)
            if picked:
                same = [a for a in order if (a.paper, a.date) == (picked[0].paper, picked[0].date) and a.date]
                candidate = same[-1] if same else order[-1]
                order.remove(candidate)
            else:
                candidate = order.pop()
            if all(candidate.id != a.id for a in picked):
                picked.append(candidate)
        yield picked


def main(argv=None) -> int:
    sys.path.insert(0, str(ROOT))
    from tests.simulator.extractors import EXTRACTORS
    from tests.simulator.reading_order import paragraphs_in_order
    from tests.simulator.texts import clean_articles

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=12, help="number of issues")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--extractors", default="", help="'all' or a comma-separated list of: " + ", ".join(TOOLS))
    parser.add_argument("--articles", default="6-10", help="articles per issue, as LOW-HIGH")
    parser.add_argument("--no-shared", action="store_true", help="only the project's own articles")
    parser.add_argument("--split", choices=["all", "holdout", "train"], default="all",
                        help="the project's own texts: all, the papers the role model never saw, or the rest")
    parser.add_argument("--html", action="store_true", help="typeset as HTML printed to PDF by Chromium")
    args = parser.parse_args(argv)

    tools = list(EXTRACTORS) if args.extractors == "all" else [t for t in args.extractors.split(",") if t]
    unknown = [t for t in tools if t not in EXTRACTORS]
    if unknown:
        parser.error(f"unknown extractor(s): {', '.join(unknown)}")
    low, high = (int(x) for x in args.articles.split("-"))
    pool = clean_articles(shared=not args.no_shared, split=args.split)
    if not pool:
        parser.error("no clean articles to typeset")
    if args.html:
        from tests.simulator.typeset_html import typeset_issue
    else:
        from tests.simulator.typeset_pdf import typeset_issue

    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    missing: dict[str, str] = {}
    order_rows: list[str] = []
    for n, articles in enumerate(issue_articles(pool, args.n, rng, low, high)):
        stem = f"{'html' if args.html else 'pdf'}{args.seed}_{n:03d}"
        issue = typeset_issue(articles, seed=rng.randrange(2**31), source=f"{stem}.pdf")
        pdf_path = issue.write(args.out, stem)
        for tool in tools:
            extraction = EXTRACTORS[tool](issue.pdf)
            if extraction.text is None:
                missing[tool] = extraction.reason
                continue
            text_name = f"{stem}.{tool}.txt"
            (args.out / text_name).write_text(extraction.text, encoding="utf-8")
            expected = dict(issue.expected, source=text_name)
            (args.out / f"{stem}.{tool}.expected.json").write_text(
                json.dumps(expected, ensure_ascii=False, indent=1), encoding="utf-8")
            order = paragraphs_in_order(extraction.text, issue.expected, issue.printed_furniture, issue.cut_paragraphs)
            order_rows.append(f"{text_name}\t{order.in_order / max(order.total, 1):.3f}")
        print(f"{pdf_path.name}: {issue.layout.page} {issue.layout.columns} columns, leading {issue.layout.leading_factor}, {issue.pages} pages, "
              f"{len(articles)} articles")
    if order_rows:
        (args.out / "reading-order.tsv").write_text("\n".join(order_rows) + "\n", encoding="utf-8")
    for tool, reason in missing.items():
        print(f"skipped {tool}: {reason}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
