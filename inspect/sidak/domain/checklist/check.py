"""``sidak checklists check``: every problem of the given files, one editor-style line each.

The sanction ladder (``sanksi*.yaml``) lives beside the checklists and is checked as a ladder,
and also against the valid checklists of its folder (trigger grades and items must exist).
"""

from pathlib import Path

from sidak.domain.checklist import Checklist, codes
from sidak.domain.checklist.loader import load_checklist_file
from sidak.domain.problems import Mark, Problem, Severity
from sidak.domain.sanctions.check import cross_check
from sidak.domain.sanctions.loader import load_ladder

SUFFIXES = (".yaml", ".yml")
#: like ``NOT_CHECKLISTS`` in ``sidak.services.checklists``: these files are the ladder
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


def is_ladder(path: Path) -> bool:
    """The sanction ladder lives beside the checklists as ``sanksi*.yaml``."""
    return path.stem.startswith(LADDER_STEM)


def _problems_by_file(paths: list[str]) -> list[tuple[str, list[Problem]]]:
    found: list[tuple[str, list[Problem]]] = []
    folders = _Folders()
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
            found += _folder(files, folders)
        elif is_ladder(path):
            found.append((raw, _ladder_problems(path, folders)))
        else:
            found.append((raw, load_checklist_file(path)[1]))
    return found


def _folder(files: list[Path], folders: "_Folders") -> list[tuple[str, list[Problem]]]:
    """Every file of a folder, checklists first so the ladder can be checked against them."""
    found = []
    for file in files:
        if not is_ladder(file):
            checklist, problems = load_checklist_file(file)
            folders.remember(file, checklist)
            found.append((str(file), problems))
    folders.mark_read(files[0].parent if files else None)
    found += [(str(file), _ladder_problems(file, folders)) for file in files if is_ladder(file)]
    return sorted(found, key=lambda entry: entry[0])


def _ladder_problems(path: Path, folders: "_Folders") -> list[Problem]:
    """The ladder's own problems; once it loads, also trigger ids no checklist beside it has."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return [codes.FILE_MISSING.at(Mark(1, 1))]
    except OSError as exc:
        return [codes.FILE_UNREADABLE.at(Mark(1, 1), reason=exc.strerror or str(exc))]
    ladder, problems = load_ladder(data)
    if ladder is None:
        return problems
    problems = [*problems, *cross_check(data, folders.checklists(path.parent))]
    return sorted(problems, key=lambda p: (p.mark.line, p.mark.col, p.code))


class _Folders:
    """The valid checklists of each folder, each file loaded at most once per run."""

    def __init__(self) -> None:
        self._loaded: dict[Path, Checklist | None] = {}
        self._read: set[Path] = set()

    def remember(self, file: Path, checklist: Checklist | None) -> None:
        self._loaded[file.resolve()] = checklist

    def mark_read(self, folder: Path | None) -> None:
        if folder is not None:
            self._read.add(folder.resolve())

    def checklists(self, folder: Path) -> list[Checklist]:
        folder = folder.resolve()
        if folder not in self._read:
            self._read.add(folder)
            try:
                files = sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and p.is_file())
            except OSError:
                files = []
            for file in files:
                if not is_ladder(file) and file.resolve() not in self._loaded:
                    self.remember(file, load_checklist_file(file)[0])
        return [
            checklist
            for file, checklist in sorted(self._loaded.items())
            if checklist is not None and file.parent == folder
        ]
