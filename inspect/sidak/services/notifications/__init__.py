"""What people are told: notifications on their page and the e-mail that goes with them.

`notify` (and the recipient helpers) write them inside the caller's transaction;
`describe` says one in the current language; `deliver` sends the queued mail; `for_user`,
`unread_count` and `mark_read` serve the Notifikasi page.
"""

from sidak.services.notifications.catalogue import describe, title
from sidak.services.notifications.delivery import MAX_ATTEMPTS, deliver
from sidak.services.notifications.inbox import ALL, for_user, mark_read, unread_count
from sidak.services.notifications.outbox import (
    absolute_url,
    city_recipients,
    notify,
    office_recipients,
)

__all__ = [
    "ALL",
    "MAX_ATTEMPTS",
    "absolute_url",
    "city_recipients",
    "deliver",
    "describe",
    "for_user",
    "mark_read",
    "notify",
    "office_recipients",
    "title",
    "unread_count",
]
