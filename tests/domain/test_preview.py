"""The preview a checklist author reads, and the worked examples the docs cite."""

import json
import re
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from sidak.domain.answers_file import parse_answers
from sidak.domain.checklist.loader import load_checklist, parse_checklist
from sidak.domain.preview import answer_text, render_json, render_text
from sidak.domain.scoring import round_half_up, score_inspection
from tests.domain.scoring_builders import (
    checklist,
    measured,
    na,
    number,
    section,
    yes,
    yesno,
)

EXAMPLES = Path(__file__).parents[2] / "docs" / "examples"
NAMES = sorted(p.name.removesuffix(".answers.yaml") for p in EXAMPLES.glob("*.answers.yaml"))
DOCS = Path(__file__).parents[2] / "docs"


def scored(name: str):
    sheet = parse_checklist((EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8"))
    answers = parse_answers((EXAMPLES / f"{name}.answers.yaml").read_text(encoding="utf-8"), sheet)
    return sheet, score_inspection(sheet, answers)


def expected(name: str) -> str:
    return (EXAMPLES / f"{name}.expected.json").read_text(encoding="utf-8")


def test_there_are_the_four_worked_examples():
    assert NAMES == ["basic-yesno", "counts-na-hidden", "critical-choice", "rounding-half-up"]


@pytest.mark.parametrize("name", NAMES)
def test_the_example_checklists_load_without_warnings(name):
    _, problems = load_checklist((EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8"))

    assert problems == []


@pytest.mark.parametrize("name", NAMES)
def test_each_worked_example_produces_its_expected_json(name):
    sheet, result = scored(name)

    assert render_json(sheet, result) == expected(name)


@pytest.mark.parametrize(
    ("name", "total", "exact", "grade"),
    [
        ("basic-yesno", "66.7", "200/3", "kurang"),
        ("counts-na-hidden", "74.3", "520/7", "kurang"),
        ("critical-choice", "87.3", "960/11", "buruk"),
        ("rounding-half-up", "66.9", "66.85", "kurang"),
    ],
)
def test_the_expected_json_holds_the_numbers_worked_out_by_hand(name, total, exact, grade):
    document = json.loads(expected(name))

    assert (document["total"], document["total_exact"], document["grade"]) == (total, exact, grade)
    assert round_half_up(Fraction(exact)) == Decimal(total)


def test_the_docs_quote_the_examples_as_the_engine_scores_them():
    docs = "".join(
        path.read_text(encoding="utf-8")
        for path in (DOCS / "scoring.md", DOCS / "checklists.md")
        if path.exists()
    )
    rows = re.findall(r"^\| `([a-z-]+)` \| ([\d.]+) \| (\S+) \| ([a-z-]+) \|", docs, re.M)

    assert sorted(name for name, *_ in rows) == NAMES
    for name, total, exact, grade in rows:
        document = json.loads(expected(name))
        assert (total, exact, grade) == (
            document["total"],
            document["total_exact"],
            document["grade"],
        )


def test_the_json_is_stable_and_keeps_numbers_exact():
    sheet, result = scored("counts-na-hidden")
    document = json.loads(render_json(sheet, result))

    assert list(document) == [
        "checklist",
        "total",
        "total_exact",
        "grade",
        "complete",
        "critical_failures",
        "missing",
        "sections",
        "categories",
        "items",
    ]
    masker = document["items"][0]
    assert (masker["id"], masker["status"], masker["answer"]) == ("masker-pegawai", "fail", "7/10")
    assert (masker["credit"], masker["earned"], masker["points"]) == ("0.7", "1.4", "20.0")
    assert document["sections"][1]["exact"] == "280/3"


def test_scoring_the_answers_kept_in_a_result_again_gives_the_same_json():
    sheet, result = scored("counts-na-hidden")
    kept = [r.answer for r in result.items if r.answer is not None]

    assert render_json(sheet, score_inspection(sheet, kept)) == render_json(sheet, result)


def test_the_text_breakdown_of_the_yes_no_example():
    sheet, result = scored("basic-yesno")

    assert render_text(sheet, result, "en") == (
        "Checklist: Yes/no example (contoh-ya-tidak, version 1)\n"
        "[!] = critical item; points = share of the total score (out of 100)\n"
        "\n"
        "== Section: Entrance [pintu]: 66.7 (2/3)\n"
        "  [PASS] poster: A health-protocol poster is up\n"
        "      answer: yes · weight 1 · credit 100% · points +33.3, lost 0.0\n"
        "      Answer yes, expected yes: passed\n"
        "  [PASS] kerumunan: People crowd at the door\n"
        "      answer: no · weight 1 · credit 100% · points +33.3, lost 0.0\n"
        "      Answer no, expected no: passed\n"
        "  [FAIL] petugas: A protocol supervisor is on duty\n"
        "      answer: no · weight 1 · credit 0% · points +0.0, lost 33.3\n"
        "      Answer no, expected yes: failed\n"
        "\n"
        "Scores by category:\n"
        "  Physical distancing [distancing]: 100.0 (1/1)\n"
        "  Protocol supervision [supervision]: 0.0 (0/1)\n"
        "  Information & posters [information]: 100.0 (1/1)\n"
        "\n"
        "Total score: 66.7 (2/3)\n"
        "Grade: Poor\n"
        "Failed critical items: none\n"
        "Not answered: none\n"
    )


def test_the_text_breakdown_names_critical_failures_and_missing_answers_in_indonesian():
    sheet, result = scored("critical-choice")
    lines = render_text(sheet, result, "id").splitlines()

    assert "  [GAGAL] [!] isolasi: Ada ruang isolasi sementara untuk pegawai bergejala" in lines
    assert "Skor total: 87,3 (9,6/11)" in lines
    assert "Nilai: Buruk (nilai gagal karena butir kritis)" in lines
    assert "Butir kritis gagal: isolasi" in lines

    sheet, result = scored("counts-na-hidden")
    lines = render_text(sheet, result, "id").splitlines()
    assert "Belum dijawab: poster (pemeriksaan belum lengkap)" in lines
    assert "  Jaga jarak [distancing]: — (tidak ada butir yang dihitung)" in lines


def test_answers_are_shown_as_an_inspector_would_say_them():
    sheet = checklist(section("s", yesno("a", allow_na=True), number("wfo", pass_max=50, unit="%")))
    item, wfo = sheet.items

    assert answer_text(item, yes("a"), "id") == "ya"
    assert answer_text(item, na("a"), "id") == "tidak berlaku"
    assert answer_text(item, None, "en") == "—"
    assert answer_text(wfo, measured("wfo", "75/2"), "id") == "37,5 %"
