"""The office head's portal (/kantor-saya): their office's records, deadlines and replies."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from sidak.models import CorrectiveAction, Office, ReplyKind, Role, db
from sidak.services.inspections.errors import InspectionError
from sidak.services.sanctions import pages, replies

bp = Blueprint("portal", __name__)


@bp.before_request
@login_required
def _office_heads_only():
    if current_user.role != Role.OFFICE_HEAD or current_user.office_id is None:
        abort(403)


@bp.get("/kantor-saya")
def index():
    office = db.get_or_404(Office, current_user.office_id)
    return render_template("portal/index.html", **pages.office_overview(office))


def _own_action(action_id: int) -> CorrectiveAction:
    action = db.get_or_404(CorrectiveAction, action_id)
    if action.office_id != current_user.office_id:
        abort(403)
    return action


@bp.route("/kantor-saya/tindakan/<int:action_id>", methods=["GET", "POST"])
def action(action_id: int):
    item = _own_action(action_id)
    error = None
    if request.method == "POST":
        kind = ReplyKind.OBJECTION if request.form.get("jenis") == "keberatan" else "evidence"
        photos = [f.read() for f in request.files.getlist("foto") if f and f.filename]
        try:
            replies.reply(current_user, item, kind, request.form.get("catatan", ""), photos)
        except InspectionError as exc:
            db.session.rollback()
            error = exc.message
        else:
            flash(_("Tanggapan terkirim ke pemerintah kota."), "info")
            return redirect(url_for(".action", action_id=action_id))
    return render_template(
        "portal/action.html",
        row=pages.action_row(item),
        before=pages.before_photos(item),
        error=error,
        form=request.form,
    ), (422 if error else 200)
