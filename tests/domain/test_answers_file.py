"""Reading an answers file: every way of writing an answer, and each problem at its position."""

from fractions import Fraction

import pytest

from sidak.domain import answers_file
from sidak.domain.answers import Answer
from sidak.domain.answers_file import parse_answers
from sidak.domain.problems import Code, InvalidDocument
from tests.domain.scoring_builders import (
    checklist,
    choice,
    count,
    number,
    photo,
    section,
    text,
    yesno,
)


def sheet():
    return checklist(
        section(
            "s",
            yesno("wastafel"),
            yesno("suhu", allow_na=True),
            count("masker", "9/10", allow_na=True),
            number("persen-wfo", minimum=0, maximum=100, pass_max=50),
            choice("sabun", [("lengkap", 100, True), ("sebagian", 50, False)]),
            text("catatan"),
            photo("foto"),
        )
    )


def problems(source: str) -> list[tuple[str, int, int]]:
    with pytest.raises(InvalidDocument) as caught:
        parse_answers(source, sheet())
    return [(p.code, p.mark.line, p.mark.col) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("ya", Answer("wastafel", value="yes")),
        ("Tidak", Answer("wastafel", value="no")),
        ("yes", Answer("wastafel", value="yes")),
        ("false", Answer("wastafel", value="no")),
        ('"ya"', Answer("wastafel", value="yes")),
    ],
)
def test_yes_and_no_are_read_in_both_languages(written, expected):
    assert parse_answers(f"wastafel: {written}\n", sheet()) == {"wastafel": expected}


@pytest.mark.parametrize("written", ["na", "N/A", "n/a", "tb", "TB", "tidak berlaku"])
def test_not_applicable_is_read_in_its_usual_spellings(written):
    assert parse_answers(f"suhu: {written}\n", sheet()) == {"suhu": Answer("suhu", na=True)}


@pytest.mark.parametrize(
    "written",
    [
        "9/10",
        "9 / 10",
        "{patuh: 9, diamati: 10}",
        "{diamati: 10, patuh: 9}",
        "{compliant: 9, observed: 10}",
    ],
)
def test_counts_are_read_as_a_fraction_or_a_mapping(written):
    answers = parse_answers(f"masker: {written}\n", sheet())

    assert answers == {"masker": Answer("masker", observed=10, compliant=9)}


def test_numbers_are_read_exactly():
    answers = parse_answers("persen-wfo: 37.5\n", sheet())

    assert answers["persen-wfo"].number == Fraction(75, 2)


def test_choices_texts_and_photos_keep_what_was_written():
    source = "sabun: sebagian\ncatatan: Petugas ramah\nfoto: pintu.jpg\n"

    assert parse_answers(source, sheet()) == {
        "sabun": Answer("sabun", value="sebagian"),
        "catatan": Answer("catatan", value="Petugas ramah"),
        "foto": Answer("foto", value="pintu.jpg"),
    }


def test_a_text_item_keeps_na_as_text():
    assert parse_answers("catatan: na\n", sheet())["catatan"] == Answer("catatan", value="na")


def test_an_empty_entry_or_an_empty_file_is_unanswered():
    assert parse_answers("wastafel:\nsuhu: ~\n", sheet()) == {}
    assert parse_answers("# belum diisi\n", sheet()) == {}


@pytest.mark.parametrize(
    ("source", "code", "line", "col"),
    [
        ("- wastafel\n", answers_file.NOT_A_MAPPING, 1, 1),
        ("wastafell: ya\n", answers_file.UNKNOWN_ITEM, 1, 1),
        ("wastafel: ya\nwastafel: tidak\n", answers_file.DUPLICATE_ITEM, 2, 1),
        ("wastafel: mungkin\n", answers_file.NOT_YES_NO, 1, 11),
        ("masker: 9 dari 10\n", answers_file.NOT_A_COUNT, 1, 9),
        ("masker: {patuh: 9}\n", answers_file.NOT_A_COUNT, 1, 9),
        ("masker: {patuh: 9, dilihat: 10}\n", answers_file.NOT_A_COUNT, 1, 9),
        ("masker: {patuh: -1, diamati: 10}\n", answers_file.NOT_A_COUNT, 1, 17),
        ("persen-wfo: 37,5\n", answers_file.NOT_A_NUMBER, 1, 13),
        ("sabun: [lengkap]\n", answers_file.NOT_ONE_VALUE, 1, 8),
    ],
)
def test_a_badly_written_answer_is_reported_where_it_is(source, code, line, col):
    assert problems(source) == [(code.code, line, col)]


@pytest.mark.parametrize(
    ("source", "code", "col"),
    [
        ("masker: 11/10\n", "A109", 9),
        ("persen-wfo: 101\n", "A111", 13),
        ("sabun: habis\n", "A112", 8),
        ("wastafel: na\n", "A104", 11),
    ],
)
def test_answers_the_engine_refuses_are_reported_at_their_entry(source, code, col):
    assert problems(source) == [(code, 1, col)]


def test_every_problem_of_the_file_is_reported_at_once_in_file_order():
    source = "sabun: habis\nwastafell: ya\nmasker: 11/10\n"

    assert problems(source) == [("A112", 1, 8), ("A002", 2, 1), ("A109", 3, 9)]


def test_an_unknown_item_suggests_the_closest_id():
    with pytest.raises(InvalidDocument) as caught:
        parse_answers("wastafell: ya\n", sheet())

    message = caught.value.problems[0].message
    assert (
        message.id == "Butir 'wastafell' tidak ada di daftar periksa 'uji'; maksud Anda 'wastafel'?"
    )
    assert message.en == "Item 'wastafell' is not in checklist 'uji'; did you mean 'wastafel'?"


def test_messages_name_what_was_written():
    with pytest.raises(InvalidDocument) as caught:
        parse_answers("persen-wfo: 37,5\n", sheet())

    assert caught.value.problems[0].format("jawaban.yaml", "en") == (
        "jawaban.yaml:1:13: A006 Item 'persen-wfo' is answered with a number "
        '(use a point for decimals, e.g. 37.5), found "37,5"'
    )


def test_yaml_errors_come_from_the_reader():
    assert [code for code, _, _ in problems("wastafel: [ya\n")] == ["Y004"]


def test_the_file_codes_are_distinct_and_bilingual():
    codes = [c for c in vars(answers_file).values() if isinstance(c, Code)]

    assert sorted(c.code for c in codes) == [f"A00{n}" for n in range(1, 8)]
    assert all(c.id and c.en for c in codes)
