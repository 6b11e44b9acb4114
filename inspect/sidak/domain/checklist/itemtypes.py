"""The keys of each scored item type: what passes a yesno, count, number or choice item."""

from collections.abc import Callable
from fractions import Fraction

from sidak.domain.checklist import codes, vocabulary
from sidak.domain.checklist.fields import Entries, Fields
from sidak.domain.checklist.model import ItemType, Option
from sidak.domain.checklist.yamlnodes import Mapping, Node, Scalar, Sequence, yes_no

TypeReader = Callable[..., dict[str, object]]  #: (f, entries, item, *, scored)
_ITEM_PLACE = {"place": "butir", "Place": "Butir", "place_en": "item"}


def read_yesno(
    f: Fields, entries: Entries, item: Mapping, *, scored: bool = True
) -> dict[str, object]:
    if "expect" not in entries:
        return {}
    scalar = f.scalar(entries["expect"][1], "expect")
    if scalar is None:
        return {"expect": None}
    expect = yes_no(scalar.value)
    if expect is None:
        f.add(codes.BAD_EXPECT, scalar, value=scalar.value)
    return {"expect": expect}


def read_count(
    f: Fields, entries: Entries, item: Mapping, *, scored: bool = True
) -> dict[str, object]:
    if "pass_percent" not in entries:
        f.add(codes.MISSING_KEY, item, **_ITEM_PLACE, **vocabulary.key_fields("pass_percent"))
        return {"pass_ratio": None}
    node = entries["pass_percent"][1]
    percent = f.number(node, "pass_percent")
    if percent is None:
        return {"pass_ratio": None}
    if not 0 < percent <= 100:
        fields = vocabulary.key_fields("pass_percent")
        f.add(codes.PERCENT_OUT_OF_RANGE, node, **fields, value=_raw(node))
        return {"pass_ratio": None}
    return {"pass_ratio": percent / 100}


def read_number(
    f: Fields, entries: Entries, item: Mapping, *, scored: bool = True
) -> dict[str, object]:
    numbers: dict[str, Fraction | None] = {}
    for key in ("min", "max", "pass_min", "pass_max"):
        numbers[key] = f.number(entries[key][1], key) if key in entries else None
    fields: dict[str, object] = {
        "minimum": numbers["min"],
        "maximum": numbers["max"],
        "pass_min": numbers["pass_min"],
        "pass_max": numbers["pass_max"],
    }
    if "unit" in entries:
        unit = f.scalar(entries["unit"][1], "unit")
        fields["unit"] = unit.value if unit else None
    if "pass_min" not in entries and "pass_max" not in entries:
        f.add(codes.NO_PASS_RANGE, item)
    _check_order(f, entries, numbers, "min", "max")
    _check_order(f, entries, numbers, "pass_min", "pass_max")
    low, high = numbers["min"], numbers["max"]
    if low is not None and high is not None and low > high:
        return fields  # no pass value fits a reversed range; C207 already says why
    for key in ("pass_min", "pass_max"):
        value = numbers[key]
        if value is None:
            continue
        if (low is not None and value < low) or (high is not None and value > high):
            f.add(
                codes.PASS_OUTSIDE_RANGE,
                entries[key][1],
                **vocabulary.key_fields(key),
                value=_raw(entries[key][1]),
                minimum=_raw(entries["min"][1]) if "min" in entries else "…",
                maximum=_raw(entries["max"][1]) if "max" in entries else "…",
            )
    return fields


def _check_order(
    f: Fields, entries: Entries, numbers: dict[str, Fraction | None], low: str, high: str
) -> None:
    low_value, high_value = numbers[low], numbers[high]
    if low_value is None or high_value is None or low_value <= high_value:
        return
    f.add(
        codes.MIN_ABOVE_MAX,
        entries[high][1],
        low_key=low,
        low_label=vocabulary.label(low),
        high_key=high,
        high_label=vocabulary.label(high),
        low=_raw(entries[low][1]),
        high=_raw(entries[high][1]),
    )


def read_choice(
    f: Fields, entries: Entries, item: Mapping, *, scored: bool = True
) -> dict[str, object]:
    if "options" not in entries:
        f.add(codes.MISSING_KEY, item, **_ITEM_PLACE, **vocabulary.key_fields("options"))
        return {"options": None}
    node = entries["options"][1]
    if not isinstance(node, Sequence):
        f.wrong_kind(node, "options", "list")
        return {"options": None}
    nodes = node.items
    if len(nodes) < 2:
        f.add(codes.TOO_FEW_OPTIONS, node, count=len(nodes))
    options: list[Option | None] = []
    first_line: dict[str, int] = {}
    for option_node in nodes:
        option = _option(f, option_node, scored)
        if option is not None and option.value in first_line:
            line = first_line[option.value]
            f.add(codes.DUPLICATE_OPTION, _value_node(option_node), value=option.value, first=line)
        elif option is not None:
            first_line[option.value] = _value_node(option_node).mark.line
        options.append(option)
    if scored and len(nodes) >= 2 and None not in options and not any(o.passed for o in options):
        f.add(codes.NO_PASSING_OPTION, node)
    return {"options": tuple(options) if None not in options else None}


def _option(f: Fields, node: Node, scored: bool) -> Option | None:
    mapping = f.mapping(node, "options")
    if mapping is None:
        return None
    required = ("value", "label", "score") if scored else ("value", "label")
    known = ("value", "label", "score", "pass")
    entries = f.entries(mapping, ("pilihan", "option"), known, required)
    if not scored:
        return _informational_option(f, entries)
    value = f.scalar(entries["value"][1], "value") if "value" in entries else None
    label = f.text(entries["label"][1], "label") if "label" in entries else None
    score = f.number(entries["score"][1], "score") if "score" in entries else None
    if score is not None and not 0 <= score <= 100:
        f.add(codes.SCORE_OUT_OF_RANGE, entries["score"][1], value=_raw(entries["score"][1]))
        score = None
    passed = f.boolean(entries["pass"][1], "pass") if "pass" in entries else None
    if value is None or label is None or score is None or ("pass" in entries and passed is None):
        return None
    return Option(value.value, label, score / 100, score == 100 if passed is None else passed)


def _informational_option(f: Fields, entries: Entries) -> Option | None:
    """An option of a ``scored: tidak`` choice: a value and a label, nothing to score."""
    for key in ("score", "pass"):
        if key in entries:
            f.add(codes.KEY_FOR_UNSCORED, entries.pop(key)[0], **vocabulary.key_fields(key))
    value = f.scalar(entries["value"][1], "value") if "value" in entries else None
    label = f.text(entries["label"][1], "label") if "label" in entries else None
    if value is None or label is None:
        return None
    return Option(value.value, label, Fraction(0), True)


def _value_node(node: Node) -> Node:
    if isinstance(node, Mapping):
        return next((value for key, value in node.entries if key.value == "value"), node)
    return node


def _raw(node: Node) -> str:
    return node.value if isinstance(node, Scalar) else ""


TYPE_READERS: dict[ItemType, TypeReader] = {
    ItemType.YESNO: read_yesno,
    ItemType.COUNT: read_count,
    ItemType.NUMBER: read_number,
    ItemType.CHOICE: read_choice,
}
