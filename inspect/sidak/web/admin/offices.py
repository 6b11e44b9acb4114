"""Admin pages for offices: list, search, create, edit, (de)activate, import from CSV."""

from pathlib import PurePath

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from sidak.models import Office, OfficeType, db
from sidak.services.office_import import import_offices
from sidak.services.offices import (
    OfficeInvalid,
    create_office,
    find_offices,
    set_office_active,
    update_office,
)
from sidak.web.admin.forms import OfficeForm, OfficeImportForm
from sidak.web.paging import requested_page

bp = Blueprint("offices", __name__, url_prefix="/kantor")


@bp.get("")
def index():
    search = request.args.get("q", "")
    office_type = request.args.get("jenis", "")
    page = find_offices(search, office_type, requested_page())
    return render_template(
        "admin/offices.html", page=page, search=search, office_type=office_type, types=OfficeType
    )


@bp.route("/baru", methods=["GET", "POST"])
def new():
    form = OfficeForm()
    if form.validate_on_submit():
        try:
            office = create_office(form.values())
        except OfficeInvalid as exc:
            form.show_problems(exc.problems)
        else:
            flash(_("Kantor '%(name)s' ditambahkan.", name=office.name), "info")
            return redirect(url_for(".index"))
    return _form_page(form, None)


@bp.route("/<int:office_id>", methods=["GET", "POST"])
def edit(office_id: int):
    office = db.get_or_404(Office, office_id)
    form = OfficeForm(obj=office)
    if form.validate_on_submit():
        try:
            changes = update_office(office, form.values())
        except OfficeInvalid as exc:
            form.show_problems(exc.problems)
        else:
            message = _("Perubahan disimpan.") if changes else _("Tidak ada yang berubah.")
            flash(message, "info")
            return redirect(url_for(".edit", office_id=office.id))
    return _form_page(form, office)


def _form_page(form: OfficeForm, office: Office | None):
    page = render_template("admin/office_form.html", form=form, office=office)
    return page, 422 if form.errors else 200


@bp.post("/<int:office_id>/status")
def status(office_id: int):
    office = db.get_or_404(Office, office_id)
    active = request.form.get("active") == "1"
    set_office_active(office, active)
    if active:
        flash(_("Kantor '%(name)s' diaktifkan kembali.", name=office.name), "info")
    else:
        flash(_("Kantor '%(name)s' dinonaktifkan.", name=office.name), "info")
    return redirect(url_for(".edit", office_id=office.id))


@bp.route("/impor", methods=["GET", "POST"])
def import_csv():
    form = OfficeImportForm()
    report = None
    if form.validate_on_submit():
        upload = form.file.data
        report = import_offices(upload.read(), PurePath(upload.filename or "").name or "impor.csv")
        if report.ok:
            flash(
                _(
                    "Impor selesai: %(created)d kantor baru, %(updated)d diperbarui, "
                    "%(unchanged)d tidak berubah.",
                    created=report.created,
                    updated=report.updated,
                    unchanged=report.unchanged,
                ),
                "info",
            )
            return redirect(url_for(".index"))
    page = render_template("admin/office_import.html", form=form, report=report)
    return page, 422 if form.errors or report else 200
