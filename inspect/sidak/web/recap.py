"""The city's recap: ask for one, watch it being rendered in the background, download it."""

from flask import Blueprint, abort, make_response, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from sidak.models import JobStatus, RecapJob, db
from sidak.services.reports import jobs, periods, recap
from sidak.services.reports.archive import ReportFile
from sidak.web.reports import send_report

bp = Blueprint("recap", __name__, url_prefix="/laporan/rekap")

#: the status page reloads itself this often (seconds) until the job ends
REFRESH_SECONDS = 2
FIELDS = ("bulan", "dari", "sampai", "bahasa")


@bp.before_request
@login_required
def city_and_admins_only():
    if not jobs.may_request_recaps(current_user):
        abort(403)


@bp.get("")
def index():
    today = recap.today()
    return _form_page({"bulan": periods.last_month(today), "bahasa": "id"})


@bp.post("")
def ask():
    values = {name: request.form.get(name, "").strip() for name in FIELDS}
    try:
        start, end = periods.choose_period(
            values["bulan"], values["dari"], values["sampai"], recap.today()
        )
        job = jobs.request_recap(current_user, start, end, values["bahasa"] or "id")
    except periods.RecapInvalid as exc:
        return _form_page(values, error=str(exc)), 422
    return redirect(url_for(".job", job_id=job.id))


def _form_page(values: dict, error: str | None = None) -> str:
    today = recap.today()
    return render_template(
        "recap/index.html",
        values=values,
        error=error,
        today=today.isoformat(),
        this_month=f"{today:%Y-%m}",
        recent=jobs.recent_jobs(),
        period_of=_period,
        stage_of=jobs.stage_text,
    )


@bp.get("/<int:job_id>")
def job(job_id: int):
    found = db.get_or_404(RecapJob, job_id)
    page = render_template(
        "recap/job.html",
        job=found,
        period=_period(found),
        stage=jobs.stage_text(found),
        ahead=jobs.queue_position(found),
        filename=jobs.filename_for(found),
        refresh=REFRESH_SECONDS,
    )
    response = make_response(page)
    if found.status in jobs.ACTIVE:
        # reload until the job ends: works without JavaScript, like <meta http-equiv=refresh>
        response.headers["Refresh"] = str(REFRESH_SECONDS)
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/<int:job_id>.json")
def job_state(job_id: int):
    found = db.get_or_404(RecapJob, job_id)
    done = found.status == JobStatus.DONE and found.report is not None
    return {
        "id": found.id,
        "status": found.status,
        "progress": found.progress,
        "stage": found.stage,
        "stage_text": jobs.stage_text(found),
        "error": found.error or None,
        "inspections": found.inspections,
        "pdf": url_for(".pdf", job_id=found.id) if done else None,
        "sha256": found.report.sha256 if done else None,
    }


@bp.get("/<int:job_id>/rekap.pdf")
def pdf(job_id: int):
    found = db.get_or_404(RecapJob, job_id)
    if found.status != JobStatus.DONE or found.report is None:
        abort(404)
    stored = found.report
    try:
        return send_report(
            ReportFile(jobs.filename_for(found), stored.sha256, key=stored.storage_key),
            download=request.args.get("unduh") == "1",
        )
    except KeyError:  # the row outlived its file (a restored database without the uploads)
        abort(404)


def _period(job: RecapJob) -> str:
    return recap.period_label(job.date_from, job.date_to)
