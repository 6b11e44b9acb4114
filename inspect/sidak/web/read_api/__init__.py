"""The read API for the city's other systems (GET only): offices, inspections, sanctions."""

from flask import Blueprint

from sidak.extensions import limiter
from sidak.web import limits

bp = Blueprint("read_api", __name__, url_prefix="/api/v1")
# per integration token (or person): SIDAK_API_RATE_LIMIT
limiter.limit(limits.api_limit, key_func=limits.reader)(bp)

from sidak.web.read_api import routes  # noqa: E402, F401
