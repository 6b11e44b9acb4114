"""Submitting (idempotent), finalizing (tamper-evident) and correcting records."""

import uuid as uuidlib
from dataclasses import dataclass

from flask_babel import gettext as _

from sidak.domain import integrity
from sidak.domain.preview import render_json
from sidak.models import (
    AnswerRecord,
    Inspection,
    InspectionStatus,
    Photo,
    SignerRole,
    TeamMember,
    User,
    db,
    utcnow,
)
from sidak.services import audit
from sidak.services.analytics import summaries
from sidak.services.checklists import checklist_of
from sidak.services.inspections.drafts import (
    AnswerInput,
    evaluate,
    missing_before_submit,
    save_answer,
)
from sidak.services.inspections.errors import Conflict, InspectionError, NotAllowed
from sidak.services.inspections.record import answer_state, canonical_record, evidence_state
from sidak.services.permissions import can_correct, can_edit_draft, can_finalize, is_on_team
from sidak.services.reports.identity import assign_identity
from sidak.services.sanctions import proposals


def submission_digest(inspection: Inspection, overlay: dict[str, AnswerInput] | None = None) -> str:
    """Hash of what a submission says: the answers (with `overlay` applied) and the evidence."""
    answers = answer_state(inspection)
    for item_id, given in (overlay or {}).items():
        old = answers.get(item_id, {})
        answers[item_id] = {
            "value": given.value or None,
            "observed": given.observed,
            "compliant": given.compliant,
            "number": given.number or None,
            "na": given.na,
            "note": (given.note if given.note is not None else old.get("note", "")).strip(),
        }
    return integrity.content_hash({"answers": answers, **evidence_state(inspection)})


def submit(
    user: User, inspection: Inspection, answers: dict[str, AnswerInput] | None = None
) -> tuple[Inspection, bool]:
    """Submit the draft, with `answers` applied first. True if this call submitted it.

    Sending the same submission again returns the same record; other content for an
    already submitted inspection raises Conflict and changes nothing.
    """
    if not is_on_team(user, inspection):
        raise NotAllowed(_("Inspeksi ini tidak dapat dikirim oleh Anda."))
    if inspection.status != InspectionStatus.DRAFT:
        if submission_digest(inspection, answers) == inspection.submission_hash:
            return inspection, False
        raise Conflict(
            _(
                "Inspeksi ini sudah dikirim dengan isi yang berbeda; "
                "data yang tersimpan tidak diubah."
            )
        )
    if not can_edit_draft(user, inspection):
        raise NotAllowed(_("Inspeksi ini tidak dapat dikirim oleh Anda."))
    for item_id, given in (answers or {}).items():
        save_answer(user, inspection, item_id, given)
    result = evaluate(inspection)
    missing = missing_before_submit(inspection, result) + missing_signatures(inspection)
    if missing:
        raise InspectionError(
            _("Inspeksi belum lengkap."),
            details=[f"{m.item_id or ''}: {m.message}" for m in missing],
        )
    now = utcnow()
    inspection.status = InspectionStatus.SUBMITTED
    inspection.submitted_at = inspection.ended_at = now
    inspection.score = result.total
    inspection.grade_id = result.grade.id if result.grade else None
    inspection.critical_failures = len(result.critical_failures)
    inspection.findings_count = len(result.findings)
    inspection.score_json = render_json(checklist_of(inspection.checklist_version), result)
    inspection.submission_hash = submission_digest(inspection)
    summaries.record(inspection, result)
    audit.record(
        "inspection.submit",
        user=user,
        object_type="inspection",
        object_id=inspection.uuid,
        score=str(result.total),
        grade=inspection.grade_id,
    )
    db.session.commit()
    return inspection, True


@dataclass(frozen=True)
class MissingSignature:
    section_index: int = 0
    item_id: str | None = None
    kind: str = "signature"
    message: str = ""  #: Indonesian, for API error details; pages say it from `name`
    name: str | None = None  #: the team member; None for the office's representative


def missing_signatures(inspection: Inspection) -> list[MissingSignature]:
    """The lead, every member and the office's representative (or a witnessed refusal)."""
    signed = {(s.role, s.team_member_id) for s in inspection.signatures}
    missing = []
    for member in inspection.team:
        role = SignerRole.LEAD if member.is_lead else SignerRole.MEMBER
        if (role, member.id) not in signed:
            missing.append(
                MissingSignature(message=f"Tanda tangan {member.name} belum ada", name=member.name)
            )
    if not any(s.role == SignerRole.REPRESENTATIVE for s in inspection.signatures):
        missing.append(MissingSignature(message="Tanda tangan perwakilan kantor belum ada"))
    return missing


def finalize(user: User, inspection: Inspection) -> Inspection:
    """Freeze the record: store its canonical content and that content's SHA-256; commit."""
    if not can_finalize(user, inspection):
        raise NotAllowed(_("Hanya ketua tim yang dapat memfinalkan inspeksi yang sudah dikirim."))
    inspection.finalized_at = utcnow()
    inspection.finalized_by_id = user.id
    db.session.flush()
    db.session.refresh(inspection, ["finalized_by"])
    assign_identity(inspection)
    record = canonical_record(inspection)
    inspection.canonical_json = integrity.canonical_bytes(record).decode("utf-8")
    inspection.content_hash = integrity.content_hash(record)
    inspection.status = InspectionStatus.FINALIZED
    summaries.mark_finalized(inspection)
    audit.record(
        "inspection.finalize",
        user=user,
        object_type="inspection",
        object_id=inspection.uuid,
        content_hash=inspection.content_hash,
        number=inspection.report_number,
    )
    proposals.on_finalized(user, inspection, evaluate(inspection))
    db.session.commit()
    return inspection


def start_correction(user: User, inspection: Inspection, reason: str) -> Inspection:
    """A new draft version linked to the finalized record, which stays as it is; commit."""
    if not can_correct(user, inspection):
        raise NotAllowed(_("Hanya ketua tim yang dapat mengoreksi inspeksi yang sudah final."))
    if not reason.strip():
        raise InspectionError(_("Tulis alasan koreksi."))
    draft = Inspection(
        uuid=str(uuidlib.uuid4()),
        office_id=inspection.office_id,
        checklist_version_id=inspection.checklist_version_id,
        created_by_id=user.id,
        started_at=inspection.started_at,
        latitude=inspection.latitude,
        longitude=inspection.longitude,
        accuracy_m=inspection.accuracy_m,
        location_declined=inspection.location_declined,
        version=inspection.version + 1,
        supersedes=inspection,
        correction_reason=reason.strip(),
    )
    db.session.add(draft)
    draft.team = [
        TeamMember(
            user_id=m.user_id, name=m.name, agency=m.agency, is_lead=m.is_lead, position=m.position
        )
        for m in inspection.team
    ]
    draft.answers = [_copy_answer(r) for r in inspection.answers]
    draft.photos = [_copy_photo(p) for p in inspection.photos]
    audit.record(
        "inspection.correct",
        user=user,
        object_type="inspection",
        object_id=inspection.uuid,
        correction=draft.uuid,
        reason=reason.strip(),
    )
    db.session.commit()
    return draft


def _copy_answer(record: AnswerRecord) -> AnswerRecord:
    return AnswerRecord(
        item_id=record.item_id,
        value=record.value,
        observed=record.observed,
        compliant=record.compliant,
        number=record.number,
        na=record.na,
        note=record.note,
        updated_by_id=record.updated_by_id,
    )


def _copy_photo(photo: Photo) -> Photo:
    """The same stored file, a new identity: photos are never rewritten."""
    return Photo(
        uuid=str(uuidlib.uuid4()),
        item_id=photo.item_id,
        sha256=photo.sha256,
        storage_key=photo.storage_key,
        thumb_key=photo.thumb_key,
        print_key=photo.print_key,
        content_type=photo.content_type,
        width=photo.width,
        height=photo.height,
        size_bytes=photo.size_bytes,
        captured_at=photo.captured_at,
        uploaded_by_id=photo.uploaded_by_id,
        caption=photo.caption,
    )
