"""A checklist's identity: its normalised content as JSON, and the hash of that.

Two files that mean the same (comments, spacing, key order, defaults written out or left
out) give the same hash; any change of meaning gives another. Inspections store the hash of
the version they used, so editing a checklist never rewrites old results.
"""

import hashlib
import json
from fractions import Fraction
from typing import Any

from sidak.domain.checklist.model import (
    Checklist,
    Condition,
    Evidence,
    GradeBand,
    Item,
    ItemType,
    Option,
    Rule,
    Section,
)
from sidak.domain.text import Text

#: Bumped when the canonical form changes shape; part of the hash on purpose.
FORMAT = 1


def canonical_dict(checklist: Checklist) -> dict[str, Any]:
    """JSON-safe, deterministic: Fractions as ``"n/d"`` strings, enums as their values."""
    return {
        "format": FORMAT,
        "id": checklist.id,
        "version": checklist.version,
        "title": _text(checklist.title),
        "description": _text(checklist.description),
        "basis": list(checklist.basis),
        "rules": [{"id": rule.id, "title": _text(rule.title)} for rule in checklist.rules],
        "grades": [_grade(band) for band in checklist.grades],
        "sections": [_section(section) for section in checklist.sections],
    }


def content_hash(checklist: Checklist) -> str:
    """SHA-256 (hex) of the canonical JSON with sorted keys and no whitespace."""
    data = json.dumps(
        canonical_dict(checklist), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def checklist_from_canonical(data: dict[str, Any]) -> Checklist:
    """The checklist `canonical_dict` was made from; raises ValueError on another format."""
    if data.get("format") != FORMAT:
        raise ValueError(f"unknown checklist format {data.get('format')!r}")
    return Checklist(
        id=data["id"],
        version=data["version"],
        title=_from_text(data["title"]),
        description=_from_text(data["description"]),
        rules=tuple(Rule(r["id"], _from_text(r["title"])) for r in data["rules"]),
        sections=tuple(_from_section(s) for s in data["sections"]),
        grades=tuple(
            GradeBand(g["id"], _from_text(g["label"]), Fraction(g["min"]), g["color"])
            for g in data["grades"]
        ),
        basis=tuple(data["basis"]),
    )


def _text(text: Text | None) -> dict[str, str | None] | None:
    return None if text is None else {"id": text.id, "en": text.en}


def _from_text(data: dict[str, str | None] | None) -> Text | None:
    return None if data is None else Text(data["id"], data["en"])


def _number(value: Fraction | None) -> str | None:
    return None if value is None else str(value)


def _from_number(value: str | None) -> Fraction | None:
    return None if value is None else Fraction(value)


def _grade(band: GradeBand) -> dict[str, Any]:
    label = _text(band.label)
    return {"id": band.id, "label": label, "min": str(band.min), "color": band.color}


def _section(section: Section) -> dict[str, Any]:
    items = [_item(item) for item in section.items]
    return {"id": section.id, "title": _text(section.title), "items": items}


def _from_section(data: dict[str, Any]) -> Section:
    items = tuple(_from_item(item) for item in data["items"])
    return Section(data["id"], _from_text(data["title"]), items)


def _item(item: Item) -> dict[str, Any]:
    condition = item.show_if
    return {
        "id": item.id,
        "type": item.type.value,
        "question": _text(item.question),
        "category": item.category,
        "weight": str(item.weight),
        "critical": item.critical,
        "scored": item.scored,
        "allow_na": item.allow_na,
        "guidance": _text(item.guidance),
        "basis": list(item.basis),
        "evidence_on_fail": [evidence.value for evidence in item.evidence_on_fail],
        "show_if": None
        if condition is None
        else {"item": condition.item_id, "values": list(condition.values)},
        "expect": item.expect,
        "pass_ratio": _number(item.pass_ratio),
        "minimum": _number(item.minimum),
        "maximum": _number(item.maximum),
        "pass_min": _number(item.pass_min),
        "pass_max": _number(item.pass_max),
        "unit": item.unit,
        "options": [_option(option) for option in item.options],
    }


def _option(option: Option) -> dict[str, Any]:
    return {
        "value": option.value,
        "label": _text(option.label),
        "score": str(option.score),
        "passed": option.passed,
    }


def _from_item(data: dict[str, Any]) -> Item:
    condition = data["show_if"]
    return Item(
        id=data["id"],
        type=ItemType(data["type"]),
        question=_from_text(data["question"]),
        category=data["category"],
        weight=Fraction(data["weight"]),
        critical=data["critical"],
        scored=data["scored"],
        allow_na=data["allow_na"],
        guidance=_from_text(data["guidance"]),
        basis=tuple(data["basis"]),
        evidence_on_fail=tuple(Evidence(value) for value in data["evidence_on_fail"]),
        show_if=None
        if condition is None
        else Condition(condition["item"], tuple(condition["values"])),
        expect=data["expect"],
        pass_ratio=_from_number(data["pass_ratio"]),
        minimum=_from_number(data["minimum"]),
        maximum=_from_number(data["maximum"]),
        pass_min=_from_number(data["pass_min"]),
        pass_max=_from_number(data["pass_max"]),
        unit=data["unit"],
        options=tuple(
            Option(o["value"], _from_text(o["label"]), Fraction(o["score"]), o["passed"])
            for o in data["options"]
        ),
    )
