"""What each kind of notification says, in the current locale.

Notifications store a kind and parameters (strings, ISO dates), never sentences, so the same
notice reads in Indonesian on one screen and in English on another. A kind this catalogue
does not know, or parameters it cannot use, give a generic sentence rather than an error.
"""

import json
import logging
from collections.abc import Callable
from datetime import date

from flask_babel import format_date, get_locale, ngettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from sidak.models import Notification

log = logging.getLogger(__name__)

Params = dict[str, object]

#: a short title per kind: the mail's subject
TITLES = {
    "report.finalized": _l("Berita acara final"),
    "sanction.proposed": _l("Usulan sanksi"),
    "sanction.issued": _l("Sanksi dijatuhkan"),
    "sanction.waived": _l("Sanksi tidak dijatuhkan"),
    "sanction.escalated": _l("Sanksi dinaikkan"),
    "deadline.soon": _l("Batas perbaikan sudah dekat"),
    "deadline.passed": _l("Batas perbaikan terlewati"),
    "reply.received": _l("Tanggapan kantor masuk"),
    "reply.decided": _l("Tanggapan sudah dinilai"),
    "followup.due": _l("Inspeksi lanjutan"),
}


def params_of(notification: Notification) -> Params:
    """A stored notification's parameters; broken JSON reads as none."""
    try:
        params = json.loads(notification.params or "{}")
    except ValueError:
        return {}
    return params if isinstance(params, dict) else {}


def title(kind: str) -> str:
    return str(TITLES.get(kind, _l("Pemberitahuan")))


def describe(notification_or_kind: Notification | str, params: Params | None = None) -> str:
    """The message in the current locale; a generic sentence when it cannot be built."""
    if isinstance(notification_or_kind, Notification):
        kind = notification_or_kind.kind
        params = params if params is not None else params_of(notification_or_kind)
    else:
        kind = notification_or_kind
    values = _localized(params or {})
    sentence = MESSAGES.get(kind)
    if sentence is not None:
        try:
            return sentence(values)
        except (KeyError, TypeError, ValueError):
            log.warning("notification %s with unusable parameters %r", kind, params)
    return _generic(values)


def _localized(params: Params) -> Params:
    """Parameters as the reader reads them: ``level_en`` in English, dates formatted."""
    english = str(get_locale() or "id") == "en"
    values = {key: value for key, value in params.items() if not key.endswith("_en")}
    for key in list(values):
        if english and params.get(f"{key}_en"):
            values[key] = params[f"{key}_en"]
    if isinstance(values.get("due"), str):
        values["due"] = _date(values["due"])
    return values


def _date(iso: str) -> str:
    try:
        return format_date(date.fromisoformat(iso), "long")
    except ValueError:
        return iso


def _generic(values: Params) -> str:
    if values.get("office"):
        return _("Ada kabar baru tentang %(office)s di Sidak.", office=values["office"])
    return _("Ada kabar baru di Sidak.")


def _report_finalized(p: Params) -> str:
    if not p.get("number"):
        return _("Berita acara untuk %(office)s sudah final.", office=p["office"])
    return _(
        "Berita acara %(number)s untuk %(office)s sudah final.",
        number=p["number"],
        office=p["office"],
    )


def _sanction_issued(p: Params) -> str:
    return _(
        "Sanksi %(level)s (nomor %(number)s) dijatuhkan kepada %(office)s. "
        "Batas perbaikan: %(due)s.",
        level=p["level"],
        number=p["number"],
        office=p["office"],
        due=p["due"],
    )


def _sanction_escalated(p: Params) -> str:
    return _(
        "Batas perbaikan sanksi %(level)s untuk %(office)s terlewati; "
        "diusulkan naik ke %(next_level)s.",
        level=p["level"],
        office=p["office"],
        next_level=p["next_level"],
    )


def _deadline_soon(p: Params) -> str:
    count = int(p.get("count") or 0)
    if count == 0:  # a sanction's deadline with nothing left open
        return _(
            "Batas perbaikan sanksi %(office)s jatuh tempo %(due)s (3 hari lagi).",
            office=p["office"],
            due=p["due"],
        )
    return ngettext(
        "%(count)d tindakan perbaikan %(office)s jatuh tempo %(due)s (3 hari lagi).",
        "%(count)d tindakan perbaikan %(office)s jatuh tempo %(due)s (3 hari lagi).",
        count,
        count=count,
        office=p["office"],
        due=p["due"],
    )


def _deadline_passed(p: Params) -> str:
    count = int(p.get("count") or 0)
    if count == 0:
        return _(
            "Batas perbaikan sanksi %(office)s (%(due)s) sudah lewat.",
            office=p["office"],
            due=p["due"],
        )
    return ngettext(
        "%(count)d tindakan perbaikan %(office)s melewati batas waktu %(due)s.",
        "%(count)d tindakan perbaikan %(office)s melewati batas waktu %(due)s.",
        count,
        count=count,
        office=p["office"],
        due=p["due"],
    )


def _reply_received(p: Params) -> str:
    if p.get("kind") == "objection":
        return _(
            "%(office)s mengajukan keberatan untuk: %(question)s",
            office=p["office"],
            question=p["question"],
        )
    return _(
        "%(office)s mengirim bukti perbaikan untuk: %(question)s",
        office=p["office"],
        question=p["question"],
    )


def _reply_decided(p: Params) -> str:
    if p.get("verdict") == "accepted":
        return _(
            "Tanggapan %(office)s untuk “%(question)s” diterima.",
            office=p["office"],
            question=p["question"],
        )
    return _(
        "Tanggapan %(office)s untuk “%(question)s” ditolak; lihat alasannya dan "
        "kirim tanggapan baru.",
        office=p["office"],
        question=p["question"],
    )


MESSAGES: dict[str, Callable[[Params], str]] = {
    "report.finalized": _report_finalized,
    "sanction.proposed": lambda p: _(
        "Sanksi %(level)s diusulkan untuk %(office)s; menunggu keputusan.",
        level=p["level"],
        office=p["office"],
    ),
    "sanction.issued": _sanction_issued,
    "sanction.waived": lambda p: _(
        "Sanksi %(level)s untuk %(office)s tidak dijatuhkan.",
        level=p["level"],
        office=p["office"],
    ),
    "sanction.escalated": _sanction_escalated,
    "deadline.soon": _deadline_soon,
    "deadline.passed": _deadline_passed,
    "reply.received": _reply_received,
    "reply.decided": _reply_decided,
    "followup.due": lambda p: _(
        "Inspeksi lanjutan ke %(office)s jatuh tempo %(due)s.",
        office=p["office"],
        due=p["due"],
    ),
}
