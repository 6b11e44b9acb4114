"""Loading checklists: the model a valid file becomes, and every problem of a broken one."""

import time
from fractions import Fraction

import pytest

from sidak.domain.checklist.loader import load_checklist, load_checklist_file, parse_checklist
from sidak.domain.checklist.model import (
    Checklist,
    Condition,
    Evidence,
    GradeBand,
    Item,
    ItemType,
    Option,
    Rule,
    Section,
)
from sidak.domain.problems import InvalidDocument, Severity
from sidak.domain.text import Text

MINIMAL = """\
id: pasar
version: 1.10
title: {id: Protokol Pasar, en: Market protocol}
rules:
  perwali-12: Peraturan Wali Kota Nomor 12 Tahun 2020
grades:
  - {id: tidak-patuh, label: Tidak patuh, min: 0, color: "#C33"}
  - {id: patuh, label: Patuh, min: 80.5, color: "#1b7f3b"}
sections:
  - id: pintu
    title: Pintu masuk
    items:
      - id: wastafel
        type: yesno
        question: Ada tempat cuci tangan
        category: handwashing
        weight: 1.5
        critical: ya
        na: Tidak
        basis: perwali-12
        evidence_on_fail: [photo, note, photo]
      - id: sabun
        type: choice
        question: Perlengkapan
        category: handwashing
        show_if: {item: wastafel, equals: ya}
        options:
          - {value: lengkap, label: Lengkap, score: 100}
          - {value: sebagian, label: Sebagian, score: 50, pass: true}
      - id: jarak
        type: number
        question: Jarak antrean
        category: distancing
        unit: meter
        min: 0
        pass_min: 1
      - id: masker
        type: count
        question: Pengunjung bermasker
        category: masks
        pass_percent: 87.5
      - id: kerumunan
        type: yesno
        question: Ada kerumunan
        category: distancing
        expect: no
        show_if: {item: sabun, in: [lengkap, sebagian]}
      - {id: foto, type: photo, question: Foto pintu masuk}
"""

EXPECTED = Checklist(
    id="pasar",
    version="1.10",
    title=Text("Protokol Pasar", "Market protocol"),
    description=None,
    rules=(Rule("perwali-12", Text("Peraturan Wali Kota Nomor 12 Tahun 2020")),),
    grades=(
        GradeBand("patuh", Text("Patuh"), Fraction(161, 2), "#1b7f3b"),
        GradeBand("tidak-patuh", Text("Tidak patuh"), Fraction(0), "#cc3333"),
    ),
    sections=(
        Section(
            "pintu",
            Text("Pintu masuk"),
            (
                Item(
                    id="wastafel",
                    type=ItemType.YESNO,
                    question=Text("Ada tempat cuci tangan"),
                    category="handwashing",
                    weight=Fraction(3, 2),
                    critical=True,
                    allow_na=False,
                    basis=("perwali-12",),
                    evidence_on_fail=(Evidence.PHOTO, Evidence.NOTE),
                ),
                Item(
                    id="sabun",
                    type=ItemType.CHOICE,
                    question=Text("Perlengkapan"),
                    category="handwashing",
                    show_if=Condition("wastafel", ("yes",)),
                    options=(
                        Option("lengkap", Text("Lengkap"), Fraction(1), True),
                        Option("sebagian", Text("Sebagian"), Fraction(1, 2), True),
                    ),
                ),
                Item(
                    id="jarak",
                    type=ItemType.NUMBER,
                    question=Text("Jarak antrean"),
                    category="distancing",
                    unit="meter",
                    minimum=Fraction(0),
                    pass_min=Fraction(1),
                ),
                Item(
                    id="masker",
                    type=ItemType.COUNT,
                    question=Text("Pengunjung bermasker"),
                    category="masks",
                    pass_ratio=Fraction(7, 8),
                ),
                Item(
                    id="kerumunan",
                    type=ItemType.YESNO,
                    question=Text("Ada kerumunan"),
                    category="distancing",
                    expect="no",
                    show_if=Condition("sabun", ("lengkap", "sebagian")),
                ),
                Item(
                    id="foto",
                    type=ItemType.PHOTO,
                    question=Text("Foto pintu masuk"),
                    category="other",
                ),
            ),
        ),
    ),
)


def test_a_valid_file_becomes_the_expected_model():
    checklist, problems = load_checklist(MINIMAL)
    assert problems == []
    assert checklist == EXPECTED


def test_bytes_and_text_load_alike():
    assert load_checklist(MINIMAL.encode())[0] == load_checklist(MINIMAL)[0]


def test_grades_are_sorted_highest_first_and_the_last_starts_at_zero():
    checklist = parse_checklist(MINIMAL)
    assert [band.id for band in checklist.grades] == ["patuh", "tidak-patuh"]
    assert checklist.failing_grade.min == 0


def test_parse_raises_with_every_problem():
    broken = MINIMAL.replace("weight: 1.5", "weight: 0").replace("category: masks", "category: x")
    with pytest.raises(InvalidDocument) as caught:
        parse_checklist(broken)
    assert [p.code for p in caught.value.problems] == ["C201", "C204"]


def test_warnings_come_back_with_a_valid_checklist():
    text = MINIMAL.replace("score: 100}", "score: 90}").replace("pass: true", "pass: false")
    checklist, problems = load_checklist(text)
    assert checklist is not None
    assert [(p.code, p.severity) for p in problems] == [("C214", Severity.WARNING)]


MANY_MISTAKES = """\
id: Pasar Besar
version: 1
titel: Protokol
rules:
  perwali-12: Perwali 12
grades:
  - {id: patuh, label: Patuh, min: 80, color: hijau}
  - {id: patuh, label: Buruk, min: 10, color: "#c33"}
sections:
  - id: pintu
    title: Pintu
    items:
      - id: a
        type: yesno
        question: A
        category: masker
        weight: -1
        pass_percent: 90
        basis: [perwali-21]
        show_if: {item: b, equals: ya}
      - id: b
        type: yesno
        question: B
        category: masks
        critical: kadang
        show_if: {item: a, equals: tidak}
      - id: c
        type: nomor
        question:
        wieght: 2
      - id: d
        type: choice
        question: D
        category: cleaning
        show_if: {item: a, equals: mungkin}
        options:
          - {value: x, label: X, score: 150}
"""


def test_a_file_with_many_mistakes_reports_all_of_them_at_once():
    checklist, problems = load_checklist(MANY_MISTAKES)
    assert checklist is None
    assert [(p.code, p.mark.line, p.mark.col) for p in problems] == [
        ("C104", 1, 1),  # no title
        ("C106", 1, 5),  # id with capitals and a space
        ("C102", 3, 1),  # titel
        ("C403", 7, 3),  # no band starts at 0
        ("C404", 7, 47),  # colour "hijau"
        ("C113", 8, 10),  # grade id twice
        ("C204", 16, 19),  # category masker
        ("C201", 17, 17),  # weight -1
        ("C203", 18, 9),  # pass_percent on yesno
        ("C301", 19, 17),  # unknown rule
        ("C305", 20, 18),  # a -> b -> a
        ("C112", 25, 19),  # critical: kadang
        ("C202", 28, 15),  # type nomor
        ("C105", 29, 18),  # empty question
        ("C102", 30, 9),  # wieght
        ("C304", 35, 36),  # a is yesno: "mungkin" cannot be its answer
        ("C209", 37, 11),  # one option
        ("C211", 37, 41),  # score 150
    ]


def test_problems_are_sorted_by_position():
    _, problems = load_checklist(MANY_MISTAKES)
    positions = [(p.mark.line, p.mark.col) for p in problems]
    assert positions == sorted(positions)


def test_unknown_keys_suggest_the_english_key_for_indonesian_words():
    _, problems = load_checklist(MINIMAL.replace("weight: 1.5", "bobot: 1.5"))
    assert [p.code for p in problems] == ["C102"]
    assert "maksud Anda 'weight'" in problems[0].message.id


def test_condition_values_use_the_target_s_options():
    text = MINIMAL.replace("in: [lengkap, sebagian]", "in: [lengkap, habis]")
    _, problems = load_checklist(text)
    assert [p.code for p in problems] == ["C304"]
    assert "lengkap, sebagian" in problems[0].message.id


def test_a_cycle_is_reported_once_with_its_chain():
    text = MINIMAL.replace(
        "        na: Tidak\n", "        na: Tidak\n        show_if: {item: kerumunan, equals: ya}\n"
    ).replace("critical: ya", "critical: tidak")
    _, problems = load_checklist(text)
    cycles = [p for p in problems if p.code == "C305"]
    assert len(cycles) == 1
    assert "wastafel -> kerumunan -> sabun -> wastafel" in cycles[0].message.id
    # items that are part of the cycle get no extra "comes later" warning
    assert [p.code for p in problems if p.code != "C305"] == []


def test_load_checklist_file_reports_a_missing_file(tmp_path):
    checklist, problems = load_checklist_file(tmp_path / "tidak-ada.yaml")
    assert checklist is None
    assert [p.code for p in problems] == ["F001"]


def test_load_checklist_file_reads_a_file(tmp_path):
    path = tmp_path / "pasar.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    assert load_checklist_file(path) == (EXPECTED, [])


BILLION_LAUGHS = "a: &a ['lol','lol','lol','lol','lol','lol','lol','lol','lol']\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8)
)


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("billion laughs", BILLION_LAUGHS, "Y006"),
        ("10000 nested lists", "[" * 10000 + "]" * 10000, "Y007"),
        ("10000 nested mappings", "{a: " * 10000 + "}" * 10000, "Y007"),
        ("2 MB", "id: x\n" + "# " + "x" * 2 * 1024 * 1024, "Y002"),
        ("binary garbage", bytes(range(256)) * 64, "Y001"),
        ("control characters", "\x00\x01\x02" * 100, "Y004"),
        ("empty", "", "Y003"),
        ("list at the top", "- id: pasar\n- version: 1\n", "C109"),
        ("scalar at the top", "pasar\n", "C109"),
    ],
)
def test_hostile_input_returns_problems_quickly(name, data, code):
    started = time.perf_counter()
    checklist, problems = load_checklist(data)
    assert time.perf_counter() - started < 2, name
    assert checklist is None
    assert problems
    assert {p.code for p in problems} == {code}


def test_a_repeated_item_id_with_a_condition_is_reported_not_raised():
    # found by fuzzing: the repeat's condition closed a cycle through the first item
    repeat = (
        "      - id: wastafel\n        type: yesno\n        question: Lagi\n"
        "        category: masks\n        show_if: {item: kerumunan, equals: ya}\n"
    )
    checklist, problems = load_checklist(MINIMAL + repeat)
    assert checklist is None
    assert [(p.code, p.mark.line) for p in problems] == [("C113", 49)]
