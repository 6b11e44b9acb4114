"""Uploaded files on disk under random names, outside the web root.

Keys are the only way in, and a key must match a strict pattern before it touches the file
system, so a key taken from a URL or a database row can never reach outside `root`.
"""

import os
import re
import secrets
import tempfile
from pathlib import Path

#: "ab/" + 30 more hex digits (128 random bits in all) + "." + a short lowercase suffix
KEY_PATTERN = re.compile(r"[0-9a-f]{2}/[0-9a-f]{30}\.[a-z0-9]{1,8}")
_SUFFIX = re.compile(r"[a-z0-9]{1,8}")
FILE_MODE = 0o640


class FileStore:
    """Files under `root` (created on first save), each written once under a random key."""

    def __init__(self, root: str | os.PathLike[str]):
        self.root = Path(root)

    def save(self, data: bytes, suffix: str) -> str:
        """Write `data` atomically and return its new key; `suffix` is "jpg" or ".jpg"."""
        extension = suffix.removeprefix(".").lower()
        if not _SUFFIX.fullmatch(extension):
            raise ValueError(f"unusable file suffix: {suffix!r}")
        token = secrets.token_hex(16)
        key = f"{token[:2]}/{token[2:]}.{extension}"
        target = self.root / key
        target.parent.mkdir(mode=0o750, parents=True, exist_ok=True)
        # A reader never sees half a file: write beside the target, then rename over it.
        descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".part")
        try:
            with os.fdopen(descriptor, "wb") as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
            os.chmod(temporary, FILE_MODE)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        _sync_directory(target.parent)
        return key

    def open(self, key: str) -> bytes:
        """The stored bytes. Raises KeyError for a malformed or unknown key."""
        try:
            return self.path(key).read_bytes()
        except FileNotFoundError:  # deleted between the check and the read
            raise KeyError(key) from None

    def path(self, key: str) -> Path:
        """Where the file for `key` is (for send_file). Raises KeyError like `open`."""
        path = self._path(key)
        if not path.is_file():
            raise KeyError(key)
        return path

    def delete(self, key: str) -> None:
        """Remove a file; an already missing one is fine. Raises KeyError for a malformed key."""
        self._path(key).unlink(missing_ok=True)

    def _path(self, key: str) -> Path:
        if not isinstance(key, str) or not KEY_PATTERN.fullmatch(key):
            raise KeyError(key)
        return self.root / key


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable before the caller commits a row that names the file."""
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:  # not possible on every platform; the file itself is already synced
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
