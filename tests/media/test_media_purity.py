"""The media package stays free of Flask and the database, like the domain package."""

import ast
from pathlib import Path

import sidak.media

FORBIDDEN = ("flask", "flask_sqlalchemy", "sqlalchemy", "werkzeug")
FORBIDDEN_OWN = ("sidak.models", "sidak.web", "sidak.services")


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_media_imports_neither_flask_nor_the_database():
    root = Path(sidak.media.__file__).parent
    files = sorted(root.glob("*.py"))
    assert {"images.py", "store.py"} <= {path.name for path in files}
    offenders = {
        f"{path.name}: {name}"
        for path in files
        for name in imported_modules(path)
        if name.split(".")[0] in FORBIDDEN or name.startswith(FORBIDDEN_OWN)
    }
    assert offenders == set()
