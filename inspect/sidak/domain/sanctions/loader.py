"""Loading the sanction ladder: read YAML -> check every field -> resolve escalations -> build
the frozen `Ladder`.

Every problem of the file is collected in one pass, with the checklist language's generic codes
(Y0xx, C1xx) for generic mistakes and S-codes for the ladder's own rules. No input, however
broken, raises anything but `InvalidDocument` (and only from `parse_ladder`).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from os import PathLike
from pathlib import Path

from sidak.domain.checklist import codes as common
from sidak.domain.checklist import vocabulary
from sidak.domain.checklist.fields import Entries, Fields, Place
from sidak.domain.checklist.yamlnodes import Mapping, Node, Scalar, Sequence, kind_of, read_yaml
from sidak.domain.problems import Code, InvalidDocument, Mark, Problem, Severity
from sidak.domain.sanctions import codes
from sidak.domain.sanctions.model import Ladder, Level, Triggers
from sidak.domain.text import Text

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
LEVEL_KEYS = ("id", "name", "meaning", "days", "on_overdue")
REQUIRED_LEVEL_KEYS = ("id", "name", "meaning", "days")

DEFAULT_FOLLOW_UP_DAYS = 10
DEFAULT_ACTION_DAYS = 5
DEFAULT_CRITICAL_ACTION_DAYS = 1
#: the whole numbers each day count may be, both ends included
WINDOW_DAYS = (1, 3650)
FOLLOW_UP_DAYS = (0, 365)
DAYS = (1, 365)

#: `on_overdue` words: the following level (the default), or stay overdue at this level
NEXT, NONE = "next", "none"

#: How messages name the ladder's keys in Indonesian (beside the checklist language's glosses).
GLOSSES: dict[str, str] = {
    "rule": "dasar hukum",
    "window_days": "rentang hari pengulangan",
    "follow_up_days": "hari kerja sampai inspeksi lanjutan",
    "actions": "batas perbaikan temuan",
    "triggers": "pemicu sanksi",
    "critical_level": "tingkat untuk butir kritis",
    "levels": "tingkat sanksi",
    "name": "nama",
    "meaning": "arti",
    "days": "hari kerja",
    "critical_days": "hari kerja temuan kritis",
    "on_overdue": "bila lewat batas",
    "score_below": "skor di bawah",
}
#: Indonesian (and near-English) words an author may write for a ladder key.
SYNONYMS: dict[str, str] = {
    **{gloss: key for key, gloss in GLOSSES.items()},
    "aturan": "rule",
    "peraturan": "rule",
    "dasar": "rule",
    "dasar_hukum": "rule",
    "dasar-hukum": "rule",
    "basis": "rule",
    "rules": "rule",
    "rentang": "window_days",
    "jendela": "window_days",
    "window": "window_days",
    "tindak_lanjut": "follow_up_days",
    "tindak-lanjut": "follow_up_days",
    "lanjutan": "follow_up_days",
    "follow_up": "follow_up_days",
    "tindakan": "actions",
    "perbaikan": "actions",
    "pemicu": "triggers",
    "tingkat": "levels",
    "tingkatan": "levels",
    "jenjang": "levels",
    "sanksi": "levels",
    "nama": "name",
    "arti": "meaning",
    "makna": "meaning",
    "keterangan": "meaning",
    "description": "meaning",
    "hari": "days",
    "hari_kerja": "days",
    "batas": "days",
    "tenggat": "days",
    "batas_waktu": "days",
    "hari_kritis": "critical_days",
    "lewat_batas": "on_overdue",
    "terlambat": "on_overdue",
    "overdue": "on_overdue",
    "eskalasi": "on_overdue",
    "tingkat_kritis": "critical_level",
    "nilai": "grades",
    "tingkat_nilai": "grades",
    "grade": "grades",
    "butir": "items",
    "item": "items",
    "kritis": "critical",
    "skor": "score_below",
    "score": "score_below",
    "batas_skor": "score_below",
    "skor_minimal": "score_below",
}
#: Words an author may write for `on_overdue: next` or `none`.
OVERDUE_WORDS: dict[str, str] = {
    "berikutnya": NEXT,
    "selanjutnya": NEXT,
    "lanjut": NEXT,
    "naik": NEXT,
    "tidak": NONE,
    "tidak-ada": NONE,
    "tidak ada": NONE,
    "tetap": NONE,
    "no": NONE,
    "stop": NONE,
}

_LADDER: Place = ("aturan sanksi", "sanction ladder")
_LEVEL: Place = ("tingkat sanksi", "level")
_ACTIONS: Place = ("batas perbaikan temuan", "actions")
_TRIGGERS: Place = ("pemicu sanksi", "triggers")


def load_ladder(text: str | bytes) -> tuple[Ladder | None, list[Problem]]:
    """The ladder and its warnings, or None and every problem (errors and warnings)."""
    node, problems = read_yaml(text)
    if node is None:
        return None, problems
    f = _LadderFields()
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
    triggers = _value(node, "triggers")
    if not isinstance(triggers, Mapping):
        return found
    for key, value in triggers.entries:
        if key.value in found and not isinstance(value, Mapping):
            nodes = value.items if isinstance(value, Sequence) else (value,)
            found[key.value] += [s for s in nodes if isinstance(s, Scalar) and not s.is_null]
    return found


def label(key: str) -> str:
    """How an Indonesian message names a ladder key, e.g. ``hari kerja (days)``."""
    gloss = GLOSSES.get(key) or vocabulary.GLOSSES.get(key)
    return f"{gloss} ({key})" if gloss and gloss != key else key


class _LadderFields(Fields):
    """`Fields` that names ladder keys in Indonesian and suggests them for unknown keys."""

    def __init__(self) -> None:
        super().__init__()
        self._allowed: tuple[str, ...] = ()

    def entries(
        self, mapping: Mapping, place: Place, allowed: Iterable[str], required: Iterable[str] = ()
    ) -> Entries:
        self._allowed = tuple(allowed)
        try:
            return super().entries(mapping, place, self._allowed, required)
        finally:
            self._allowed = ()

    def add(self, code: Code, at: Node | Mark, **fields: object) -> None:
        key = fields.get("key")
        if isinstance(key, str):
            if code is common.UNKNOWN_KEY and self._allowed:
                fields.update(vocabulary.hint(key, self._allowed, SYNONYMS))
            elif fields.get("label") == vocabulary.label(key):
                fields["label"] = label(key)
        super().add(code, at, **fields)


@dataclass
class _LevelDraft:
    id: Scalar | None  #: the id as written, when it is a valid id
    name: Text | None
    name_mark: Mark
    meaning: Text | None
    days: int | None
    on_overdue: Scalar | None  #: as written; None: not written (the default, next)


def _read(f: Fields, node: Node) -> Ladder | None:
    if not isinstance(node, Mapping):
        found, found_en = kind_of(node)
        f.add(codes.NOT_A_LADDER, node, found=found, found_en=found_en)
        return None
    read = {
        key: value
        for key, (_, value) in f.entries(node, _LADDER, ROOT_KEYS, REQUIRED_ROOT_KEYS).items()
    }
    ladder_id = f.ident(read["id"]) if "id" in read else None
    version = f.scalar(read["version"], "version") if "version" in read else None
    title = f.text(read["title"], "title") if "title" in read else None
    rule = f.text(read["rule"], "rule") if "rule" in read else None
    window = (
        _days(f, read["window_days"], "window_days", WINDOW_DAYS) if "window_days" in read else None
    )
    follow_up = DEFAULT_FOLLOW_UP_DAYS
    if "follow_up_days" in read:
        follow_up = _days(f, read["follow_up_days"], "follow_up_days", FOLLOW_UP_DAYS)
    action_days, critical_days = _actions(f, read.get("actions"))
    triggers = _triggers(f, read["triggers"]) if "triggers" in read else None
    drafts = _levels(f, read["levels"]) if "levels" in read else []
    levels, critical_level = _resolve(f, drafts, read.get("critical_level"))
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


def _value(node: Node | None, key: str) -> Node | None:
    """The value under `key` if `node` is a mapping that has it (first occurrence)."""
    if not isinstance(node, Mapping):
        return None
    return next((value for k, value in node.entries if k.value == key), None)


def _days(f: Fields, node: Node, key: str, bounds: tuple[int, int]) -> int | None:
    """A whole number of days within `bounds`."""
    number = f.number(node, key)
    if number is None or not isinstance(node, Scalar):
        return None
    low, high = bounds
    if number.denominator != 1 or not low <= number <= high:
        fields = {"key": key, "label": label(key), "value": node.value}
        f.add(codes.DAYS_OUT_OF_RANGE, node, low=low, high=high, **fields)
        return None
    return int(number)


def _actions(f: Fields, node: Node | None) -> tuple[int | None, int | None]:
    """Working days to correct a finding, and a critical finding."""
    if node is None:
        return DEFAULT_ACTION_DAYS, DEFAULT_CRITICAL_ACTION_DAYS
    mapping = f.mapping(node, "actions")
    if mapping is None:
        return None, None
    entries = f.entries(mapping, _ACTIONS, ACTION_KEYS)
    days = DEFAULT_ACTION_DAYS
    if "days" in entries:
        days = _days(f, entries["days"][1], "days", DAYS)
    critical = DEFAULT_CRITICAL_ACTION_DAYS
    if "critical_days" in entries:
        critical = _days(f, entries["critical_days"][1], "critical_days", DAYS)
    if days is not None and critical is not None and critical > days:
        f.add(codes.CRITICAL_DAYS_LONGER, entries["critical_days"][1], critical=critical, days=days)
    return days, critical


def _triggers(f: Fields, node: Node) -> Triggers | None:
    mapping = f.mapping(node, "triggers")
    if mapping is None:
        return None
    before = len(f.problems)
    entries = f.entries(mapping, _TRIGGERS, TRIGGER_KEYS)
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


def _levels(f: Fields, node: Node) -> list[_LevelDraft | None]:
    """The levels as written, lightest first; None for an entry that is not a mapping."""
    drafts: list[_LevelDraft | None] = []
    for item in f.sequence(node, "levels", thing=_LEVEL):
        mapping = f.mapping(item, "levels")
        if mapping is None:
            drafts.append(None)
            continue
        entries = f.entries(mapping, _LEVEL, LEVEL_KEYS, REQUIRED_LEVEL_KEYS)
        level_id = None
        if "id" in entries and f.ident(entries["id"][1]) is not None:
            level_id = entries["id"][1]
        name_node = entries["name"][1] if "name" in entries else None
        drafts.append(
            _LevelDraft(
                id=level_id,
                name=f.text(name_node, "name") if name_node is not None else None,
                name_mark=_text_mark(name_node) if name_node is not None else mapping.mark,
                meaning=f.text(entries["meaning"][1], "meaning") if "meaning" in entries else None,
                days=_days(f, entries["days"][1], "days", DAYS) if "days" in entries else None,
                on_overdue=(
                    f.scalar(entries["on_overdue"][1], "on_overdue")
                    if "on_overdue" in entries
                    else None
                ),
            )
        )
    f.unique((draft.id for draft in drafts if draft is not None), _LEVEL)
    _warn_same_names(f, drafts)
    return drafts


def _text_mark(node: Node) -> Mark:
    """Where a text's Indonesian words are: the scalar itself, or the ``id:`` of a mapping."""
    indonesian = _value(node, "id")
    return indonesian.mark if indonesian is not None else node.mark


def _warn_same_names(f: Fields, drafts: list[_LevelDraft | None]) -> None:
    first: dict[str, int] = {}
    for draft in drafts:
        if draft is None or draft.name is None:
            continue
        key = " ".join(draft.name.id.split()).casefold()
        if key in first:
            f.add(codes.SAME_LEVEL_NAME, draft.name_mark, value=draft.name.id, first=first[key])
        else:
            first[key] = draft.name_mark.line


def _resolve(
    f: Fields, drafts: list[_LevelDraft | None], critical_node: Node | None
) -> tuple[tuple[Level, ...] | None, str | None]:
    """The levels with `on_overdue` resolved, and the critical level; None when unusable.

    References are only checked when every level has a valid, unique id: otherwise the
    id's own problem is the one to fix first.
    """
    critical = f.scalar(critical_node, "critical_level") if critical_node is not None else None
    ids = [draft.id.value for draft in drafts if draft is not None and draft.id is not None]
    if not drafts or len(ids) != len(drafts) or len(set(ids)) != len(ids):
        return None, None
    complete = [draft for draft in drafts if draft is not None]
    targets = [_target(f, draft, index, ids) for index, draft in enumerate(complete)]
    _check_escalations(f, complete, targets)
    critical_level = None
    if critical is not None:
        critical_level = _known_level(f, critical, "critical_level", ids)
    levels = []
    for draft, target in zip(complete, targets, strict=True):
        if draft.name is None or draft.meaning is None or draft.days is None:
            return None, None
        levels.append(Level(draft.id.value, draft.name, draft.meaning, draft.days, target))
    return tuple(levels), critical_level


def _known_level(f: Fields, scalar: Scalar, key: str, ids: list[str]) -> str | None:
    value = scalar.value.strip()
    if value in ids:
        return value
    choices = [*ids, NEXT, NONE] if key == "on_overdue" else ids
    hint = vocabulary.hint(value, choices, OVERDUE_WORDS if key == "on_overdue" else None)
    f.add(codes.UNKNOWN_LEVEL, scalar, key=key, label=label(key), value=value, **hint)
    return None


def _target(f: Fields, draft: _LevelDraft, index: int, ids: list[str]) -> str | None:
    """The level an overdue sanction of `draft` escalates to (None: it stays overdue)."""
    following = ids[index + 1] if index + 1 < len(ids) else None
    written = draft.on_overdue
    if written is None:
        return following
    word = written.value.strip()
    if word.lower() == NEXT:
        return following
    if word.lower() == NONE:
        return None
    if word == ids[index]:
        f.add(codes.SELF_ESCALATION, written, value=word)
        return None
    return _known_level(f, written, "on_overdue", ids)


def _check_escalations(f: Fields, drafts: list[_LevelDraft], targets: list[str | None]) -> None:
    """Report circles (which would escalate for ever) and escalations to a lighter level."""
    ids = [draft.id.value for draft in drafts]
    position = {level_id: index for index, level_id in enumerate(ids)}
    following = [position[t] if t is not None else None for t in targets]
    in_cycle: set[int] = set()
    for start in range(len(ids)):
        walked: list[int] = []
        current: int | None = start
        while current is not None and current not in walked and current not in in_cycle:
            walked.append(current)
            current = following[current]
        if current is None or current not in walked:
            continue
        cycle = walked[walked.index(current) :]
        in_cycle.update(cycle)
        # `next` only goes forward, so a circle always has a written step back: report that
        back = min(i for i in cycle if following[i] is not None and following[i] < i)
        path = [following[back]]
        while path[-1] != back:
            path.append(following[path[-1]])
        path.append(following[back])
        f.add(
            codes.ESCALATION_CYCLE,
            drafts[back].on_overdue or drafts[back].name_mark,
            path=" -> ".join(ids[i] for i in path),
        )
    for index, target in enumerate(following):
        if target is not None and target < index and index not in in_cycle:
            written = drafts[index].on_overdue or drafts[index].name_mark
            f.add(codes.ESCALATES_DOWN, written, value=ids[index], target=ids[target])


__all__ = ["load_ladder", "load_ladder_file", "parse_ladder", "trigger_marks"]
