"""What an import left in a benchmark database, as sorted rows keyed by source file and position,
to compare two versions of the code on the same corpus:

    PYTHONHASHSEED=0 .venv/bin/python bench/bench_import.py --issues 300
    .venv/bin/python bench/dump_import_rows.py bench/out/bench.sqlite3 /tmp/rows-after.json

and the same with the other version into another file; equal files mean equal results.
"""

import json
import sqlite3
import sys

db = sqlite3.connect(sys.argv[1])


def q(sql):
    return sorted(map(tuple, db.execute(sql).fetchall()))


key = "(SELECT i.source_name || '#' || a.position FROM articles_article a JOIN articles_issue i ON i.id=a.issue_id WHERE a.id={})"
out = {
 "articles": q("SELECT i.source_name, a.position, a.title, a.status, a.version, a.last_editor_id FROM articles_article a JOIN articles_issue i ON i.id=a.issue_id"),
 "suggestions": q(f"SELECT {key.format('s.article_id')}, s.name, s.score, s.state FROM articles_tagsuggestion s"),
 "keywords": q(f"SELECT {key.format('k.article_id')}, k.term, k.weight FROM articles_articlekeyword k"),
 "mentions": q(f"SELECT {key.format('m.article_id')}, p.name, m.title, m.office FROM articles_mention m JOIN articles_person p ON p.id=m.person_id"),
 "index": q(f"SELECT {key.format('e.article_id')}, e.text FROM articles_searchentry e"),
 "history": q(f"SELECT {key.format('h.id')}, h.history_type, h.history_change_reason, h.status, h.version, h.history_user_id, h.title FROM articles_historicalarticle h"),
 "transitions": q(f"SELECT {key.format('t.article_id')}, t.from_status, t.to_status, t.comment, t.user_id FROM articles_articletransition t"),
 "termstats": q("SELECT term, df FROM articles_termstat"),
 "warnings": q(f"SELECT {key.format('w.article_id')}, w.code, w.message FROM articles_articlewarning w"),
}
with open(sys.argv[2], "w", encoding="utf-8") as f:
    json.dump(out, f, ensure_ascii=False)
print({k: len(v) for k, v in out.items()})
