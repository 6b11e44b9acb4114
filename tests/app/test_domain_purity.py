"""The domain package stays plain Python: no Flask, no SQLAlchemy, anywhere under it."""

import ast
from pathlib import Path

import sidak.domain

FORBIDDEN = ("flask", "flask_sqlalchemy", "sqlalchemy", "werkzeug", "sidak.models", "sidak.web")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_domain_imports_neither_flask_nor_sqlalchemy():
    root = Path(sidak.domain.__file__).parent
    files = sorted(root.rglob("*.py"))
    assert len(files) > 5
    offenders = {
        f"{path.relative_to(root)}: {name}"
        for path in files
        for name in imported_modules(path)
        if name.split(".")[0] in FORBIDDEN or name.startswith(FORBIDDEN)
    }
    assert offenders == set()
