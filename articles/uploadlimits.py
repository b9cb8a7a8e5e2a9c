"""Upload limits enforced while a file is received, before anything of it is kept.

The admin's import form takes issue files of up to settings.IMPORT_MAX_BYTES. Django would
otherwise receive a larger file whole (into memory or a temporary file) before any form or
service could look at its size; this handler, first in FILE_UPLOAD_HANDLERS, counts the bytes
as they arrive and drops the file at the limit. The view then names the file and the limit.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile


@dataclass(frozen=True)
class RefusedUpload:
    name: str
    limit: int
    received: int  # bytes passed on to be kept before the file was dropped (never over the limit)

    @property
    def message(self) -> str:
        return f"文件“{self.name}”超过 {size_label(self.limit)} 的上限，没有保存；请拆分成较小的文件后再上传。"


def size_label(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.4g} MB"
    return f"{size / 1024:.4g} KB"


def refused_uploads(request) -> list[RefusedUpload]:
    """The files of this request dropped for their size (read request.POST or FILES first)."""
    return list(getattr(request, "refused_uploads", []))


class SizeLimitUploadHandler(FileUploadHandler):
    def new_file(self, field_name, file_name, content_type, content_length, charset=None,
                 content_type_extra=None):
        super().new_file(field_name, file_name, content_type, content_length, charset, content_type_extra)
        self.limit = settings.IMPORT_MAX_BYTES
        if content_length is not None and content_length > self.limit:
            self._refuse(0)

    def receive_data_chunk(self, raw_data, start):
        # `start` is how much of this file earlier chunks brought: all of it was within the limit.
        if start + len(raw_data) > self.limit:
            self._refuse(start)
        return raw_data

    def file_complete(self, file_size):
        return None  # the next handler keeps the file

    def _refuse(self, received: int):
        if not hasattr(self.request, "refused_uploads"):
            self.request.refused_uploads = []
        self.request.refused_uploads.append(RefusedUpload(self.file_name or "（无名文件）", self.limit, received))
        raise SkipFile
