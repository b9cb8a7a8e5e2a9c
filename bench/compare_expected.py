"""Show an issue's import beside what a perfect import yields, article by article.

    .venv/bin/python bench/compare_expected.py FILE [EXPECTED.json]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from articles.importer import parse_issue


def show(label: str, articles: list[dict]) -> None:
    print(f"===== {label}")
    for a in articles:
        head = " / ".join(a.get(k) or "-" for k in ("column", "kicker", "title", "subtitle"))
        print(f"* {head}   [byline {a.get('byline')}, page {a.get('page')}]")
        for b in a["blocks"]:
            print(f"    {b['type'][:4]} {b['text'][:24]}…{b['text'][-10:]}")
        for c in a.get("captions") or []:
            print(f"    capt {c}")


def main() -> None:
    path = Path(sys.argv[1])
    expected_path = Path(sys.argv[2]) if len(sys.argv) > 2 else path.with_name(path.stem + ".expected.json")
    got = parse_issue(path.read_bytes(), source=path.name).to_json()
    want = json.loads(expected_path.read_text(encoding="utf-8"))
    show("expected", want["articles"])
    show("imported", got["articles"])
    print("leftovers:", got["leftovers"])
    print("notices:", got["notices"])
    print("issue:", {k: v for k, v in got["issue"].items() if v})


if __name__ == "__main__":
    main()
