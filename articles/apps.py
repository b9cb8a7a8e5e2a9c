from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = "社区报档案"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import signals  # noqa: F401  (keeps the search index and page cache in step)

        post_migrate.connect(signals.search_index_after_migrate, sender=self)
