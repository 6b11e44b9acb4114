"""Record ids as they come in from outside: URLs, forms, cookies.

A number the id columns cannot hold is no record at all; handed to the database it would
overflow (SQLite) or fail (PostgreSQL) instead of finding nothing.
"""

#: the largest value of an `integer` column on PostgreSQL
MAX_ID = 2**31 - 1


def fits(number: int) -> bool:
    """The number could be an id: positive and within the column."""
    return 0 < number <= MAX_ID


def parse_id(text: str | None) -> int | None:
    """The id written in `text` (ASCII digits only), or None when it cannot be one."""
    if not text or not text.isascii() or not text.isdigit() or len(text) > 10:
        return None
    number = int(text)
    return number if fits(number) else None
