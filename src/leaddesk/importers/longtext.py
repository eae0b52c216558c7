"""Text of any length, read a piece at a time: the first million characters are kept to
store, and once a value grows past them the whole of it goes to a spill file, so nothing
is lost and no value needs to sit whole in memory."""

import hashlib
import os
import tempfile
from pathlib import Path
from typing import IO

from leaddesk.domain.drafts import Overflow

TEXT_CAP = 1_000_000  # characters of one message or field that are stored in the database


class Spill:
    """Where one import's spill files go, and which it made: those not taken by the
    store when the import ends are removed."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self.made: list[Path] = []

    def create(self) -> tuple[IO[bytes], Path]:
        """A new private file (0600) to write a value to."""
        if self.folder is not None:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, name = tempfile.mkstemp(prefix="spill-", suffix=".part", dir=self.folder)
        path = Path(name)
        self.made.append(path)
        return os.fdopen(handle, "wb"), path

    def clean(self) -> None:
        """Remove the spill files still lying about (moved ones are gone already)."""
        for path in self.made:
            path.unlink(missing_ok=True)
        self.made = []


def marker(length: int, what: str = "text") -> str:
    """What ends a stored text that was cut: that it was, and that all of it is kept."""
    return f"\n\n[cut here: the whole {what} ({length:,} characters) is kept in a file beside the desk]"


class LongText:
    """One value, given in pieces in order. `finish` gives what to store: the value, or
    its first `cap` characters and a marker, and `overflow` then names the spill file
    that holds it all. With `keep` False nothing is spilled: past the cap only its length
    is counted (a part of something kept whole elsewhere)."""

    def __init__(self, spill: Spill, cap: int = TEXT_CAP, *, keep: bool = True) -> None:
        self._spill, self.cap, self._keep = spill, cap, keep
        self._pieces: list[str] = []
        self._head: str | None = None  # the first `cap` characters, once past them
        self._tail = ""  # the value's last character
        self.length = 0
        self._file: IO[bytes] | None = None
        self._path: Path | None = None
        self._digest = hashlib.sha256()
        self.overflow: Overflow | None = None

    def add(self, piece: str) -> None:
        """The next piece of the value."""
        if not piece:
            return
        self.length += len(piece)
        self._tail = piece[-1]
        if self._head is not None:
            if self._file is not None:
                self._write(piece)
            return
        self._pieces.append(piece)
        if self.length > self.cap:
            whole = "".join(self._pieces)
            self._pieces = []
            self._head = whole[:self.cap]
            if self._keep:
                self._file, self._path = self._spill.create()
                self._write(whole)

    def ends_with(self, suffix: str) -> bool:
        """Whether the value so far ends with this one character."""
        return self._tail == suffix

    def drop_last(self) -> None:
        """Take back the last character (a line's soft break), while it is still held."""
        if self._head is None and self._pieces:
            self._pieces[-1] = self._pieces[-1][:-1]
            self.length -= 1
            self._tail = self._pieces[-1][-1:]

    def head(self) -> str:
        """The value, or its first `cap` characters when it is longer."""
        return self._head if self._head is not None else "".join(self._pieces)

    def _write(self, piece: str) -> None:
        data = piece.encode("utf-8", "surrogatepass")
        self._digest.update(data)
        assert self._file is not None
        self._file.write(data)

    def finish(self, *, keep_whole: bool = False) -> str:
        """The text to store; after this, `overflow` is set when the value was cut (or,
        with `keep_whole`, in any case: a part of it was cut elsewhere)."""
        if self._head is None and keep_whole and self._keep:
            self._file, self._path = self._spill.create()
            self._head = "".join(self._pieces)
            self._write(self._head)
            self._file.close()
            assert self._path is not None
            self.overflow = Overflow(self._path, self._digest.hexdigest(), self.length)
            return self._head
        if self._head is None:
            return "".join(self._pieces)
        if self._file is not None:
            self._file.close()
            assert self._path is not None
            self.overflow = Overflow(self._path, self._digest.hexdigest(), self.length)
        return self._head + marker(self.length)


def bounded(text: str, spill: Spill, cap: int = TEXT_CAP) -> tuple[str, Overflow | None]:
    """A value already whole in memory, cut and spilled the same way if it is too long."""
    if len(text) <= cap:
        return text, None
    long = LongText(spill, cap)
    long.add(text)
    return long.finish(), long.overflow
