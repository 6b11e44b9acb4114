"""Informational items (``scored: tidak``): asked and usable in conditions, never scored."""

from fractions import Fraction

import pytest

from sidak.domain.answers import Answer
from sidak.domain.checklist.loader import load_checklist, parse_checklist
from sidak.domain.problems import InvalidDocument
from sidak.domain.scoring import Status, score_inspection

HEAD = """\
id: contoh
version: "1"
title: Contoh
rules:
  se-menpanrb-67-2020: SE MenPAN-RB 67/2020
grades:
  - {id: patuh, label: Patuh, min: 80, color: "#1b7f3b"}
  - {id: tidak-patuh, label: Tidak patuh, min: 0, color: "#c53030"}
sections:
  - id: kerja
    title: Pengaturan kerja
    items:
"""

ZONE = """\
      - id: zona
        type: choice
        scored: tidak
        question: Zona risiko hari ini
        options:
          - {value: sedang, label: Sedang}
          - {value: tinggi, label: Tinggi}
      - id: wfo-tinggi
        type: number
        question: Persen pegawai di kantor
        category: staffing
        show_if: {item: zona, equals: tinggi}
        pass_max: 25
      - id: poster
        type: yesno
        question: Poster terpasang
        category: information
"""


def test_an_informational_choice_needs_no_scores_and_loads():
    checklist = parse_checklist(HEAD + ZONE)
    zone = checklist.item("zona")
    assert zone.scored is False
    assert zone.is_scored is False
    assert [o.value for o in zone.options] == ["sedang", "tinggi"]
    assert checklist.item("poster").is_scored


def test_an_informational_item_never_counts_but_drives_conditions():
    checklist = parse_checklist(HEAD + ZONE)
    answers = [
        Answer("zona", value="tinggi"),
        Answer("wfo-tinggi", number=Fraction(40)),
        Answer("poster", value="yes"),
    ]
    result = score_inspection(checklist, answers)
    assert result.item("zona").status is Status.UNSCORED
    assert result.item("zona").possible == 0
    assert result.item("wfo-tinggi").status is Status.FAIL
    assert result.total == pytest.approx(50)
    assert [c.key for c in result.categories] == ["staffing", "information"]


def test_an_unanswered_informational_item_leaves_the_inspection_incomplete():
    checklist = parse_checklist(HEAD + ZONE)
    result = score_inspection(checklist, [Answer("poster", value="yes")])
    assert result.missing == ("zona",)
    assert result.item("wfo-tinggi").status is Status.HIDDEN
    assert str(result.total) == "100.0"


def test_scoring_keys_on_an_informational_item_are_each_reported():
    extra = "        scored: tidak\n        weight: 2\n        critical: ya\n"
    text = HEAD + ZONE.replace("        scored: tidak\n", extra).replace(
        "{value: sedang, label: Sedang}", "{value: sedang, label: Sedang, score: 100}"
    )
    with pytest.raises(InvalidDocument) as caught:
        parse_checklist(text)
    found = [(p.code, p.mark.line) for p in caught.value.problems]
    assert found == [("C215", 16), ("C215", 17), ("C215", 20)]


def test_a_checklist_of_only_informational_items_has_nothing_to_score():
    text = HEAD + ZONE.split("      - id: wfo-tinggi")[0]
    checklist, problems = load_checklist(text)
    assert checklist is None
    assert [p.code for p in problems] == ["C110"]


def test_scored_is_only_for_yesno_and_choice():
    text = HEAD + ZONE.replace(
        "        show_if: {item: zona, equals: tinggi}\n",
        "        show_if: {item: zona, equals: tinggi}\n        scored: tidak\n",
    )
    _, problems = load_checklist(text)
    assert [p.code for p in problems] == ["C203"]
