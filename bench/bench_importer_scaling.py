"""The importer on large issues: time against size, and the dry run of a 20 MB file.

    .venv/bin/python bench/bench_importer_scaling.py [--mb 2.5 20] [--jieba]

An issue file is built from simulated issues (the project's own texts, paragraph and line forms
mixed) until it reaches each size; each is parsed once in this process (what the admin preview and
`import_issues --dry-run` do) and timed. The ratio of the largest to the smallest time, against the
ratio of their sizes, says whether the work grows linearly. CPU time is given beside wall time:
the machine is shared.
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from articles.importer import parse_issue
from tests.simulator.issues import simulate


def issue_of(size: int) -> bytes:
    parts, total, seed = [], 0, 0
    while total < size:
        issue = simulate(900_000 + seed, shared=False)
        parts.append(issue.text)
        total += len(issue.text.encode("utf-8")) + 4
        seed += 1
    return "\n\n\n\n".join(parts).encode("utf-8")[:size].decode("utf-8", "ignore").encode("utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, nargs="+", default=[2.5, 20.0])
    parser.add_argument("--jieba", action="store_true", help="also time one jieba.cut pass over the first size")
    args = parser.parse_args()
    rows = []
    for mb in args.mb:
        data = issue_of(int(mb * 1_000_000))
        wall, cpu = time.perf_counter(), time.process_time()
        parsed = parse_issue(data, source=f"{mb}MB.txt")
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        rows.append((mb, wall, cpu, len(parsed.articles)))
        print(f"{mb:>6.1f} MB  wall {wall:7.2f} s  cpu {cpu:7.2f} s  {len(parsed.articles)} articles", flush=True)
        if args.jieba and mb == args.mb[0]:
            import jieba

            jieba.initialize()
            text = data.decode("utf-8")
            j_wall, j_cpu = time.perf_counter(), time.process_time()
            tokens = sum(1 for _ in jieba.cut(text))
            j_wall, j_cpu = time.perf_counter() - j_wall, time.process_time() - j_cpu
            print(f"         one jieba.cut pass over the same text: wall {j_wall:.2f} s  cpu {j_cpu:.2f} s "
                  f"({tokens} tokens); the pipeline takes {wall / j_wall:.2f}× (cpu {cpu / j_cpu:.2f}×)", flush=True)
    if len(rows) > 1:
        (small, *_), (large, *_) = rows[0], rows[-1]
        print(f"size ×{large / small:.1f}: wall ×{rows[-1][1] / rows[0][1]:.2f}, cpu ×{rows[-1][2] / rows[0][2]:.2f}")


if __name__ == "__main__":
    main()
