"""Page times on a small and a large archive, measured in alternating rounds.

bench_public.py measures the small archive first and the large one twenty minutes later; on a
shared machine whose speed drifts by more than the effect measured, that order can flatter or
blame the large archive. This script takes two archives that bench_public.py has built (kept in
two databases), and measures both in turn, several rounds, each in a fresh process (cold caches
of its own, as a newly started worker), the order swapped every round. The growth of a page is
the median over the rounds of (median at large / median at small), each pair measured minutes
apart.

    createdb -h 127.0.0.1 -U postgres -E UTF8 -T template0 newsroom_bench_small
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom_bench_small .venv/bin/python bench/bench_public.py --sizes 1000
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom_bench .venv/bin/python bench/bench_public.py   # or --sizes 100000
    .venv/bin/python bench/page_growth.py --small postgres://postgres@127.0.0.1:5432/newsroom_bench_small \\
        --large postgres://postgres@127.0.0.1:5432/newsroom_bench
"""

import argparse
import json
import random
import subprocess
import sys
from pathlib import Path

from _django import OUT, median


def measure(url: str) -> None:
    from _django import setup

    setup(url, fresh=False)
    from bench_public import measure_pages

    from articles.models import Article

    print(json.dumps({"articles": Article.objects.count(), "pages": measure_pages(random.Random(7))}))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--small")
    parser.add_argument("--large")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        return measure(args.measure)
    script = str(Path(__file__).resolve())
    rounds = []
    for number in range(args.rounds):
        order = ["small", "large"] if number % 2 == 0 else ["large", "small"]
        result = {}
        for which in order:
            out = subprocess.run([sys.executable, script, "--measure", getattr(args, which)],
                                 check=True, capture_output=True, text=True).stdout
            result[which] = json.loads(out.strip().splitlines()[-1])
        rounds.append(result)
        print(f"round {number + 1}: " + ", ".join(
            f"{page} {result['large']['pages'][page]['median_ms'] / result['small']['pages'][page]['median_ms']:.2f}"
            for page in result["small"]["pages"]), flush=True)
    pages = list(rounds[0]["small"]["pages"])
    report = {
        "articles": {which: rounds[0][which]["articles"] for which in ("small", "large")},
        "rounds": len(rounds),
        "median_ms": {which: {page: round(median([r[which]["pages"][page]["median_ms"] for r in rounds]), 1) for page in pages}
                      for which in ("small", "large")},
        "growth": {page: round(median([r["large"]["pages"][page]["median_ms"] / r["small"]["pages"][page]["median_ms"]
                                       for r in rounds]), 2) for page in pages},
    }
    print(json.dumps(report, ensure_ascii=False, indent=1))
    vendor = "postgresql" if args.large.startswith("postgres") else "sqlite"
    (OUT / f"page-growth-{vendor}.json").write_text(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
