"""One broken file per problem code, each reporting its code at the line:col in its first line."""

import re
from pathlib import Path

import pytest

from sidak.domain.checklist.codes import CATALOGUE
from sidak.domain.checklist.loader import load_checklist
from sidak.domain.problems import Severity

BROKEN = Path(__file__).parent / "broken"
FIXTURES = sorted(BROKEN.glob("*.yaml"))
#: ``# expect: CODE LINE:COL`` and, for the size limit, ``pad=N``: the test pads the file to N bytes
EXPECT = re.compile(rb"# expect: ([A-Z]\d{3}) (\d+):(\d+)(?: pad=(\d+))?\n")


def expectation(path: Path) -> tuple[str, int, int, bytes]:
    data = path.read_bytes()
    match = EXPECT.match(data)
    assert match, f"{path.name}: the first line must be '# expect: CODE LINE:COL'"
    code, line, col, pad = match.groups()
    if pad:
        data += b"#" * (int(pad) - len(data))
    return code.decode(), int(line), int(col), data


@pytest.mark.parametrize("path", FIXTURES, ids=lambda path: path.stem)
def test_fixture_reports_its_code_at_the_expected_position(path):
    code, line, col, data = expectation(path)
    checklist, problems = load_checklist(data)
    found = [(p.code, p.mark.line, p.mark.col) for p in problems]
    assert (code, line, col) in found
    # the fixture is about one mistake: nothing else may be reported
    assert {p.code for p in problems} == {code}, found
    if CATALOGUE[code].severity is Severity.ERROR:
        assert checklist is None
    else:
        assert checklist is not None


@pytest.mark.parametrize("path", FIXTURES, ids=lambda path: path.stem)
def test_fixture_is_named_after_its_code(path):
    code, *_ = expectation(path)
    assert path.name.startswith(f"{code}-")


def test_every_content_code_has_a_fixture():
    covered = {path.name.split("-")[0] for path in FIXTURES}
    # F codes are about paths given on the command line; test_checklist_check covers them
    content_codes = {code for code in CATALOGUE if not code.startswith("F")}
    assert content_codes - covered == set()
    assert covered - set(CATALOGUE) == set()


def test_codes_are_stable_and_well_formed():
    assert all(re.fullmatch(r"[YCF]\d{3}", code) for code in CATALOGUE)
    prefixes = {code[:2] for code in CATALOGUE}
    assert prefixes == {"Y0", "C1", "C2", "C3", "C4", "F0"}
    assert all(entry.code == code for code, entry in CATALOGUE.items())
