"""Normalising one item: the keys every item has, then the keys of its type.

An item becomes an `ItemDraft`: the `Item` keyword arguments plus the nodes the
cross-reference checks (`refs`) still need to point at.
"""

from dataclasses import dataclass, field

from sidak.domain.categories import CATEGORIES
from sidak.domain.checklist import codes, vocabulary
from sidak.domain.checklist.fields import Entries, Fields
from sidak.domain.checklist.itemtypes import TYPE_READERS
from sidak.domain.checklist.model import Evidence, ItemType
from sidak.domain.checklist.yamlnodes import Mapping, Node, Scalar

COMMON_KEYS = ("id", "type", "question", "category", "guidance", "basis", "show_if")
#: keys that only make sense on scored types
SCORED_KEYS = ("weight", "critical", "na", "evidence_on_fail")
#: keys that mean nothing on an informational item (``scored: tidak``)
UNSCORED_FORBIDS = ("weight", "critical", "evidence_on_fail", "expect")
#: type-specific keys and the types they belong to
TYPE_KEYS: dict[str, tuple[ItemType, ...]] = {
    **dict.fromkeys(SCORED_KEYS, tuple(t for t in ItemType if t.scored)),
    "expect": (ItemType.YESNO,),
    "scored": (ItemType.YESNO, ItemType.CHOICE),
    "pass_percent": (ItemType.COUNT,),
    **dict.fromkeys(("unit", "min", "max", "pass_min", "pass_max"), (ItemType.NUMBER,)),
    "options": (ItemType.CHOICE,),
}
ITEM_KEYS = COMMON_KEYS + tuple(TYPE_KEYS)

_CATEGORY_SYNONYMS = {text.id.lower(): key for key, text in CATEGORIES.items()}
_EVIDENCE = tuple(e.value for e in Evidence)


@dataclass
class ConditionDraft:
    node: Mapping  #: the show_if mapping, where condition problems point
    target: Scalar
    values: tuple[Scalar, ...]


@dataclass
class ItemDraft:
    node: Mapping
    id: str | None
    id_node: Node | None
    type: ItemType | None
    fields: dict[str, object] = field(default_factory=dict)  #: `Item` keyword arguments
    basis: tuple[Scalar, ...] = ()
    condition: ConditionDraft | None = None


def read_item(f: Fields, node: Node) -> ItemDraft | None:
    """One entry of a section's ``items``."""
    mapping = f.mapping(node, "items")
    if mapping is None:
        return None
    entries = f.entries(mapping, ("butir", "item"), ITEM_KEYS, ("id", "type", "question"))
    id_node = entries["id"][1] if "id" in entries else None
    draft = ItemDraft(
        node=mapping,
        id=f.ident(id_node) if id_node is not None else None,
        id_node=id_node,
        type=_item_type(f, entries["type"][1]) if "type" in entries else None,
    )
    if draft.type is not None:
        _reject_other_types_keys(f, entries, draft.type)
    if draft.type is not None and draft.type.scored:
        draft.fields["scored"] = _read_scored_flag(f, entries)
    _read_common(f, entries, draft)
    if draft.type is not None and draft.type.scored:
        draft.fields.update(_read_scored(f, entries))
        scored = draft.fields["scored"]
        draft.fields.update(TYPE_READERS[draft.type](f, entries, mapping, scored=scored))
    return draft


def _item_type(f: Fields, node: Node) -> ItemType | None:
    scalar = f.scalar(node, "type")
    if scalar is None:
        return None
    try:
        return ItemType(scalar.value.strip().lower())
    except ValueError:
        choices = [t.value for t in ItemType]
        f.add(
            codes.UNKNOWN_TYPE,
            scalar,
            value=scalar.value,
            choices=", ".join(choices),
            **vocabulary.hint(scalar.value, choices),
        )
        return None


def _read_common(f: Fields, entries: Entries, draft: ItemDraft) -> None:
    if "question" in entries:
        draft.fields["question"] = f.text(entries["question"][1], "question")
    if "guidance" in entries:
        draft.fields["guidance"] = f.text(entries["guidance"][1], "guidance")
    if "category" in entries:
        draft.fields["category"] = _category(f, entries["category"][1])
    elif draft.fields.get("scored"):
        f.add(codes.MISSING_KEY, draft.node, **_item_place(), **vocabulary.key_fields("category"))
    else:
        draft.fields["category"] = "other"
    if "basis" in entries:
        nodes = f.sequence(entries["basis"][1], "basis")
        draft.basis = tuple(s for n in nodes if (s := f.scalar(n, "basis")) is not None)
    if "show_if" in entries:
        draft.condition = _condition(f, entries["show_if"][1])


def _category(f: Fields, node: Node) -> str | None:
    scalar = f.scalar(node, "category")
    if scalar is None:
        return None
    if scalar.value in CATEGORIES:
        return scalar.value
    hint = vocabulary.hint(scalar.value, CATEGORIES, _CATEGORY_SYNONYMS)
    f.add(codes.UNKNOWN_CATEGORY, scalar, value=scalar.value, **hint)
    return None


def _condition(f: Fields, node: Node) -> ConditionDraft | None:
    mapping = f.mapping(node, "show_if")
    if mapping is None:
        return None
    entries = f.entries(mapping, ("show_if", "show_if"), ("item", "equals", "in"))
    if "item" not in entries or ("equals" in entries) == ("in" in entries):
        f.add(codes.BAD_CONDITION_SHAPE, mapping)
        return None
    target = f.scalar(entries["item"][1], "item")
    if "equals" in entries:
        values = (f.scalar(entries["equals"][1], "equals"),)
    else:
        nodes = f.sequence(entries["in"][1], "in", thing=("nilai", "value"))
        values = tuple(f.scalar(n, "in") for n in nodes)
    if target is None or None in values or not values:
        return None
    return ConditionDraft(mapping, target, values)


def _reject_other_types_keys(f: Fields, entries: Entries, item_type: ItemType) -> None:
    for key, types in TYPE_KEYS.items():
        if key in entries and item_type not in types:
            f.add(
                codes.KEY_FOR_OTHER_TYPE,
                entries.pop(key)[0],
                **vocabulary.key_fields(key),
                types=", ".join(types),
                type=item_type.value,
            )


def _read_scored_flag(f: Fields, entries: Entries) -> bool:
    """``scored: tidak`` makes an informational item; its scoring keys are then mistakes."""
    if "scored" not in entries or f.boolean(entries["scored"][1], "scored") is not False:
        return True
    for key in UNSCORED_FORBIDS:
        if key in entries:
            f.add(codes.KEY_FOR_UNSCORED, entries.pop(key)[0], **vocabulary.key_fields(key))
    return False


def _read_scored(f: Fields, entries: Entries) -> dict[str, object]:
    fields: dict[str, object] = {}
    if "weight" in entries:
        weight = f.number(entries["weight"][1], "weight")
        if weight is not None and weight <= 0:
            f.add(codes.WEIGHT_NOT_POSITIVE, entries["weight"][1], value=_raw(entries["weight"]))
        fields["weight"] = weight
    if "critical" in entries:
        fields["critical"] = f.boolean(entries["critical"][1], "critical")
    if "na" in entries:
        fields["allow_na"] = f.boolean(entries["na"][1], "na")
    if "evidence_on_fail" in entries:
        fields["evidence_on_fail"] = _evidence(f, entries["evidence_on_fail"][1])
    return fields


def _evidence(f: Fields, node: Node) -> tuple[Evidence, ...]:
    found: list[Evidence] = []
    for item in f.sequence(node, "evidence_on_fail"):
        scalar = f.scalar(item, "evidence_on_fail")
        if scalar is None:
            continue
        if scalar.value.strip().lower() in _EVIDENCE:
            evidence = Evidence(scalar.value.strip().lower())
            found += [evidence] if evidence not in found else []
        else:
            hint = vocabulary.hint(scalar.value, _EVIDENCE)
            f.add(codes.UNKNOWN_EVIDENCE, scalar, value=scalar.value, **hint)
    return tuple(found)


def _item_place() -> dict[str, str]:
    return {"place": "butir", "Place": "Butir", "place_en": "item"}


def _raw(entry: tuple[Scalar, Node]) -> str:
    node = entry[1]
    return node.value if isinstance(node, Scalar) else ""
