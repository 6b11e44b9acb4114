"""The follow-up page of an inspection: the office's earlier findings, each marked as
corrected or still open, with "after" photos. Works without JavaScript."""

import uuid

from flask import redirect, render_template, request, url_for
from flask_login import current_user, login_required

from sidak.models import db
from sidak.services.inspections.errors import InspectionError
from sidak.services.inspections.evidence import add_photo
from sidak.services.sanctions import followups, pages
from sidak.web.inspections import bp
from sidak.web.inspections.access import editable


@bp.route("/inspeksi/<key>/tindak-lanjut", methods=["GET", "POST"])
@login_required
def follow_up(key: str):
    inspection = editable(key)
    errors: dict[int, str] = {}
    if request.method == "POST":
        for check in inspection.follow_up_checks:
            field = f"hasil-{check.action_id}"
            result = request.form.get(field) or None
            try:
                followups.mark(
                    current_user,
                    inspection,
                    check.action_id,
                    result,
                    request.form.get(f"catatan-{check.action_id}", ""),
                )
                db.session.commit()
                for upload in request.files.getlist(f"foto-{check.action_id}"):
                    if upload and upload.filename:
                        add_photo(
                            current_user,
                            inspection,
                            str(uuid.uuid4()),
                            check.photo_item,
                            upload.read(),
                        )
            except InspectionError as exc:
                db.session.rollback()
                errors[check.action_id] = exc.message
        if not errors:
            return redirect(url_for("inspections.section", key=key, number=1))
    after: dict[str, list] = {}
    for photo in inspection.photos:
        after.setdefault(photo.item_id, []).append(photo)
    rows = [
        (check, pages.action_row(check.action), pages.before_photos(check.action))
        for check in inspection.follow_up_checks
    ]
    return render_template(
        "inspections/follow_up.html",
        inspection=inspection,
        rows=rows,
        after=after,
        errors=errors,
    ), (422 if errors else 200)
