"""Downloads of the dashboard's lists with the current filter: CSV and XLSX, streamed."""

from flask import Response, abort, request, stream_with_context
from flask_babel import get_locale
from flask_login import current_user

from sidak.services.analytics import export_files, exports
from sidak.services.analytics.dashboard import current_bands
from sidak.services.sanctions.ladder import city_today
from sidak.web.dashboard import bp
from sidak.web.dashboard.forms import ListForm, read_drill, read_filter

MIMETYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@bp.get("/ekspor/<kind>.<fmt>")
def export(kind: str, fmt: str):
    if kind not in exports.KINDS or fmt not in exports.FORMATS:
        abort(404)
    form = ListForm(formdata=request.args)
    today = city_today()
    f = read_filter(form, today)
    drill = read_drill(form)
    exports.record_export(current_user, kind, fmt, dict(request.args))
    lang = str(get_locale() or "id")
    columns, rows = exports.rows_of(kind, f, drill, current_bands(), lang, today)
    period = f"{f.date_from.isoformat() if f.date_from else 'awal'}_{f.date_to.isoformat()}"
    name = f"sidak-{kind}-{period}.{fmt}"
    if fmt == "csv":
        body = export_files.csv_chunks(columns, rows)
    else:
        body = export_files.file_chunks(export_files.xlsx_file(columns, rows, kind))
    response = Response(stream_with_context(body), mimetype=MIMETYPES[fmt])
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["Cache-Control"] = "private, no-store"
    return response
