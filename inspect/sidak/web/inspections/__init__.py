"""Inspections on a phone: start, fill section by section, evidence, sign, submit, finalize."""

from flask import Blueprint

bp = Blueprint("inspections", __name__)
api = Blueprint("inspections_api", __name__, url_prefix="/api/v1")

from sidak.web.inspections import api_routes, evidence, follow_up, pages  # noqa: E402, F401
