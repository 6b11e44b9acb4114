"""The phone's rules (static/js/field/rules.js) decide exactly as the server does.

Random checklists and answers (Hypothesis), the shipped checklists with their example answers,
and answers that must be refused all go through one node process per batch; every result is
compared with the Python engine's, field by field. Answers travel in the form the phone sends
them and are read on the Python side by the server's own parsing, as `PUT .../answers` does.
"""

import json
import os
import shutil
import subprocess
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from sidak.domain.answers import Answer
from sidak.domain.answers_file import parse_answers
from sidak.domain.checklist.loader import parse_checklist
from sidak.domain.checklist.model import (
    Checklist,
    Condition,
    Evidence,
    GradeBand,
    Item,
    ItemType,
    Option,
)
from sidak.domain.checklist.versioning import canonical_dict, content_hash
from sidak.domain.scoring import InvalidAnswers, ScoreResult, find_problems, score_inspection
from sidak.domain.text import Text
from sidak.domain.visibility import visible_items
from sidak.services.inspections.drafts import _answer, missing_before_submit
from sidak.services.inspections.errors import InspectionError
from sidak.web.inspections.api_routes import _answer_input
from tests.domain.scoring_builders import checklist, count, number, section, yesno

ROOT = Path(__file__).parents[2]
RULES_JS = ROOT / "static" / "js" / "field" / "rules.js"
RUNNER = Path(__file__).with_name("rules_js_runner.mjs")
RANDOM_CASES = 300
SHIPPED_CHECKLISTS = sorted(
    p for p in (ROOT / "checklists").glob("*.yaml") if not p.stem.startswith("sanksi")
)
#: (checklist, example answers): the shipped checklists, then the worked examples of the docs
SHIPPED = [
    (path, ROOT / "checklists" / "examples" / f"{path.stem}.answers.yaml")
    for path in SHIPPED_CHECKLISTS
] + [
    (path.with_name(path.name.replace(".answers", "")), path)
    for path in sorted((ROOT / "docs" / "examples").glob("*.answers.yaml"))
]


@pytest.fixture(scope="module")
def node() -> str:
    found = shutil.which("node")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("node is not installed: CI must check the phone's rules against the server")
        pytest.skip("node is not installed: the phone's rules (rules.js) are not checked")
    return found


def run_js(node: str, cases: list[dict], tmp_path: Path) -> list[dict]:
    """rules.js's results for `cases` (see `case_for`), all in one node process."""
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run(
        [node, str(RUNNER), str(RULES_JS), str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


# -- the server's side ------------------------------------------------------------------------


def server_answer(sheet: Checklist, key: str, wire: dict) -> Answer:
    """The answer the server builds from what the phone sent."""
    item = sheet.item(key)
    if item is None:
        return Answer(key)  # refused as A101 whatever it holds
    given = _answer_input(wire)
    try:
        return _answer(item, given)
    except InspectionError:
        # The server refuses a number it cannot read before any check ("bukan angka"); the
        # phone reports A110 with the same text, which is what validation says of a non-number.
        return replace(_answer(item, replace(given, number=None)), number=given.number.strip())


def problem_dicts(problems) -> list[dict]:
    return [
        {
            "item": p.item_id,
            "code": p.code,
            "message_id": p.message.id,
            "message_en": p.message.get("en"),
        }
        for p in problems
    ]


def score_dict(result: ScoreResult) -> dict:
    def rounded(group):
        return None if group.score is None else str(group.score)

    return {
        "total": None if result.total is None else str(result.total),
        "grade": None if result.grade is None else result.grade.id,
        "criticalFailures": list(result.critical_failures),
        "missing": list(result.missing),
        "items": {
            r.item_id: {
                "status": r.status.value,
                "credit": None if r.credit is None else str(r.credit),
            }
            for r in result.items
        },
        "sections": {g.key: rounded(g) for g in result.sections},
        "categories": {g.key: rounded(g) for g in result.categories},
    }


def missing_dicts(sheet: Checklist, result: ScoreResult, notes: dict, photos: dict) -> list:
    # missing_before_submit reads only these attributes of an inspection: no database needed
    inspection = SimpleNamespace(
        checklist_version=SimpleNamespace(
            content_hash=content_hash(sheet),
            canonical_json=json.dumps(canonical_dict(sheet), ensure_ascii=False),
        ),
        answers=[SimpleNamespace(item_id=key, note=note) for key, note in notes.items()],
        photos=[SimpleNamespace(item_id=key) for key, n in photos.items() for _ in range(n)],
    )
    return [
        {"section": m.section_index, "item": m.item_id, "kind": m.kind}
        for m in missing_before_submit(inspection, result)
    ]


def server_results(sheet: Checklist, case: dict) -> dict:
    """What the server says of one case, in the shape the runner prints."""
    read = {key: server_answer(sheet, key, wire) for key, wire in case["answers"].items()}
    shown = visible_items(sheet, read)
    out = {
        "visible": [item.id for item in sheet.items if item.id in shown],
        "problems": {key: problem_dicts(find_problems(sheet, {key: a})) for key, a in read.items()},
        "probes": [
            problem_dicts(find_problems(sheet, {key: server_answer(sheet, key, wire)}))
            for key, wire in case["probes"]
        ],
    }
    try:
        result = score_inspection(sheet, read)
    except InvalidAnswers as refused:
        out["refused"] = problem_dicts(refused.problems)
    else:
        out["score"] = score_dict(result)
        out["missing"] = missing_dicts(sheet, result, case["notes"], case["photos"])
    return out


def comparable(out: dict) -> dict:
    """A result with refusals in a fixed order: keys like "10" come first in a JS object."""
    refused = out.get("refused")
    if refused is not None:
        out = {**out, "refused": sorted(refused, key=lambda p: (p["item"], p["code"]))}
    return out


def assert_same(cases: list[dict], sheets: list[Checklist], js: list[dict]) -> None:
    """Every case gives the same results; on failure, the smallest differing case is shown."""
    differing = []
    for case, sheet, browser in zip(cases, sheets, js, strict=True):
        server = server_results(sheet, case)
        if comparable(server) != comparable(browser):
            differing.append((len(sheet.items), case, server, browser))
    if differing:
        _, case, server, browser = min(differing, key=lambda d: d[0])
        diff = {
            key: {"server": server.get(key), "browser": browser.get(key)}
            for key in sorted(set(server) | set(browser))
            if comparable(server).get(key) != comparable(browser).get(key)
        }
        pytest.fail(
            f"{len(differing)} of {len(cases)} cases differ; the smallest:\n"
            f"case = {json.dumps(case, ensure_ascii=False)}\n"
            f"differences = {json.dumps(diff, ensure_ascii=False, indent=1)}"
        )


def case_for(sheet: Checklist, answers: dict, notes=None, photos=None) -> dict:
    return {
        "checklist": canonical_dict(sheet),
        "answers": answers,
        "notes": notes or {},
        "photos": photos or {},
        "probes": [],
    }


# -- random checklists ------------------------------------------------------------------------

CATEGORY_KEYS = ("masks", "distancing", "handwashing", "ventilation", "other", "constructor")
FRACTIONS = st.builds(Fraction, st.integers(-50, 250), st.sampled_from([1, 2, 3, 4, 10, 20]))
SHARES = st.builds(Fraction, st.integers(0, 12), st.just(12)) | st.sampled_from(
    [Fraction(0), Fraction(1), Fraction(1, 3), Fraction(2, 3), Fraction(9, 10)]
)
GRADE_MINS = [Fraction(91), Fraction(90), Fraction(179, 2), Fraction(75), Fraction(1333, 20)]


@st.composite
def items(draw, item_id: str) -> Item:
    kind = draw(st.sampled_from(list(ItemType)))
    fields = {
        "weight": Fraction(draw(st.integers(0, 10)), draw(st.integers(1, 4))),
        "critical": draw(st.booleans()),
        "allow_na": draw(st.booleans()),
        "category": draw(st.sampled_from(CATEGORY_KEYS)),
        "evidence_on_fail": tuple(draw(st.lists(st.sampled_from(list(Evidence)), unique=True))),
    }
    if kind in (ItemType.YESNO, ItemType.CHOICE):
        fields["scored"] = draw(st.integers(0, 3)) > 0  # a quarter are informational
    if kind is ItemType.YESNO:
        fields["expect"] = draw(st.sampled_from(["yes", "no"]))
    elif kind is ItemType.COUNT:
        fields["pass_ratio"] = draw(st.none() | SHARES)
    elif kind is ItemType.NUMBER:
        low, high = sorted([draw(FRACTIONS), draw(FRACTIONS)])
        fields["minimum"] = draw(st.none() | st.just(low))
        fields["maximum"] = draw(st.none() | st.just(high))
        fields["pass_min"] = draw(st.none() | FRACTIONS)
        fields["pass_max"] = draw(st.none() | FRACTIONS)
        fields["unit"] = draw(st.none() | st.just("%"))
    elif kind is ItemType.CHOICE:
        values = draw(st.lists(st.sampled_from("abcdef"), min_size=1, max_size=4, unique=True))
        fields["options"] = tuple(
            Option(f"o{v}", Text(f"o{v}"), draw(SHARES), draw(st.booleans())) for v in values
        )
    return Item(item_id, kind, Text(f"Pertanyaan {item_id}"), **fields)


@st.composite
def conditions(draw, controllers: list[Item], everyone: list[Item]) -> Condition:
    """Mostly on an earlier yes/no or choice item; now and then on anything, cycles included."""
    pool = controllers if controllers and draw(st.integers(0, 9)) else everyone
    if not pool or draw(st.integers(0, 30)) == 0:
        return Condition("hilang", ("yes",))  # an unknown controller: never satisfied
    controller = draw(st.sampled_from(pool))
    values = [o.value for o in controller.options] or ["yes", "no"]
    chosen = draw(st.lists(st.sampled_from([*values, "catatan"]), min_size=1, unique=True))
    return Condition(controller.id, tuple(chosen))


@st.composite
def random_checklists(draw) -> Checklist:
    sizes = draw(st.lists(st.integers(0, 6), min_size=1, max_size=4))
    style = draw(st.sampled_from(["i{}", "i{}", "{}"]))  # "10" sorts first in a JS object
    ids = [style.format(n) for n in range(sum(sizes))]
    if ids and draw(st.booleans()):
        ids[draw(st.integers(0, len(ids) - 1))] = "constructor"  # a key every JS object has
    made = [draw(items(item_id)) for item_id in ids]
    # Conditions follow a random order, not the checklist's: a follow-up may come first.
    order = draw(st.permutations(range(len(made))))
    for position, index in enumerate(order):
        if draw(st.integers(0, 2)) == 0:
            continue
        earlier = [made[i] for i in order[:position]]
        controllers = [i for i in earlier if i.type in (ItemType.YESNO, ItemType.CHOICE)]
        others = [i for i in made if i.id != made[index].id]
        condition = draw(conditions(controllers, others))
        made[index] = replace(made[index], show_if=condition)
    sections, start = [], 0
    for index, size in enumerate(sizes):
        sections.append(section(f"s{index}", *made[start : start + size]))
        start += size
    mins = draw(st.lists(st.sampled_from(GRADE_MINS), max_size=3, unique=True))
    grades = tuple(
        GradeBand(f"g{n}", Text(f"g{n}"), low, "#333333")
        for n, low in enumerate([*sorted(mins, reverse=True), Fraction(0)])
    )
    return checklist(*sections, grades=grades)


# -- answers as the phone sends them ----------------------------------------------------------


def padded(text: str):
    # \x1c and \x85 are spaces to Python's strip() but not to JS's trim()
    return st.sampled_from(
        [text, text, f" {text}", f"{text}\t", f"\u3000{text}", f"\x1c{text}\x85"]
    )


def decimal_text(value: Fraction) -> str:
    text = format(Decimal(value.numerator) / Decimal(value.denominator), "f")
    assert Fraction(text) == value, "not a terminating decimal"
    return text


@st.composite
def typed_numbers(draw, value: Fraction):
    """`value` as a phone may send it: "37.5", "37,5", " 37.50", "375e-1", 37.5."""
    text = decimal_text(value)
    units, places = text.replace(".", "").replace("-", ""), len(text.partition(".")[2])
    sign = "-" if value < 0 else ""
    forms = [
        text,
        text.replace(".", ","),
        f" {text}0" if "." in text else f"{text}.0 ",
        f"{sign}{units}e-{places}",
        f"+{text}" if value >= 0 else text,
        f"{text[0]}_{text[1:]}" if text[:2].isdigit() else text,
    ]
    if value.denominator == 1:
        return draw(st.sampled_from([*forms, int(value)]))
    return draw(st.sampled_from([*forms, float(value)]))


def in_range(item: Item):
    low = -5000 if item.minimum is None else -(-item.minimum * 100 // 1)
    high = 15000 if item.maximum is None else item.maximum * 100 // 1
    if low > high:  # no two-decimal number fits, e.g. between 1/3 and 1/3
        return st.just(Fraction(low, 100))
    return st.builds(Fraction, st.integers(int(low), int(high)), st.just(100))


#: answers the server refuses (or reads as no answer), by the type of the item they go to
JUNK = {
    None: [{"na": True}, {"na": True, "value": "yes"}, {"na": True, "number": "x"}, {"value": 5}],
    ItemType.YESNO: [
        {"value": "mungkin"},
        {"value": " ya "},
        {"value": "\ufeffyes"},  # a space to JS's trim(), not to Python's strip()
        {"value": "yes", "number": "5"},
    ],
    ItemType.CHOICE: [{"value": "bubuk"}, {"value": "yes", "observed": 1, "compliant": 1}],
    ItemType.COUNT: [
        {"observed": 3, "compliant": 5},
        {"observed": "abc", "compliant": 1},
        {"observed": -2, "compliant": 0},
        {"observed": "4", "compliant": "-0"},
        {"observed": True, "compliant": 1},
        {"observed": 7.5, "compliant": 1},
        {"observed": 5},
        {"observed": 20, "compliant": "1__0"},
        {"value": "yes"},
    ],
    ItemType.NUMBER: [
        {"number": "abc"},
        {"number": "   "},
        {"number": "1/3"},
        {"number": "inf"},
        {"number": "1e5"},
        {"number": "-40,25"},
        {"number": "12345678901234567890123456789.5"},
        {"observed": 1, "compliant": 1},
    ],
    ItemType.TEXT: [{"number": "5"}, {"observed": 1, "compliant": 1}],
    ItemType.PHOTO: [{"number": "5"}],
}


@st.composite
def wire_answers(draw, item: Item, noisy: bool) -> dict | None:
    if draw(st.integers(0, 5)) == 0:
        return None
    if noisy and draw(st.integers(0, 3)) == 0:
        return dict(draw(st.sampled_from(JUNK[item.type] + JUNK[None])))
    if item.allow_na and draw(st.integers(0, 4)) == 0:
        return {"na": True}
    if item.type is ItemType.YESNO:
        return {"value": draw(padded(draw(st.sampled_from(["yes", "no"]))))}
    if item.type is ItemType.CHOICE:
        return {"value": draw(padded(draw(st.sampled_from(item.options)).value))}
    if item.type is ItemType.COUNT:
        observed = draw(st.integers(0, 12) | st.just(0))
        # all or all but one complying: the shares where pass bars bite
        compliant = draw(
            st.sampled_from([observed, max(observed - 1, 0)]) | st.integers(0, observed)
        )
        as_text = draw(st.booleans())
        return {
            "observed": f" {observed}" if as_text else observed,
            "compliant": str(compliant) if as_text else compliant,
            "na": False,
        }
    if item.type is ItemType.NUMBER:
        return {"number": draw(typed_numbers(draw(in_range(item))))}
    return draw(st.sampled_from([{}, {"value": ""}, {"value": "  "}, {"value": "Petugas ramah"}]))


def shipped_checklists() -> list[Checklist]:
    return [parse_checklist(path.read_text(encoding="utf-8")) for path in SHIPPED_CHECKLISTS]


NOTES = ["", " ", "\t\n", "\x1c", "\ufeff", "ada catatan", None]


@st.composite
def inspections(draw, shipped: list[Checklist]) -> tuple[Checklist, dict]:
    sheet = draw(random_checklists()) if draw(st.integers(0, 4)) else draw(st.sampled_from(shipped))
    noisy = draw(st.integers(0, 9)) < 2
    answers = {item.id: draw(wire_answers(item, noisy)) for item in sheet.items}
    answers = {key: wire for key, wire in answers.items() if wire is not None}
    if noisy and draw(st.integers(0, 4)) == 0:
        answers["tidak-ada"] = {"value": "yes"}
    ids = [item.id for item in sheet.items]
    notes = draw(st.dictionaries(st.sampled_from(ids), st.sampled_from(NOTES))) if ids else {}
    photos = draw(st.dictionaries(st.sampled_from(ids), st.integers(0, 2))) if ids else {}
    # Wrong answers checked one by one, so that most cases still get scored.
    probes = [
        [item.id, dict(draw(st.sampled_from(JUNK[item.type] + JUNK[None])))]
        for item in sheet.items
        if draw(st.integers(0, 2)) == 0
    ]
    return sheet, {**case_for(sheet, answers, notes, photos), "probes": probes}


def generated(count: int) -> list[tuple[Checklist, dict]]:
    """`count` random inspections: Hypothesis generates them, one node run checks them all."""
    found: list[tuple[Checklist, dict]] = []
    shipped = shipped_checklists()

    # Derandomized: the same cases every run, so the coverage checks below cannot flicker
    # (a random draw once produced no out-of-range number at all).
    @settings(
        max_examples=count,
        phases=[Phase.generate],
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(inspections(shipped))
    def collect(inspection):
        found.append(inspection)

    collect()
    return found


# -- the tests --------------------------------------------------------------------------------


def test_the_browser_decides_random_inspections_exactly_as_the_server(node, tmp_path):
    generated_cases = generated(RANDOM_CASES)
    sheets = [sheet for sheet, _ in generated_cases]
    cases = [case for _, case in generated_cases]

    js = run_js(node, cases, tmp_path)

    assert_same(cases, sheets, js)
    # Not vacuous: enough scored, refused, graded, critical and evidence cases were compared.
    scored = [out["score"] for out in js if "score" in out]
    assert len(scored) >= RANDOM_CASES // 3
    assert sum("refused" in out for out in js) >= RANDOM_CASES // 10
    assert sum(s["total"] is not None for s in scored) >= RANDOM_CASES // 4
    assert any(s["criticalFailures"] for s in scored)
    assert {m["kind"] for out in js for m in out.get("missing", [])} == {"answer", "photo", "note"}
    found = [p for out in js for ps in [*out["problems"].values(), *out["probes"]] for p in ps]
    assert {p["code"] for p in found} == {"A101", *(f"A{n}" for n in range(104, 114))}


def wire(answer: Answer) -> dict:
    """A domain answer as the phone sends it."""
    fields = {
        "value": answer.value,
        "observed": answer.observed,
        "compliant": answer.compliant,
        "number": None if answer.number is None else decimal_text(answer.number),
    }
    sent = {key: value for key, value in fields.items() if value is not None}
    return {**sent, "na": True} if answer.na else sent


def test_the_browser_scores_the_shipped_checklists_and_examples_as_the_server(node, tmp_path):
    sheets, cases = [], []
    for checklist_path, answers_path in SHIPPED:
        sheet = parse_checklist(checklist_path.read_text(encoding="utf-8"))
        text = answers_path.read_text(encoding="utf-8") if answers_path.exists() else "{}"
        answers = parse_answers(text, sheet)
        sent = {key: wire(answer) for key, answer in answers.items()}
        assert {key: server_answer(sheet, key, w) for key, w in sent.items()} == answers
        sheets.append(sheet)
        cases.append(case_for(sheet, sent))

    js = run_js(node, cases, tmp_path)

    assert_same(cases, sheets, js)
    for (checklist_path, _), out in zip(SHIPPED, js, strict=True):
        expected = checklist_path.with_name(checklist_path.stem + ".expected.json")
        if expected.exists():  # the worked examples, checked by hand in docs/checklists.md
            document = json.loads(expected.read_text(encoding="utf-8"))
            assert (out["score"]["total"], out["score"]["grade"]) == (
                document["total"],
                document["grade"],
            )


def test_the_browser_agrees_on_the_edges_a_random_case_may_miss(node, tmp_path):
    note = (Evidence.NOTE,)
    sheet = checklist(
        section(
            "a",
            yesno("zona", scored=False),
            replace(count("masker", evidence_on_fail=(*note, Evidence.PHOTO)), pass_ratio=None),
            number("suhu", minimum="1/3", maximum="200/3", pass_max="75/2", evidence_on_fail=note),
            yesno("sabun", critical=True, when=("zona", "yes"), evidence_on_fail=note),
        )
    )
    answers = {
        "zona": {"value": "yes"},
        "masker": {"observed": 10, "compliant": 9},
        "suhu": {"number": "37,6"},
        "sabun": {"value": "no"},
    }
    # "\x1c" is blank to Python's strip() and "\ufeff" is not: JS's trim() says the opposite
    notes = {"masker": "\x1c", "suhu": "\ufeff", "sabun": " ada "}
    cases = [
        case_for(sheet, answers, notes, {"masker": 1}),
        case_for(sheet, {"suhu": {"number": "80"}}),
        case_for(sheet, {"zona": {"value": "no"}}),
    ]

    js = run_js(node, cases, tmp_path)

    assert_same(cases, [sheet] * len(cases), js)
    failed, refused, hidden = js
    assert failed["score"]["items"]["masker"] == {"status": "fail", "credit": "9/10"}
    assert (failed["score"]["grade"], failed["score"]["criticalFailures"]) == ("buruk", ["sabun"])
    assert failed["missing"] == [{"section": 1, "item": "masker", "kind": "note"}]
    assert "(≈0.33 to ≈66.67)" in refused["refused"][0]["message_en"]
    assert hidden["visible"] == ["zona", "masker", "suhu"]


REFUSALS_CHECKLIST = """\
id: tolak
version: "1"
title: Jawaban yang ditolak
rules:
  se-1: SE 1/2020
grades:
  - {id: baik, label: Baik, min: 90, color: "#1b7f3b"}
  - {id: buruk, label: Buruk, min: 0, color: "#c53030"}
sections:
  - id: satu
    title: Satu
    items:
      - {id: sabun, type: yesno, question: Ada sabun, category: handwashing}
      - {id: suhu, type: yesno, question: Suhu diukur, category: screening, na: ya}
      - {id: masker, type: count, question: Pegawai bermasker, category: masks, pass_percent: 90}
      - id: wfo
        type: number
        question: Persen pegawai di kantor
        category: staffing
        min: 0
        max: 100
        pass_max: 50
      - id: sabun-jenis
        type: choice
        question: Jenis sabun
        category: handwashing
        show_if: {item: sabun, equals: ya}
        options:
          - {value: cair, label: Cair, score: 100}
          - {value: batang, label: Batang, score: 50}
"""

REFUSALS = [
    ("tidak-ada", {"value": "yes"}, ["A101"]),
    ("sabun", {"na": True}, ["A104"]),
    ("suhu", {"na": True, "value": "yes"}, ["A105"]),
    ("sabun", {"na": True, "value": "yes"}, ["A104", "A105"]),  # and sabun-jenis stays hidden
    ("sabun", {"value": "ya"}, ["A106"]),
    ("masker", {"observed": 10}, ["A107"]),
    ("masker", {"observed": "sepuluh", "compliant": 3}, ["A108"]),
    ("masker", {"observed": -1, "compliant": 0}, ["A108"]),
    ("masker", {"observed": 3, "compliant": 4}, ["A109"]),
    ("wfo", {"number": "empat puluh"}, ["A110"]),
    ("wfo", {"number": "100,5"}, ["A111"]),
    ("wfo", {"number": "-0.25"}, ["A111"]),
    ("sabun-jenis", {"value": "bubuk"}, ["A112"]),
    ("masker", {"value": "yes"}, ["A113"]),
    ("sabun", {"value": "yes", "number": "1"}, ["A113"]),
    ("wfo", {"number": "37,5"}, []),
    ("masker", {"observed": "0", "compliant": 0}, []),
    ("sabun", {"value": "  "}, []),  # blank is no answer, not a wrong one
]


def test_the_browser_refuses_answers_with_the_servers_codes(node, tmp_path):
    sheet = parse_checklist(REFUSALS_CHECKLIST)
    cases = [case_for(sheet, {key: answer}) for key, answer, _ in REFUSALS]

    js = run_js(node, cases, tmp_path)

    assert_same(cases, [sheet] * len(cases), js)
    for (key, answer, code), out in zip(REFUSALS, js, strict=True):
        assert [p["code"] for p in out["problems"][key]] == code, (key, answer)
