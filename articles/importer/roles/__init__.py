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
from .features import Context, issue_context, line_features

MODEL_PATH = Path(__file__).with_name("roles.crfsuite")
# A model trained elsewhere (bench/train_importer.py --out), for comparing one with another.
MODEL_OVERRIDE = "NEWSROOM_ROLES_MODEL"

# Every role a line can play. *_cont: the line goes on with the one before it (a wrapped line, or
# a paragraph's rest after a caption or a page break).
ROLES = ("column", "kicker", "title", "title_cont", "subtitle", "byline", "subhead", "para", "para_cont",
         "caption", "caption_cont", "notice", "notice_cont", "furn")
HEADLINE_ROLES = {"column", "kicker", "title", "title_cont", "subtitle"}

_load_lock = threading.Lock()
# One pycrfsuite Tagger is not safe to share between threads tagging at once.
_tag_lock = threading.Lock()
_tagger = None


def tagger():
    global _tagger
    if _tagger is None:
        with _load_lock:
            if _tagger is None:
                import pycrfsuite

                loaded = pycrfsuite.Tagger()
                loaded.open(os.environ.get(MODEL_OVERRIDE) or str(MODEL_PATH))
                _tagger = loaded
    return _tagger


def label_lines(lines: list[Line], *, jump_in=frozenset(), jump_out=frozenset(), pages=None,
                context: Context | None = None) -> list[str]:
    if not lines:
        return []
    ctx = context or issue_context(lines)
    features = line_features(lines, ctx, jump_in=jump_in, jump_out=jump_out, pages=pages)
    model = tagger()
    with _tag_lock:
        roles = model.tag(features)
    return list(roles)
