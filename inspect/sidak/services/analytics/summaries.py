"""Writing the summaries: at submission, at finalization, and all again on demand.

Runs inside the caller's transaction (submit and finalize commit); `rebuild` commits itself.
The roll-up cell (month, office, checklist) of every summary that changed is recomputed from
the summaries, so the roll-up never drifts from them.
"""

from collections.abc import Iterable

from sqlalchemy import and_, delete, insert, select, tuple_, update

from sidak.domain.analytics import month_start, summary_facts, week_start
from sidak.domain.sanctions.decide import violations
from sidak.domain.scoring.results import ScoreResult
from sidak.models import (
    CorrectiveAction,
    Inspection,
    InspectionFinding,
    InspectionStatus,
    InspectionSummary,
    OfficeMonth,
    Sanction,
    db,
)
from sidak.models.analytics import category_column
from sidak.services.analytics.sums import MEASURES, summary_sums
from sidak.services.sanctions.ladder import current_ladder
from sidak.services.sanctions.proposals import facts_of
from sidak.services.sanctions.records import visit_day

Cell = tuple  # (month, office_id, checklist_key)
COUNTED = (InspectionStatus.SUBMITTED, InspectionStatus.FINALIZED)


def record(inspection: Inspection, result: ScoreResult) -> InspectionSummary:
    """Summarise a just-submitted inspection; a submitted correction replaces its predecessor."""
    summary = db.session.get(InspectionSummary, inspection.id)
    cells = {_cell(summary)} if summary is not None else set()
    summary = _fill(summary, inspection, result)
    cells.add(_cell(summary))
    previous = inspection.supersedes
    if previous is not None:
        replaced = db.session.get(InspectionSummary, previous.id)
        if replaced is not None and replaced.current:
            replaced.current = False
            cells.add(_cell(replaced))
    db.session.flush()
    refresh(cells)
    return summary


def mark_finalized(inspection: Inspection) -> None:
    summary = db.session.get(InspectionSummary, inspection.id)
    if summary is not None:
        summary.status = InspectionStatus.FINALIZED


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


def _cell(summary: InspectionSummary) -> Cell:
    return (summary.month, summary.office_id, summary.checklist_key)


def refresh(cells: Iterable[Cell]) -> None:
    """Recompute the roll-up rows of these cells from their current summaries."""
    cells = list(set(cells))
    if not cells:
        return
    key = tuple_(OfficeMonth.month, OfficeMonth.office_id, OfficeMonth.checklist_key)
    db.session.execute(delete(OfficeMonth).where(key.in_(cells)))
    S = InspectionSummary
    inside = tuple_(S.month, S.office_id, S.checklist_key).in_(cells)
    _insert_rollup(and_(S.current.is_(True), inside))


def rebuild_rollup() -> None:
    """Recompute the whole roll-up from the summaries (after a bulk load)."""
    db.session.execute(delete(OfficeMonth))
    _insert_rollup(InspectionSummary.current.is_(True))


def _insert_rollup(condition) -> None:
    S = InspectionSummary
    query = (
        select(S.month, S.office_id, S.checklist_key, *summary_sums())
        .where(condition)
        .group_by(S.month, S.office_id, S.checklist_key)
    )
    columns = ["month", "office_id", "checklist_key", *MEASURES]
    db.session.execute(insert(OfficeMonth).from_select(columns, query))


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
