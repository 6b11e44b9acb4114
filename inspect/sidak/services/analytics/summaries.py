"""Writing the summaries: at submission, at finalization, and all again on demand.

Runs inside the caller's transaction (submit and finalize commit); `rebuild` commits itself.
The roll-up rows (`rollups`) of every summary that changed are recomputed from the summaries,
so the roll-ups never drift from them.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, select, update

from sidak.domain.analytics import month_start, summary_facts, week_start
from sidak.domain.sanctions.decide import violations
from sidak.domain.scoring.results import ScoreResult
from sidak.models import (
    CorrectiveAction,
    Inspection,
    InspectionFinding,
    InspectionStatus,
    InspectionSummary,
    Sanction,
    db,
)
from sidak.models.analytics import category_column
from sidak.services.analytics import rollups
from sidak.services.sanctions.ladder import current_ladder
from sidak.services.sanctions.proposals import facts_of
from sidak.services.sanctions.records import visit_day

COUNTED = (InspectionStatus.SUBMITTED, InspectionStatus.FINALIZED)


def record(inspection: Inspection, result: ScoreResult) -> InspectionSummary:
    """Summarise a just-submitted inspection; a submitted correction replaces its predecessor."""
    summary = db.session.get(InspectionSummary, inspection.id)
    # a summary written again may have moved (another day): its old rows are refreshed too
    before = [_Where(*_place(summary))] if summary is not None else []
    summary = _fill(summary, inspection, result)
    changed = [*before, summary]
    previous = inspection.supersedes
    if previous is not None:
        replaced = db.session.get(InspectionSummary, previous.id)
        if replaced is not None and replaced.current:
            replaced.current = False
            changed.append(replaced)
    db.session.flush()
    rollups.refresh(changed)
    return summary


def mark_finalized(inspection: Inspection) -> None:
    """The record is final: its findings now count as corrective actions in the roll-ups."""
    summary = db.session.get(InspectionSummary, inspection.id)
    if summary is not None:
        summary.status = InspectionStatus.FINALIZED
        db.session.flush()
        rollups.refresh([summary])


def _fill(
    summary: InspectionSummary | None, inspection: Inspection, result: ScoreResult
) -> InspectionSummary:
    """Set the summary (a new one if None) and the findings of `inspection`."""
    facts = summary_facts(result)
    ladder = current_ladder()
    day = visit_day(inspection)
    if summary is None:
        summary = InspectionSummary(inspection_id=inspection.id)
    summary.office_id = inspection.office_id
    summary.checklist_key = inspection.checklist_version.checklist.key
    summary.status = inspection.status
    summary.current = inspection.superseded_by is None or (
        inspection.superseded_by.status == InspectionStatus.DRAFT
    )
    summary.started_on, summary.week, summary.month = day, week_start(day), month_start(day)
    summary.score = facts.score
    summary.grade_id = facts.grade_id
    summary.violation = bool(ladder and violations(ladder, facts_of(inspection, result)))
    summary.findings = len(facts.findings)
    summary.critical = facts.critical
    for key, score in facts.categories.items():
        setattr(summary, category_column(key), score)
    db.session.add(summary)
    db.session.execute(
        delete(InspectionFinding).where(InspectionFinding.inspection_id == inspection.id)
    )
    db.session.add_all(
        InspectionFinding(
            inspection_id=inspection.id,
            office_id=inspection.office_id,
            item_id=f.item_id,
            category=f.category,
            critical=f.critical,
            position=f.position,
        )
        for f in facts.findings
    )
    return summary


@dataclass(frozen=True)
class _Where:
    """Where a summary was counted before it was written again."""

    month: date
    office_id: int
    checklist_key: str
    started_on: date


def _place(summary: InspectionSummary) -> tuple:
    return (summary.month, summary.office_id, summary.checklist_key, summary.started_on)


def rebuild_rollup() -> None:
    """Recompute both roll-ups from the summaries (after a bulk load)."""
    rollups.rebuild()


def rebuild(missing_only: bool = False, on_progress=None) -> int:
    """Summarise every submitted inspection again (or those without a summary), rebuild the
    roll-up and commit; the number of inspections summarised."""
    from sidak.services.inspections.drafts import evaluate

    query = select(Inspection).where(Inspection.status.in_(COUNTED)).order_by(Inspection.id)
    if missing_only:
        known = select(InspectionSummary.inspection_id)
        query = query.where(Inspection.id.not_in(known))
    done = 0
    for inspection in db.session.scalars(query).all():
        _fill(db.session.get(InspectionSummary, inspection.id), inspection, evaluate(inspection))
        done += 1
        if on_progress and done % 200 == 0:
            db.session.flush()
            on_progress(done)
    db.session.flush()
    if done or not missing_only:
        rebuild_rollup()
    _fill_visit_days()
    db.session.commit()
    return done


def _fill_visit_days() -> None:
    """Sanctions and actions made before they kept their inspection's day get it."""
    for model in (CorrectiveAction, Sanction):
        day = (
            select(InspectionSummary.started_on)
            .where(InspectionSummary.inspection_id == model.inspection_id)
            .scalar_subquery()
        )
        db.session.execute(
            update(model).where(model.inspected_on.is_(None)).values(inspected_on=day)
        )
