"""The table the rate-limit counters are shared in when there is no Redis (newsroom.cache)."""

from django.core.management import call_command
from django.db import migrations

TABLE = "newsroom_ratelimit_cache"


def create_table(apps, schema_editor):
    # Whatever CACHES says today: a later switch away from Redis must find the table there.
    call_command("createcachetable", TABLE, database=schema_editor.connection.alias, verbosity=0)


def drop_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(TABLE)}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0014_termstat_documents")]

    operations = [migrations.RunPython(create_table, drop_table)]
