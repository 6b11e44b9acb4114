"""What finalizing an inspection sets in motion: corrective actions, a proposed sanction,
the follow-up visit, and the notices. Runs inside `finalize`'s transaction (no commit).
"""

from sidak.domain.documents import add_working_days
from sidak.domain.sanctions import InspectionFacts, Ladder, Proposal, propose
from sidak.domain.sanctions.lifecycle import ACTION_CLOSED, ActionState, SanctionState
from sidak.domain.scoring.results import ScoreResult
from sidak.models import CorrectiveAction, Inspection, Sanction, User, db, utcnow
from sidak.services import audit, links, notifications
from sidak.services.checklists import checklist_of
from sidak.services.reports.letterhead import local_time
from sidak.services.sanctions import followups
from sidak.services.sanctions.ladder import current_ladder
from sidak.services.sanctions.records import actions_of, history, sanctions_of, visit_day

#: used when the ladder file is unusable: findings still get deadlines
FALLBACK_DAYS, FALLBACK_CRITICAL_DAYS, FALLBACK_FOLLOW_UP = 5, 1, 10


def on_finalized(user: User, inspection: Inspection, result: ScoreResult) -> Sanction | None:
    """Actions for the findings, the verdicts of a follow-up visit, and a sanction if due."""
    ladder = current_ladder()
    if inspection.supersedes is not None:
        _settle_superseded(user, inspection.supersedes)
    day = local_time(inspection.finalized_at or utcnow()).date()
    actions = _create_actions(inspection, result, ladder, day)
    followups.apply_checks(user, inspection, day, ladder)
    if actions:
        followups.schedule(inspection, max(a.due_date for a in actions), ladder)
    office_heads = notifications.office_recipients(inspection.office)
    link = links.path("inspections.detail", key=inspection.uuid)
    notifications.notify(
        office_heads,
        "report.finalized",
        {"office": inspection.office.name, "number": inspection.report_number or ""},
        link,
    )
    if ladder is None:
        return None
    proposal = propose(ladder, facts_of(inspection, result), history(ladder, inspection))
    if proposal is None:
        return None
    sanction = new_sanction(ladder, inspection, proposal)
    audit.record(
        "sanction.propose",
        user=user,
        object_type="sanction",
        object_id=sanction.id,
        inspection=inspection.uuid,
        level=sanction.level,
        reason=sanction.reason,
    )
    notifications.notify(
        notifications.city_recipients(),
        "sanction.proposed",
        {"office": inspection.office.name, "level": sanction.level_name},
        links.path("sanctions.detail", sanction_id=sanction.id),
    )
    return sanction


def facts_of(inspection: Inspection, result: ScoreResult) -> InspectionFacts:
    return InspectionFacts(
        on=visit_day(inspection),
        grade_id=result.grade.id if result.grade else None,
        score=result.total,
        failed_items=tuple(f.item_id for f in result.findings),
        critical_failed=tuple(result.critical_failures),
        grade_label=result.grade.label if result.grade else None,
    )


def new_sanction(
    ladder: Ladder,
    inspection: Inspection,
    proposal: Proposal,
    *,
    escalated_from: Sanction | None = None,
) -> Sanction:
    """A proposed sanction at the proposal's level, with the ladder's words copied in."""
    level = proposal.level
    sanction = Sanction(
        office_id=inspection.office_id,
        inspection=inspection,
        inspected_on=visit_day(inspection),
        status=SanctionState.PROPOSED,
        ladder=f"{ladder.id} {ladder.version}"[:100],
        proposed_level=level.id,
        ordinal=proposal.ordinal,
        reason=proposal.reason.id,
        reason_en=proposal.reason.get("en"),
        escalated_from=escalated_from,
        proposed_at=utcnow(),
    )
    copy_level(sanction, ladder, level.id)
    db.session.add(sanction)
    db.session.flush()
    return sanction


def copy_level(sanction: Sanction, ladder: Ladder, level_id: str) -> None:
    level = ladder.level(level_id)
    sanction.level = level.id
    sanction.level_name = level.name.id
    sanction.level_name_en = level.name.get("en")
    sanction.level_meaning = level.meaning.id
    sanction.level_meaning_en = level.meaning.get("en")
    sanction.rule = ladder.rule.id
    sanction.rule_en = ladder.rule.get("en")
    sanction.days = level.days


def _create_actions(
    inspection: Inspection, result: ScoreResult, ladder: Ladder | None, day
) -> list[CorrectiveAction]:
    checklist = checklist_of(inspection.checklist_version)
    days = ladder.action_days if ladder else FALLBACK_DAYS
    critical_days = ladder.critical_action_days if ladder else FALLBACK_CRITICAL_DAYS
    actions = []
    for finding in result.findings:
        item = checklist.item(finding.item_id)
        action = CorrectiveAction(
            inspection=inspection,
            office_id=inspection.office_id,
            inspected_on=visit_day(inspection),
            item_id=finding.item_id,
            question=item.question.id,
            question_en=item.question.get("en"),
            finding=finding.explanation.id,
            finding_en=finding.explanation.get("en"),
            critical=finding.critical,
            status=ActionState.OPEN,
            due_date=add_working_days(day, critical_days if finding.critical else days),
        )
        db.session.add(action)
        actions.append(action)
    db.session.flush()
    return actions


def _settle_superseded(user: User, old: Inspection) -> None:
    """A corrected record replaces the old one: its open actions and undecided sanction go."""
    for action in actions_of(old):
        if ActionState(action.status) not in ACTION_CLOSED:
            action.status = ActionState.WITHDRAWN
            action.closed_at = utcnow()
            audit.record(
                "action.withdraw",
                user=user,
                object_type="action",
                object_id=action.id,
                reason="berita acara dikoreksi",
            )
    for sanction in sanctions_of(old):
        if sanction.status == SanctionState.PROPOSED:
            sanction.status = SanctionState.WAIVED
            sanction.decision_reason = "Berita acara dikoreksi; usulan dihitung ulang."
            sanction.closed_at = utcnow()
            audit.record(
                "sanction.waive",
                user=user,
                object_type="sanction",
                object_id=sanction.id,
                reason=sanction.decision_reason,
            )
