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
    """Whether a list may hold proposed sanctions: as `permissions.can_view_sanction` says,
    an office's head sees none until the city issued or waived it."""
    return reader.role != Role.OFFICE_HEAD
