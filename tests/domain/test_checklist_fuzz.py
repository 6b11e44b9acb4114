"""No input, however strange, makes the loader raise: it always answers with problems."""

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sidak.domain.checklist.loader import load_checklist
from sidak.domain.checklist.model import Checklist
from sidak.domain.checklist.yamlnodes import read_yaml
from sidak.domain.problems import Problem, Severity
from tests.domain.test_checklist_loader import MINIMAL

KEYS = [
    "id", "version", "title", "description", "basis", "rules", "grades", "sections", "items",
    "type", "question", "category", "weight", "critical", "na", "pass_percent", "guidance",
    "evidence_on_fail", "show_if", "item", "equals", "in", "expect", "unit", "min", "max",
    "pass_min", "pass_max", "options", "value", "label", "score", "pass", "color", "en",
]  # fmt: skip
WORDS = [
    "", "ya", "tidak", "no", "yes", "0", "-1", "1.5", "1,5", "100", "150", "yesno", "count",
    "number", "choice", "text", "photo", "masks", "photo", "note", "#c33", "a", "b", "~",
    "wastafel", "kmk-328-2020", "Pasar Besar", "null", "1e3", ".inf",
]  # fmt: skip
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(st.sampled_from(WORDS), st.integers(-5, 200), st.booleans(), st.none())
structures = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(KEYS), inner, max_size=6),
    ),
    max_leaves=40,
)


def assert_answers_with_problems(text):
    checklist, problems = load_checklist(text)
    assert all(isinstance(p, Problem) for p in problems)
    assert all(p.mark.line >= 1 and p.mark.col >= 1 for p in problems)
    assert all(p.format("f.yaml", lang) for p in problems for lang in ("id", "en"))
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if checklist is None:
        assert errors
    else:
        assert isinstance(checklist, Checklist)
        assert not errors


@SETTINGS
@given(st.text())
def test_random_text_never_raises(text):
    assert_answers_with_problems(text)


@SETTINGS
@given(st.binary())
def test_random_bytes_never_raise(data):
    assert_answers_with_problems(data)
    read_yaml(data)


@SETTINGS
@given(structures)
def test_random_structures_never_raise(structure):
    assert_answers_with_problems(yaml.safe_dump(structure, allow_unicode=True))


@SETTINGS
@given(st.dictionaries(st.sampled_from(KEYS), structures, max_size=8))
def test_random_documents_of_language_keys_never_raise(document):
    assert_answers_with_problems(yaml.safe_dump(document, allow_unicode=True))


def replacement_lines(indent: str, key: str) -> st.SearchStrategy[str]:
    """What a careless edit might turn a line into."""
    return st.one_of(
        st.just(""),
        st.sampled_from(WORDS).map(lambda word: f"{indent}{key}: {word}"),
        st.tuples(st.sampled_from(KEYS), st.sampled_from(WORDS)).map(
            lambda pair: f"{indent}{pair[0]}: {pair[1]}"
        ),
        structures.map(
            lambda s: f"{indent}{key}: {yaml.safe_dump(s, default_flow_style=True).strip()}"
        ),
    )


@SETTINGS
@given(st.data())
def test_mutations_of_a_valid_checklist_never_raise(data):
    lines = MINIMAL.splitlines()
    for _ in range(data.draw(st.integers(1, 4))):
        index = data.draw(st.integers(0, len(lines) - 1))
        line = lines[index]
        indent = line[: len(line) - len(line.lstrip())]
        lines[index] = data.draw(replacement_lines(indent, line.strip().split(":")[0]))
    assert_answers_with_problems("\n".join(lines) + "\n")
