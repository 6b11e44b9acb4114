"""The dashboard and the lists behind its numbers: parse the filter, ask a service, render."""

from urllib.parse import quote_plus, urlencode

from flask import render_template, request, url_for
from flask_babel import get_locale

from sidak.domain.analytics import panels
from sidak.domain.bands import band_for
from sidak.domain.sanctions.lifecycle import action_state, sanction_state
from sidak.models import Office, db
from sidak.models.office import OFFICE_TYPE_LABELS
from sidak.services.analytics import dashboard, lists
from sidak.services.analytics.queries import last_seen, tallies
from sidak.services.reports.recap import band_ranges
from sidak.services.sanctions.ladder import city_today
from sidak.web.dashboard import bp, figures
from sidak.web.dashboard.forms import (
    DRILL_ARGS,
    FilterForm,
    ListForm,
    filter_args,
    read_drill,
    read_filter,
)
from sidak.web.dashboard.paging import paginate

#: what werkzeug's url_for leaves unquoted in a query string, so links read the same
URL_SAFE = "!$'()*,/:;?@"


def _link_maker(f):
    """`link(endpoint, **drill)`: a URL carrying the current filter and a drill-down. The
    dashboard has hundreds: each endpoint's path is built once, the query string each time."""
    base = filter_args(f)
    paths: dict[str, str] = {}

    def link(endpoint: str, **drill) -> str:
        if endpoint not in paths:
            paths[endpoint] = url_for(endpoint)
        chosen = {k: v for k, v in drill.items() if v is not None}
        query = urlencode({**base, **chosen}, quote_via=quote_plus, safe=URL_SAFE)
        return f"{paths[endpoint]}?{query}" if query else paths[endpoint]

    return link


def _lang() -> str:
    return str(get_locale() or "id")


@bp.get("")
def index():
    form = FilterForm(formdata=request.args)
    f = read_filter(form, city_today())
    data = dashboard.build(f)
    return render_template(
        "dashboard/index.html",
        form=form,
        d=data,
        figures=figures.for_dashboard(data, _lang()),
        trend_labels=figures.trend_labels(data),
        band_ranges=band_ranges(_lang(), data.bands),
        district_label=str,
        type_label=lambda key: str(OFFICE_TYPE_LABELS.get(key, key)),
        link=_link_maker(f),
        args=filter_args(f),
        age_groups=panels.AGE_GROUPS,
    )


def _drill_args() -> dict:
    return {n: request.args[n] for n in DRILL_ARGS if request.args.get(n)}


def _common(form, f, drill, today) -> dict:
    """What every list page shows around its rows."""
    office = db.session.get(Office, drill.office_id) if drill.office_id else None
    return {
        "form": form,
        "f": f,
        "drill": drill,
        "today": today,
        "args": {**filter_args(f), **_drill_args()},
        "drill_args": _drill_args(),
        "filter_only": filter_args(f),
        "office_name": office.name if office else None,
        "age_groups": panels.AGE_GROUPS,
        "bands": dashboard.current_bands(),
        "link": _link_maker(f),
        "effective_sanction": lambda s: sanction_state(s.status, s.due_date, today),
        "effective_action": lambda a: action_state(a.status, a.due_date, today),
    }


def _list_page(template: str, query_of):
    form = ListForm(formdata=request.args)
    today = city_today()
    f = read_filter(form, today)
    drill = read_drill(form)
    page = paginate(query_of(f, drill, today))
    return render_template(template, page=page, **_common(form, f, drill, today))


@bp.get("/inspeksi")
def inspections():
    bands = dashboard.current_bands()
    return _list_page(
        "dashboard/inspections.html", lambda f, d, _today: lists.inspections(f, d, bands)
    )


@bp.get("/sanksi")
def sanctions():
    return _list_page("dashboard/sanctions.html", lists.sanctions)


@bp.get("/tindakan")
def actions():
    return _list_page("dashboard/actions.html", lists.actions)


@bp.get("/kantor")
def offices():
    form = ListForm(formdata=request.args)
    today = city_today()
    f = read_filter(form, today)
    drill = read_drill(form)
    context = _common(form, f, drill, today)
    infos = dashboard.office_infos(f)
    rows = panels.office_rows(infos, tallies(f, "office", categories=False))
    idle = None
    if request.args.get("belum"):
        idle = panels.idle_offices(infos, last_seen(f), f.date_to, f.idle_days)
    elif drill.band:
        bands = context["bands"]
        rows = [
            r for r in rows if getattr(band_for(r.tally.average, bands), "id", "") == drill.band
        ]
    return render_template("dashboard/offices.html", rows=rows, idle=idle, **context)
