"""Small builders for checklists and answers, so scoring tests need no YAML loader."""

from fractions import Fraction

from sidak.domain.answers import Answer
from sidak.domain.checklist.model import (
    Checklist,
    Condition,
    GradeBand,
    Item,
    ItemType,
    Option,
    Section,
)
from sidak.domain.text import Text

GRADES = (
    GradeBand("baik", Text("Baik", "Good"), Fraction(90), "#1b7f3b"),
    GradeBand("cukup", Text("Cukup", "Fair"), Fraction(75), "#b58900"),
    GradeBand("kurang", Text("Kurang", "Poor"), Fraction(60), "#cb4b16"),
    GradeBand("buruk", Text("Buruk", "Failing"), Fraction(0), "#c33"),
)


def _item(item_id: str, item_type: ItemType, **fields) -> Item:
    fields.setdefault("category", "other")
    if "weight" in fields:
        fields["weight"] = Fraction(fields["weight"])
    when = fields.pop("when", None)
    if when is not None:
        controller, *values = when
        fields["show_if"] = Condition(controller, tuple(values))
    return Item(item_id, item_type, Text(f"Pertanyaan {item_id}", f"Question {item_id}"), **fields)


def yesno(item_id: str, **fields) -> Item:
    return _item(item_id, ItemType.YESNO, **fields)


def count(item_id: str, pass_ratio: str | Fraction = "9/10", **fields) -> Item:
    return _item(item_id, ItemType.COUNT, pass_ratio=Fraction(pass_ratio), **fields)


def number(item_id: str, **fields) -> Item:
    for key in ("minimum", "maximum", "pass_min", "pass_max"):
        if fields.get(key) is not None:
            fields[key] = Fraction(fields[key])
    return _item(item_id, ItemType.NUMBER, **fields)


def choice(item_id: str, options: list[tuple[str, int, bool]], **fields) -> Item:
    """`options` as (value, score 0..100, passed)."""
    built = tuple(
        Option(value, Text(value.capitalize()), Fraction(score, 100), passed)
        for value, score, passed in options
    )
    return _item(item_id, ItemType.CHOICE, options=built, **fields)


def text(item_id: str, **fields) -> Item:
    return _item(item_id, ItemType.TEXT, **fields)


def photo(item_id: str, **fields) -> Item:
    return _item(item_id, ItemType.PHOTO, **fields)


def section(section_id: str, *items: Item) -> Section:
    return Section(section_id, Text(f"Bagian {section_id}", f"Section {section_id}"), items)


def checklist(*sections: Section, grades: tuple[GradeBand, ...] = GRADES) -> Checklist:
    return Checklist(
        id="uji",
        version="1",
        title=Text("Daftar uji", "Test checklist"),
        description=None,
        rules=(),
        sections=sections,
        grades=grades,
    )


def yes(item_id: str) -> Answer:
    return Answer(item_id, value="yes")


def no(item_id: str) -> Answer:
    return Answer(item_id, value="no")


def na(item_id: str) -> Answer:
    return Answer(item_id, na=True)


def counted(item_id: str, compliant: int, observed: int) -> Answer:
    return Answer(item_id, observed=observed, compliant=compliant)


def measured(item_id: str, value: int | str | Fraction) -> Answer:
    return Answer(item_id, number=Fraction(value))


def picked(item_id: str, value: str) -> Answer:
    return Answer(item_id, value=value)
