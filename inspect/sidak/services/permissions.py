"""Who may see and change what. Every view asks here; nothing is decided in templates."""

from sidak.models import Inspection, InspectionStatus, Office, Role, Sanction, User


def can_view_office(user: User, office: Office) -> bool:
    if user.role == Role.OFFICE_HEAD:
        return user.office_id == office.id
    return True


def can_view_sanction(user: User, sanction: Sanction) -> bool:
    """Office heads read their own office's sanctions once the city decided them (a proposal
    is the city's to weigh); inspectors, the city and admins any."""
    if user.role == Role.OFFICE_HEAD:
        return user.office_id == sanction.office_id and sanction.status != "proposed"
    return True


def can_view_inspection(user: User, inspection: Inspection) -> bool:
    """Office heads see their own office's submitted records; drafts stay with the team."""
    if user.role == Role.OFFICE_HEAD:
        return (
            user.office_id == inspection.office_id and inspection.status != InspectionStatus.DRAFT
        )
    if user.role == Role.INSPECTOR and inspection.status == InspectionStatus.DRAFT:
        return is_on_team(user, inspection)
    return True


def is_on_team(user: User, inspection: Inspection) -> bool:
    return inspection.created_by_id == user.id or any(
        member.user_id == user.id for member in inspection.team
    )


def can_start_inspection(user: User) -> bool:
    return user.role == Role.INSPECTOR


def can_edit_draft(user: User, inspection: Inspection) -> bool:
    return (
        user.role == Role.INSPECTOR
        and inspection.status == InspectionStatus.DRAFT
        and is_on_team(user, inspection)
    )


def can_finalize(user: User, inspection: Inspection) -> bool:
    """Only the lead inspector finalizes, and only a submitted inspection."""
    lead = inspection.lead
    return (
        inspection.status == InspectionStatus.SUBMITTED
        and lead is not None
        and lead.user_id == user.id
    )


def can_correct(user: User, inspection: Inspection) -> bool:
    """A finalized record is corrected by its lead inspector, as a new linked version."""
    lead = inspection.lead
    return (
        inspection.status == InspectionStatus.FINALIZED
        and inspection.superseded_by is None
        and lead is not None
        and lead.user_id == user.id
    )


def can_manage(user: User) -> bool:
    """Users, offices and checklists."""
    return user.role == Role.ADMIN


def can_decide_sanctions(user: User) -> bool:
    """Issuing, waiving, judging replies and moving follow-ups: the mayor's office."""
    return user.role == Role.CITY


def can_answer_for(user: User, office_id: int) -> bool:
    """Replying to corrective actions: the office's own head."""
    return user.role == Role.OFFICE_HEAD and user.office_id == office_id
