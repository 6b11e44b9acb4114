"""docs/checklists.md stays true: its example loads, and it lists every code and category."""

import re
from pathlib import Path

from sidak.domain.categories import CATEGORIES
from sidak.domain.checklist.codes import CATALOGUE
from sidak.domain.checklist.loader import load_checklist

DOC = (Path(__file__).parents[2] / "docs" / "checklists.md").read_text(encoding="utf-8")


def complete_example() -> str:
    section = DOC.split("## Contoh lengkap", 1)[1]
    return re.search(r"```yaml\n(.*?)```", section, re.DOTALL).group(1)


def test_the_complete_example_loads_without_any_problem():
    checklist, problems = load_checklist(complete_example())
    assert problems == []
    assert {item.type.value for item in checklist.items} == {
        "yesno",
        "count",
        "number",
        "choice",
        "text",
        "photo",
    }


def test_every_code_is_listed():
    listed = set(re.findall(r"^\| ([YCF]\d{3}) \|", DOC, re.MULTILINE))
    assert listed == set(CATALOGUE)


def test_every_category_is_listed():
    table = DOC.split("### Kategori", 1)[1].split("\n## ", 1)[0]
    listed = set(re.findall(r"^\| `([a-z_]+)` \|", table, re.MULTILINE))
    assert listed == set(CATEGORIES)


def test_the_scoring_section_is_left_to_the_scoring_engine():
    assert "## Penilaian (scoring)" in DOC
