"""The read endpoints: who reads, the query string, a service call, JSON.

GET /api/v1/inspections/<key> shares its path with the phone's PUT (the sync blueprint);
the methods keep them apart.
"""

from flask import g, jsonify, request, url_for
from flask_babel import gettext as _

from sidak.services.links import absolute
from sidak.services.read_api import inspections, offices, sanctions
from sidak.services.read_api.paging import Page
from sidak.web.read_api import bp
from sidak.web.read_api.auth import Unauthorized, current_reader, unauthorized
from sidak.web.read_api.params import (
    INSPECTION_FILTERS,
    SANCTION_FILTERS,
    WINDOW,
    BadParameter,
    Params,
    inspection_filter,
    sanction_filter,
)
from sidak.web.sync.responses import HTTP_CODES, http_error

for _status in (*HTTP_CODES.keys() - {401}, 500):
    bp.register_error_handler(_status, http_error)
bp.register_error_handler(Unauthorized, unauthorized)


@bp.errorhandler(BadParameter)
def bad_parameter(exc: BadParameter):
    return jsonify(error=exc.message, code="invalid", parameter=exc.name), 400


@bp.before_request
def identify_the_reader():
    g.reader = current_reader()


@bp.after_request
def private(response):
    # what one token or person may read is not for a shared cache
    response.headers["Cache-Control"] = "private, no-store"
    response.vary.update(("Authorization", "Cookie"))
    return response


def _listing(page: Page):
    next_url = None
    if page.next_cursor is not None:
        args = {name: value for name, value in request.args.items() if name != "cursor"}
        next_url = absolute(url_for(request.endpoint, **args, cursor=page.next_cursor))
    response = jsonify(data=page.data, next=next_url)
    if next_url:
        response.headers["Link"] = f'<{next_url}>; rel="next"'
    return response


def _one(found: dict | None, missing: str):
    if found is None:
        return jsonify(error=missing, code="not_found"), 404
    return jsonify(found)


@bp.get("/offices")
def office_list():
    params = Params(request.args, WINDOW)
    return _listing(offices.office_page(g.reader, params.window()))


@bp.get("/offices/<int:office_id>")
def office(office_id: int):
    Params(request.args)
    return _one(offices.office_detail(g.reader, office_id), _("Kantor tidak ditemukan."))


@bp.get("/inspections")
def inspection_list():
    params = Params(request.args, (*WINDOW, *INSPECTION_FILTERS))
    page = inspections.inspection_page(g.reader, inspection_filter(params), params.window())
    return _listing(page)


@bp.get("/inspections/<key>")
def inspection(key: str):
    Params(request.args)
    found = inspections.inspection_detail(g.reader, key)
    return _one(found, _("Inspeksi tidak ditemukan."))


@bp.get("/sanctions")
def sanction_list():
    params = Params(request.args, (*WINDOW, *SANCTION_FILTERS))
    page = sanctions.sanction_page(g.reader, sanction_filter(params), params.window())
    return _listing(page)


@bp.get("/sanctions/<int:sanction_id>")
def sanction(sanction_id: int):
    Params(request.args)
    return _one(sanctions.sanction_detail(g.reader, sanction_id), _("Sanksi tidak ditemukan."))
