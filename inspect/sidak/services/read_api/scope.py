"""Narrowing a list's SQL to what a reader may see, before the permission check of each row.

The rules are those of `sidak.services.permissions`: the queries only keep pages full (an
office head's page holds its own office's rows), and every row read is checked again with
the permission functions before it is shown.
"""

from sidak.models import Role


def confined_office(reader) -> int | None:
    """The one office `reader` reads (an office head, an office-scoped integration), or None."""
    return reader.office_id if reader.role == Role.OFFICE_HEAD else None


def sees_proposals(reader) -> bool:
    """A proposed sanction is the city's to decide: an office's head does not see it until it
    is issued or waived (their portal, `sanctions.pages.office_overview`, leaves it out)."""
    return reader.role != Role.OFFICE_HEAD
