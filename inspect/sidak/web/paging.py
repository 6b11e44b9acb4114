"""The page number a list was asked for (`?halaman=`)."""

from flask import request

#: no list has this many pages; a larger number (or garbage) asks for the first
LAST_PAGE = 100_000


def requested_page() -> int:
    page = request.args.get("halaman", 1, type=int)
    return page if 0 < page < LAST_PAGE else 1
