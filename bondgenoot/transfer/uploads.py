"""An upload handler that keeps the file in memory only (never in a temporary file on disk)
and stops reading at ``MAX_UPLOAD_BYTES``."""

from typing import Any

from django.core.files.uploadhandler import MemoryFileUploadHandler, SkipFile

from .forms import MAX_UPLOAD_BYTES


class LimitedMemoryUploadHandler(MemoryFileUploadHandler):
    too_large = False

    def handle_raw_input(self, *args: Any, **kwargs: Any) -> None:
        self.activated = True  # always in memory, whatever FILE_UPLOAD_MAX_MEMORY_SIZE says

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        if start + len(raw_data) > MAX_UPLOAD_BYTES:
            self.too_large = True
            raise SkipFile
        return super().receive_data_chunk(raw_data, start)
