"""The sync endpoints: parse, call a service, answer JSON with a stable error code."""

from flask import abort, jsonify, request
from flask_babel import gettext as _
from flask_login import current_user, login_required

from sidak.api.openapi import document
from sidak.models import Inspection
from sidak.services.inspections.errors import InspectionError
from sidak.services.permissions import can_start_inspection, is_on_team
from sidak.services.sync import bootstrap, drafts, photos, signatures
from sidak.web.inspections.access import viewable
from sidak.web.sync import bp
from sidak.web.sync.parsing import chunk, photo_meta, signature_request, start_request
from sidak.web.sync.responses import HTTP_CODES, failure, http_error, invalid

# By status code: the app's own handlers for these codes would otherwise answer HTML.
for _status in HTTP_CODES.keys() - {401}:
    bp.register_error_handler(_status, http_error)


def _team_inspection(key: str) -> Inspection:
    """The inspection, for its team only (drafts stay with the team; so do their uploads)."""
    inspection = viewable(key)
    if not is_on_team(current_user, inspection):
        abort(403)
    return inspection


def _json_body() -> dict | None:
    body = request.get_json(silent=True)
    return body if isinstance(body, dict) else None


@bp.get("/openapi.json")
def openapi():
    return jsonify(document())


@bp.get("/field/session")
@login_required
def field_session():
    return jsonify(bootstrap.session_info(current_user))


@bp.get("/field/bootstrap")
@login_required
def field_bootstrap():
    if not can_start_inspection(current_user):
        return jsonify(error=_("Hanya inspektur yang bekerja di lapangan."), code="forbidden"), 403
    response = jsonify(bootstrap.field_bootstrap(current_user))
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.put("/inspections/<key>")
@login_required
def put_inspection(key: str):
    if not can_start_inspection(current_user):
        abort(403)
    body = _json_body()
    if body is None:
        return invalid(_("Isi permintaan harus JSON."))
    try:
        inspection, created = drafts.put_inspection(current_user, start_request(key, body))
    except InspectionError as exc:
        return failure(exc)
    return jsonify(bootstrap.draft_state(inspection)), 201 if created else 200


def _upload_body(state: photos.UploadState) -> dict:
    body = {"received": state.received, "complete": state.complete}
    if state.photo is not None:
        body |= {"uuid": state.photo.uuid, "item_id": state.photo.item_id}
        body["sha256"] = state.photo.sha256
    return body


@bp.get("/inspections/<key>/photos/<photo_uuid>")
@login_required
def photo_upload_state(key: str, photo_uuid: str):
    """Also answers HEAD: then only the Upload-Offset and Upload-Complete headers count."""
    inspection = _team_inspection(key)
    try:
        state = photos.upload_state(inspection, photo_uuid)
    except InspectionError as exc:
        return failure(exc)
    response = jsonify(_upload_body(state))
    response.headers["Upload-Offset"] = str(state.received)
    response.headers["Upload-Complete"] = "1" if state.complete else "0"
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.put("/inspections/<key>/photos/<photo_uuid>")
@login_required
def put_photo_chunk(key: str, photo_uuid: str):
    inspection = _team_inspection(key)
    try:
        part = chunk(request.headers.get("Content-Range"), request.get_data(cache=False))
        state, created = photos.receive_chunk(
            current_user, inspection, photo_uuid, photo_meta(request.args), part
        )
    except InspectionError as exc:
        return failure(exc)
    response = jsonify(_upload_body(state))
    response.headers["Upload-Offset"] = str(state.received)
    return response, 201 if created else 200


@bp.put("/inspections/<key>/signatures/<role>", defaults={"position": None})
@bp.put("/inspections/<key>/signatures/<role>/<int:position>")
@login_required
def put_signature(key: str, role: str, position: int | None):
    inspection = _team_inspection(key)
    body = _json_body()
    if body is None:
        return invalid(_("Isi permintaan harus JSON."))
    try:
        signature, created = signatures.put_signature(
            current_user, inspection, signature_request(role, position, body)
        )
    except InspectionError as exc:
        return failure(exc)
    body = {
        "role": signature.role,
        "member_position": position,
        "name": signature.signer_name,
        "refused": signature.refused,
        "sha256": signature.sha256,
        "signed_at": signature.signed_at.isoformat(),
    }
    return jsonify(body), 201 if created else 200
