"""The search index's engine-specific half: an FTS5 table on SQLite, a GIN index on PostgreSQL."""

from django.db import migrations

SQLITE_CREATE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_search_fts USING fts5("
    "tokens, content='', detail=full, tokenize='unicode61 remove_diacritics 0')"
)
SQLITE_DROP = "DROP TABLE IF EXISTS articles_search_fts"
POSTGRES_CREATE = "CREATE INDEX IF NOT EXISTS articles_searchentry_tokens_gin ON articles_searchentry USING gin (tokens)"
POSTGRES_DROP = "DROP INDEX IF EXISTS articles_searchentry_tokens_gin"


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(SQLITE_CREATE)
    elif vendor == "postgresql":
        schema_editor.execute(POSTGRES_CREATE)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(SQLITE_DROP)
    elif vendor == "postgresql":
        schema_editor.execute(POSTGRES_DROP)


class Migration(migrations.Migration):
    dependencies = [("articles", "0007_search_entry")]
    operations = [migrations.RunPython(create, drop)]
