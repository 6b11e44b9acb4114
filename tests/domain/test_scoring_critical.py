"""Choices, numbers and critical items, worked through by hand (docs/checklists.md, example 3)."""

from decimal import Decimal
from fractions import Fraction

import pytest

from sidak.domain.scoring import Status, score_inspection
from tests.domain.scoring_builders import (
    checklist,
    choice,
    count,
    counted,
    measured,
    no,
    number,
    picked,
    section,
    yes,
    yesno,
)


def critical_choice():
    return checklist(
        section(
            "kantor",
            count("masker", "9/10", weight=5, category="masks"),
            choice(
                "sabun",
                [("lengkap", 100, True), ("sebagian", 50, False), ("tidak-ada", 0, False)],
                weight=2,
                category="handwashing",
            ),
            choice(
                "ventilasi",
                [("alami", 100, True), ("mekanis", 80, True), ("tertutup", 0, False)],
                weight=2,
                category="ventilation",
            ),
            number(
                "persen-wfo", minimum=0, maximum=100, pass_max=50, unit="%", category="staffing"
            ),
            yesno("isolasi", critical=True, category="patient_flow"),
        )
    )


CRITICAL_CHOICE_ANSWERS = {
    "masker": counted("masker", 10, 10),
    "sabun": picked("sabun", "lengkap"),
    "ventilasi": picked("ventilasi", "mekanis"),
    "persen-wfo": measured("persen-wfo", 40),
    "isolasi": no("isolasi"),
}


def test_a_failed_critical_item_sets_the_failing_grade_whatever_the_total():
    result = score_inspection(critical_choice(), CRITICAL_CHOICE_ANSWERS)

    # 5 + 2 + 2 x 4/5 + 1 + 0 = 48/5 of 11
    assert result.overall.exact == Fraction(960, 11)
    assert result.total == Decimal("87.3")
    assert result.grade.id == "buruk"
    assert result.critical_failures == ("isolasi",)
    assert result.item("isolasi").explanation.en == (
        "Answer no, expected yes: failed (critical item: failing grade)"
    )


def test_without_the_critical_failure_the_grade_follows_the_total():
    answers = {**CRITICAL_CHOICE_ANSWERS, "isolasi": yes("isolasi")}

    result = score_inspection(critical_choice(), answers)

    assert result.total == Decimal("96.4")  # 53/5 of 11 = 1060/11
    assert result.grade.id == "baik"
    assert result.critical_failures == ()


def test_a_choice_earns_its_options_score_and_passes_as_the_option_says():
    result = score_inspection(critical_choice(), CRITICAL_CHOICE_ANSWERS)

    ventilasi = result.item("ventilasi")
    assert (ventilasi.status, ventilasi.credit, ventilasi.earned) == (
        Status.PASS,
        Fraction(4, 5),
        Fraction(8, 5),
    )
    assert ventilasi.explanation.id == "Pilihan 'Mekanis' bernilai 80%: lulus"


def test_a_choice_option_below_full_score_can_fail():
    answers = {**CRITICAL_CHOICE_ANSWERS, "sabun": picked("sabun", "sebagian")}

    result = score_inspection(critical_choice(), answers)

    assert result.item("sabun").status is Status.FAIL
    assert result.item("sabun").earned == 1


@pytest.mark.parametrize(
    ("value", "status", "explanation"),
    [
        (40, Status.PASS, "Value 40 %, passes at most 50: passed"),
        (50, Status.PASS, "Value 50 %, passes at most 50: passed"),
        ("101/2", Status.FAIL, "Value 50.5 %, passes at most 50: failed"),
    ],
)
def test_a_number_passes_inside_its_pass_range(value, status, explanation):
    answers = {**CRITICAL_CHOICE_ANSWERS, "persen-wfo": measured("persen-wfo", value)}

    result = score_inspection(critical_choice(), answers)

    assert result.item("persen-wfo").status is status
    assert result.item("persen-wfo").explanation.en == explanation


def test_a_number_with_both_pass_bounds_says_between():
    sheet = checklist(
        section("s", number("suhu", minimum=30, maximum=45, pass_min=35, pass_max="75/2"))
    )

    result = score_inspection(sheet, [measured("suhu", "73/2")])

    assert result.item("suhu").explanation.id == "Nilai 36,5, lulus bila antara 35 dan 37,5: lulus"
