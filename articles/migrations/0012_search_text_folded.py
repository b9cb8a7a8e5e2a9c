"""The indexed text is kept case-folded, so checking a term is a plain substring test.

On PostgreSQL the index holds every run of up to four characters (a term that long is found from
the index alone); the index table keeps only pointers in its rows, so reading hits touches few
pages; and the GIN index's pending list of new tokens, which every search reads through, is kept
short.
"""

import re

from django.db import migrations

# Frozen copies of the tokenizer of articles/search/tokens.py as it was when this migration was
# written: a migration must do the same whatever the application's code says later.
POSTGRES_LONGEST = 4
ESCAPE = "ǂ"
TERMINAL = "ǃ"
_SPACE_RE = re.compile(r"\s+")
_ASCII_UPPER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def fold(text):
    return text.translate(_ASCII_UPPER)


def _encode(ch):
    return ch if ch.isalnum() and ch not in (ESCAPE, TERMINAL) else f"{ESCAPE}{ord(ch):x}{ESCAPE}"


def document_tokens(text, *, longest=2):
    tokens = []
    for run in _SPACE_RE.split(fold(text)):
        if not run:
            continue
        encoded = [_encode(ch) for ch in run]
        tokens.extend(map(str.__add__, encoded, encoded[1:]))
        for n in range(3, longest + 1):
            tokens.extend("".join(encoded[i:i + n]) for i in range(len(encoded) - n + 1))
        tokens.append(encoded[-1] + TERMINAL)
    return tokens
POSTGRES_SETTINGS = ("ALTER TABLE articles_searchentry SET (toast_tuple_target = 128); "
                     "ALTER INDEX articles_searchentry_tokens_gin SET (gin_pending_list_limit = 512)")
POSTGRES_RESET = ("ALTER TABLE articles_searchentry RESET (toast_tuple_target); "
                  "ALTER INDEX articles_searchentry_tokens_gin RESET (gin_pending_list_limit)")


def fold_and_retokenise(apps, schema_editor):
    SearchEntry = apps.get_model("articles", "SearchEntry")
    postgres = schema_editor.connection.vendor == "postgresql"
    rows = list(SearchEntry.objects.values_list("pk", "text"))
    with schema_editor.connection.cursor() as cursor:
        for start in range(0, len(rows), 500):
            batch = [(pk, fold(text)) for pk, text in rows[start:start + 500]]
            if postgres:
                cursor.executemany(
                    "UPDATE articles_searchentry SET text = %s, tokens = array_to_tsvector(%s::text[]) WHERE article_id = %s",
                    [(text, sorted(set(document_tokens(text, longest=POSTGRES_LONGEST))), pk) for pk, text in batch])
            else:  # the FTS5 tokens were folded already
                cursor.executemany("UPDATE articles_searchentry SET text = %s WHERE article_id = %s",
                                   [(text, pk) for pk, text in batch])


def tune(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_SETTINGS)


def untune(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_RESET)


class Migration(migrations.Migration):
    dependencies = [("articles", "0011_content_version")]
    operations = [
        migrations.RunPython(fold_and_retokenise, migrations.RunPython.noop),
        migrations.RunPython(tune, untune),
    ]
