"""Notifikasi: what Sidak told a person, in the language they read now; the nav's badge."""

from dataclasses import dataclass

from flask import Blueprint, flash, has_request_context, redirect, render_template, request, url_for
from flask_babel import format_timedelta
from flask_babel import gettext as _
from flask_login import current_user, login_required

from sidak.ids import parse_id
from sidak.models import Notification, utcnow
from sidak.services import notifications
from sidak.web.paging import requested_page

bp = Blueprint("notifications", __name__)


@dataclass(frozen=True)
class Row:
    notification: Notification
    text: str
    #: "3 jam yang lalu" / "3 hours ago"
    ago: str

    @property
    def unread(self) -> bool:
        return self.notification.read_at is None


@bp.app_context_processor
def unread_badge():
    """A function, not a number: only pages that show the nav pay for the COUNT."""

    def unread_notifications() -> int:
        if not has_request_context() or not current_user or not current_user.is_authenticated:
            return 0
        return notifications.unread_count(current_user)

    return {"unread_notifications": unread_notifications}


@bp.get("/notifikasi")
@login_required
def index():
    page = notifications.for_user(current_user, requested_page())
    now = utcnow()
    rows = [
        Row(n, notifications.describe(n), format_timedelta(n.created_at - now, add_direction=True))
        for n in page.items
    ]
    return render_template("notifications/index.html", page=page, rows=rows)


@bp.post("/notifikasi/baca")
@login_required
def mark_read():
    one = request.form.get("id")
    if one is None:
        marked = notifications.mark_read(current_user, notifications.ALL)
    else:  # someone else's id, or no id at all, marks nothing
        number = parse_id(one)
        marked = notifications.mark_read(current_user, [number] if number else [])
    if one is None and marked:
        flash(_("Semua pemberitahuan ditandai sudah dibaca."), "info")
    return redirect(url_for(".index", halaman=request.form.get("halaman", type=int)))
