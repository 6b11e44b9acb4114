"""The mayor's dashboard (/dasbor), the lists behind its numbers, and the exports."""

from flask import Blueprint, abort
from flask_login import current_user, login_required

from sidak.models import Role

bp = Blueprint("dashboard", __name__, url_prefix="/dasbor")

READERS = (Role.CITY, Role.ADMIN)


@bp.before_request
@login_required
def _city_only():
    if current_user.role not in READERS:
        abort(403)


from sidak.web.dashboard import exports, pages  # noqa: E402, F401  (routes register on bp)
