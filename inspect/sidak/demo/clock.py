"""A clock for writing history: the services stamp the demo's dates instead of today's.

The inspection services read the time from `sidak.models.utcnow` (imported into each service
module), and row defaults such as `AuditEvent.at` call it when a row is flushed. While a
`HistoricalClock` runs, both read the clock's moment, so a finalized record hashes the
historical times it shows, exactly as if the team had worked on that day.
"""

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from sqlalchemy import event
from sqlalchemy.orm import Session

from sidak.models import utcnow

#: columns that take "now" when a row is inserted or changed, by column name
STAMPED_ON_INSERT = ("at", "created_at", "registered_at", "updated_at", "uploaded_at")
STAMPED_ON_UPDATE = ("updated_at",)


class HistoricalClock:
    """Stands in for `utcnow`: returns the moment last set, always in UTC."""

    def __init__(self, moment: datetime):
        self.moment = moment.astimezone(UTC)

    def __call__(self) -> datetime:
        return self.moment

    def set(self, moment: datetime) -> None:
        self.moment = moment.astimezone(UTC)

    @contextmanager
    def running(self) -> Iterator["HistoricalClock"]:
        """Make the services and row defaults read this clock until the block ends."""
        modules = [
            module
            for name, module in list(sys.modules.items())
            if name.startswith("sidak.services") and getattr(module, "utcnow", None) is utcnow
        ]
        for module in modules:
            module.utcnow = self
        event.listen(Session, "before_flush", self._stamp)
        try:
            yield self
        finally:
            event.remove(Session, "before_flush", self._stamp)
            for module in modules:
                module.utcnow = utcnow

    def _stamp(self, session: Session, flush_context, instances) -> None:
        # Column defaults hold the real `utcnow` itself, so they are filled in here first.
        for row in session.new:
            for name in _columns(row, STAMPED_ON_INSERT):
                if getattr(row, name) is None:
                    setattr(row, name, self.moment)
        for row in session.dirty:
            if session.is_modified(row):
                for name in _columns(row, STAMPED_ON_UPDATE):
                    setattr(row, name, self.moment)


def _columns(row: object, names: tuple[str, ...]) -> list[str]:
    table = getattr(type(row), "__table__", None)
    return [name for name in names if table is not None and name in table.columns]
