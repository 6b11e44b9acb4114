"""An answer edit from the phone's outbox (the answers endpoint, when the body has "edit")."""

from flask import jsonify
from flask_babel import gettext as _
from flask_login import current_user

from sidak.services.inspections.drafts import AnswerInput
from sidak.services.inspections.errors import InspectionError
from sidak.services.sync.answers import EditRequest, apply_edit
from sidak.web.inspections.access import viewable
from sidak.web.sync.responses import failure, invalid


def put_answer_edit(key: str, item_id: str, body: dict, answer: AnswerInput):
    """200 {edit, saved_at, applied}; 409 conflict or stale (with the server's answer)."""
    inspection = viewable(key)
    edit, base = body.get("edit"), body.get("base")
    if not isinstance(edit, str) or not (base is None or isinstance(base, str)):
        return invalid(_("'edit' harus UUID; 'base' harus UUID atau null."))
    try:
        applied = apply_edit(current_user, inspection, item_id, EditRequest(edit, base, answer))
    except InspectionError as exc:
        return failure(exc)
    return jsonify(
        edit=applied.edit, saved_at=applied.saved_at.isoformat(), applied=applied.applied
    )
