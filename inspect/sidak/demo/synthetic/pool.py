"""Scored answer sets to draw visits from: a pool per checklist, zone and level of care.

Each set is what `sidak.demo.answers` says a team would answer, stored as `save_answer`
stores it and scored by `evaluate`, the function the services score a record with; the
summary columns and the sanction ladder's verdict are worked out once per set, here.
Sets are made on first use, so a small run only scores the sets it needs.
"""

import random
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from types import SimpleNamespace

from sidak.demo.answers import Scene, answer_all
from sidak.domain.analytics import summary_facts
from sidak.domain.analytics.summary import Finding
from sidak.domain.checklist import Checklist, Evidence
from sidak.domain.preview import render_json
from sidak.domain.sanctions import InspectionFacts, Ladder
from sidak.domain.sanctions.decide import violations
from sidak.domain.scoring import find_problems
from sidak.models import ChecklistVersion
from sidak.models.analytics import category_column
from sidak.services.checklists import checklist_of
from sidak.services.inspections.drafts import _answer, _decimal_text, evaluate
from sidak.services.sanctions.proposals import facts_of

#: the levels of care sets are made for (finer where most offices are); a visit takes the
#: nearest
LEVELS = tuple(round(0.3 + 0.05 * step, 2) for step in range(11)) + tuple(
    round(0.82 + 0.02 * step, 2) for step in range(10)
)
#: stands for the person who received the team in the general note, filled in per visit
RECEIVER = "{penerima}"
#: any moment: the ladder's verdict does not depend on the day, and each visit sets its own
_SOME_MOMENT = datetime(2000, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Action:
    """A finding as a corrective action words it."""

    item_id: str
    question: str
    question_en: str
    finding: str
    finding_en: str
    critical: bool


@dataclass(frozen=True)
class Outcome:
    """One scored set of answers and everything a record, a summary and a sanction take
    from it."""

    answers: tuple[dict, ...]  #: answer columns, in checklist order
    score: Decimal | None
    grade_id: str | None
    critical_failures: int
    findings: tuple[Finding, ...]
    #: the summary's columns: score in tenths, grade, findings, critical, categories
    summary: dict
    violation: bool
    facts: InspectionFacts
    actions: tuple[Action, ...]
    #: one item id per photo the failures require (two for a critical item, as teams do)
    photos: tuple[str, ...]
    failed: frozenset[str]
    #: the engine's breakdown as submission stores it (`score_json`); None when not asked for
    breakdown: str | None


class AnswerPool:
    """Scored answer sets by checklist, zone, level, forced critical failure and first visit."""

    def __init__(
        self,
        versions: dict[str, ChecklistVersion],
        ladder,
        variants: int,
        seed: int,
        breakdown: bool = False,
    ):
        self.versions = versions
        self.ladder: Ladder | None = ladder
        self.variants = variants
        self.breakdown = breakdown
        self.rng = random.Random(seed)
        self.cells: dict[tuple, list[Outcome]] = {}

    def draw(
        self, key: str, zone: str, level: float, critical: bool, follow_up: bool, rng
    ) -> Outcome:
        """A set for a visit to an office that keeps the protocol at `level` (0..1)."""
        nearest = min(LEVELS, key=lambda candidate: abs(candidate - level))
        cell = (key, zone, nearest, critical, follow_up)
        if cell not in self.cells:
            scene = Scene(nearest, critical, zone, RECEIVER, follow_up)
            # first visits and forced critical failures are rare: fewer sets do
            variants = self.variants if follow_up and not critical else self.variants // 2
            self.cells[cell] = [self._outcome(key, scene) for _ in range(max(1, variants))]
        return rng.choice(self.cells[cell])

    def _outcome(self, key: str, scene: Scene) -> Outcome:
        version = self.versions[key]
        checklist = checklist_of(version)
        rows = _stored_answers(checklist, scene, self.rng)
        answers = [SimpleNamespace(**row) for row in rows]
        result = evaluate(SimpleNamespace(checklist_version=version, answers=answers))
        facts = summary_facts(result)
        inspection_facts = facts_of(SimpleNamespace(started_at=_SOME_MOMENT), result)
        actions, photos = _findings(checklist, result)
        return Outcome(
            answers=tuple(rows),
            score=result.total,
            grade_id=result.grade.id if result.grade else None,
            critical_failures=len(result.critical_failures),
            findings=facts.findings,
            summary={
                "score": facts.score,
                "grade_id": facts.grade_id,
                "findings": len(facts.findings),
                "critical": facts.critical,
                **{category_column(k): score for k, score in facts.categories.items()},
            },
            violation=bool(self.ladder and violations(self.ladder, inspection_facts)),
            facts=inspection_facts,
            actions=actions,
            photos=photos,
            failed=frozenset(action.item_id for action in actions),
            breakdown=render_json(checklist, result) if self.breakdown else None,
        )


def _stored_answers(checklist: Checklist, scene: Scene, rng: random.Random) -> list[dict]:
    """The demo's answers for the scene, as `save_answer` checks and stores each one."""
    rows = []
    for planned in answer_all(checklist, scene, rng):
        answer = _answer(planned.item, planned.given)
        problems = find_problems(checklist, {planned.item.id: answer})
        if problems:  # the demo answers are made to be valid: a problem here is a bug
            raise RuntimeError(f"{planned.item.id}: {problems[0].message}")
        note = planned.given.note
        rows.append(
            {
                "item_id": planned.item.id,
                "value": answer.value,
                "observed": answer.observed,
                "compliant": answer.compliant,
                "number": _decimal_text(answer.number),
                "na": answer.na,
                "note": note.strip()[:4000] if note is not None else "",
            }
        )
    return rows


def _findings(checklist: Checklist, result) -> tuple[tuple[Action, ...], tuple[str, ...]]:
    """The corrective actions as `proposals` words them, and the photos the failures need."""
    actions, photos = [], []
    for finding in result.findings:
        item = checklist.item(finding.item_id)
        question, explanation = item.question, finding.explanation
        actions.append(
            Action(
                item.id,
                question.id,
                question.get("en"),
                explanation.id,
                explanation.get("en"),
                finding.critical,
            )
        )
        if Evidence.PHOTO in item.evidence_on_fail:
            photos += [item.id] * (2 if item.critical else 1)
    return tuple(actions), tuple(photos)
