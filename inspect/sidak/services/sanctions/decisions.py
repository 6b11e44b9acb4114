"""The city's decisions on a proposed sanction: issue it (as proposed or at another level,
with a written reason) or waive it (with a reason). Each commits and is audited.
"""

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from sidak.domain.documents import add_working_days, report_number
from sidak.domain.sanctions.lifecycle import SanctionState
from sidak.models import Sanction, User, db, utcnow
from sidak.services import audit, links, notifications
from sidak.services.inspections.errors import InspectionError, NotAllowed
from sidak.services.permissions import can_decide_sanctions
from sidak.services.reports.letterhead import local_time
from sidak.services.sanctions.followups import refresh_sanction
from sidak.services.sanctions.ladder import current_ladder
from sidak.services.sanctions.proposals import copy_level

DEFAULT_PATTERN = "{sequence:03d}/SP-SIDAK/{month_roman}/{year}"
ATTEMPTS = 5


def issue(
    user: User, sanction: Sanction, level_id: str | None = None, reason: str = ""
) -> Sanction:
    """Issue the sanction; another level than proposed needs a written reason."""
    _check_pending(user, sanction)
    reason = reason.strip()
    level_id = level_id or sanction.proposed_level
    if level_id != sanction.proposed_level:
        ladder = current_ladder()
        if ladder is None or not ladder.has_level(level_id):
            raise InspectionError(_("Tingkat sanksi ini tidak ada dalam aturan sanksi."))
        if not reason:
            raise InspectionError(
                _("Tulis alasan memilih tingkat sanksi yang berbeda dari usulan.")
            )
        copy_level(sanction, ladder, level_id)
    now = utcnow()
    sanction.status = SanctionState.ISSUED
    sanction.decided_at = sanction.issued_at = now
    sanction.decided_by_id = user.id
    sanction.decision_reason = reason
    sanction.due_date = add_working_days(local_time(now).date(), sanction.days)
    _assign_number(sanction)
    refresh_sanction(sanction.inspection)  # the office may have corrected everything already
    audit.record(
        "sanction.issue",
        user=user,
        object_type="sanction",
        object_id=sanction.id,
        number=sanction.number,
        level=sanction.level,
        proposed=sanction.proposed_level,
        reason=reason,
        due=sanction.due_date.isoformat(),
    )
    notifications.notify(
        notifications.office_recipients(sanction.office),
        "sanction.issued",
        {
            "office": sanction.office.name,
            "number": sanction.number,
            "level": sanction.level_name,
            "level_en": sanction.level_name_en,
            "due": sanction.due_date.isoformat(),
        },
        links.path("portal.index"),
    )
    db.session.commit()
    return sanction


def waive(user: User, sanction: Sanction, reason: str) -> Sanction:
    """Decide not to sanction; the reason is required and kept."""
    _check_pending(user, sanction)
    if not reason.strip():
        raise InspectionError(_("Tulis alasan tidak menjatuhkan sanksi."))
    sanction.status = SanctionState.WAIVED
    sanction.decided_at = sanction.closed_at = utcnow()
    sanction.decided_by_id = user.id
    sanction.decision_reason = reason.strip()
    audit.record(
        "sanction.waive",
        user=user,
        object_type="sanction",
        object_id=sanction.id,
        level=sanction.level,
        reason=sanction.decision_reason,
    )
    notifications.notify(
        notifications.office_recipients(sanction.office),
        "sanction.waived",
        {"office": sanction.office.name, "level": sanction.level_name},
        links.path("portal.index"),
    )
    db.session.commit()
    return sanction


def _check_pending(user: User, sanction: Sanction) -> None:
    if not can_decide_sanctions(user):
        raise NotAllowed(_("Hanya pemerintah kota yang memutuskan sanksi."))
    if sanction.status != SanctionState.PROPOSED:
        raise InspectionError(_("Sanksi ini sudah diputuskan."))


def _assign_number(sanction: Sanction) -> None:
    """The letter's number, next in the year; a clash with a parallel decision retries."""
    local = local_time(sanction.issued_at)
    pattern = current_app.config.get("SANCTION_NUMBER_PATTERN") or DEFAULT_PATTERN
    sequence = 0
    for attempt in range(ATTEMPTS):
        with db.session.no_autoflush:
            last = db.session.scalar(
                select(func.max(Sanction.number_sequence)).where(Sanction.number_year == local.year)
            )
        sequence = max((last or 0) + 1, sequence + 1)
        try:
            with db.session.begin_nested():
                sanction.number_year = local.year
                sanction.number_sequence = sequence
                sanction.number = report_number(pattern, sequence, local.year, local.month)
                db.session.flush()
            return
        except IntegrityError:
            if attempt == ATTEMPTS - 1:
                raise
