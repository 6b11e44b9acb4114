"""An office's history (/kantor/<id>): the city and inspectors see every office, an office
head only their own."""

from flask import Blueprint, abort, render_template
from flask_babel import format_date, get_locale
from flask_babel import gettext as _
from flask_login import current_user, login_required

from sidak import charts
from sidak.models import Office, db
from sidak.services.analytics import office_history
from sidak.services.analytics.dashboard import current_bands
from sidak.services.permissions import can_view_office, can_view_sanction
from sidak.services.reports.recap import SCORE_COLOR
from sidak.web.dashboard.paging import paginate

bp = Blueprint("office_pages", __name__)


@bp.get("/kantor/<int:office_id>")
@login_required
def history(office_id: int):
    office = db.get_or_404(Office, office_id)
    if not can_view_office(current_user, office):
        abort(403)
    data = office_history.history(office)
    # an office's head sees its sanctions once decided, as everywhere else
    data.sanctions[:] = [r for r in data.sanctions if can_view_sanction(current_user, r.sanction)]
    lang = str(get_locale() or "id")
    chart = None
    if any(point.tally.scored for point in data.months):
        chart = charts.trend_lines(
            [format_date(point.month, "MMM y") for point in data.months],
            [
                charts.Series(
                    _("Skor rata-rata"),
                    tuple(point.tally.average for point in data.months),
                    SCORE_COLOR,
                )
            ],
            lang=lang,
            width=360,
        )
    return render_template(
        "offices/history.html",
        h=data,
        page=paginate(office_history.timeline(office), per_page=25),
        trend_chart=chart,
        bands=current_bands(),
    )
