"""Checking a ladder against the checklists beside it: a trigger naming a grade or an item
that no checklist has would silently never fire."""

from sidak.domain.checklist import Checklist, vocabulary
from sidak.domain.problems import Problem
from sidak.domain.sanctions import codes
from sidak.domain.sanctions.loader import trigger_marks


def cross_check(ladder_text: bytes, checklists: list[Checklist]) -> list[Problem]:
    """Warnings for trigger ids unknown to every checklist (nothing when none are given)."""
    if not checklists:
        return []
    grades = {band.id for c in checklists for band in c.grades}
    items = {item.id for c in checklists for item in c.items}
    problems = []
    written = trigger_marks(ladder_text)
    for scalar in written["grades"]:
        if scalar.value not in grades:
            hint = vocabulary.hint(scalar.value, sorted(grades))
            problems.append(codes.UNKNOWN_GRADE.at(scalar.mark, value=scalar.value, **hint))
    for scalar in written["items"]:
        if scalar.value not in items:
            hint = vocabulary.hint(scalar.value, sorted(items))
            problems.append(codes.UNKNOWN_ITEM.at(scalar.mark, value=scalar.value, **hint))
    return problems
