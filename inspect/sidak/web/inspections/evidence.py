"""Photo uploads, photo and signature images (only for people who may see the inspection)."""

from datetime import datetime

from flask import abort, flash, jsonify, redirect, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from sidak.ids import parse_id
from sidak.models import Photo, ReplyPhoto, Signature, SignerRole, db
from sidak.services.inspections.errors import InspectionError
from sidak.services.inspections.evidence import add_photo, file_store, remove_photo, sign
from sidak.services.permissions import can_view_inspection, can_view_office
from sidak.web.inspections import bp
from sidak.web.inspections.access import editable


def _time(text: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")) if text else None
    except ValueError:
        return None


def _wants_json() -> bool:
    return request.accept_mimetypes.best == "application/json"


@bp.post("/inspeksi/<key>/foto")
@login_required
def upload_photo(key: str):
    inspection = editable(key)
    upload = request.files.get("foto")
    item_id = request.form.get("butir", "")
    back = request.form.get("kembali", "")
    if not back.startswith("/inspeksi/"):  # only back into this app
        back = url_for("inspections.summary", key=key)
    try:
        if upload is None or not upload.filename:
            raise InspectionError(_("Pilih foto terlebih dahulu."))
        photo, created = add_photo(
            current_user,
            inspection,
            request.form.get("uuid", ""),
            item_id,
            upload.read(),
            taken_at=_time(request.form.get("diambil")),
        )
    except InspectionError as exc:
        if _wants_json():
            return jsonify(error=exc.message), exc.status
        flash(exc.message, "error")
        return redirect(back)
    if _wants_json():
        body = {
            "uuid": photo.uuid,
            "item": photo.item_id,
            "thumbnail": url_for("inspections.photo", photo_uuid=photo.uuid, ukuran="kecil"),
            "sha256": photo.sha256,
        }
        return jsonify(body), 201 if created else 200
    return redirect(back)


@bp.post("/inspeksi/<key>/foto/<photo_uuid>/hapus")
@login_required
def delete_photo(key: str, photo_uuid: str):
    inspection = editable(key)
    photo = db.session.scalar(
        select(Photo).where(Photo.uuid == photo_uuid, Photo.inspection_id == inspection.id)
    )
    if photo is None:
        abort(404)
    remove_photo(current_user, photo)
    if _wants_json():
        return "", 204
    back = request.form.get("kembali", "")
    if not back.startswith("/inspeksi/"):  # only back into this app
        back = url_for("inspections.summary", key=key)
    return redirect(back)


@bp.get("/foto/<photo_uuid>")
@login_required
def photo(photo_uuid: str):
    record = db.session.scalar(select(Photo).where(Photo.uuid == photo_uuid))
    if record is None:
        abort(404)
    if not can_view_inspection(current_user, record.inspection):
        abort(403)
    key = record.thumb_key if request.args.get("ukuran") == "kecil" else record.storage_key
    return _send(key, record.content_type)


@bp.get("/bukti-perbaikan/<photo_uuid>")
@login_required
def reply_photo(photo_uuid: str):
    """A photo an office sent as evidence of correction."""
    record = db.session.scalar(select(ReplyPhoto).where(ReplyPhoto.uuid == photo_uuid))
    if record is None:
        abort(404)
    if not can_view_office(current_user, record.reply.action.office):
        abort(403)
    key = record.thumb_key if request.args.get("ukuran") == "kecil" else record.storage_key
    return _send(key, record.content_type)


@bp.get("/tanda-tangan/<int:signature_id>")
@login_required
def signature_image(signature_id: int):
    signature = db.get_or_404(Signature, signature_id)
    if not can_view_inspection(current_user, signature.inspection) or not signature.image_key:
        abort(404)
    return _send(signature.image_key, "image/png")


def _send(key: str, mimetype: str):
    try:
        path = file_store().path(key)
    except KeyError:
        abort(404)
    response = send_file(path, mimetype=mimetype, max_age=3600)
    response.headers["Cache-Control"] = "private, max-age=3600"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@bp.post("/inspeksi/<key>/tanda-tangan")
@login_required
def add_signature(key: str):
    inspection = editable(key)
    form = request.form
    try:
        role = SignerRole(form.get("peran", ""))
        member = parse_id(form.get("anggota"))
        sign(
            current_user,
            inspection,
            role,
            member_id=member,
            name=form.get("nama", ""),
            image_data_url=form.get("gambar"),
            refused=form.get("menolak") == "1",
            witness=form.get("saksi", ""),
        )
    except ValueError as exc:
        message = (
            exc.message
            if isinstance(exc, InspectionError)
            else _("Peran penanda tangan tidak sah.")
        )
        if _wants_json():
            return jsonify(error=message), getattr(exc, "status", 400)
        flash(message, "error")
    else:
        if _wants_json():
            return jsonify(saved=True), 200
    return redirect(url_for("inspections.summary", key=key) + "#tanda-tangan")
