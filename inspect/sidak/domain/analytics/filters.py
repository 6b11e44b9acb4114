"""What a dashboard shows: the period, the offices and checklist it is limited to."""

from dataclasses import dataclass, replace
from datetime import date, timedelta

from sidak.domain.periods import Step, next_month

#: offices not inspected for this many days count as a coverage gap, unless chosen otherwise
IDLE_DAYS = 30


@dataclass(frozen=True)
class DashboardFilter:
    date_from: date | None  #: None: from the first inspection
    date_to: date
    district: str | None = None
    office_type: str | None = None
    checklist: str | None = None  #: a checklist id (``kantor-pelayanan``)
    step: Step = Step.MONTH
    idle_days: int = IDLE_DAYS

    def with_(self, **changes) -> "DashboardFilter":
        return replace(self, **changes)


def default_filter(today: date) -> DashboardFilter:
    """The last twelve months: this month so far and the eleven before it."""
    first = today.replace(day=1)
    for _ in range(11):
        first = (first - timedelta(days=1)).replace(day=1)
    return DashboardFilter(date_from=first, date_to=today)


def full_months(date_from: date | None, date_to: date) -> tuple[date, date] | None:
    """The first and last whole calendar months inside the period (None: not one whole).

    `date_from` None means the period has no start: every month up to `date_to` is whole.
    """
    if date_from is None:
        first = date.min.replace(year=1900)
    else:
        first = date_from if date_from.day == 1 else next_month(date_from.replace(day=1))
    # the month before the one holding the day after the period is the last whole one
    after = date_to + timedelta(days=1)
    last = (after.replace(day=1) - timedelta(days=1)).replace(day=1)
    if first > last:
        return None
    return first, last
