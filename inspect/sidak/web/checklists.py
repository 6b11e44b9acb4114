"""The checklist catalogue: what each checklist asks, as the inspectors will see it."""

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_login import login_required
from sqlalchemy import select

from sidak.domain.categories import CATEGORIES
from sidak.models import ChecklistRecord, ChecklistVersion, db
from sidak.services.checklists import checklist_of, current_checklists

bp = Blueprint("checklists", __name__)


@bp.get("/")
def home():
    return redirect(url_for("inspections.index"))


@bp.get("/daftar-periksa")
@login_required
def index():
    records = current_checklists()
    entries = [(record, checklist_of(record.current_version)) for record in records]
    return render_template("checklists/index.html", entries=entries)


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
