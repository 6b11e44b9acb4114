"""What a phone caches to work offline: the person, checklists, offices, team, open drafts."""

import json

from flask_wtf.csrf import generate_csrf
from sqlalchemy import or_, select

from sidak.models import (
    ChecklistRecord,
    ChecklistVersion,
    Inspection,
    InspectionStatus,
    Office,
    PhotoUpload,
    Role,
    TeamMember,
    User,
    db,
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
        "offices": [
            {"id": o.id, "name": o.name, "district": o.district, "type": o.type}
            for o in db.session.scalars(
                select(Office).where(Office.active.is_(True)).order_by(Office.name)
            )
        ],
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
