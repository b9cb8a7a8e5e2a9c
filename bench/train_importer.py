"""Train the importer's role model on simulated issues, never on ../shared.

    .venv/bin/python bench/train_importer.py [--issues 3000] [--seed 20261201]

Renders the project's own clean texts into issues of every layout and extractor form the
simulator knows, labels each line with the role it truly plays, and trains the CRF that
articles/importer/roles/ ships (roles.crfsuite). The same seed gives the same model.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pycrfsuite  # noqa: E402

from articles.importer.decode import decode_source  # noqa: E402
from articles.importer.prepare import prepare  # noqa: E402
from articles.importer.roles import MODEL_PATH, ROLES  # noqa: E402
from articles.importer.roles.features import line_features  # noqa: E402
from tests.simulator.issues import simulate  # noqa: E402

# L1 keeps the model small and drops features that never decide anything; L2 keeps the weights of
# features that always co-occur from running away.
PARAMETERS = {"c1": 0.05, "c2": 0.01, "max_iterations": 300, "feature.possible_transitions": True}


def labelled_sequence(issue):
    text, _ = decode_source(issue.data)
    prepared = prepare(text.replace("\r\n", "\n"))
    labels = []
    for line in prepared.lines:
        role = issue.lines.get(line.number, "furn")
        if role.startswith("side_caption:"):
            role = "caption" if "credit" in line.notes else role.split(":", 1)[1]
        labels.append(role if role in ROLES else "furn")
    features = line_features(prepared.lines, prepared.context, jump_in=prepared.jump_in,
                             jump_out=prepared.jump_out, pages=prepared.pages)
    return features, labels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--issues", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=20261201)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params(PARAMETERS)
    counts: Counter = Counter()
    started = time.perf_counter()
    used = 0
    for n in range(args.issues):
        issue = simulate(args.seed + n, shared=False, split="train")
        if "interleaved" in issue.kinds:
            continue  # the columns are put in order before the role model reads them
        features, labels = labelled_sequence(issue)
        if features:
            trainer.append(features, labels)
            counts.update(labels)
            used += 1
    print(f"{used} issues, {sum(counts.values())} lines in {time.perf_counter() - started:.0f} s:", dict(counts))
    started = time.perf_counter()
    trainer.train(str(args.out))
    print(f"trained in {time.perf_counter() - started:.0f} s -> {args.out} ({args.out.stat().st_size / 1024:.0f} KB)")


if __name__ == "__main__":
    main()
