"""PDF downloads, the public verification page, and the city's recap jobs."""

import io

from flask import (
    Blueprint,
    abort,
    make_response,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_login import current_user, login_required

from sidak.domain.documents import display_code, normalize_code
from sidak.models import Sanction, db
from sidak.services.inspections.evidence import file_store
from sidak.services.permissions import can_view_sanction
from sidak.services.reports.archive import ReportFile, inspection_report_file
from sidak.services.reports.sanction_letter import NoLetter, letter_file
from sidak.services.reports.verification import verify_code
from sidak.web.inspections.access import viewable

bp = Blueprint("reports", __name__)


def send_report(report: ReportFile, *, download: bool = False):
    """A PDF with its SHA-256 as ETag; a stored one is sent straight from disk."""
    source = file_store().path(report.key) if report.key else io.BytesIO(report.data or b"")
    response = send_file(
        source,
        mimetype="application/pdf",
        as_attachment=download,
        download_name=report.filename,
        etag=report.sha256,
        conditional=True,
        max_age=0,
    )
    response.headers["Cache-Control"] = "private, no-cache"
    response.headers["X-Content-SHA256"] = report.sha256
    return response


@bp.get("/inspeksi/<key>/berita-acara.pdf")
@login_required
def inspection_pdf(key: str):
    inspection = viewable(key)
    return send_report(
        inspection_report_file(inspection), download=request.args.get("unduh") == "1"
    )


@bp.get("/sanksi/<int:sanction_id>/surat.pdf")
@login_required
def sanction_letter(sanction_id: int):
    sanction = db.get_or_404(Sanction, sanction_id)
    if not can_view_sanction(current_user, sanction):
        abort(403)
    try:
        letter = letter_file(sanction, request.args.get("lang"))
    except NoLetter:
        abort(404)  # proposed or waived: no letter was ever sent
    response = send_report(letter, download=request.args.get("unduh") == "1")
    disposition = "attachment" if request.args.get("unduh") == "1" else "inline"
    response.headers["Content-Disposition"] = f'{disposition}; filename="{letter.filename}"'
    return response


@bp.get("/verifikasi")
def verify_form():
    typed = request.args.get("kode", "").strip()
    if typed:
        code = normalize_code(typed)
        if code:
            return redirect(url_for("reports.verify", code=code))
    status = 422 if typed else 200
    return _public(render_template("reports/verify.html", typed=typed, result=None), status)


@bp.get("/verifikasi/<code>")
def verify(code: str):
    result = verify_code(code)
    if result is None:
        status = 404
        page = render_template("reports/verify.html", typed=code, result=None, unknown=True)
    else:
        status = 200
        normalized = normalize_code(code) or code
        page = render_template("reports/verify.html", result=result, code=display_code(normalized))
    return _public(page, status)


def _public(page: str, status: int):
    """Anyone may open it, search engines should not list it, and nothing caches it."""
    response = make_response(page, status)
    response.headers["X-Robots-Tag"] = "noindex"
    response.headers["Cache-Control"] = "no-store"
    return response
