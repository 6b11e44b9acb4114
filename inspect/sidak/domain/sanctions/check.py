"""Checking a ladder against the checklists beside it: a trigger naming a grade or an item
that no checklist has would silently never fire."""

from collections.abc import Iterable

from sidak.domain.checklist import Checklist, vocabulary
from sidak.domain.problems import Problem
from sidak.domain.sanctions import codes
from sidak.domain.sanctions.loader import trigger_marks


def cross_check(ladder_text: str | bytes, checklists: Iterable[Checklist]) -> list[Problem]:
    """Warnings (S303, S304) for trigger ids that none of `checklists` has, at their position.

    Nothing is reported when no checklist is given: there is nothing to compare with.
    """
    checklists = list(checklists)
    if not checklists:
        return []
    grades = sorted({band.id for c in checklists for band in c.grades})
    items = sorted({item.id for c in checklists for item in c.items})
    problems = []
    written = trigger_marks(ladder_text)
    for scalar in written["grades"]:
        if scalar.value not in grades:
            hint = vocabulary.hint(scalar.value, grades)
            problems.append(codes.UNKNOWN_GRADE.at(scalar.mark, value=scalar.value, **hint))
    for scalar in written["items"]:
        if scalar.value not in items:
            hint = vocabulary.hint(scalar.value, items)
            problems.append(codes.UNKNOWN_ITEM.at(scalar.mark, value=scalar.value, **hint))
    return problems
