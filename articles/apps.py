from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = "社区报档案"

    def ready(self):
        from . import signals  # noqa: F401  (keeps the search index and page cache in step)
        from . import urlconverters

        urlconverters.register()  # before any URLconf, the admin's included, is read
