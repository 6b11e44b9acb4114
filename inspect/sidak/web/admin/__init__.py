"""Administration: offices, user accounts and integrations, for admins only."""

from flask import Blueprint, abort
from flask_login import current_user, login_required

from sidak.services.permissions import can_manage
from sidak.web.admin import integrations, offices, users

bp = Blueprint("admin", __name__, url_prefix="/admin")
bp.register_blueprint(offices.bp)
bp.register_blueprint(users.bp)
bp.register_blueprint(integrations.bp)


@bp.before_request
@login_required
def admins_only():
    """Every admin page: anonymous people log in first, everyone else gets the 403 page."""
    if not can_manage(current_user):
        abort(403)
