"""The read API for the city's other systems (GET only): offices, inspections, sanctions."""

from flask import Blueprint

bp = Blueprint("read_api", __name__, url_prefix="/api/v1")

from sidak.web.read_api import routes  # noqa: E402, F401
