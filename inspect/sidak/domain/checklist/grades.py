"""Grade bands: each applies from its `min` up to the next band's; together they cover 0-100."""

import re
from fractions import Fraction

from sidak.domain.checklist import codes
from sidak.domain.checklist.fields import Fields, child
from sidak.domain.checklist.model import GradeBand
from sidak.domain.checklist.yamlnodes import Node, Scalar, Sequence, scalar_number

_COLOR = re.compile(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
_GRADE_KEYS = ("id", "label", "min", "color")


def read_grades(f: Fields, node: Node) -> tuple[GradeBand, ...] | None:
    """The bands sorted by `min`, highest first; None if any of them is unusable."""
    if not isinstance(node, Sequence):
        f.wrong_kind(node, "grades", "list")
        return None
    if len(node.items) < 2:
        f.add(codes.TOO_FEW_GRADES, node, count=len(node.items))
    bands = [_band(f, item) for item in node.items]
    f.unique((child(item, "id") for item in node.items), ("tingkat nilai", "grade"))
    _check_unique_mins(f, node, bands)
    mins = [_min(item) for item in node.items]
    # only when every `min` is readable: a broken one may well be the missing 0
    if mins and None not in mins and 0 not in mins:
        f.add(codes.NO_ZERO_GRADE, node)
    if None in bands:
        return None
    return tuple(sorted(bands, key=lambda band: band.min, reverse=True))


def _band(f: Fields, node: Node) -> GradeBand | None:
    mapping = f.mapping(node, "grades")
    if mapping is None:
        return None
    entries = f.entries(mapping, ("tingkat nilai", "grade"), _GRADE_KEYS, _GRADE_KEYS)
    band_id = f.ident(entries["id"][1]) if "id" in entries else None
    label = f.text(entries["label"][1], "label") if "label" in entries else None
    minimum = f.number(entries["min"][1], "min") if "min" in entries else None
    if minimum is not None and not 0 <= minimum <= 100:
        f.add(codes.GRADE_MIN_OUT_OF_RANGE, entries["min"][1], value=entries["min"][1].value)
        minimum = None
    color = _color(f, entries["color"][1]) if "color" in entries else None
    if band_id is None or label is None or minimum is None or color is None:
        return None
    return GradeBand(band_id, label, minimum, color)


def _min(node: Node) -> Fraction | None:
    scalar = child(node, "min")
    return scalar_number(scalar) if scalar is not None else None


def _color(f: Fields, node: Node) -> str | None:
    if isinstance(node, Scalar) and node.is_null:
        # an unquoted `#c33` is a YAML comment, so the value reads as empty
        f.add(codes.BAD_COLOR, node, value="")
        return None
    scalar = f.scalar(node, "color")
    if scalar is None:
        return None
    match = _COLOR.fullmatch(scalar.value.strip())
    if match is None:
        f.add(codes.BAD_COLOR, scalar, value=scalar.value)
        return None
    digits = match.group(1).lower()
    return "#" + ("".join(c * 2 for c in digits) if len(digits) == 3 else digits)


def _check_unique_mins(f: Fields, node: Sequence, bands: list[GradeBand | None]) -> None:
    first_line: dict[object, int] = {}
    for band, item in zip(bands, node.items, strict=True):
        scalar = child(item, "min")
        if band is None or scalar is None:
            continue
        if band.min in first_line:
            f.add(codes.DUPLICATE_GRADE_MIN, scalar, value=scalar.value, first=first_line[band.min])
        else:
            first_line[band.min] = scalar.mark.line
