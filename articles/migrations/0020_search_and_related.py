"""Related articles stored (RelatedArticle); and PostgreSQL's search index becomes a GIN index over an expression of the indexed text (its
characters and bigrams): no token column, so the index is the only copy of the tokens.

The stored 2-4-grams took 12 times the article table and were kept out of line, where the
planner did not count reading them back, so common words were answered by reading the whole
table. The function is frozen here as SQL; the application refers to it by name only
(articles/search/backends/postgres.py). Declared costly, so no plan evaluates it row by row
instead of asking the index; no statistics are gathered on it, which would evaluate it over
every sampled row at each ANALYZE.
"""

import django.db.models.deletion
from django.db import migrations, models

POSTGRES_CREATE = r"""
CREATE OR REPLACE FUNCTION articles_search_grams(doc text) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 10000 AS $$
  SELECT array_to_tsvector(chars || ARRAY(SELECT a || b FROM unnest(chars[:cardinality(chars) - 1], chars[2:]) AS t(a, b)))
  FROM string_to_array(doc, NULL) AS chars
$$;
CREATE INDEX articles_searchentry_grams_gin ON articles_searchentry USING gin (articles_search_grams(text))
  WITH (gin_pending_list_limit = 512);
ALTER INDEX articles_searchentry_grams_gin ALTER COLUMN 1 SET STATISTICS 0;
"""
POSTGRES_DROP = """
DROP INDEX IF EXISTS articles_searchentry_grams_gin;
DROP FUNCTION IF EXISTS articles_search_grams(text);
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_DROP)


class Migration(migrations.Migration):
    dependencies = [("articles", "0019_print_pages")]
    operations = [
        migrations.RemoveField(model_name="searchentry", name="tokens"),
        migrations.RunPython(create, drop),
        migrations.CreateModel(
            name='RelatedArticle',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('rank', models.PositiveSmallIntegerField()),
                ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='related_rows', to='articles.article')),
                ('related', models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name='related_to', to='articles.article')),
            ],
            options={
                'verbose_name': '相关文章',
                'verbose_name_plural': '相关文章',
                'constraints': [models.UniqueConstraint(fields=('article', 'rank'), name='related_article_rank')],
            },
        ),
    ]
