from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = "社区报档案"

    def ready(self):
        # The signals keep the search index and the page cache in step; the path converters must
        # be registered before any URLconf, the admin's included, is read.
        from . import signals, urlconverters  # noqa: F401

        urlconverters.register()
