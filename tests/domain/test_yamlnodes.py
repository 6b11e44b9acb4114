"""The safe YAML reader: positioned nodes, raw scalars, and refusal of dangerous YAML."""

from fractions import Fraction
from pathlib import Path

import pytest

from sidak.domain.checklist.yamlnodes import (
    MAX_BYTES,
    Mapping,
    Scalar,
    Sequence,
    read_yaml,
    scalar_bool,
    scalar_number,
    yes_no,
)
from sidak.domain.problems import Mark


def codes_at(text):
    node, problems = read_yaml(text)
    assert node is None
    return [(p.code, p.mark.line, p.mark.col) for p in problems]


def scalar(raw, quoted=False):
    return Scalar(raw, Mark(1, 1), "tag:yaml.org,2002:str", quoted)


def test_nodes_keep_positions_raw_text_and_file_order():
    node, problems = read_yaml("b: 1.10\na:\n  - no\n  - 'x'\n")
    assert problems == []
    assert isinstance(node, Mapping)
    assert node.mark == Mark(1, 1)
    (b_key, b_value), (_, a_value) = node.entries
    assert (b_key.value, b_key.mark) == ("b", Mark(1, 1))
    assert (b_value.value, b_value.mark, b_value.tag) == (
        "1.10",
        Mark(1, 4),
        "tag:yaml.org,2002:float",
    )
    assert isinstance(a_value, Sequence)
    no, x = a_value.items
    assert (no.value, no.tag, no.quoted) == ("no", "tag:yaml.org,2002:bool", False)
    assert (x.value, x.mark, x.quoted) == ("x", Mark(4, 5), True)


def test_duplicate_keys_are_kept_for_the_validator():
    node, problems = read_yaml("a: 1\na: 2\n")
    assert problems == []
    assert [(k.value, v.value) for k, v in node.entries] == [("a", "1"), ("a", "2")]


def test_empty_value_is_a_null_scalar():
    node, _ = read_yaml("a:\n")
    value = node.entries[0][1]
    assert value.is_null
    assert value.value == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", [("Y003", 1, 1)]),
        ("# hanya komentar\n\n", [("Y003", 1, 1)]),
        ("---\n", [("Y003", 1, 1)]),
        ("a: 1\n---\nb: 2\n", [("Y005", 2, 1)]),
        ("a: &x 1\nb: *x\n", [("Y006", 1, 4), ("Y006", 2, 4)]),
        ("a: !!python/object:os.system ls\n", [("Y009", 1, 4)]),
        ("a: !rahasia x\n", [("Y009", 1, 4)]),
        ("{[1]: 2}\n", [("Y008", 1, 2)]),
        ("a:\n\tb: 1\n", [("Y004", 2, 1)]),
        ('a: "tidak ditutup\n', [("Y004", 1, 4)]),
        ("a: [1, 2\nb: 3\n", [("Y004", 1, 4)]),
        ("a: \x07\n", [("Y004", 1, 4)]),
    ],
)
def test_refusals_are_reported_at_their_position(text, expected):
    assert codes_at(text) == expected


def test_not_utf8_points_at_the_first_bad_byte():
    assert codes_at(b"a: 1\nb: caf\xe9\n") == [("Y001", 2, 7)]


def test_utf8_bom_is_accepted():
    node, problems = read_yaml("\ufeffa: 1\n".encode())
    assert problems == []
    assert node.entries[0][0].value == "a"


def test_size_limit_is_checked_before_parsing():
    assert codes_at(b"a: 1\n" + b"#" * MAX_BYTES) == [("Y002", 1, 1)]
    assert codes_at("é" * (MAX_BYTES // 2 + 1)) == [("Y002", 1, 1)]


def test_depth_is_limited_before_composing():
    assert codes_at("[" * 10000 + "]" * 10000) == [("Y007", 1, 41)]
    node, problems = read_yaml("[" * 39 + "]" * 39)
    assert (node is not None, problems) == (True, [])


def test_syntax_errors_have_a_friendly_message():
    _, problems = read_yaml("judul: Protokol: kantor\n")
    assert "tanda kutip" in problems[0].message.id
    assert "quote" in problems[0].message.en


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("ya", True), ("Tidak", False), ("YES", True), ("no", False), ("true", True), ("on", None)],
)
def test_booleans_accept_indonesian_and_english_words_only(raw, expected):
    assert scalar_bool(scalar(raw)) is expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("ya", "yes"), ("yes", "yes"), ("TIDAK", "no"), ("no", "no"), ("false", "no"), ("y", None)],
)
def test_yes_no_answers_are_canonical(raw, expected):
    assert yes_no(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1.5", Fraction(3, 2)),
        ("0.1", Fraction(1, 10)),
        ("-3", Fraction(-3)),
        ("1.10", Fraction(11, 10)),
        ("100", Fraction(100)),
        (".5", Fraction(1, 2)),
    ],
)
def test_numbers_are_exact_fractions_of_the_raw_text(raw, expected):
    assert scalar_number(scalar(raw)) == expected


@pytest.mark.parametrize("raw", ["1,5", "1e3", "3/4", "nan", ".inf", "0x10", "", "satu", "1_000"])
def test_anything_but_a_plain_decimal_is_not_a_number(raw):
    assert scalar_number(scalar(raw)) is None


def test_the_fast_and_the_pure_python_parsers_build_the_same_tree():
    import yaml

    from sidak.domain.checklist import yamlnodes

    root = Path(__file__).parents[2]
    files = [*(root / "checklists").glob("*.yaml"), *(root / "docs" / "examples").glob("*.yaml")]
    assert len(files) >= 6
    for path in files:
        text = path.read_text(encoding="utf-8")
        fast = yamlnodes._build(text, yamlnodes._FAST_LOADER)
        pure = yamlnodes._build(text, yaml.SafeLoader)
        assert (fast.root, fast.problems) == (pure.root, pure.problems), path
