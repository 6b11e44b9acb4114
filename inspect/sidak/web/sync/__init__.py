"""The offline phone's JSON API: bootstrap, drafts, resumable photos, signatures, OpenAPI."""

from flask import Blueprint

bp = Blueprint("sync", __name__, url_prefix="/api/v1")

from sidak.web.sync import routes  # noqa: E402, F401
