"""Keyset pages: a window (how many rows after which id) and opaque cursors."""

import base64
import binascii
from dataclasses import dataclass

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
_CURSOR = "v1:"


@dataclass(frozen=True)
class Window:
    """At most `limit` rows whose id is greater than `after`."""

    limit: int = DEFAULT_LIMIT
    after: int = 0


@dataclass(frozen=True)
class Page:
    data: list[dict]
    #: the cursor of the next page; None on the last one
    next_cursor: str | None


def encode_cursor(last_id: int) -> str:
    return base64.urlsafe_b64encode(f"{_CURSOR}{last_id}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    """The id a cursor continues after; raises ValueError for anything Sidak did not make."""
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise ValueError(cursor) from None
    number = text.removeprefix(_CURSOR)
    if not text.startswith(_CURSOR) or not number.isdigit() or len(number) > 18:
        raise ValueError(cursor)
    return int(number)


def cut(rows: list, window: Window, id_of) -> tuple[list, str | None]:
    """The rows of the page (`window.limit + 1` were read) and the next page's cursor."""
    if len(rows) <= window.limit:
        return rows, None
    rows = rows[: window.limit]
    return rows, encode_cursor(id_of(rows[-1]))
