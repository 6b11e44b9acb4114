"""The office's replies to corrective actions and the city's verdicts on them."""

import uuid as uuidlib
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import gettext as _

from sidak.domain.sanctions.lifecycle import ActionState, action_state
from sidak.media.images import ImageRejected, process_photo
from sidak.models import ActionReply, CorrectiveAction, ReplyKind, ReplyPhoto, User, db, utcnow
from sidak.services import audit, links, notifications
from sidak.services.inspections.errors import InspectionError, NotAllowed
from sidak.services.inspections.evidence import (
    commit_or_clean,
    file_store,
    refusal_message,
    stored_image,
)
from sidak.services.permissions import can_answer_for, can_decide_sanctions
from sidak.services.sanctions.followups import refresh_sanction, settle_if_closed
from sidak.services.sanctions.ladder import city_today

MAX_PHOTOS = 6
#: an action the office may still answer
ANSWERABLE = (ActionState.OPEN, ActionState.OVERDUE)


def reply(
    user: User, action: CorrectiveAction, kind: str, note: str, photos: list[bytes] = ()
) -> ActionReply:
    """Evidence of correction (a note or photos) or an objection (reasons, before the
    deadline). Every photo is checked before anything is stored; commits."""
    if not can_answer_for(user, action.office_id):
        raise NotAllowed(_("Hanya kepala kantor ini yang dapat menanggapi temuan ini."))
    if ActionState(action.status) not in ANSWERABLE:
        raise InspectionError(_("Temuan ini sedang diperiksa atau sudah selesai."))
    note = (note or "").strip()
    photos = [p for p in photos if p]
    if kind == ReplyKind.OBJECTION:
        if not note:
            raise InspectionError(_("Tulis alasan keberatan."))
        if action_state(action.status, action.due_date, city_today()) is ActionState.OVERDUE:
            raise InspectionError(
                _("Batas waktu sudah lewat; keberatan tidak dapat diajukan lagi.")
            )
    elif kind == ReplyKind.EVIDENCE:
        if not note and not photos:
            raise InspectionError(_("Kirim foto bukti perbaikan atau tulis keterangannya."))
    else:
        raise InspectionError(_("Pilih jenis tanggapan."))
    if len(photos) > MAX_PHOTOS:
        raise InspectionError(_("Paling banyak %(n)d foto per tanggapan.", n=MAX_PHOTOS))
    images = [_checked(data) for data in photos]
    answer = ActionReply(action=action, kind=kind, note=note[:4000], created_by_id=user.id)
    db.session.add(answer)
    store, keys = file_store(), []
    for image in images:
        photo = ReplyPhoto(
            uuid=str(uuidlib.uuid4()),
            reply=answer,
            **stored_image(store, image),
            captured_at=image.captured_at,
        )
        keys += [photo.storage_key, photo.thumb_key]
        db.session.add(photo)
    action.status = ActionState.REPLIED if kind == ReplyKind.EVIDENCE else ActionState.OBJECTED
    db.session.flush()
    audit.record(
        "action.reply",
        user=user,
        object_type="action",
        object_id=action.id,
        kind=kind,
        photos=len(images),
    )
    notifications.notify(
        notifications.city_recipients(),
        "reply.received",
        {"office": action.office.name, "question": action.question, "kind": kind},
        links.path("sanctions.action", action_id=action.id),
    )
    commit_or_clean(store, *keys)
    return answer


def judge(user: User, answer: ActionReply, accept: bool, reason: str = "") -> ActionReply:
    """Accept or reject a reply; a rejection needs a reason. Commits."""
    if not can_decide_sanctions(user):
        raise NotAllowed(_("Hanya pemerintah kota yang menilai tanggapan kantor."))
    if answer.verdict is not None:
        raise InspectionError(_("Tanggapan ini sudah dinilai."))
    reason = (reason or "").strip()
    if not accept and not reason:
        raise InspectionError(_("Tulis alasan menolak tanggapan."))
    action = answer.action
    answer.verdict = "accepted" if accept else "rejected"
    answer.verdict_reason = reason
    answer.decided_by_id = user.id
    answer.decided_at = utcnow()
    if not accept:
        action.status = ActionState.OPEN
    elif answer.kind == ReplyKind.EVIDENCE:
        action.status = ActionState.CORRECTED
    else:
        action.status = ActionState.WITHDRAWN
        action.closed_at = utcnow()
    refresh_sanction(action.inspection)
    settle_if_closed(action.inspection)
    audit.record(
        "action.judge",
        user=user,
        object_type="action",
        object_id=action.id,
        reply=answer.id,
        verdict=answer.verdict,
        reason=reason,
    )
    notifications.notify(
        notifications.office_recipients(action.office),
        "reply.decided",
        {"office": action.office.name, "question": action.question, "verdict": answer.verdict},
        links.path("portal.action", action_id=action.id),
    )
    db.session.commit()
    return answer


def _checked(data: bytes):
    try:
        return process_photo(
            data,
            max_side=current_app.config["PHOTO_MAX_SIDE"],
            local_zone=ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"]),
        )
    except ImageRejected as exc:
        raise InspectionError(refusal_message(exc)) from exc
