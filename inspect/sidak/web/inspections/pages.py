"""The pages an inspector walks through, each working without JavaScript too."""

import uuid

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from sidak.services.checklists import checklist_of
from sidak.services.inspections import listing, start, submission
from sidak.services.inspections.drafts import (
    evaluate,
    missing_before_submit,
    save_answer,
    section_progress,
)
from sidak.services.inspections.errors import InspectionError
from sidak.services.inspections.evidence import add_photo
from sidak.services.permissions import (
    can_correct,
    can_edit_draft,
    can_finalize,
    can_start_inspection,
    is_on_team,
)
from sidak.services.sanctions import followups
from sidak.services.sanctions.ladder import city_today
from sidak.web.inspections import bp
from sidak.web.inspections.access import editable, viewable
from sidak.web.inspections.forms import StartForm, section_answers, start_request
from sidak.web.inspections.sections import section_context


@bp.get("/inspeksi")
@login_required
def index():
    visits = followups.visits_by_office() if current_user.role == "inspector" else []
    return render_template(
        "inspections/index.html",
        visits=visits,
        today=city_today(),
        **listing.for_user(current_user),
    )


@bp.route("/inspeksi/baru", methods=["GET", "POST"])
@login_required
def new():
    if not can_start_inspection(current_user):
        abort(403)
    form = StartForm()
    choices = listing.start_choices(current_user)
    form.checklist.choices = choices.checklists
    form.lead.choices = choices.inspectors
    if request.method == "GET":
        form.lead.data = current_user.id
        form.office.data = request.args.get("kantor", "")
    if form.validate_on_submit():
        try:
            inspection, _created = start.start_inspection(
                current_user, start_request(form, request.form, choices)
            )
        except InspectionError as exc:
            form.office.errors = [*form.office.errors, exc.message]
        else:
            if inspection.follow_up_checks:
                return redirect(url_for("inspections.follow_up", key=inspection.uuid))
            return redirect(url_for("inspections.section", key=inspection.uuid, number=1))
    status = 422 if form.errors else 200
    return render_template("inspections/new.html", form=form, choices=choices), status


@bp.route("/inspeksi/<key>/bagian/<int:number>", methods=["GET", "POST"])
@login_required
def section(key: str, number: int):
    inspection = editable(key)
    checklist = checklist_of(inspection.checklist_version)
    if not 1 <= number <= len(checklist.sections):
        abort(404)
    errors: dict[str, str] = {}
    if request.method == "POST":
        item_ids = [item.id for item in checklist.sections[number - 1].items]
        for item_id, given in section_answers(request.form, checklist, item_ids).items():
            try:
                save_answer(current_user, inspection, item_id, given)
            except InspectionError as exc:
                errors[item_id] = exc.message
        errors.update(_save_uploads(inspection, item_ids))
        if not errors:
            return redirect(_after_section(inspection.uuid, number, len(checklist.sections)))
    context = section_context(inspection, checklist, number, errors, request.form)
    return render_template("inspections/section.html", **context), 422 if errors else 200


def _save_uploads(inspection, item_ids: list[str]) -> dict[str, str]:
    """Photos chosen in the form itself (the page without JavaScript uploads them this way)."""
    errors = {}
    for item_id in item_ids:
        for upload in request.files.getlist(f"foto-{item_id}"):
            if not upload or not upload.filename:
                continue
            try:
                add_photo(current_user, inspection, str(uuid.uuid4()), item_id, upload.read())
            except InspectionError as exc:
                errors[item_id] = exc.message
    return errors


def _after_section(key: str, number: int, total: int) -> str:
    jump = request.form.get("lompat", type=int)
    if jump is not None and 0 < jump <= total:
        return url_for("inspections.section", key=key, number=jump)
    if number < total:
        return url_for("inspections.section", key=key, number=number + 1)
    return url_for("inspections.summary", key=key)


@bp.get("/inspeksi/<key>/ringkasan")
@login_required
def summary(key: str):
    inspection = editable(key)
    checklist = checklist_of(inspection.checklist_version)
    result = evaluate(inspection)
    return render_template(
        "inspections/summary.html",
        inspection=inspection,
        checklist=checklist,
        result=result,
        progress=section_progress(inspection),
        missing=missing_before_submit(inspection, result),
        missing_signatures=submission.missing_signatures(inspection),
    )


@bp.post("/inspeksi/<key>/kirim")
@login_required
def submit(key: str):
    inspection = viewable(key)
    if not is_on_team(current_user, inspection):
        abort(403)
    try:
        submission.submit(current_user, inspection)
    except InspectionError as exc:
        # the summary lists what is missing in the user's language; `details` are Indonesian
        flash(exc.message, "error")
        return redirect(url_for("inspections.summary", key=key))
    flash(
        _("Inspeksi terkirim. Periksa hasilnya, lalu ketua tim memfinalkan berita acara."), "info"
    )
    return redirect(url_for("inspections.detail", key=key))


@bp.get("/inspeksi/<key>")
@login_required
def detail(key: str):
    inspection = viewable(key)
    if can_edit_draft(current_user, inspection):
        return redirect(url_for("inspections.summary", key=key))
    checklist = checklist_of(inspection.checklist_version)
    photos: dict[str, list] = {}
    for photo in inspection.photos:
        photos.setdefault(photo.item_id, []).append(photo)
    return render_template(
        "inspections/detail.html",
        inspection=inspection,
        checklist=checklist,
        result=evaluate(inspection),
        notes={r.item_id: r.note for r in inspection.answers},
        photos=photos,
        may_finalize=can_finalize(current_user, inspection),
        may_correct=can_correct(current_user, inspection),
    )


@bp.post("/inspeksi/<key>/final")
@login_required
def finalize(key: str):
    inspection = viewable(key)
    if not can_finalize(current_user, inspection):
        abort(403)
    try:
        submission.finalize(current_user, inspection)
    except InspectionError as exc:
        flash(exc.message, "error")
    else:
        flash(_("Berita acara final. Isinya tidak dapat diubah lagi."), "info")
    return redirect(url_for("inspections.detail", key=key))


@bp.post("/inspeksi/<key>/koreksi")
@login_required
def correct(key: str):
    inspection = viewable(key)
    if not can_correct(current_user, inspection):
        abort(403)
    try:
        draft = submission.start_correction(
            current_user, inspection, request.form.get("alasan", "")
        )
    except InspectionError as exc:
        flash(exc.message, "error")
        return redirect(url_for("inspections.detail", key=key))
    return redirect(url_for("inspections.section", key=draft.uuid, number=1))
