"""Rounding exact fractions half up with integers only, and writing numbers for people."""

from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sidak.domain.scoring import score_inspection
from sidak.domain.scoring.rounding import (
    format_decimal,
    format_number,
    format_percent,
    round_half_up,
)
from tests.domain.scoring_builders import checklist, count, counted, no, section, yes, yesno


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Fraction(200, 3), "66.7"),
        (Fraction(25, 2), "12.5"),
        (Fraction(265, 4), "66.3"),  # 66.25: a tie goes up
        (Fraction(1737, 20), "86.9"),  # 86.85: the float is 86.8499...
        (Fraction(1999, 20), "100.0"),  # 99.95
        (Fraction(0), "0.0"),
        (Fraction(1, 20), "0.1"),
        (Fraction(1, 21), "0.0"),
        (Fraction(-1, 20), "-0.1"),  # away from zero, as Decimal's ROUND_HALF_UP
        (Fraction(100), "100.0"),
    ],
)
def test_round_half_up_to_one_decimal(value, expected):
    rounded = round_half_up(value)

    assert str(rounded) == expected
    assert rounded == Decimal(expected)


def test_other_places():
    assert str(round_half_up(Fraction(5, 2), 0)) == "3"
    assert str(round_half_up(Fraction(1, 8), 2)) == "0.13"


@given(st.fractions(min_value=-1000, max_value=1000, max_denominator=10**6))
def test_round_half_up_agrees_with_decimal_at_high_precision(value):
    # With 60 digits the quotient is exact for ties (they terminate) and far from a tie
    # otherwise (at least 1/(20 x 10**6) away), so Decimal is a trustworthy oracle here.
    with localcontext() as context:
        context.prec = 60
        quotient = Decimal(value.numerator) / Decimal(value.denominator)
        expected = quotient.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    assert round_half_up(value) == expected


def test_numbers_are_written_the_way_each_language_writes_them():
    assert format_decimal(Decimal("87.5"), "id") == "87,5"
    assert format_decimal(Decimal("87.5"), "en") == "87.5"
    assert format_percent(Fraction(7, 10), "id") == "70%"
    assert format_percent(Fraction(2, 3), "id") == "66,7%"
    assert format_percent(Fraction(2, 3), "en") == "66.7%"
    assert format_number(Fraction(81, 2), "id") == "40,5"
    assert format_number(Fraction(1, 3), "en") == "≈0.33"
    assert format_number(Fraction(-3), "en") == "-3"


def rounding():
    return checklist(
        section(
            "loket",
            yesno("poster", category="information"),
            yesno("petugas", category="supervision"),
            yesno("antrean", category="queueing"),
        ),
        section("pengunjung", count("masker-pengunjung", "9/10", category="masks")),
        section(
            "pegawai",
            count("masker-pegawai", "9/10", weight=3, category="staffing"),
            count("jarak-pegawai", "9/10", weight=3, category="distancing"),
        ),
    )


ROUNDING_ANSWERS = [
    yes("poster"),
    yes("petugas"),
    no("antrean"),
    counted("masker-pengunjung", 1, 8),
    counted("masker-pegawai", 6, 10),
    counted("jarak-pegawai", 23, 25),
]


def test_scores_round_half_up_on_the_exact_fraction():
    result = score_inspection(rounding(), ROUNDING_ANSWERS)

    assert result.section("loket").score == Decimal("66.7")  # 200/3
    assert result.section("pengunjung").score == Decimal("12.5")  # 25/2, shown as is
    assert result.section("pegawai").score == Decimal("76.0")  # 100 x (3 x 6/10 + 3 x 23/25) / 6
    assert result.overall.exact == Fraction(1337, 20)  # 66.85 exactly: a tie
    assert result.total == Decimal("66.9")


def test_the_rounding_example_is_one_where_floats_would_round_down():
    earned = [1.0, 1.0, 0.0, 1 / 8, 3 * (6 / 10), 3 * (23 / 25)]
    summed_as_floats = 100 * sum(earned) / 10
    exact_as_float = float(Fraction(1337, 20))

    for as_float in (summed_as_floats, exact_as_float):
        assert Decimal(as_float) < Decimal("66.85")
        assert round(as_float, 1) == 66.8
        assert Decimal(as_float).quantize(Decimal("0.1"), ROUND_HALF_UP) == Decimal("66.8")
