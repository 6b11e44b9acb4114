"""The canonical content of an inspection: what is hashed at submission and finalization."""

from decimal import Decimal

from sidak.models import Inspection


def _time(value) -> str | None:
    return value.isoformat() if value is not None else None


def _coordinate(value: float | None) -> str | None:
    return f"{value:.6f}" if value is not None else None


def answer_state(inspection: Inspection) -> dict[str, dict]:
    """Every stored answer with its note, by item id."""
    return {
        r.item_id: {
            "value": r.value,
            "observed": r.observed,
            "compliant": r.compliant,
            "number": r.number,
            "na": r.na,
            "note": r.note or "",
        }
        for r in inspection.answers
    }


def evidence_state(inspection: Inspection) -> dict[str, list]:
    """Photos and signatures as they identify themselves: ids and content hashes."""
    members = {m.id: m.position for m in inspection.team}
    return {
        "photos": sorted(
            (
                {
                    "uuid": p.uuid,
                    "item": p.item_id,
                    "sha256": p.sha256,
                    "captured_at": _time(p.captured_at),
                }
                for p in inspection.photos
            ),
            key=lambda photo: photo["uuid"],
        ),
        "signatures": sorted(
            (
                {
                    "role": s.role,
                    "member": members.get(s.team_member_id),
                    "name": s.signer_name,
                    "sha256": s.sha256,
                    "refused": s.refused,
                    "witness": s.witness_name,
                    "signed_at": _time(s.signed_at),
                }
                for s in inspection.signatures
            ),
            key=lambda sig: (sig["role"], sig["member"] if sig["member"] is not None else -1),
        ),
    }


def canonical_record(inspection: Inspection) -> dict:
    """Everything the official record says, in plain JSON types (no floats)."""
    score = inspection.score
    record = {
        "inspection": inspection.uuid,
        "version": inspection.version,
        "supersedes": inspection.supersedes.uuid if inspection.supersedes else None,
        "correction_reason": inspection.correction_reason or "",
        "office": {"id": inspection.office_id, "name": inspection.office.name},
        "checklist": {
            "key": inspection.checklist_version.checklist.key,
            "version": inspection.checklist_version.label,
            "content_hash": inspection.checklist_version.content_hash,
        },
        "team": [
            {
                "user": m.user.username if m.user else None,
                "name": m.name,
                "agency": m.agency,
                "lead": m.is_lead,
                "position": m.position,
            }
            for m in inspection.team
        ],
        "times": {
            "started": _time(inspection.started_at),
            "ended": _time(inspection.ended_at),
            "submitted": _time(inspection.submitted_at),
            "finalized": _time(inspection.finalized_at),
        },
        "finalized_by": inspection.finalized_by.username if inspection.finalized_by else None,
        "position": {
            "latitude": _coordinate(inspection.latitude),
            "longitude": _coordinate(inspection.longitude),
            "accuracy_m": _coordinate(inspection.accuracy_m),
            "declined": inspection.location_declined,
        },
        "answers": answer_state(inspection),
        **evidence_state(inspection),
        "result": {
            "score": str(Decimal(score).quantize(Decimal("0.1"))) if score is not None else None,
            "grade": inspection.grade_id,
            "critical_failures": inspection.critical_failures,
        },
    }
    marked = [c for c in inspection.follow_up_checks if c.result is not None]
    if marked:  # only follow-up visits carry this key: older records keep their hash
        record["follow_up"] = sorted(
            (
                {
                    "inspection": c.action.inspection.uuid,
                    "item": c.action.item_id,
                    "result": c.result,
                    "note": c.note or "",
                }
                for c in marked
            ),
            key=lambda entry: (entry["inspection"], entry["item"]),
        )
    return record
