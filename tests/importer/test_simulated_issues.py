"""The layout simulator in CI: a few hundred issues drawn from the project's own texts, from papers
the role model never saw, every kind of noise in random seeded combinations, held to a floor.

The floors are what the importer measured on these draws when they were set, less a margin for a
retrained model's spread; they catch a regression, they are not the issue's goal (docs/importer.md
has the full table over thousands of issues and the goals beside it).
"""

import pytest

from articles.importer import SourceError, parse_issue
from tests.simulator.issues import simulate
from tests.simulator.score import mean_scores, score_issue
from tests.simulator.style import KINDS

DRAWS = {"paragraphs": 160, "lines": 100}
SEED = 424_242
# Measured 2026-12-02 on these draws: paragraphs 0.899 / 0.896 / 0.894 / 0.974, lines 0.666 / 0.678 /
# 0.624 / 0.841 (article, body, caption, para_exact); the floors sit 0.05 below.
FLOORS = {
    "paragraphs": {"article_f1": 0.85, "body_f1": 0.85, "caption_f1": 0.84, "para_exact": 0.92},
    "lines": {"article_f1": 0.61, "body_f1": 0.63, "caption_f1": 0.57, "para_exact": 0.79},
}


def simulated(form):
    issues = [simulate(SEED + n, form=form, shared=False, split="holdout") for n in range(DRAWS[form])]
    rows = []
    for issue in issues:
        try:
            predicted = parse_issue(issue.data, source=issue.name).to_json()
        except SourceError:
            predicted = None
        rows.append(score_issue(issue.expected, predicted))
    return issues, mean_scores(rows)


@pytest.fixture(scope="module")
def runs():
    return {form: simulated(form) for form in DRAWS}


@pytest.mark.parametrize("form", list(DRAWS))
def test_simulated_issues_of_every_noise_kind_import_above_the_floor(runs, form):
    _, scores = runs[form]
    for metric, floor in FLOORS[form].items():
        assert scores[metric] >= floor, (form, metric, scores)


def test_the_draws_cover_every_kind_of_noise(runs):
    seen = set().union(*(issue.kinds for issues, _ in runs.values() for issue in issues))
    assert set(KINDS) - seen == set()
