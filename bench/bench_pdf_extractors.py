"""How long typesetting and each extractor take, and how faithful each extractor's text is.

    .venv/bin/python bench/bench_pdf_extractors.py --n 12 --seed 1 [--html N]

Typesets N issues with reportlab (and, with --html, N of them through Chromium too), runs every
extractor on each PDF, and prints per path and tool: seconds per issue and per page, the share
of paragraphs returned with their characters in order (tests/simulator/reading_order.py), and
the Kangxi radicals (U+2F00-U+2FDF) and radical-supplement characters (U+2E80-U+2EFF) returned.
All figures come from one run, so compare them as ratios.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def measure(typeset, batches, seed: int, leading: float | None = None) -> dict:
    import dataclasses

    from tests.simulator.extractors import EXTRACTORS
    from tests.simulator.pdf_layout import draw_layout
    from tests.simulator.reading_order import paragraphs_in_order, radical_counts

    rng = random.Random(seed)
    totals = {"typeset": 0.0, "issues": 0, "pages": 0}
    tools: dict[str, dict] = defaultdict(lambda: defaultdict(float))
    missing = {}
    for articles in batches:
        started = time.perf_counter()
        issue_seed = rng.randrange(2**31)
        layout = None
        if leading:
            # The layout the seed would draw, with only the leading changed.
            layout = dataclasses.replace(draw_layout(random.Random(issue_seed)), leading_factor=leading)
        issue = typeset(articles, seed=issue_seed, layout=layout)
        totals["typeset"] += time.perf_counter() - started
        totals["issues"] += 1
        totals["pages"] += issue.pages
        for name, extract in EXTRACTORS.items():
            started = time.perf_counter()
            extraction = extract(issue.pdf)
            elapsed = time.perf_counter() - started
            if extraction.text is None:
                missing[name] = extraction.reason
                continue
            report = paragraphs_in_order(extraction.text, issue.expected, issue.printed_furniture, issue.cut_paragraphs)
            radicals = radical_counts(extraction.text)
            row = tools[name]
            row["seconds"] += elapsed
            row["in_order"] += report.in_order
            row["paragraphs"] += report.total
            row["jumped"] += report.jumped
            row["kangxi"] += radicals["kangxi"]
            row["supplement"] += radicals["supplement"]
            row["characters"] += len(extraction.text)
    return {"totals": totals, "tools": tools, "missing": missing}


def report(title: str, result: dict) -> None:
    totals, tools = result["totals"], result["tools"]
    issues, pages = totals["issues"], totals["pages"]
    print(f"\n## {title}: {issues} issues, {pages} pages")
    print(f"typeset: {totals['typeset'] / issues:.3f} s per issue ({totals['typeset'] / pages:.3f} s per page)\n")
    print("| extractor | s per issue | s per page | paragraphs in order | cut by a jump | Kangxi | supplement "
          "| radicals per 1,000 characters |")
    print("|---|---|---|---|---|---|---|---|")
    for name, row in tools.items():
        share = row["in_order"] / row["paragraphs"] if row["paragraphs"] else 0.0
        print(f"| {name} | {row['seconds'] / issues:.3f} | {row['seconds'] / pages:.3f} | "
              f"{share:.1%} ({row['in_order']:.0f}/{row['paragraphs']:.0f}) | {row['jumped']:.0f} | "
              f"{row['kangxi']:.0f} | {row['supplement']:.0f} | "
              f"{1000 * (row['kangxi'] + row['supplement']) / max(1, row['characters']):.1f} |")
    for name, reason in result["missing"].items():
        print(f"skipped {name}: {reason}")


def main(argv=None) -> int:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))
    from make_pdf_corpus import issue_articles

    from tests.simulator.texts import clean_articles

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=12)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--html", type=int, default=0, help="also typeset this many issues through Chromium")
    parser.add_argument("--no-shared", action="store_true")
    parser.add_argument("--leading", type=float, help="set every issue with this leading (a multiple of the type size)")
    args = parser.parse_args(argv)
    pool = clean_articles(shared=not args.no_shared)
    batches = list(issue_articles(pool, max(args.n, args.html), random.Random(args.seed), 6, 10))

    from tests.simulator.typeset_pdf import typeset_issue as typeset_pdf

    leading = f", leading {args.leading}" if args.leading else ""
    report(f"reportlab (STSong-Light CID font){leading}", measure(typeset_pdf, batches[:args.n], args.seed, args.leading))
    if args.html:
        from tests.simulator.typeset_html import typeset_issue as typeset_html

        report(f"HTML printed by Chromium (Noto CJK embedded){leading}",
               measure(typeset_html, batches[:args.html], args.seed, args.leading))
    return 0


if __name__ == "__main__":
    sys.exit(main())
