"""The archive's IDF keeps its number of documents in TermStat's empty-term row."""

from django.db import migrations


def count_documents(apps, schema_editor):
    TermStat = apps.get_model("articles", "TermStat")
    Article = apps.get_model("articles", "Article")
    if TermStat.objects.exclude(term="").exists():
        # Until now the number of articles in the archive stood for it.
        TermStat.objects.update_or_create(term="", defaults={"df": Article.objects.count()})


class Migration(migrations.Migration):
    dependencies = [("articles", "0013_article_issue_date")]

    operations = [migrations.RunPython(count_documents, migrations.RunPython.noop)]
