"""Each article keeps a copy of its issue's date, so the public lists sort by one index."""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce, TruncDate

FIELD = dict(editable=False, help_text="所在期的出版日期，随期自动更新（用于按时间排序）", verbose_name="出版日期")


def copy_issue_dates(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    Issue = apps.get_model("articles", "Issue")
    HistoricalArticle = apps.get_model("articles", "HistoricalArticle")
    date = Subquery(Issue.objects.filter(pk=OuterRef("issue_id")).values("date")[:1])
    Article.objects.update(issue_date=date)
    # A version of an article whose issue has since been deleted: the day the version was saved.
    HistoricalArticle.objects.update(issue_date=Coalesce(date, TruncDate("history_date")))


class Migration(migrations.Migration):
    dependencies = [("articles", "0012_search_text_folded")]

    operations = [
        migrations.AlterModelOptions(
            name="article",
            options={"ordering": ["-issue_date", "issue_id", "position", "pk"],
                     "permissions": [("publish_article", "可以发布、定时发布和撤回文章"),
                                     ("correct_archive", "可以在全档案范围查找替换")],
                     "verbose_name": "文章", "verbose_name_plural": "文章"},
        ),
        migrations.AddField("article", "issue_date", models.DateField(null=True, **FIELD)),
        migrations.AddField("historicalarticle", "issue_date", models.DateField(null=True, **FIELD)),
        migrations.RunPython(copy_issue_dates, migrations.RunPython.noop),
        migrations.AlterField("article", "issue_date", models.DateField(**FIELD)),
        migrations.AlterField("historicalarticle", "issue_date", models.DateField(**FIELD)),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["-issue_date", "issue", "position", "id"], name="article_newest_first"),
        ),
    ]
