"""Answers the engine refuses: every problem listed at once, never a silently wrong score."""

from decimal import Decimal
from fractions import Fraction

import pytest

from sidak.domain.answers import Answer
from sidak.domain.scoring import InvalidAnswers, check_answers, score_inspection
from sidak.domain.scoring import validation as v
from tests.domain.scoring_builders import (
    checklist,
    choice,
    count,
    counted,
    measured,
    na,
    number,
    section,
    text,
    yes,
    yesno,
)


def sheet():
    return checklist(
        section(
            "s",
            yesno("pintu"),
            yesno("suhu", allow_na=True),
            count("masker", "9/10"),
            number("wfo", minimum=0, maximum=100, pass_max=50),
            choice("sabun", [("lengkap", 100, True), ("tidak-ada", 0, False)]),
            text("catatan"),
        )
    )


def problems_of(answers):
    with pytest.raises(InvalidAnswers) as caught:
        score_inspection(sheet(), answers)
    return [(p.code, p.item_id) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("answer", "code"),
    [
        (yes("tidak-ada-butir"), v.UNKNOWN_ITEM),
        (na("pintu"), v.NA_NOT_ALLOWED),
        (Answer("suhu", value="yes", na=True), v.NA_WITH_VALUE),
        (Answer("pintu", value="ya"), v.NOT_YESNO),
        (Answer("masker", observed=10), v.COUNT_INCOMPLETE),
        (counted("masker", -1, 10), v.COUNT_NOT_NATURAL),
        (Answer("masker", observed=10, compliant=True), v.COUNT_NOT_NATURAL),
        (counted("masker", 11, 10), v.COUNT_EXCEEDS),
        (Answer("wfo", number=0.5), v.NUMBER_MISSING),
        (measured("wfo", 101), v.NUMBER_OUT_OF_RANGE),
        (measured("wfo", -1), v.NUMBER_OUT_OF_RANGE),
        (Answer("sabun", value="sebagian"), v.UNKNOWN_OPTION),
        (Answer("pintu", value="yes", observed=3), v.WRONG_FIELDS),
        (Answer("catatan", number=Fraction(1)), v.WRONG_FIELDS),
    ],
)
def test_an_invalid_answer_is_refused_with_its_code(answer, code):
    assert problems_of([answer]) == [(code.code, answer.item_id)]


def test_every_problem_is_reported_at_once():
    answers = [counted("masker", 11, 10), measured("wfo", 200), yes("hilang"), yes("pintu")]

    assert problems_of(answers) == [("A109", "masker"), ("A111", "wfo"), ("A101", "hilang")]


def test_an_answer_given_twice_is_refused():
    assert problems_of([yes("pintu"), yes("pintu")]) == [("A103", "pintu")]


def test_an_answer_stored_under_another_items_key_is_refused():
    with pytest.raises(InvalidAnswers) as caught:
        score_inspection(sheet(), {"suhu": yes("pintu")})

    assert [p.code for p in caught.value.problems] == ["A102"]
    assert caught.value.problems[0].message.en == "Answer stored as 'suhu' is for item 'pintu'"


def test_messages_are_in_both_languages_and_in_the_exception_text():
    with pytest.raises(InvalidAnswers) as caught:
        score_inspection(sheet(), [counted("masker", 11, 10)])

    problem = caught.value.problems[0]
    assert problem.message.id == (
        "Butir 'masker': 11 patuh dari 10 diamati; patuh tidak boleh melebihi diamati"
    )
    assert problem.message.en == (
        "Item 'masker': 11 complying of 10 observed; complying cannot exceed observed"
    )
    assert "A109 Butir 'masker'" in str(caught.value)


def test_a_number_out_of_range_names_the_range():
    with pytest.raises(InvalidAnswers) as caught:
        score_inspection(sheet(), [measured("wfo", "201/2")])

    assert caught.value.problems[0].message.en == (
        "Item 'wfo': 100.5 is outside the allowed range (0 to 100)"
    )


def test_an_unknown_option_lists_the_options():
    with pytest.raises(InvalidAnswers) as caught:
        score_inspection(sheet(), [Answer("sabun", value="sebagian")])

    assert caught.value.problems[0].message.id == (
        "Butir 'sabun' tidak punya pilihan 'sebagian'; pilihan: lengkap, tidak-ada"
    )


def test_exact_numbers_of_any_exact_type_are_accepted():
    for value in (40, Fraction(81, 2), Decimal("40.5")):
        assert check_answers(sheet(), [Answer("wfo", number=value)])["wfo"].number == value


def test_na_is_accepted_where_the_item_allows_it():
    assert check_answers(sheet(), [na("suhu")]) == {"suhu": na("suhu")}


def test_every_code_has_a_distinct_number_and_both_languages():
    codes = [c for c in vars(v).values() if isinstance(c, type(v.UNKNOWN_ITEM))]

    assert len({c.code for c in codes}) == len(codes) == 13
    assert all(c.code.startswith("A1") and c.id and c.en for c in codes)


@pytest.mark.parametrize("written", ["1e5000", "1e-7", "0.0000001", "1000000000000", "-1e12"])
def test_a_number_that_is_no_plain_measurement_is_refused(written):
    sheet = checklist(section("s", number("n")))
    answer = Answer("n", number=Fraction(Decimal(written)))
    assert [p.code for p in v.find_problems(sheet, {"n": answer})] == ["A110"]
