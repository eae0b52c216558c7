"""Attachments as drafts: the media inside a WhatsApp zip and a mail's attached parts,
each named safely and read only when it is stored."""

import io
import mimetypes
import re
import zipfile
from collections.abc import Callable
from functools import partial
from pathlib import PurePosixPath
from typing import IO

from leaddesk.domain.attachments import safe_name
from leaddesk.domain.drafts import AttachmentDraft
from leaddesk.importers.sources import ZIP_DAMAGE, Source, open_member

UNKNOWN_TYPE = "application/octet-stream"


def media_type(name: str, declared: str | None = None) -> str:
    """What a file is, as a viewer would be told: the type a mail declares, else the one
    its name's extension says."""
    if declared and "/" in declared and declared != UNKNOWN_TYPE and len(declared) <= 100:
        return declared.lower()
    guessed = mimetypes.guess_type(name, strict=False)[0]
    return guessed or UNKNOWN_TYPE


def from_bytes(name: str, data: bytes, declared: str | None = None) -> AttachmentDraft:
    """An attachment whose bytes are in hand (a mail's part, decoded)."""
    shown = safe_name(name)
    opener: Callable[[], IO[bytes]] = partial(io.BytesIO, data)
    return AttachmentDraft(shown, len(data), media_type(shown, declared), opener)


def _normal(path: str) -> str:
    """A path inside a zip as a message or a member names it: forward slashes, no leading
    ./ or /, case as written."""
    return re.sub(r"^(?:\./|/)+", "", path.strip().replace("\\", "/"))


class ZipMedia:
    """The files beside a zip's chat, found by the name a message gives; listed once,
    the first time a message names one, and each read only when it is stored."""

    def __init__(self, source: Source) -> None:
        self._source = source
        self._by_name: dict[str, zipfile.ZipInfo] | None = None
        self._by_path: dict[str, zipfile.ZipInfo] = {}
        self._archive: zipfile.ZipFile | None = None  # opened once: its directory read once

    def find(self, name: str) -> AttachmentDraft | None:
        """The file a message names ("IMG-20210101-WA0001.jpg"), if the zip has it."""
        archive = self._source.archive
        if archive is None or not self._source.members:
            return None
        if self._by_name is None:
            try:
                self._archive = zipfile.ZipFile(archive)
                beside = set(self._source.members)  # not the chat itself
                files = [i for i in self._archive.infolist()  # nameless ones: fuzzing
                         if i.filename and not i.filename.endswith("/") and i.filename in beside]
            except ZIP_DAMAGE:
                files = []
            self._by_path = {_normal(i.filename): i for i in files}
            names: dict[str, list[zipfile.ZipInfo]] = {}
            for member in files:
                names.setdefault(PurePosixPath(_normal(member.filename)).name, []).append(member)
            self._by_name = {name: found[0] for name, found in names.items() if len(found) == 1}
        wanted = _normal(name)
        # the path the message gives, else its name where only one file has it (a WhatsApp
        # zip is flat; a WeChat backup's image/1.jpg and thumb/1.jpg are two files)
        info = self._by_path.get(wanted) or self._by_name.get(PurePosixPath(wanted).name)
        if info is None:
            return None
        shown = safe_name(info.filename)
        return AttachmentDraft(shown, info.file_size, media_type(shown), partial(self._open, info))

    def _open(self, info: zipfile.ZipInfo) -> IO[bytes]:
        if self._archive is None:
            raise OSError(f"{self._source.name}: the archive is closed")
        return open_member(self._archive, info)

    def __del__(self) -> None:
        if self._archive is not None:
            self._archive.close()
