import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone


class ImportUpload(models.Model):
    """An uploaded issue file waiting for the editor to confirm its import after the preview.

    Kept in the database, not on a local disk, so the confirmation may reach any app server.
    """

    batch = models.UUIDField("批次", default=uuid.uuid4, db_index=True)
    name = models.CharField("文件名", max_length=255)
    data = models.BinaryField("内容")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+",
                                    verbose_name="上传人")
    uploaded_at = models.DateTimeField("上传时间", default=timezone.now)

    class Meta:
        verbose_name = "待确认的上传"
        verbose_name_plural = "待确认的上传"
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.name
