"""Loading the sanction ladder: read YAML -> check every field -> resolve escalations -> build
the frozen `Ladder`.

Every problem of the file is collected in one pass, with the checklist language's generic codes
(Y0xx, C1xx) for generic mistakes and S-codes for the ladder's own rules. No input, however
broken, raises anything but `InvalidDocument` (and only from `parse_ladder`).
"""

from os import PathLike
from pathlib import Path

from sidak.domain.checklist import codes as common
from sidak.domain.checklist.fields import Entries, Fields, Place
from sidak.domain.checklist.yamlnodes import Mapping, Node, Scalar, Sequence, kind_of, read_yaml
from sidak.domain.problems import InvalidDocument, Mark, Problem, Severity
from sidak.domain.sanctions import codes
from sidak.domain.sanctions.levels import read_levels, resolve
from sidak.domain.sanctions.model import Ladder, Triggers
from sidak.domain.sanctions.vocabulary import (
    ACTIONS,
    LADDER,
    TRIGGERS,
    LadderFields,
    read_days,
    value_of,
)

ROOT_KEYS = (
    "id",
    "version",
    "title",
    "rule",
    "window_days",
    "follow_up_days",
    "actions",
    "triggers",
    "critical_level",
    "levels",
)
REQUIRED_ROOT_KEYS = ("id", "version", "title", "rule", "window_days", "triggers", "levels")
ACTION_KEYS = ("days", "critical_days")
TRIGGER_KEYS = ("grades", "critical", "items", "score_below")

DEFAULT_FOLLOW_UP_DAYS = 10
DEFAULT_ACTION_DAYS = 5
DEFAULT_CRITICAL_ACTION_DAYS = 1
#: the whole numbers each day count may be, both ends included
WINDOW_DAYS = (1, 3650)
FOLLOW_UP_DAYS = (0, 365)
DAYS = (1, 365)


def load_ladder(text: str | bytes) -> tuple[Ladder | None, list[Problem]]:
    """The ladder and its warnings, or None and every problem (errors and warnings)."""
    node, problems = read_yaml(text)
    if node is None:
        return None, problems
    f = LadderFields()
    ladder = _read(f, node)
    problems = sorted(f.problems, key=lambda p: (p.mark.line, p.mark.col, p.code))
    if ladder is None or any(p.severity is Severity.ERROR for p in problems):
        return None, problems
    return ladder, problems


def parse_ladder(text: str | bytes) -> Ladder:
    """The ladder; raises `InvalidDocument` with every problem if it has any error."""
    ladder, problems = load_ladder(text)
    if ladder is None:
        raise InvalidDocument(problems)
    return ladder


def load_ladder_file(path: str | PathLike[str]) -> tuple[Ladder | None, list[Problem]]:
    """`load_ladder` on a file's bytes; a missing or unreadable file is a problem too."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return None, [common.FILE_MISSING.at(Mark(1, 1))]
    except OSError as exc:
        return None, [common.FILE_UNREADABLE.at(Mark(1, 1), reason=exc.strerror or str(exc))]
    return load_ladder(data)


def trigger_marks(text: str | bytes) -> dict[str, list[Scalar]]:
    """The grade and item ids written under ``triggers``, with their positions.

    For cross-checks against the checklists of a ladder that loaded; a broken file gives
    whatever could be found (possibly nothing), never an exception.
    """
    node, _ = read_yaml(text)
    found: dict[str, list[Scalar]] = {"grades": [], "items": []}
    triggers = value_of(node, "triggers")
    if not isinstance(triggers, Mapping):
        return found
    for key, value in triggers.entries:
        if key.value in found and not isinstance(value, Mapping):
            nodes = value.items if isinstance(value, Sequence) else (value,)
            found[key.value] += [s for s in nodes if isinstance(s, Scalar) and not s.is_null]
    return found


def _read(f: Fields, node: Node) -> Ladder | None:
    if not isinstance(node, Mapping):
        found, found_en = kind_of(node)
        f.add(codes.NOT_A_LADDER, node, found=found, found_en=found_en)
        return None
    read = {
        key: value
        for key, (_, value) in f.entries(node, LADDER, ROOT_KEYS, REQUIRED_ROOT_KEYS).items()
    }
    ladder_id = f.ident(read["id"]) if "id" in read else None
    version = f.scalar(read["version"], "version") if "version" in read else None
    title = f.text(read["title"], "title") if "title" in read else None
    rule = f.text(read["rule"], "rule") if "rule" in read else None
    window = (
        read_days(f, read["window_days"], "window_days", WINDOW_DAYS)
        if "window_days" in read
        else None
    )
    follow_up = DEFAULT_FOLLOW_UP_DAYS
    if "follow_up_days" in read:
        follow_up = read_days(f, read["follow_up_days"], "follow_up_days", FOLLOW_UP_DAYS)
    action_days, critical_days = _actions(f, read.get("actions"))
    triggers = _triggers(f, read["triggers"]) if "triggers" in read else None
    drafts = read_levels(f, read["levels"]) if "levels" in read else []
    levels, critical_level = resolve(f, drafts, read.get("critical_level"))
    if any(p.severity is Severity.ERROR for p in f.problems) or levels is None:
        return None
    return Ladder(
        id=ladder_id,
        version=version.value.strip(),
        title=title,
        rule=rule,
        levels=levels,
        triggers=triggers,
        window_days=window,
        critical_level=critical_level,
        action_days=action_days,
        critical_action_days=critical_days,
        follow_up_days=follow_up,
    )


def _actions(f: Fields, node: Node | None) -> tuple[int | None, int | None]:
    """Working days to correct a finding, and a critical finding."""
    if node is None:
        return DEFAULT_ACTION_DAYS, DEFAULT_CRITICAL_ACTION_DAYS
    mapping = f.mapping(node, "actions")
    if mapping is None:
        return None, None
    entries = f.entries(mapping, ACTIONS, ACTION_KEYS)
    days = DEFAULT_ACTION_DAYS
    if "days" in entries:
        days = read_days(f, entries["days"][1], "days", DAYS)
    critical = DEFAULT_CRITICAL_ACTION_DAYS
    if "critical_days" in entries:
        critical = read_days(f, entries["critical_days"][1], "critical_days", DAYS)
    if days is not None and critical is not None and critical > days:
        f.add(codes.CRITICAL_DAYS_LONGER, entries["critical_days"][1], critical=critical, days=days)
    return days, critical


def _triggers(f: Fields, node: Node) -> Triggers | None:
    mapping = f.mapping(node, "triggers")
    if mapping is None:
        return None
    before = len(f.problems)
    entries = f.entries(mapping, TRIGGERS, TRIGGER_KEYS)
    grades = _ids(f, entries, "grades", ("tingkat nilai", "grade"))
    items = _ids(f, entries, "items", ("butir", "item"))
    critical = f.boolean(entries["critical"][1], "critical") if "critical" in entries else False
    score = None
    if "score_below" in entries:
        written = entries["score_below"][1]
        number = f.number(written, "score_below")
        if number is not None and isinstance(written, Scalar):
            if 0 <= number <= 100:
                score = float(number)
            else:
                f.add(codes.SCORE_OUT_OF_RANGE, written, value=written.value)
    # a mistake inside the triggers already says what is wrong; "no trigger" would only confuse
    clean = not any(p.severity is Severity.ERROR for p in f.problems[before:])
    if clean and not (grades or items or critical or score is not None):
        f.add(codes.NO_TRIGGER, mapping)
    return Triggers(grades=grades, critical=bool(critical), items=items, score_below=score)


def _ids(f: Fields, entries: Entries, key: str, thing: Place) -> tuple[str, ...]:
    if key not in entries:
        return ()
    found = [f.ident(item, key) for item in f.sequence(entries[key][1], key, thing=thing)]
    return tuple(dict.fromkeys(value for value in found if value is not None))


__all__ = ["load_ladder", "load_ladder_file", "parse_ladder", "trigger_marks"]
