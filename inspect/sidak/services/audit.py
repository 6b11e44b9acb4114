"""Writing the audit log. Events join the caller's transaction; they are never changed."""

import json

from flask import has_request_context, request
from flask_login import current_user

from sidak.models import AuditEvent, User, db


def record(
    action: str,
    *,
    user: User | None = None,
    object_type: str = "",
    object_id: object = "",
    **detail: object,
) -> AuditEvent:
    """Add an event to the session; the caller's commit stores it with the change itself."""
    actor = user if user is not None else _current_user()
    event = AuditEvent(
        user_id=actor.id if actor is not None else None,
        actor=actor.username if actor is not None else str(detail.get("username", "")),
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        detail=json.dumps(detail, sort_keys=True, default=str, ensure_ascii=False),
        ip=request.remote_addr or "" if has_request_context() else "",
    )
    db.session.add(event)
    return event


def _current_user() -> User | None:
    if has_request_context() and current_user.is_authenticated:
        return current_user._get_current_object()
    return None
