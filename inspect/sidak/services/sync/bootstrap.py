"""What a phone caches to work offline: the person, checklists, offices, team, open drafts."""

import json

from flask_wtf.csrf import generate_csrf
from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from sidak.domain.sanctions.lifecycle import ACTION_CLOSED
from sidak.models import (
    ChecklistRecord,
    ChecklistVersion,
    CorrectiveAction,
    Inspection,
    InspectionStatus,
    Office,
    PhotoUpload,
    Role,
    TeamMember,
    User,
    db,
    follow_up_item,
)
from sidak.services.sync.answers import current_edits, stored_answer


def session_info(user: User) -> dict:
    """Who is logged in, and the CSRF token every change must carry (X-CSRFToken)."""
    return {
        "user": {"id": user.id, "username": user.username, "full_name": user.full_name},
        "csrf_token": generate_csrf(),
    }


def field_bootstrap(user: User) -> dict:
    """Everything an inspector's phone needs to start and fill inspections offline."""
    drafts = open_drafts(user)
    return {
        **session_info(user),
        "checklists": _checklists({d.checklist_version_id for d in drafts}),
        "offices": _offices(),
        "inspectors": [
            {"id": u.id, "full_name": u.full_name, "agency": u.agency}
            for u in db.session.scalars(
                select(User)
                .where(User.role == Role.INSPECTOR, User.active.is_(True))
                .order_by(User.full_name)
            )
        ],
        "drafts": [draft_state(d) for d in drafts],
    }


def _offices() -> list[dict]:
    """Active offices, each with its open findings: a follow-up visit checks them offline."""
    findings: dict[int, list[dict]] = {}
    for action in db.session.scalars(
        select(CorrectiveAction)
        .options(selectinload(CorrectiveAction.inspection))
        .where(CorrectiveAction.status.not_in([str(s) for s in ACTION_CLOSED]))
        .order_by(CorrectiveAction.due_date, CorrectiveAction.id)
    ):
        findings.setdefault(action.office_id, []).append(
            {
                "action_id": action.id,
                "item_id": action.item_id,
                "question": {"id": action.question, "en": action.question_en or None},
                "finding": {"id": action.finding, "en": action.finding_en or None},
                "critical": action.critical,
                "due": action.due_date.isoformat(),
                "found_on": action.inspection.started_at.isoformat(),
                "photo_item": follow_up_item(action.id),
            }
        )
    return [
        {
            "id": o.id,
            "name": o.name,
            "district": o.district,
            "type": o.type,
            "open_findings": findings.get(o.id, []),
        }
        for o in db.session.scalars(
            select(Office).where(Office.active.is_(True)).order_by(Office.name)
        )
    ]


def open_drafts(user: User) -> list[Inspection]:
    """The drafts of every team the person is on."""
    on_team = select(TeamMember.inspection_id).where(TeamMember.user_id == user.id)
    return list(
        db.session.scalars(
            select(Inspection)
            .where(
                Inspection.status == InspectionStatus.DRAFT,
                or_(Inspection.created_by_id == user.id, Inspection.id.in_(on_team)),
            )
            .order_by(Inspection.started_at)
        )
    )


def _checklists(used_by_drafts: set[int]) -> list[dict]:
    """The current version of every checklist in use, and any older one a draft was filled with."""
    current = select(ChecklistRecord.current_version_id).where(
        ChecklistRecord.retired.is_(False), ChecklistRecord.current_version_id.is_not(None)
    )
    versions = db.session.scalars(
        select(ChecklistVersion)
        .where(or_(ChecklistVersion.id.in_(current), ChecklistVersion.id.in_(used_by_drafts)))
        .order_by(ChecklistVersion.id)
    )
    current_ids = set(db.session.scalars(current))
    return [
        {
            "key": v.checklist.key,
            "content_hash": v.content_hash,
            "current": v.id in current_ids,
            "checklist": json.loads(v.canonical_json),
        }
        for v in versions
    ]


def draft_state(inspection: Inspection) -> dict:
    """A draft as the phone keeps it; `edit` is each answer's current edit for the next `base`."""
    edits = current_edits(inspection)
    uploaded = dict(
        db.session.execute(
            select(PhotoUpload.uuid, PhotoUpload.sha256).where(
                PhotoUpload.inspection_id == inspection.id
            )
        ).all()
    )
    positions = {m.id: m.position for m in inspection.team}
    return {
        "uuid": inspection.uuid,
        "status": inspection.status,
        "office_id": inspection.office_id,
        "checklist_hash": inspection.checklist_version.content_hash,
        "started_at": inspection.started_at.isoformat(),
        "created_by": inspection.created_by_id,
        "team": [
            {
                "user_id": m.user_id,
                "name": m.name,
                "agency": m.agency,
                "lead": m.is_lead,
                "position": m.position,
            }
            for m in inspection.team
        ],
        "answers": {
            r.item_id: {**stored_answer(r), "edit": edits.get(r.item_id)}
            for r in inspection.answers
        },
        "photos": [
            {
                "uuid": p.uuid,
                "item_id": p.item_id,
                "sha256": p.sha256,
                "uploaded_sha256": uploaded.get(p.uuid),
            }
            for p in inspection.photos
        ],
        "follow_up": [
            {"action_id": c.action_id, "result": c.result, "note": c.note}
            for c in inspection.follow_up_checks
        ],
        "signatures": [
            {
                "role": s.role,
                "member_position": positions.get(s.team_member_id),
                "name": s.signer_name,
                "refused": s.refused,
                "witness": s.witness_name,
                "sha256": s.sha256,
                "signed_at": s.signed_at.isoformat(),
            }
            for s in inspection.signatures
        ],
    }
