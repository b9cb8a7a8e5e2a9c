"""Print each line of an issue file with the role the importer gives it (for looking, not scoring).

    .venv/bin/python bench/show_roles.py FILE [--width 60]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from articles.importer.decode import decode_source
from articles.importer.fold import fold_ideographs
from articles.importer.prepare import prepare
from articles.importer.roles import label_lines


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", type=Path)
    parser.add_argument("--width", type=int, default=60)
    args = parser.parse_args()
    text, _ = decode_source(args.file.read_bytes())
    prepared = prepare(fold_ideographs(text.replace("\r\n", "\n"))[0])
    roles = label_lines(prepared.lines, form=prepared.form, jump_in=prepared.jump_in, jump_out=prepared.jump_out,
                        pages=prepared.pages, context=prepared.context)
    for line in prepared.removed:
        print(f"{line.number:4d} [{line.role}] {line.text[:args.width]}")
    print("-" * 40, "wrapped" if prepared.context.wrapped else "paragraphs", prepared.context.paragraph_gap)
    for line, role, page in zip(prepared.lines, roles, prepared.pages, strict=True):
        print(f"{line.number:4d} g{line.gap} p{page} {role:12s} {line.text[:args.width]}")


if __name__ == "__main__":
    main()
