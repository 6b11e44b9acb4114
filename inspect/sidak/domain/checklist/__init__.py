"""The checklist language: model, loading with positioned errors, versioning."""

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

__all__ = [
    "Checklist",
    "Condition",
    "Evidence",
    "GradeBand",
    "Item",
    "ItemType",
    "Option",
    "Rule",
    "Section",
]
