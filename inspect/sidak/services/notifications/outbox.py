"""Telling people: a notification on their page and, if they have an address, an e-mail.

`notify` joins the caller's transaction (it flushes, never commits): the notice exists exactly
when the change it announces does. Mail is written now, in the recipient's language, and
sent later by `deliver`; it carries a link to the page, never a document.
"""

import hashlib
import json
from collections.abc import Iterable

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select

from sidak.models import Notification, Office, OutgoingMail, Role, User, db
from sidak.services import links
from sidak.services.notifications.catalogue import describe, title

LANGUAGES = ("id", "en")
#: the width of `Notification.once_key`
ONCE_KEY_LENGTH = 120


def notify(
    users: Iterable[User],
    kind: str,
    params: dict,
    link: str,
    *,
    once_key: str | None = None,
) -> list[Notification]:
    """Add a notification per active user (and a mail per user with an address); no commit.

    With `once_key`, a user who already has a notification under that key gets nothing new,
    so running the same announcement twice (the daily tick) tells nobody twice.
    """
    recipients = _active_once(users)
    keys = {user.id: _once_key(once_key, user) for user in recipients} if once_key else {}
    if keys:
        told = set(
            db.session.scalars(
                select(Notification.once_key).where(Notification.once_key.in_(keys.values()))
            )
        )
        recipients = [user for user in recipients if keys[user.id] not in told]
    stored = json.dumps(params, ensure_ascii=False, sort_keys=True, default=str)
    made = [
        Notification(user_id=u.id, kind=kind, params=stored, link=link, once_key=keys.get(u.id))
        for u in recipients
    ]
    if not made:
        return made
    db.session.add_all(made)
    db.session.flush()  # the mails refer to their notifications
    for notification, user in zip(made, recipients, strict=True):
        if (user.email or "").strip():
            db.session.add(compose_mail(notification, user, params))
    return made


def _active_once(users: Iterable[User]) -> list[User]:
    seen: set[int] = set()
    unique = []
    for user in users:
        if user.active and user.id not in seen:
            seen.add(user.id)
            unique.append(user)
    return unique


def _once_key(once_key: str, user: User) -> str:
    key = f"{once_key}:{user.id}"
    if len(key) <= ONCE_KEY_LENGTH:
        return key
    digest = hashlib.sha256(key.encode()).hexdigest()
    return f"{key[: ONCE_KEY_LENGTH - len(digest) - 1]}~{digest}"


def office_recipients(office: Office) -> list[User]:
    """The active heads of `office`."""
    query = select(User).where(
        User.role == Role.OFFICE_HEAD, User.office_id == office.id, User.active.is_(True)
    )
    return list(db.session.scalars(query.order_by(User.id)))


def city_recipients() -> list[User]:
    """The active accounts of the mayor's office (they decide sanctions and replies)."""
    query = select(User).where(User.role == Role.CITY, User.active.is_(True))
    return list(db.session.scalars(query.order_by(User.id)))


def compose_mail(notification: Notification, user: User, params: dict) -> OutgoingMail:
    """The e-mail of a notification, written in the recipient's language."""
    language = user.language if user.language in LANGUAGES else "id"
    with force_locale(language):
        message = describe(notification.kind, params)
        subject = title(notification.kind)
        if params.get("office"):
            subject = f"{subject}: {params['office']}"
        body = "\n".join(
            (
                _("Yth. %(name)s,", name=user.full_name),
                "",
                message,
                "",
                _("Buka di Sidak:"),
                absolute_url(notification.link),
                "",
                "-- ",
                _(
                    "Pesan otomatis dari Sidak %(city)s; mohon tidak membalas e-mail ini.",
                    city=current_app.config["CITY_NAME"],
                ),
                _("Semua pemberitahuan Anda ada di halaman Notifikasi setelah masuk."),
            )
        )
    return OutgoingMail(
        notification_id=notification.id,
        recipient=(user.email or "").strip(),
        subject=f"Sidak – {subject}"[:300],
        body=body,
        language=language,
    )


def absolute_url(link: str) -> str:
    return links.absolute(link)
