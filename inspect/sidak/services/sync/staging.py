"""Photo bytes that are still arriving: one file per photo uuid, appended under a lock.

The files live in the uploads folder's ``partial/`` (outside the web root, like every
upload); their names are canonical uuids, checked by the caller, never raw URL text.
"""

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


class StagedFile:
    """An open, locked staging file."""

    def __init__(self, path: Path, file: BinaryIO):
        self.path = path
        self._file = file

    @property
    def received(self) -> int:
        return os.fstat(self._file.fileno()).st_size

    def append(self, data: bytes) -> None:
        self._file.write(data)
        self._file.flush()
        os.fsync(self._file.fileno())

    def truncate(self) -> None:
        self._file.truncate(0)

    def read(self) -> bytes:
        return self.path.read_bytes()

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)


class Staging:
    def __init__(self, uploads_dir: str | os.PathLike[str]):
        self.root = Path(uploads_dir) / "partial"

    def received(self, key: str) -> int:
        try:
            return (self.root / key).stat().st_size
        except FileNotFoundError:
            return 0

    @contextmanager
    def open(self, key: str) -> Iterator[StagedFile]:
        """The staging file for `key`, created if new, locked against other requests."""
        self.root.mkdir(mode=0o750, parents=True, exist_ok=True)
        path = self.root / key
        with open(path, "ab") as file:
            fcntl.flock(file.fileno(), fcntl.LOCK_EX)
            try:
                yield StagedFile(path, file)
            finally:
                fcntl.flock(file.fileno(), fcntl.LOCK_UN)

    def discard(self, key: str) -> None:
        (self.root / key).unlink(missing_ok=True)
