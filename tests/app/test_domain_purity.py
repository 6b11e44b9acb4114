"""Pure packages stay pure: the domain and media code import neither Flask nor the database."""

import ast
from pathlib import Path

import pytest

import sidak.domain
import sidak.media

WEB_AND_DATABASE = ("flask", "flask_sqlalchemy", "sqlalchemy", "werkzeug")
APP_LAYERS = ("sidak.models", "sidak.web", "sidak.services")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("package", [sidak.domain, sidak.media], ids=["domain", "media"])
def test_package_imports_neither_flask_nor_the_database(package):
    root = Path(package.__file__).parent
    files = sorted(root.rglob("*.py"))
    assert len(files) >= 4
    offenders = {
        f"{path.relative_to(root)}: {name}"
        for path in files
        for name in imported_modules(path)
        if name.split(".")[0] in WEB_AND_DATABASE or name.startswith(APP_LAYERS)
    }
    assert offenders == set()
