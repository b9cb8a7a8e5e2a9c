"""The role each printed line plays, decided for the whole issue at once.

A linear-chain CRF (python-crfsuite) weighs every line's features against every role, and the
transitions between roles (a stack is column? kicker? title subtitle?; a caption may interrupt a
sentence, whose rest goes on after it), and decodes the most likely sequence of roles for the
issue as a whole (Viterbi). Its weights are learned from simulated issues only
(`bench/train_importer.py`); the trained model ships beside this module.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from ..lines import Line
from .conventions import with_conventions
from .corrections import WEIGHED, corrected
from .features import Context, issue_context, line_features

MODEL_DIR = Path(__file__).parent
# The first pass reads each line; the second reads it again against the issue's own habits.
# Text with a line per paragraph and text with a line per printed line (a wrapped column) tell
# their roles by different evidence (the width of a line says nothing in the first), so each form
# has its own pair of models rather than one set of weights bent to fit both.
PASSES = ("first", "second")
FORMS = ("paragraphs", "lines")
MODEL_FILES = {
    ("first", "paragraphs"): "roles-paragraphs.crfsuite",
    ("second", "paragraphs"): "roles-paragraphs-issue.crfsuite",
    ("first", "lines"): "roles-lines.crfsuite",
    ("second", "lines"): "roles-lines-issue.crfsuite",
}
# Models trained elsewhere (bench/train_importer.py --out DIR), for comparing one with another.
MODEL_OVERRIDE = "NEWSROOM_ROLES_MODEL"

# Every role a line can play. *_cont: the line goes on with the one before it (a wrapped line, or
# a paragraph's rest after a caption or a page break).
ROLES = ("column", "kicker", "title", "title_cont", "subtitle", "byline", "subhead", "para", "para_cont",
         "caption", "caption_cont", "notice", "notice_cont", "furn")
HEADLINE_ROLES = {"column", "kicker", "title", "title_cont", "subtitle"}

_load_lock = threading.Lock()
# A pycrfsuite Tagger is not safe to share between threads tagging at once.
_tag_lock = threading.Lock()
_taggers: dict[str, object] = {}


def model_path(name: tuple[str, str]) -> Path:
    directory = os.environ.get(MODEL_OVERRIDE)
    return (Path(directory) if directory else MODEL_DIR) / MODEL_FILES[name]


def tagger(name: tuple[str, str]):
    if name not in _taggers:
        with _load_lock:
            if name not in _taggers:
                import pycrfsuite

                loaded = pycrfsuite.Tagger()
                loaded.open(str(model_path(name)))
                _taggers[name] = loaded
    return _taggers[name]


def tag(name: tuple[str, str], features: list[list[str]]) -> list[str]:
    model = tagger(name)
    with _tag_lock:
        return list(model.tag(features))


def tag_weighing(name: tuple[str, str], features: list[list[str]], roles) -> tuple[list[str], list[dict[str, float]]]:
    """The labels, and for each line how likely the model holds each of these roles (the
    marginals of the decoded sequence), for the corrections that must choose between readings."""
    model = tagger(name)
    with _tag_lock:
        labels = list(model.tag(features))
        known = set(model.labels()).intersection(roles)
        return labels, [{role: model.marginal(role, t) for role in known} for t in range(len(labels))]


def label_lines(lines: list[Line], *, form: str, jump_in=frozenset(), jump_out=frozenset(), pages=None,
                context: Context | None = None) -> list[str]:
    """form: how the text came extracted, "paragraphs" or "lines" (prepare.Prepared.form)."""
    if not lines:
        return []
    ctx = context or issue_context(lines)
    features = line_features(lines, ctx, jump_in=jump_in, jump_out=jump_out, pages=pages)
    first = tag(("first", form), features)
    labels, weights = tag_weighing(("second", form), with_conventions(lines, features, first), WEIGHED)
    return corrected(lines, labels, form=form, weights=weights)
