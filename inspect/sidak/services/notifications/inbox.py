"""Reading one's notifications: the page, the unread badge, marking them read."""

from collections.abc import Iterable
from typing import Literal

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import func, select, update

from sidak.models import Notification, User, db, utcnow

PER_PAGE = 20
ALL = "all"


def for_user(user: User, page: int = 1, per_page: int = PER_PAGE) -> Pagination:
    """The user's notifications, newest first."""
    query = (
        select(Notification)
        .where(Notification.user_id == user.id)
        .order_by(Notification.created_at.desc(), Notification.id.desc())
    )
    return db.paginate(query, page=page, per_page=per_page, error_out=False)


def unread_count(user: User) -> int:
    """One COUNT query: the nav's badge."""
    query = select(func.count(Notification.id)).where(
        Notification.user_id == user.id, Notification.read_at.is_(None)
    )
    return db.session.scalar(query) or 0


def mark_read(user: User, ids: Iterable[int] | Literal["all"]) -> int:
    """Mark the user's own notifications read (others' ids are ignored); commit. How many."""
    query = update(Notification).where(
        Notification.user_id == user.id, Notification.read_at.is_(None)
    )
    if ids != ALL:
        query = query.where(Notification.id.in_(list(ids)))
    result = db.session.execute(
        query.values(read_at=utcnow()).execution_options(synchronize_session=False)
    )
    db.session.commit()
    return result.rowcount
