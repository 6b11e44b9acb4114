"""Cutting a period into days, weeks (Monday to Sunday) or calendar months."""

from datetime import date, timedelta
from enum import StrEnum

#: the days a period may start or end on: records begin this century, and a date near the
#: calendar's ends overflows once turned into a time in another zone
EARLIEST, LATEST = date(2000, 1, 1), date(2099, 12, 31)


def within_bounds(day: date) -> date:
    """The day, moved into EARLIEST..LATEST (where every record is)."""
    return min(max(day, EARLIEST), LATEST)


class Step(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


def next_month(month: date) -> date:
    """The first day of the month after the one `month` is in."""
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def is_whole_month(date_from: date, date_to: date) -> bool:
    """The period is one calendar month, first day to last."""
    return (
        date_from.day == 1
        and (date_from.year, date_from.month) == (date_to.year, date_to.month)
        and (date_to + timedelta(days=1)).day == 1
    )


def trend_step(date_from: date, date_to: date) -> Step:
    """Days for up to two weeks, weeks for up to half a year, months beyond."""
    days = (date_to - date_from).days + 1
    if days <= 14:
        return Step.DAY
    if days <= 183:
        return Step.WEEK
    return Step.MONTH


def periods(date_from: date, date_to: date, step: Step) -> list[tuple[date, date]]:
    """The period cut into days, weeks (Monday to Sunday) or calendar months, the first and
    last cut short at the period's ends."""
    cuts = []
    start = date_from
    while start <= date_to:
        if step is Step.DAY:
            end = start
        elif step is Step.WEEK:
            end = start + timedelta(days=6 - start.weekday())
        else:
            end = next_month(start) - timedelta(days=1)
        end = min(end, date_to)
        cuts.append((start, end))
        start = end + timedelta(days=1)
    return cuts
