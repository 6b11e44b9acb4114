"""What each person sees in the inspection lists, and the choices for starting one."""

from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from sidak.models import (
    Inspection,
    InspectionStatus,
    Office,
    Role,
    TeamMember,
    User,
    db,
)
from sidak.services.checklists import checklist_of, current_checklists

RECENT = 30


def for_user(user: User) -> dict:
    """``drafts`` (the user's own team drafts) and ``recent`` (records the user may read)."""
    base = select(Inspection).options(
        selectinload(Inspection.office), selectinload(Inspection.team)
    )
    drafts: list[Inspection] = []
    if user.role == Role.INSPECTOR:
        mine = or_(
            Inspection.created_by_id == user.id,
            Inspection.id.in_(
                select(TeamMember.inspection_id).where(TeamMember.user_id == user.id)
            ),
        )
        drafts = list(
            db.session.scalars(
                base.where(Inspection.status == InspectionStatus.DRAFT, mine).order_by(
                    Inspection.updated_at.desc()
                )
            )
        )
    recent = base.where(Inspection.status != InspectionStatus.DRAFT)
    if user.role == Role.OFFICE_HEAD:
        recent = recent.where(Inspection.office_id == user.office_id)
    recent = recent.order_by(Inspection.submitted_at.desc()).limit(RECENT)
    return {"drafts": drafts, "recent": list(db.session.scalars(recent))}


@dataclass(frozen=True)
class StartChoices:
    offices: list[Office]
    checklists: list[tuple[str, str]]  #: (key, title)
    inspectors: list[tuple[int, str]]  #: (user id, "name — agency")


def start_choices(user: User) -> StartChoices:
    offices = list(
        db.session.scalars(select(Office).where(Office.active.is_(True)).order_by(Office.name))
    )
    checklists = [
        (record.key, checklist_of(record.current_version).title.id)
        for record in current_checklists()
    ]
    inspectors = db.session.scalars(
        select(User)
        .where(User.role == Role.INSPECTOR, User.active.is_(True))
        .order_by(User.full_name)
    )
    labels = [
        (u.id, f"{u.full_name} — {u.agency}" if u.agency else u.full_name) for u in inspectors
    ]
    return StartChoices(offices, checklists, labels)
