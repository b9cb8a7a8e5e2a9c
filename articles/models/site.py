from django.db import models


class ContentVersion(models.Model):
    """One row counting changes to what the public can see.

    Cached public pages and figures are keyed by it. It is bumped in the same transaction as
    the change, and every app server reads it from the database, so no server can serve a page
    cached before an article was withdrawn, whatever cache each server has.
    """

    version = models.BigIntegerField(default=1)

    class Meta:
        verbose_name = "公开内容版本"
        verbose_name_plural = "公开内容版本"

    def __str__(self):
        return f"公开内容第 {self.version} 版"
