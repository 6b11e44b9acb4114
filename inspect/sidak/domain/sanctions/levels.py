"""The ladder's levels: read in order, then each `on_overdue` resolved to a level id, with
self-escalation, unknown levels and cycles reported."""

from dataclasses import dataclass

from sidak.domain.checklist import vocabulary
from sidak.domain.checklist.fields import Fields
from sidak.domain.checklist.yamlnodes import Node, Scalar
from sidak.domain.problems import Mark
from sidak.domain.sanctions import codes
from sidak.domain.sanctions.model import Level
from sidak.domain.sanctions.vocabulary import (
    LEVEL,
    NEXT,
    NONE,
    OVERDUE_WORDS,
    label,
    read_days,
    value_of,
)
from sidak.domain.text import Text

LEVEL_KEYS = ("id", "name", "meaning", "days", "on_overdue")
REQUIRED_LEVEL_KEYS = ("id", "name", "meaning", "days")
DAYS = (1, 365)


@dataclass
class LevelDraft:
    id: Scalar | None  #: the id as written, when it is a valid id
    name: Text | None
    name_mark: Mark
    meaning: Text | None
    days: int | None
    on_overdue: Scalar | None  #: as written; None: not written (the default, next)


def read_levels(f: Fields, node: Node) -> list[LevelDraft | None]:
    """The levels as written, lightest first; None for an entry that is not a mapping."""
    drafts: list[LevelDraft | None] = []
    for item in f.sequence(node, "levels", thing=LEVEL):
        mapping = f.mapping(item, "levels")
        if mapping is None:
            drafts.append(None)
            continue
        entries = f.entries(mapping, LEVEL, LEVEL_KEYS, REQUIRED_LEVEL_KEYS)
        level_id = None
        if "id" in entries and f.ident(entries["id"][1]) is not None:
            level_id = entries["id"][1]
        name_node = entries["name"][1] if "name" in entries else None
        drafts.append(
            LevelDraft(
                id=level_id,
                name=f.text(name_node, "name") if name_node is not None else None,
                name_mark=_text_mark(name_node) if name_node is not None else mapping.mark,
                meaning=f.text(entries["meaning"][1], "meaning") if "meaning" in entries else None,
                days=read_days(f, entries["days"][1], "days", DAYS) if "days" in entries else None,
                on_overdue=(
                    f.scalar(entries["on_overdue"][1], "on_overdue")
                    if "on_overdue" in entries
                    else None
                ),
            )
        )
    f.unique((draft.id for draft in drafts if draft is not None), LEVEL)
    _warn_same_names(f, drafts)
    return drafts


def _text_mark(node: Node) -> Mark:
    """Where a text's Indonesian words are: the scalar itself, or the ``id:`` of a mapping."""
    indonesian = value_of(node, "id")
    return indonesian.mark if indonesian is not None else node.mark


def _warn_same_names(f: Fields, drafts: list[LevelDraft | None]) -> None:
    first: dict[str, int] = {}
    for draft in drafts:
        if draft is None or draft.name is None:
            continue
        key = " ".join(draft.name.id.split()).casefold()
        if key in first:
            f.add(codes.SAME_LEVEL_NAME, draft.name_mark, value=draft.name.id, first=first[key])
        else:
            first[key] = draft.name_mark.line


def resolve(
    f: Fields, drafts: list[LevelDraft | None], critical_node: Node | None
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


def _target(f: Fields, draft: LevelDraft, index: int, ids: list[str]) -> str | None:
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


def _check_escalations(f: Fields, drafts: list[LevelDraft], targets: list[str | None]) -> None:
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
