"""Scoring an inspection: weighted credits, exact fractions, rounded once at the end.

score(group) = 100 x sum(weight x credit) / sum(weight) over the group's counted items;
docs/scoring.md states the whole rule and works examples through by hand.
"""

from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction

from sidak.domain.answers import Answer
from sidak.domain.categories import CATEGORIES
from sidak.domain.checklist.model import Checklist, GradeBand, Item
from sidak.domain.scoring.items import Outcome, evaluate
from sidak.domain.scoring.results import GroupScore, ItemResult, ScoreResult, Status
from sidak.domain.scoring.rounding import round_half_up
from sidak.domain.scoring.validation import check_answers
from sidak.domain.text import Text
from sidak.domain.visibility import visible_items

TOTAL = Text("Total", "Total")


def score_inspection(
    checklist: Checklist, answers: Mapping[str, Answer] | Iterable[Answer]
) -> ScoreResult:
    """Score `answers` against `checklist`.

    Raises `InvalidAnswers` (listing every problem) when an answer names an unknown item or
    holds a value its item cannot take; nothing is scored then.
    """
    by_id = check_answers(checklist, answers)
    shown = visible_items(checklist, by_id)
    outcomes = [
        (section.id, item, evaluate(item, by_id.get(item.id), item.id in shown))
        for section in checklist.sections
        for item in section.items
    ]
    base = sum((item.weight for _, item, o in outcomes if o.status.counted), Fraction(0))
    items = tuple(
        _item_result(section_id, item, by_id.get(item.id), outcome, base)
        for section_id, item, outcome in outcomes
    )
    overall = group_score("total", TOTAL, items)
    critical = tuple(r.item_id for r in items if r.critical and r.status is Status.FAIL)
    return ScoreResult(
        checklist_id=checklist.id,
        checklist_version=checklist.version,
        items=items,
        sections=tuple(
            group_score(s.id, s.title, [r for r in items if r.section_id == s.id])
            for s in checklist.sections
        ),
        categories=_category_scores(checklist, items),
        overall=overall,
        grade=_grade(checklist, overall, critical),
        critical_failures=critical,
        missing=tuple(r.item_id for r in items if r.status is Status.MISSING),
    )


def group_score(key: str, title: Text, results: Sequence[ItemResult]) -> GroupScore:
    """The score of `results` taken together; None when none of them is counted."""
    earned = sum((r.earned for r in results), Fraction(0))
    possible = sum((r.possible for r in results), Fraction(0))
    # Weight-0 items may be counted and still leave nothing to divide by.
    exact = 100 * earned / possible if possible else None
    return GroupScore(
        key=key,
        title=title,
        earned=earned,
        possible=possible,
        exact=exact,
        score=None if exact is None else round_half_up(exact),
        passed_items=tuple(r.item_id for r in results if r.status is Status.PASS),
        failed_items=tuple(r.item_id for r in results if r.status is Status.FAIL),
    )


def _item_result(
    section_id: str, item: Item, answer: Answer | None, outcome: Outcome, base: Fraction
) -> ItemResult:
    counted = outcome.status.counted and outcome.credit is not None
    credit = outcome.credit if counted else None
    earned = item.weight * credit if credit is not None else Fraction(0)
    possible = item.weight if counted else Fraction(0)
    return ItemResult(
        item_id=item.id,
        section_id=section_id,
        category=item.category,
        type=item.type,
        status=outcome.status,
        critical=item.critical,
        weight=item.weight,
        credit=credit,
        earned=earned,
        possible=possible,
        points=100 * earned / base if base else Fraction(0),
        points_lost=100 * (possible - earned) / base if base else Fraction(0),
        answer=answer,
        explanation=outcome.explanation,
    )


def _category_scores(checklist: Checklist, items: Sequence[ItemResult]) -> tuple[GroupScore, ...]:
    """Scores of the categories that the checklist's scored items use."""
    used = {item.category for item in checklist.items if item.is_scored}
    # Catalogue order, so results do not depend on the order of sections in the file.
    keys = [key for key in CATEGORIES if key in used] + sorted(used - CATEGORIES.keys())
    return tuple(
        group_score(key, CATEGORIES.get(key, Text(key)), [r for r in items if r.category == key])
        for key in keys
    )


def _grade(
    checklist: Checklist, overall: GroupScore, critical: tuple[str, ...]
) -> GradeBand | None:
    if critical:
        return checklist.failing_grade
    if overall.score is None:
        return None
    # The band follows the score people see, so 89.95 shows as 90.0 and grades as 90.
    return checklist.grade_for(Fraction(overall.score))
