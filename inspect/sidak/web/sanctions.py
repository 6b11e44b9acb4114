"""The mayor's office: proposed and open sanctions, decisions, replies to judge, follow-ups.

City users decide; administrators may read. Office heads use their portal instead.
"""

from datetime import date

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from sidak.models import ActionReply, CorrectiveAction, FollowUp, Role, Sanction, db
from sidak.services.inspections.errors import InspectionError
from sidak.services.permissions import can_decide_sanctions
from sidak.services.sanctions import decisions, followups, pages, replies

bp = Blueprint("sanctions", __name__)

READERS = (Role.CITY, Role.ADMIN)


@bp.before_request
@login_required
def _city_only():
    if current_user.role not in READERS:
        abort(403)
    if request.method == "POST" and not can_decide_sanctions(current_user):
        abort(403)


@bp.get("/sanksi")
def index():
    state = request.args.get("status", "")
    if state and state not in (*pages.SanctionState, "closed"):
        state = ""
    return render_template(
        "sanctions/index.html",
        rows=pages.sanction_list(state),
        state=state,
        counts=pages.state_counts(),
        replies=pages.pending_replies(),
        visits=followups.due_visits(limit=10),
    )


@bp.get("/sanksi/<int:sanction_id>")
def detail(sanction_id: int):
    sanction = db.get_or_404(Sanction, sanction_id)
    return render_template("sanctions/detail.html", **pages.sanction_page(sanction))


@bp.post("/sanksi/<int:sanction_id>/keputusan")
def decide(sanction_id: int):
    sanction = db.get_or_404(Sanction, sanction_id)
    choice = request.form.get("keputusan", "")
    reason = request.form.get("alasan", "")
    try:
        if choice == "usulan":
            decisions.issue(current_user, sanction)
        elif choice == "lain":
            decisions.issue(current_user, sanction, request.form.get("tingkat", ""), reason)
        elif choice == "batal":
            decisions.waive(current_user, sanction, reason)
        else:
            raise InspectionError(_("Pilih keputusan."))
    except InspectionError as exc:
        db.session.rollback()
        flash(exc.message, "error")
        return redirect(url_for(".detail", sanction_id=sanction_id) + "#keputusan")
    flash(_("Keputusan tersimpan."), "info")
    return redirect(url_for(".detail", sanction_id=sanction_id))


@bp.get("/tindakan/<int:action_id>")
def action(action_id: int):
    item = db.get_or_404(CorrectiveAction, action_id)
    return render_template(
        "sanctions/action.html",
        row=pages.action_row(item),
        before=pages.before_photos(item),
        may_judge=current_user.role == Role.CITY,
    )


@bp.post("/tindakan/<int:action_id>/tanggapan/<int:reply_id>")
def judge(action_id: int, reply_id: int):
    answer = db.get_or_404(ActionReply, reply_id)
    if answer.action_id != action_id:
        abort(404)
    accept = request.form.get("putusan") == "terima"
    try:
        replies.judge(current_user, answer, accept, request.form.get("alasan", ""))
    except InspectionError as exc:
        db.session.rollback()
        flash(exc.message, "error")
    else:
        flash(_("Tanggapan diterima.") if accept else _("Tanggapan ditolak."), "info")
    return redirect(url_for(".action", action_id=action_id))


@bp.get("/tindak-lanjut")
def visits():
    return render_template("sanctions/visits.html", visits=followups.due_visits(limit=200))


@bp.post("/tindak-lanjut/<int:follow_up_id>/jadwal")
def reschedule(follow_up_id: int):
    visit = db.get_or_404(FollowUp, follow_up_id)
    try:
        due = date.fromisoformat(request.form.get("tanggal", ""))
    except ValueError:
        flash(_("Tanggal tidak sah."), "error")
        return redirect(url_for(".visits"))
    try:
        followups.reschedule(current_user, visit, due, request.form.get("alasan", ""))
    except InspectionError as exc:
        db.session.rollback()
        flash(exc.message, "error")
    else:
        flash(_("Jadwal inspeksi lanjutan diubah."), "info")
    return redirect(url_for(".visits"))
