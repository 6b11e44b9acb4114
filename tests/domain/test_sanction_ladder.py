"""The sanction-ladder language: the shipped file, the model a valid file becomes, every problem
code of a broken one (one fixture each), ``sidak checklists check`` on ladders, and fuzzing."""

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sidak.domain.checklist.check import check_paths
from sidak.domain.checklist.loader import load_checklist_file
from sidak.domain.problems import InvalidDocument, Severity
from sidak.domain.sanctions import Ladder, Level, Triggers, load_ladder, load_ladder_file
from sidak.domain.sanctions import parse_ladder as parse_from_package
from sidak.domain.sanctions.check import cross_check
from sidak.domain.sanctions.codes import CATALOGUE
from sidak.domain.sanctions.loader import parse_ladder
from sidak.domain.text import Text
from tests.domain.test_checklist_loader import MINIMAL as MINIMAL_CHECKLIST

ROOT = Path(__file__).parents[2]
SHIPPED = ROOT / "checklists" / "sanksi.yaml"
BROKEN = Path(__file__).parent / "broken" / "sanctions"
FIXTURES = sorted(BROKEN.glob("*.yaml"))
EXPECT = re.compile(rb"# expect: ([A-Z]\d{3}) (\d+):(\d+)\n")

MINIMAL = """\
id: contoh
version: 1.10
title: {id: Sanksi contoh, en: Example sanctions}
rule: Peraturan Wali Kota Contoh Nomor 1 Tahun 2020
window_days: 30
triggers:
  grades: tidak-patuh
levels:
  - id: lisan
    name: {id: Teguran lisan, en: Verbal warning}
    meaning: Kepala kantor ditegur secara lisan
    days: 5
  - id: tertulis
    name: Teguran tertulis
    meaning: {id: Surat teguran, en: A warning letter}
    days: 3
"""


def problems_of(text: str) -> list[tuple[str, int, int]]:
    return [(p.code, p.mark.line, p.mark.col) for p in load_ladder(text)[1]]


def with_levels(levels: str) -> str:
    return MINIMAL.split("levels:\n")[0] + "levels:\n" + levels


# --- the shipped ladder ----------------------------------------------------------------


def test_the_shipped_ladder_loads_without_any_problem():
    ladder, problems = load_ladder_file(SHIPPED)
    assert problems == []
    assert ladder.id == "sanksi-sukamaju"
    assert ladder.version == "2021.1"
    assert "Nomor 21 Tahun 2020" in ladder.rule.id and ladder.rule.en
    assert (ladder.window_days, ladder.follow_up_days) == (90, 10)
    assert (ladder.action_days, ladder.critical_action_days) == (5, 1)


def test_the_shipped_levels_climb_in_order_and_stop_at_the_top():
    ladder = parse_ladder(SHIPPED.read_bytes())
    ids = [level.id for level in ladder.levels]
    assert ids == [
        "teguran-lisan",
        "teguran-tertulis",
        "pernyataan-tidak-puas",
        "penutupan-layanan",
        "pemotongan-tunjangan",
    ]
    # every level escalates to the next one; the top stays overdue
    assert [level.on_overdue for level in ladder.levels] == [*ids[1:], None]
    assert all(level.name.en and level.meaning.en for level in ladder.levels)
    days = [level.days for level in ladder.levels]
    assert days == sorted(days, reverse=True)  # heavier levels leave less time
    assert ladder.critical_level == "teguran-tertulis"


def test_the_shipped_triggers():
    triggers = parse_ladder(SHIPPED.read_bytes()).triggers
    assert triggers.grades == ("tidak-patuh",)
    assert triggers.critical is True
    assert "larangan-tanpa-masker" in triggers.items
    assert triggers.score_below is None


def test_the_shipped_folder_checks_clean_ladder_included():
    assert check_paths([str(SHIPPED.parent)]) == ([], True)
    checklists = [load_checklist_file(p)[0] for p in SHIPPED.parent.glob("*.yaml")]
    assert cross_check(SHIPPED.read_bytes(), [c for c in checklists if c is not None]) == []


# --- the model a valid file becomes --------------------------------------------------


def test_a_minimal_ladder_gets_the_defaults():
    ladder, problems = load_ladder(MINIMAL)
    assert problems == []
    assert ladder == Ladder(
        id="contoh",
        version="1.10",
        title=Text("Sanksi contoh", "Example sanctions"),
        rule=Text("Peraturan Wali Kota Contoh Nomor 1 Tahun 2020"),
        levels=(
            Level(
                "lisan",
                Text("Teguran lisan", "Verbal warning"),
                Text("Kepala kantor ditegur secara lisan"),
                5,
                "tertulis",
            ),
            Level(
                "tertulis",
                Text("Teguran tertulis"),
                Text("Surat teguran", "A warning letter"),
                3,
                None,
            ),
        ),
        triggers=Triggers(grades=("tidak-patuh",)),
        window_days=30,
        critical_level=None,
        action_days=5,
        critical_action_days=1,
        follow_up_days=10,
    )


def test_optional_keys_when_written():
    text = MINIMAL.replace(
        "triggers:\n  grades: tidak-patuh\n",
        "follow_up_days: 0\nactions: {days: 7, critical_days: 2}\ncritical_level: tertulis\n"
        "triggers:\n  grades: [tidak-patuh, tidak-patuh]\n  critical: ya\n"
        "  items: [masker-pegawai]\n  score_below: 74.5\n",
    )
    ladder = parse_ladder(text)
    assert (ladder.follow_up_days, ladder.action_days, ladder.critical_action_days) == (0, 7, 2)
    assert ladder.critical_level == "tertulis"
    assert ladder.triggers == Triggers(("tidak-patuh",), True, ("masker-pegawai",), 74.5)


def test_score_below_is_a_float():
    text = MINIMAL.replace("grades: tidak-patuh", "score_below: 75")
    score = parse_ladder(text).triggers.score_below
    assert score == 75.0 and isinstance(score, float)


THREE_LEVELS = """\
  - {id: a, name: A, meaning: A, days: 5%s}
  - {id: b, name: B, meaning: B, days: 5%s}
  - {id: c, name: C, meaning: C, days: 5%s}
"""


@pytest.mark.parametrize(
    ("written", "resolved"),
    [
        (("", "", ""), ["b", "c", None]),
        ((", on_overdue: next", ", on_overdue: Next", ", on_overdue: next"), ["b", "c", None]),
        ((", on_overdue: c", ", on_overdue: none", ""), ["c", None, None]),
        (("", ", on_overdue: NONE", ", on_overdue: none"), ["b", None, None]),
    ],
)
def test_on_overdue_is_resolved_to_a_level_id_or_none(written, resolved):
    ladder, problems = load_ladder(with_levels(THREE_LEVELS % written))
    assert problems == []
    assert [level.on_overdue for level in ladder.levels] == resolved


def test_parse_ladder_is_exported_by_the_package():
    assert parse_from_package is parse_ladder


# --- broken files: one fixture per code ------------------------------------------------


def expectation(path: Path) -> tuple[str, int, int, bytes]:
    data = path.read_bytes()
    match = EXPECT.match(data)
    assert match, f"{path.name}: the first line must be '# expect: CODE LINE:COL'"
    code, line, col = match.groups()
    return code.decode(), int(line), int(col), data


@pytest.fixture(scope="module")
def shipped_checklists():
    loaded = [load_checklist_file(p)[0] for p in sorted(SHIPPED.parent.glob("*.yaml"))]
    return [checklist for checklist in loaded if checklist is not None]


@pytest.mark.parametrize("path", FIXTURES, ids=lambda path: path.stem)
def test_fixture_reports_its_code_at_the_expected_position(path, shipped_checklists):
    code, line, col, data = expectation(path)
    ladder, problems = load_ladder(data)
    if ladder is not None:  # as ``sidak checklists check`` does beside the shipped checklists
        problems += cross_check(data, shipped_checklists)
    found = [(p.code, p.mark.line, p.mark.col) for p in problems]
    assert found == [(code, line, col)]
    if code.startswith("S") and CATALOGUE[code].severity is Severity.WARNING:
        assert ladder is not None
    else:
        assert ladder is None


@pytest.mark.parametrize("path", FIXTURES, ids=lambda path: path.stem)
def test_fixture_is_named_after_its_code(path):
    code, *_ = expectation(path)
    assert path.name.startswith(f"{code}-")


def test_every_s_code_has_a_fixture():
    covered = {path.name.split("-")[0] for path in FIXTURES}
    assert set(CATALOGUE) - covered == set()


def test_s_codes_are_stable_and_well_formed():
    assert all(re.fullmatch(r"S[123]\d{2}", code) for code in CATALOGUE)
    assert all(entry.code == code for code, entry in CATALOGUE.items())
    warnings = {code for code, entry in CATALOGUE.items() if entry.severity is Severity.WARNING}
    assert warnings == {"S103", "S204", "S205", "S303", "S304"}


def test_problems_format_as_path_line_col_code_message_in_both_languages():
    problems = load_ladder(MINIMAL.replace("window_days: 30", "window_days: 4000"))[1]
    assert [p.format("checklists/sanksi.yaml") for p in problems] == [
        "checklists/sanksi.yaml:5:14: S102 rentang hari pengulangan (window_days) harus "
        'bilangan bulat dari 1 sampai 3650, tertulis "4000"'
    ]
    assert [p.format("checklists/sanksi.yaml", "en") for p in problems] == [
        "checklists/sanksi.yaml:5:14: S102 window_days must be a whole number from 1 to 3650, "
        'found "4000"'
    ]


def test_warnings_say_so_in_both_languages():
    text = MINIMAL.replace("name: Teguran tertulis", "name: Teguran lisan")
    ladder, problems = load_ladder(text)
    assert ladder is not None
    assert problems[0].format("s.yaml").startswith("s.yaml:14:11: S205 (peringatan) Nama tingkat")
    assert problems[0].format("s.yaml", "en").startswith("s.yaml:14:11: S205 (warning) Level name")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("    days: 3", "    days: 1.5", [("S102", 16, 11)]),
        ("    days: 3", "    days: 0", [("S102", 16, 11)]),
        ("    days: 3", "    days: 366", [("S102", 16, 11)]),
        ("window_days: 30", "window_days: 3650", []),
        ("window_days: 30", "window_days: 3651", [("S102", 5, 14)]),
        ("window_days: 30", "window_days: -1", [("S102", 5, 14)]),
        ("window_days: 30", "follow_up_days: 366\nwindow_days: 30", [("S102", 5, 17)]),
        ("grades: tidak-patuh", "score_below: -0.5", [("S302", 7, 16)]),
        ("grades: tidak-patuh", "score_below: 100", []),
        ("grades: tidak-patuh", "score_below: 0", []),
        ("grades: tidak-patuh", "score_below: tujuh puluh", [("C111", 7, 16)]),
        ("grades: tidak-patuh", "critical: kadang", [("C112", 7, 13)]),
        # a broken trigger is reported as such, not also as "no trigger"
        ("grades: tidak-patuh", "grades: [Tidak Patuh]", [("C106", 7, 12)]),
        ("grades: tidak-patuh", "grades: []", [("C108", 7, 11)]),
        ("grades: tidak-patuh", "items: []", [("C108", 7, 10)]),
        ("grades: tidak-patuh", "critical: no", [("S301", 7, 3)]),
        ("triggers:\n  grades: tidak-patuh", "triggers: {}", [("S301", 6, 11)]),
        ("triggers:\n  grades: tidak-patuh", "triggers: tidak-patuh", [("C101", 6, 11)]),
        ("window_days: 30", "window_days: 30\ncritical_level: tertulis", []),
        ("window_days: 30", "window_days: 30\ncritical_level: ~", [("C105", 6, 17)]),
        ("window_days: 30", "window_days: 30\nactions: [5, 1]", [("C101", 6, 10)]),
        ("window_days: 30", "window_days: 30\nactions: {hari: 5}", [("C102", 6, 11)]),
    ],
)
def test_field_rules(old, new, expected):
    assert old in MINIMAL
    assert problems_of(MINIMAL.replace(old, new, 1)) == expected


def test_critical_level_is_checked_even_when_a_level_has_another_problem():
    text = MINIMAL.replace("window_days: 30", "window_days: 30\ncritical_level: tertulsi")
    found = problems_of(text.replace("    days: 3", "    days: 0"))
    assert found == [("S201", 6, 17), ("S102", 17, 11)]


def test_references_wait_for_valid_level_ids():
    # a bad level id is the problem to fix; "unknown level" about it would only confuse
    text = MINIMAL.replace("window_days: 30", "window_days: 30\ncritical_level: tertulis")
    assert problems_of(text.replace("id: tertulis", "id: Teguran Tertulis")) == [("C106", 14, 9)]


def test_unknown_keys_get_ladder_hints_from_indonesian_words():
    problems = load_ladder(MINIMAL.replace("levels:", "tingkat:"))[1]
    assert [p.format("s.yaml") for p in problems] == [
        "s.yaml:1:1: C104 Aturan sanksi ini belum punya tingkat sanksi (levels); "
        "tambahkan 'levels:'",
        "s.yaml:8:1: C102 Kunci 'tingkat' tidak dikenal di aturan sanksi; maksud Anda 'levels'?",
    ]
    english = load_ladder(MINIMAL.replace("    days: 3", "    hari: 3"))[1]
    assert [p.format("s.yaml", "en") for p in english] == [
        "s.yaml:13:5: C104 This level has no 'days'; add 'days:'",
        "s.yaml:16:5: C102 Unknown key 'hari' in level; did you mean 'days'?",
    ]


@pytest.mark.parametrize(
    ("written", "hint"),
    [("tidak", "none"), ("berikutnya", "next"), ("lisann", "lisan"), ("Tertulis", "tertulis")],
)
def test_an_unknown_on_overdue_suggests_what_was_meant(written, hint):
    problems = load_ladder(
        MINIMAL.replace("    days: 5", f"    days: 5\n    on_overdue: {written}")
    )[1]
    assert [p.code for p in problems] == ["S201"]
    assert problems[0].message.en.endswith(f"did you mean '{hint}'?")


def test_self_escalation_and_cycles():
    assert problems_of(with_levels(THREE_LEVELS % ("", "", ", on_overdue: c"))) == [
        ("S202", 11, 55)
    ]
    # b -> c -> b; a enters the circle but is not part of it: one report, at the step back
    problems = load_ladder(with_levels(THREE_LEVELS % ("", "", ", on_overdue: b")))[1]
    assert [(p.code, p.mark.line) for p in problems] == [("S203", 11)]
    assert "b -> c -> b" in problems[0].message.id
    # two separate circles are two reports
    levels = THREE_LEVELS % (", on_overdue: a", "", ", on_overdue: b")
    assert [p.code for p in load_ladder(with_levels(levels))[1]] == ["S202", "S203"]


def test_every_problem_of_a_file_is_reported_at_once():
    text = (
        MINIMAL.replace("id: contoh", "id: Contoh Sanksi")
        .replace("window_days: 30", "window_days: 0")
        .replace("grades: tidak-patuh", "critical: tidak")
        .replace("days: 5", "days: lima")
    )
    assert [code for code, *_ in problems_of(text)] == ["C106", "S102", "S301", "C111"]


def test_parse_ladder_raises_invalid_document_with_every_problem():
    with pytest.raises(InvalidDocument) as raised:
        parse_ladder(
            MINIMAL.replace("window_days: 30", "window_days: 0").replace("days: 5", "days: 0")
        )
    assert [p.code for p in raised.value.problems] == ["S102", "S102"]


def test_reader_problems_come_through():
    assert problems_of("") == [("Y003", 1, 1)]
    assert problems_of("id: [a\n") == [("Y004", 1, 5)]
    assert problems_of(b"id: \xff\n") == [("Y001", 1, 5)]


def test_missing_and_unreadable_files_are_problems(tmp_path):
    assert [p.code for p in load_ladder_file(tmp_path / "tidak-ada.yaml")[1]] == ["F001"]
    assert [p.code for p in load_ladder_file(tmp_path)[1]] == ["F002"]


# --- sidak checklists check ------------------------------------------------------------


def folder_with(tmp_path: Path, ladder: str, name: str = "sanksi.yaml") -> Path:
    (tmp_path / "pasar.yaml").write_text(MINIMAL_CHECKLIST, encoding="utf-8")
    (tmp_path / name).write_text(ladder, encoding="utf-8")
    return tmp_path / name


def test_a_folder_checks_its_ladder_as_a_ladder(tmp_path):
    folder_with(tmp_path, MINIMAL)
    assert check_paths([str(tmp_path)]) == ([], True)


def test_trigger_ids_unknown_to_every_checklist_of_the_folder_warn(tmp_path):
    text = MINIMAL.replace(
        "grades: tidak-patuh", "grades: [tidak-patuh, tidakpatuh]\n  items: [wastafel, sabunn]"
    )
    path = folder_with(tmp_path, text, "sanksi-2021.yaml")
    lines, ok = check_paths([str(tmp_path)])
    assert ok
    assert lines == [
        f"{path}:7:25: S303 (peringatan) Tingkat nilai 'tidakpatuh' tidak ada di daftar periksa "
        "mana pun di folder ini; pemicu ini tidak akan pernah berlaku; maksud Anda 'tidak-patuh'?",
        f"{path}:8:21: S304 (peringatan) Butir 'sabunn' tidak ada di daftar periksa mana pun di "
        "folder ini; pemicu ini tidak akan pernah berlaku; maksud Anda 'sabun'?",
    ]
    # the ladder named on its own is checked against the checklists beside it too
    assert check_paths([str(path)], lang="en")[0] == [
        f"{path}:7:25: S303 (warning) No checklist in this folder has the grade 'tidakpatuh'; "
        "this trigger would never fire; did you mean 'tidak-patuh'?",
        f"{path}:8:21: S304 (warning) No checklist in this folder has the item 'sabunn'; this "
        "trigger would never fire; did you mean 'sabun'?",
    ]


def test_a_broken_ladder_fails_the_check_and_is_not_read_as_a_checklist(tmp_path):
    path = folder_with(tmp_path, MINIMAL.replace("window_days: 30", "window_days: 0"))
    lines, ok = check_paths([str(tmp_path)])
    assert not ok
    assert [line.split(" ")[:2] for line in lines] == [[f"{path}:5:14:", "S102"]]
    assert check_paths([str(path)]) == (lines, False)


def test_no_checklist_beside_the_ladder_means_no_cross_check(tmp_path):
    path = tmp_path / "sanksi.yaml"
    path.write_text(MINIMAL.replace("tidak-patuh", "apa-saja"), encoding="utf-8")
    assert check_paths([str(path)]) == ([], True)
    assert check_paths([str(tmp_path / "sanksi-lain.yaml")])[0][0].split(" ")[1] == "F001"


# --- nothing raises --------------------------------------------------------------------

KEYS = [
    "id", "version", "title", "rule", "window_days", "follow_up_days", "actions", "triggers",
    "critical_level", "levels", "name", "meaning", "days", "critical_days", "on_overdue",
    "grades", "critical", "items", "score_below", "en",
]  # fmt: skip
WORDS = [
    "", "ya", "tidak", "no", "next", "none", "NEXT", "0", "-1", "1.5", "5", "90", "3651", "100",
    "lisan", "tertulis", "tidak-patuh", "a", "~", "null", "1e3", ".inf", "Teguran lisan",
]  # fmt: skip
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(st.sampled_from(WORDS), st.integers(-5, 4000), st.booleans(), st.none())
structures = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(KEYS), inner, max_size=6)
    ),
    max_leaves=40,
)


def assert_answers_with_problems(text):
    ladder, problems = load_ladder(text)
    assert all(p.mark.line >= 1 and p.mark.col >= 1 for p in problems)
    assert all(p.format("s.yaml", lang) for p in problems for lang in ("id", "en"))
    errors = [p for p in problems if p.severity is Severity.ERROR]
    assert (ladder is None) == bool(errors)
    if ladder is not None:
        ids = [level.id for level in ladder.levels]
        assert all(level.on_overdue in (*ids, None) for level in ladder.levels)
        assert ladder.critical_level in (*ids, None)
    cross_check(text, [])


@SETTINGS
@given(st.text())
def test_random_text_never_raises(text):
    assert_answers_with_problems(text)


@SETTINGS
@given(st.binary())
def test_random_bytes_never_raise(data):
    assert_answers_with_problems(data)


@SETTINGS
@given(st.dictionaries(st.sampled_from(KEYS), structures, max_size=10))
def test_random_documents_of_ladder_keys_never_raise(document):
    assert_answers_with_problems(yaml.safe_dump(document, allow_unicode=True))


@SETTINGS
@given(st.data())
def test_mutations_of_the_shipped_ladder_never_raise(data):
    lines = SHIPPED.read_text(encoding="utf-8").splitlines()
    for _ in range(data.draw(st.integers(1, 4))):
        index = data.draw(st.integers(0, len(lines) - 1))
        line = lines[index]
        indent = line[: len(line) - len(line.lstrip())]
        key = line.strip().lstrip("- ").split(":")[0]
        lines[index] = data.draw(
            st.one_of(
                st.just(""),
                st.sampled_from(WORDS).map(lambda word, i=indent, k=key: f"{i}{k}: {word}"),
                st.tuples(st.sampled_from(KEYS), st.sampled_from(WORDS)).map(
                    lambda pair, i=indent: f"{i}{pair[0]}: {pair[1]}"
                ),
            )
        )
    assert_answers_with_problems("\n".join(lines) + "\n")


# --- docs/sanctions.md stays true ------------------------------------------------------

DOC = (ROOT / "docs" / "sanctions.md").read_text(encoding="utf-8")


def test_the_documented_example_loads_without_any_problem():
    example = re.search(r"```yaml\n(.*?)```", DOC.split("## Contoh lengkap", 1)[1], re.DOTALL)
    ladder, problems = load_ladder(example.group(1))
    assert problems == []
    assert (ladder.follow_up_days, ladder.action_days, ladder.critical_action_days) == (10, 5, 1)
    assert [level.on_overdue for level in ladder.levels] == [
        "teguran-tertulis",
        "penutupan-layanan",
        None,
    ]


def test_every_s_code_is_documented():
    listed = set(re.findall(r"^\| (S\d{3}) \|", DOC, re.MULTILINE))
    assert listed == set(CATALOGUE)
