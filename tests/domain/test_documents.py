"""Document numbers, verification codes and correction deadlines."""

from datetime import date

import pytest

from sidak.domain.bands import band_for
from sidak.domain.documents import (
    CODE_ALPHABET,
    CODE_LENGTH,
    DEFAULT_NUMBER_PATTERN,
    DeadlinePolicy,
    add_working_days,
    display_code,
    new_verification_code,
    normalize_code,
    report_number,
)


@pytest.mark.parametrize(
    ("sequence", "year", "month", "expected"),
    [
        (7, 2026, 11, "007/BA-SIDAK/XI/2026"),
        (1, 2027, 1, "001/BA-SIDAK/I/2027"),
        (1234, 2026, 4, "1234/BA-SIDAK/IV/2026"),
    ],
)
def test_numbers_follow_the_berita_acara_pattern(sequence, year, month, expected):
    assert report_number(DEFAULT_NUMBER_PATTERN, sequence, year, month) == expected


def test_codes_are_random_and_typed_loosely():
    codes = {new_verification_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(len(c) == CODE_LENGTH and set(c) <= set(CODE_ALPHABET) for c in codes)
    code = "AB12C-DE3FG".replace("-", "")
    assert normalize_code("ab12c-de3fg") == code
    assert normalize_code(" AB12C DE3FG ") == code
    # O and I, L read as 0 and 1: the alphabet has neither
    assert normalize_code("ABO2C-DEIFG") == "AB02CDE1FG"
    assert display_code(code) == "AB12C-DE3FG"
    for bad in ("", "ABC", "AB12C-DE3FG-X", "AB12C-DE3F!", "ABU2CDE3FG"):
        assert normalize_code(bad) is None, bad


def test_deadlines_count_working_days():
    friday = date(2026, 11, 20)
    assert add_working_days(friday, 1) == date(2026, 11, 23)  # Monday
    assert add_working_days(friday, 5) == date(2026, 11, 27)
    assert add_working_days(date(2026, 11, 22), 1) == date(2026, 11, 23)  # from a Sunday
    policy = DeadlinePolicy(days=5, critical_days=1)
    assert policy.due(friday, critical=True) == date(2026, 11, 23)
    assert policy.due(friday, critical=False) == date(2026, 11, 27)


@pytest.mark.parametrize(
    ("score", "band"),
    [
        ("100", "green"),
        ("90.1", "green"),
        ("90.0", "yellow"),
        ("75.0", "yellow"),
        ("74.9", "red"),
        ("0", "red"),
    ],
)
def test_compliance_bands_as_the_national_monitoring_used(score, band):
    from decimal import Decimal

    assert band_for(Decimal(score)).id == band
    assert band_for(None) is None
