"""Loading an inspection for the current user, or the right HTTP error."""

from flask import abort
from flask_login import current_user

from sidak.models import Inspection
from sidak.services.inspections.drafts import inspection_by_uuid
from sidak.services.inspections.errors import NotFound
from sidak.services.permissions import can_edit_draft, can_view_inspection


def viewable(key: str) -> Inspection:
    try:
        inspection = inspection_by_uuid(key)
    except NotFound:
        abort(404)
    if not can_view_inspection(current_user, inspection):
        abort(403)
    return inspection


def editable(key: str) -> Inspection:
    inspection = viewable(key)
    if not can_edit_draft(current_user, inspection):
        abort(403)
    return inspection
