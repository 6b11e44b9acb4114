"""The checklist catalogue: what each checklist asks, as the inspectors will see it."""

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from sidak.domain.categories import CATEGORIES
from sidak.models import ChecklistRecord, ChecklistVersion, db
from sidak.services import audit
from sidak.services.checklists import checklist_of, current_checklists, sync_folder
from sidak.services.permissions import can_manage

bp = Blueprint("checklists", __name__)


@bp.get("/")
def home():
    return redirect(url_for("inspections.index"))


@bp.get("/daftar-periksa")
@login_required
def index():
    records = current_checklists()
    entries = [(record, checklist_of(record.current_version)) for record in records]
    return render_template(
        "checklists/index.html", entries=entries, may_sync=can_manage(current_user)
    )


@bp.post("/daftar-periksa/sinkron")
@login_required
def sync():
    """Register the files of the checklists folder as versions (admins only)."""
    if not can_manage(current_user):
        abort(403)
    report = sync_folder(current_app.config["CHECKLISTS_DIR"])
    audit.record(
        "checklists.sync",
        registered=report.registered,
        retired=report.retired,
        problems=len(report.problems),
    )
    db.session.commit()
    if report.problems:
        flash(
            _("Ada berkas yang salah; versi yang berlaku tidak diubah untuk berkas itu."), "error"
        )
        for line in report.problems[:20]:
            flash(line, "error")
    flash(
        _(
            "%(new)d versi baru, %(same)d tidak berubah, %(retired)d tidak dipakai lagi.",
            new=len(report.registered),
            same=len(report.unchanged),
            retired=len(report.retired),
        ),
        "info",
    )
    return redirect(url_for("checklists.index"))


@bp.get("/daftar-periksa/<key>")
@login_required
def detail(key: str):
    record = db.first_or_404(select(ChecklistRecord).where(ChecklistRecord.key == key))
    version = record.current_version
    wanted = request.args.get("versi")
    if wanted:
        version = db.session.scalar(
            select(ChecklistVersion).where(
                ChecklistVersion.checklist_id == record.id,
                ChecklistVersion.content_hash.startswith(wanted[:64]),
            )
        )
    if version is None:
        abort(404)
    return render_template(
        "checklists/detail.html",
        record=record,
        version=version,
        checklist=checklist_of(version),
        categories=CATEGORIES,
    )
