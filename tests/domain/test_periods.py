"""Cutting a period into days, weeks and months."""

from datetime import date, timedelta

import pytest

from sidak.domain import periods
from sidak.domain.periods import Step


@pytest.mark.parametrize(
    ("days", "step"),
    [(1, Step.DAY), (14, Step.DAY), (15, Step.WEEK), (183, Step.WEEK), (184, Step.MONTH)],
)
def test_trend_step_follows_the_length_of_the_period(days, step):
    start = date(2026, 1, 1)
    assert periods.trend_step(start, start + timedelta(days=days - 1)) is step


def test_months_are_cut_at_the_period_ends_and_across_the_year():
    cuts = periods.periods(date(2026, 11, 20), date(2027, 1, 5), Step.MONTH)
    assert cuts == [
        (date(2026, 11, 20), date(2026, 11, 30)),
        (date(2026, 12, 1), date(2026, 12, 31)),
        (date(2027, 1, 1), date(2027, 1, 5)),
    ]
    days = periods.periods(date(2026, 2, 27), date(2026, 3, 1), Step.DAY)
    assert [start for start, _ in days] == [date(2026, 2, 27), date(2026, 2, 28), date(2026, 3, 1)]


def test_whole_month():
    assert periods.is_whole_month(date(2026, 2, 1), date(2026, 2, 28))
    assert not periods.is_whole_month(date(2026, 2, 1), date(2026, 2, 27))
    assert not periods.is_whole_month(date(2026, 10, 1), date(2026, 11, 30))
    assert not periods.is_whole_month(date(2026, 10, 2), date(2026, 10, 31))


def test_next_month_crosses_the_year():
    assert periods.next_month(date(2026, 12, 17)) == date(2027, 1, 1)
    assert periods.next_month(date(2027, 1, 31)) == date(2027, 2, 1)
