"""The JSON the form page talks to: autosave one answer, submit the whole inspection."""

from flask import jsonify, request
from flask_babel import gettext as _
from flask_login import current_user, login_required

from sidak.models import db
from sidak.services.checklists import checklist_of
from sidak.services.inspections import submission
from sidak.services.inspections.drafts import (
    AnswerInput,
    evaluate,
    save_answer,
    section_progress,
)
from sidak.services.inspections.errors import InspectionError
from sidak.services.permissions import is_on_team
from sidak.services.sanctions import followups
from sidak.services.sync.photos import check_photos_arrived
from sidak.web.inspections import api
from sidak.web.inspections.access import editable, viewable
from sidak.web.sync.answers import put_answer_edit
from sidak.web.sync.responses import failure


def _answer_input(body: dict) -> AnswerInput:
    def whole(name: str) -> int | None:
        value = body.get(name)
        if value in (None, ""):
            return None
        if isinstance(value, bool) or not isinstance(value, int | str):
            return -1
        try:
            return int(value)
        except ValueError:
            return -1

    number = body.get("number")
    return AnswerInput(
        value=body.get("value") if isinstance(body.get("value"), str) else None,
        observed=whole("observed"),
        compliant=whole("compliant"),
        number=None if number in (None, "") else str(number),
        na=body.get("na") is True,
        note=body.get("note") if isinstance(body.get("note"), str) else None,
    )


@api.put("/inspections/<key>/answers/<item_id>")
@login_required
def put_answer(key: str, item_id: str):
    body = request.get_json(silent=True)
    if isinstance(body, dict) and "edit" in body:  # the offline phone's outbox
        return put_answer_edit(key, item_id, body, _answer_input(body))
    inspection = editable(key)
    if not isinstance(body, dict):
        return jsonify(error=_("Isi permintaan harus JSON.")), 400
    try:
        record = save_answer(current_user, inspection, item_id, _answer_input(body))
    except InspectionError as exc:
        return jsonify(error=exc.message, details=exc.details), exc.status
    result = evaluate(inspection)
    return jsonify(
        item=item_id,
        saved_at=record.updated_at.isoformat(),
        progress=section_progress(inspection),
        score=str(result.total) if result.total is not None else None,
        grade=result.grade.id if result.grade else None,
    )


@api.put("/inspections/<key>/follow-up/<int:action_id>")
@login_required
def put_follow_up(key: str, action_id: int):
    """The team's verdict on one of the office's earlier findings: corrected or still open."""
    inspection = editable(key)
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return jsonify(error=_("Isi permintaan harus JSON.")), 400
    result = body.get("result")
    note = body.get("note") if isinstance(body.get("note"), str) else ""
    try:
        check = followups.mark(current_user, inspection, action_id, result, note)
        db.session.commit()
    except InspectionError as exc:
        db.session.rollback()
        return jsonify(error=exc.message, details=exc.details), exc.status
    return jsonify(action_id=check.action_id, result=check.result, note=check.note)


@api.post("/inspections/<key>/submit")
@login_required
def submit(key: str):
    inspection = viewable(key)
    if not is_on_team(current_user, inspection):
        return jsonify(error=_("Inspeksi ini tidak dapat dikirim oleh Anda.")), 403
    body = request.get_json(silent=True) or {}
    given = body.get("answers", {})
    if not isinstance(given, dict) or not all(isinstance(v, dict) for v in given.values()):
        return jsonify(error=_("'answers' harus objek {butir: jawaban}.")), 400
    answers = {item_id: _answer_input(value) for item_id, value in given.items()}
    photos = body.get("photos")
    if photos is not None and not (
        isinstance(photos, list) and all(isinstance(p, str) for p in photos)
    ):
        return jsonify(error=_("'photos' harus daftar UUID foto."), code="invalid"), 400
    try:
        if photos:
            check_photos_arrived(inspection, photos)
        inspection, created = submission.submit(current_user, inspection, answers)
    except InspectionError as exc:
        return failure(exc)
    checklist = checklist_of(inspection.checklist_version)
    return (
        jsonify(
            uuid=inspection.uuid,
            status=inspection.status,
            checklist=checklist.id,
            score=str(inspection.score) if inspection.score is not None else None,
            grade=inspection.grade_id,
        ),
        201 if created else 200,
    )
