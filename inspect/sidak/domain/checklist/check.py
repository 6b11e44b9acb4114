"""``sidak checklists check``: every problem of the given files, one editor-style line each."""

from pathlib import Path

from sidak.domain.checklist import codes
from sidak.domain.checklist.loader import load_checklist_file
from sidak.domain.problems import Mark, Problem, Severity
from sidak.domain.sanctions.check import cross_check
from sidak.domain.sanctions.loader import load_ladder_file

SUFFIXES = (".yaml", ".yml")
LADDER_STEM = "sanksi"


def check_paths(paths: list[str], lang: str = "id") -> tuple[list[str], bool]:
    """Lines ``PATH:LINE:COL: CODE message`` for every problem, and whether none is an error.

    A directory stands for its ``*.yaml`` and ``*.yml`` files (not recursive).
    """
    lines: list[str] = []
    ok = True
    for path, problems in _problems_by_file(paths):
        lines += [problem.format(path, lang) for problem in problems]
        ok = ok and not any(p.severity is Severity.ERROR for p in problems)
    return lines, ok


def _problems_by_file(paths: list[str]) -> list[tuple[str, list[Problem]]]:
    found: list[tuple[str, list[Problem]]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            try:
                files = sorted(p for p in path.iterdir() if p.suffix in SUFFIXES and p.is_file())
            except OSError as exc:
                reason = exc.strerror or str(exc)
                found.append((raw, [codes.FILE_UNREADABLE.at(Mark(1, 1), reason=reason)]))
                continue
            if not files:
                found.append((raw, [codes.NO_CHECKLIST_FILES.at(Mark(1, 1))]))
            found += _folder(files)
        elif is_ladder(path):
            found.append((raw, load_ladder_file(path)[1]))
        else:
            found.append((raw, load_checklist_file(path)[1]))
    return found


def is_ladder(path: Path) -> bool:
    """The sanction ladder lives beside the checklists as ``sanksi*.yaml``."""
    return path.stem.startswith(LADDER_STEM)


def _folder(files: list[Path]) -> list[tuple[str, list[Problem]]]:
    """Every file of a folder; the ladder is also checked against the folder's checklists."""
    found, checklists, ladders = [], [], []
    for file in files:
        if is_ladder(file):
            ladders.append(file)
            continue
        checklist, problems = load_checklist_file(file)
        checklists += [checklist] if checklist is not None else []
        found.append((str(file), problems))
    for file in ladders:
        ladder, problems = load_ladder_file(file)
        if ladder is not None:
            problems = sorted(
                [*problems, *cross_check(file.read_bytes(), checklists)],
                key=lambda p: (p.mark.line, p.mark.col),
            )
        found.append((str(file), problems))
    return sorted(found, key=lambda entry: entry[0])
