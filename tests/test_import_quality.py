"""The importer's output against what a perfect import yields.

The project's own demo issues are compared exactly. The shared samples (read from
../shared/samples, never copied) are scored with the shared scoring tool, as they are, in other
encodings and in other layouts (headline markup stripped or added, picture gaps closed), so a
rule that only fits one file's layout fails here.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from articles.importer import parse_issue

ROOT = Path(settings.BASE_DIR)
DEMOS = ROOT / "articles" / "demo_issues"
SHARED = ROOT.parent / "shared"
SAMPLES = SHARED / "samples"
SCORER = SHARED / "tools" / "score_import.py"
CORPUS = SHARED / "corpus" / "issues"
BARS = {"article_f1": 0.98, "body_f1": 0.98, "caption_f1": 0.95, "para_exact": 0.90, "meta": 0.90}
# Issues of other towns (issue 11's acceptance for ../shared/corpus/issues).
CORPUS_BARS = {"article_f1": 0.98, "body_f1": 0.98, "caption_f1": 0.95, "para_exact": 0.95}

needs_samples = pytest.mark.skipif(not (SAMPLES.exists() and SCORER.exists()), reason="../shared/samples not present")


def squash(text):
    return re.sub(r"\s+", "", text or "")


# Demo issues the role model does not yet read exactly (issue 11 is open); strict, so each must be
# taken off this list the day it passes.
MISREAD_DEMOS = {
    "meiyuan-2023-10-25.expected": "two stacks printed side by side: the second is read as a caption",
    "qingfeng-2024-05.expected": "a subtitle read as a caption, so the story's opening printed at the end is not put back",
}


def _demo(path):
    reason = MISREAD_DEMOS.get(path.stem)
    marks = [pytest.mark.xfail(strict=True, reason=f"issue 11 open: {reason}")] if reason else []
    return pytest.param(path, id=path.stem, marks=marks)


@pytest.mark.parametrize("expected_path", [_demo(p) for p in sorted(DEMOS.glob("*.expected.json"))])
def test_demo_issue_imports_exactly_as_expected(expected_path):
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    source = expected_path.with_name(expected["source"])
    parsed = parse_issue(source.read_bytes(), source=source.name).to_json()
    got = parsed["articles"]
    assert [squash(a["title"]) for a in got] == [squash(a["title"]) for a in expected["articles"]]
    for got_article, want in zip(got, expected["articles"], strict=True):
        assert squash(got_article["subtitle"]) == squash(want.get("subtitle"))
        assert squash(got_article["column"]) == squash(want.get("column"))
        assert [(b["type"], squash(b["text"])) for b in got_article["blocks"]] == \
               [(b["type"], squash(b["text"])) for b in want["blocks"]]
        assert sorted(got_article["captions"]) == sorted(want["captions"])
    issue = parsed["issue"]
    for key in ("town", "date", "number", "pages", "next_issue_date", "editorial_board", "date_precision"):
        if key in expected["issue"]:
            assert issue[key] == expected["issue"][key], key
    if "date_between" in expected["issue"]:
        low, high = expected["issue"]["date_between"]
        assert low <= issue["date"] <= high


def run_scorer(directory):
    result = subprocess.run([sys.executable, str(SCORER), "--python", sys.executable, str(directory)],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.stdout.strip(), result.stderr
    last = result.stdout.strip().splitlines()[-1]
    return {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", last)}, result.stdout


def assert_meets_bars(scores, output, bars=BARS):
    for metric, bar in bars.items():
        assert scores[metric] >= bar, f"{metric}={scores[metric]} < {bar}\n{output}"


@needs_samples
@pytest.mark.slow
def test_importer_meets_the_bar_on_the_shared_samples():
    scores, output = run_scorer(SAMPLES)
    assert_meets_bars(scores, output)


@pytest.mark.skipif(not (CORPUS.exists() and SCORER.exists()), reason="../shared/corpus/issues not present")
@pytest.mark.slow
def test_importer_meets_the_bar_on_other_towns_issues():
    scores, output = run_scorer(CORPUS)
    assert_meets_bars(scores, output, CORPUS_BARS)


def _variants(target: Path):
    """Each sample in another layout or encoding, with its expected file beside it."""
    for path in sorted(SAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        expected = json.loads((path.parent / (path.stem + ".expected.json")).read_text(encoding="utf-8"))
        layouts = {
            "gb18030-crlf": (text.replace("\n", "\r\n"), "gb18030"),
            "utf16": (text, "utf-16"),
            "gaps-closed": (re.sub(r"\n{3,}", "\n\n", text), "utf-8"),
            "no-blank-lines": (re.sub(r"\n\s*\n+", "\n", text), "utf-8"),
        }
        if re.search(r"^#", text, re.M):
            layouts["markup-stripped"] = (re.sub(r"^#+\s*", "", text, flags=re.M), "utf-8")
        for name, (body, encoding) in layouts.items():
            stem = f"{path.stem}_{name}"
            (target / f"{stem}.txt").write_bytes(body.encode(encoding))
            (target / f"{stem}.expected.json").write_text(json.dumps({**expected, "source": f"{stem}.txt"},
                                                                     ensure_ascii=False), encoding="utf-8")


@pytest.mark.xfail(strict=True, reason="issue 11 open: the samples in other layouts score body_f1 0.97 (bar 0.98): stripped of its headline markup, one prints two stacks side by side and the second is not read as a stack; measured 2026-12-04, docs/importer.md")
@needs_samples
@pytest.mark.slow
def test_importer_meets_the_bar_on_the_samples_in_other_layouts_and_encodings(tmp_path):
    _variants(tmp_path)
    scores, output = run_scorer(tmp_path)
    assert_meets_bars(scores, output)
