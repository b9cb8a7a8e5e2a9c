"""The importer on simulated issues: scores overall and per noise kind.

    .venv/bin/python bench/bench_importer.py --issues 2000 [--seed 1] [--form lines|paragraphs]
                                             [--markdown docs/importer.md] [--no-shared]

Each issue is drawn from the seed (articles, print style, extractor form); the importer parses it
in this process and the result is scored against what a perfect import yields.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from articles.importer import SourceError, parse_issue  # noqa: E402
from tests.simulator.issues import simulate  # noqa: E402
from tests.simulator.score import mean_scores, score_issue  # noqa: E402
from tests.simulator.style import KINDS  # noqa: E402

BEGIN, END = "<!-- bench_importer table -->", "<!-- end of table -->"
METRICS = ["article_f1", "body_f1", "caption_f1", "para_exact", "byline", "page", "meta"]


def run(count: int, seed: int, form: str | None, shared: bool, verbose: bool = False, split: str = "holdout"):
    rows, by_kind = [], defaultdict(list)
    seconds = 0.0
    worst = []
    for n in range(count):
        issue = simulate(seed * 1_000_003 + n, form=form, shared=shared, split=split)
        started = time.perf_counter()
        try:
            pred = parse_issue(issue.data, source=issue.name).to_json()
        except SourceError as exc:
            pred = None
            if verbose:
                print(issue.name, "refused:", exc.message)
        seconds += time.perf_counter() - started
        scores = score_issue(issue.expected, pred)
        rows.append(scores)
        worst.append((scores["article_f1"], issue.name, sorted(issue.kinds)))
        for kind in issue.kinds:
            by_kind[kind].append(scores)
    return rows, by_kind, seconds, sorted(worst)[:10]


def table(rows, by_kind) -> str:
    lines = ["| noise kind | issues | " + " | ".join(METRICS) + " |", "|---|---:|" + "---:|" * len(METRICS)]

    def row(name, group):
        means = mean_scores(group)
        cells = [f"{means[m]:.3f}" if m in means else "–" for m in METRICS]
        return f"| {name} | {len(group)} | " + " | ".join(cells) + " |"

    lines.append(row("**all**", rows))
    for kind in KINDS:
        if by_kind.get(kind):
            lines.append(row(kind, by_kind[kind]))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--issues", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--form", choices=["lines", "paragraphs"])
    parser.add_argument("--no-shared", action="store_true", help="only the project's own texts")
    parser.add_argument("--split", choices=["holdout", "all", "train"], default="holdout",
                        help="which of the project's own texts: those the role model never saw (default)")
    parser.add_argument("--markdown", type=Path, help="write the table into this file")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    rows, by_kind, seconds, worst = run(args.issues, args.seed, args.form, not args.no_shared, args.verbose,
                                        args.split)
    text = table(rows, by_kind)
    print(text)
    print(f"\n{len(rows)} issues parsed in {seconds:.1f} s")
    print("worst:", *[f"{f:.2f} {name} {kinds}" for f, name, kinds in worst], sep="\n  ")
    if args.markdown:
        write_table(args.markdown, text, f"{len(rows)} issues, seed {args.seed}, form {args.form or 'any'}")


def write_table(path: Path, table_text: str, caption: str) -> None:
    """Put the table between the file's table markers (the prose around it stays), or write it alone."""
    block = f"{BEGIN}\n_{caption}_\n\n{table_text}\n{END}"
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    if BEGIN in old and END in old:
        head, rest = old.split(BEGIN, 1)
        new = head + block + rest.split(END, 1)[1]
    else:
        new = old + ("\n" if old else "") + block + "\n"
    path.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    main()
