"""Train the importer's role models on simulated issues, never on ../shared.

    .venv/bin/python bench/train_importer.py [--issues 3000] [--seed 20261201] [--out DIR]

Renders the project's own clean texts (the papers not held out for the benchmark) into issues of
every layout and extractor form the simulator knows, labels each line with the role it truly
plays, and trains the CRFs articles/importer/roles/ ships, a pair for each text form (a line per
paragraph; a line per printed line): the first pass reads each line, the second reads it again
against the issue's own habits as the first pass saw them. The second pass learns from first-pass labels made by a model that never saw the issue (two halves,
each labelled by a model trained on the other), so it learns how far to trust them. The same
seed gives the same models.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pycrfsuite  # noqa: E402

from articles.importer.decode import decode_source  # noqa: E402
from articles.importer.fold import fold_ideographs  # noqa: E402
from articles.importer.prepare import prepare  # noqa: E402
from articles.importer.roles import FORMS, MODEL_DIR, MODEL_FILES, ROLES  # noqa: E402
from articles.importer.roles.conventions import with_conventions  # noqa: E402
from articles.importer.roles.features import line_features  # noqa: E402
from tests.simulator.extracted import extracted  # noqa: E402
from tests.simulator.issues import simulate  # noqa: E402

# L1 keeps the model small and drops features that never decide anything; L2 keeps the weights of
# features that always co-occur from running away, and at 0.5 (against 0.01 before) the line models
# carry over to papers they never saw: 0.760 against 0.712 article F1 on 40 PDFs of held-out papers
# read by pypdfium2 (docs/importer.md). The shipped paragraph models were trained with c1 0.05, c2 0.01.
PARAMETERS = {"c1": 0.1, "c2": 0.5, "max_iterations": 300, "feature.possible_transitions": True}


def labelled_sequence(issue):
    text, _ = decode_source(issue.data)
    prepared = prepare(fold_ideographs(text.replace("\r\n", "\n"))[0])
    labels = []
    for line in prepared.lines:
        role = issue.lines.get(line.number, "furn")
        if role.startswith("side_caption:"):
            role = "caption" if "credit" in line.notes else role.split(":", 1)[1]
        labels.append(role if role in ROLES else "furn")
    features = line_features(prepared.lines, prepared.context, jump_in=prepared.jump_in,
                             jump_out=prepared.jump_out, pages=prepared.pages)
    return prepared.lines, features, labels, prepared.form


def train(sequences, path: Path) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params(PARAMETERS)
    for features, labels in sequences:
        trainer.append(features, labels)
    trainer.train(str(path))


def predict(path: Path, sequences) -> list[list[str]]:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return [list(tagger.tag(features)) for features, _ in sequences]


def train_pair(data, out: Path, form: str) -> None:
    """The two passes for one form. The second learns from first-pass labels made by a model that
    never saw the issue (two halves, each labelled by a model trained on the other)."""
    print(f"{form}: {len(data)} issues", flush=True)
    halves = [data[0::2], data[1::2]]
    first_labels: dict[int, list[str]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for k, half in enumerate(halves):
            path = Path(scratch) / f"half{k}.crfsuite"
            train([(f, y) for _, f, y in half], path)
            other = halves[1 - k]
            for offset, labels in enumerate(predict(path, [(f, y) for _, f, y in other])):
                first_labels[(1 - k) + 2 * offset] = labels
    train([(f, y) for _, f, y in data], out / MODEL_FILES[("first", form)])
    second = [(with_conventions(lines, f, first_labels[i]), y) for i, (lines, f, y) in enumerate(data)]
    train(second, out / MODEL_FILES[("second", form)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--issues", type=int, default=3000)
    parser.add_argument("--pdf-issues", type=int, default=600,
                        help="issues typeset to PDF and read back by an extractor (a line per printed line)")
    parser.add_argument("--pdf-tools", default="pypdfium2,pdftotext,pdfminer",
                        help="extractors the PDF issues are read back by, taken in turn (each orders a page its own way)")
    parser.add_argument("--seed", type=int, default=20261201)
    parser.add_argument("--out", type=Path, default=MODEL_DIR, help="directory for the model files")
    parser.add_argument("--c1", type=float, default=PARAMETERS["c1"], help="L1 weight (for comparing)")
    parser.add_argument("--c2", type=float, default=PARAMETERS["c2"], help="L2 weight (for comparing)")
    parser.add_argument("--forms", nargs="+", choices=FORMS, default=list(FORMS),
                        help="train only these forms' line models (for comparing features)")
    args = parser.parse_args()
    PARAMETERS.update(c1=args.c1, c2=args.c2)
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    data, counts = [], Counter()
    for n in range(args.issues):
        issue = simulate(args.seed + n, shared=False, split="train")
        if "interleaved" in issue.kinds:
            continue  # the columns are put in order before the role model reads them
        if "side-by-side" in issue.kinds:
            continue  # two stacks side by side are cut apart by segmentation, after the roles
        lines, features, labels, form = labelled_sequence(issue)
        if features:
            data.append((lines, features, labels, form))
            counts.update(labels)
    tools = args.pdf_tools.split(",")
    for n in range(args.pdf_issues):
        issue = extracted(args.seed + 7_000_000 + n, tool=tools[n % len(tools)], split="train")
        if issue is None:
            continue  # that extractor is not installed
        lines, features, labels, form = labelled_sequence(issue)
        if features:
            data.append((lines, features, labels, form))
            counts.update(labels)
    print(f"{len(data)} issues, {sum(counts.values())} lines in {time.perf_counter() - started:.0f} s:", dict(counts))
    started = time.perf_counter()
    for form in args.forms:
        train_pair([(lines, f, y) for lines, f, y, seen in data if seen == form], args.out, form)
    sizes = ", ".join(f"{'/'.join(name)} {(args.out / file).stat().st_size / 1024:.0f} KB"
                      for name, file in MODEL_FILES.items() if name[1] in args.forms)
    print(f"trained in {time.perf_counter() - started:.0f} s -> {args.out} ({sizes})")


if __name__ == "__main__":
    main()
