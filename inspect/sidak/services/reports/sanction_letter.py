"""The sanction letter (surat sanksi) to an office's head, rendered when it is asked for.

Only an issued sanction has a letter; what it says was fixed when it was issued (the level's
words are copied into the sanction, the actions are never deleted), so rendering again gives
the same letter. It is small and quick, so it is not stored.
"""

import hashlib

from flask import current_app, render_template
from flask_babel import force_locale, format_date
from sqlalchemy import select

from sidak.domain.sanctions.lifecycle import SanctionState
from sidak.models import CorrectiveAction, Sanction, db
from sidak.services.checklists import checklist_of
from sidak.services.reports.archive import ReportFile
from sidak.services.reports.inspection import public_url, report_language
from sidak.services.reports.letterhead import custom_logo, letterhead, local_time
from sidak.services.reports.pdf import RenderedPdf, ReportFetcher, render_pdf
from sidak.services.reports.sanction_status import in_language, proposed_name

TEMPLATE = "reports/sanction.html"
#: the states of a sanction that was issued, and so has a letter
LETTERED = frozenset(
    {
        SanctionState.ISSUED,
        SanctionState.CORRECTED,
        SanctionState.VERIFIED,
        SanctionState.OVERDUE,
        SanctionState.ESCALATED,
    }
)


class NoLetter(LookupError):
    """The sanction was not issued (it is proposed or waived): there is no letter."""


def has_letter(sanction: Sanction) -> bool:
    return bool(sanction.number) and sanction.status in LETTERED


def letter_language(sanction: Sanction, asked: str | None = None) -> str:
    """The language asked for (``id`` or ``en``), else the office's, as for its reports."""
    return asked if asked in ("id", "en") else report_language(sanction.inspection)


def filename_for(sanction: Sanction) -> str:
    safe = "".join(c if c.isalnum() else "-" for c in sanction.number or "").strip("-")
    return f"surat-sanksi-{safe}.pdf"


def letter_file(sanction: Sanction, language: str | None = None) -> ReportFile:
    """The letter to send, rendered now. Raises NoLetter for a sanction that was not issued."""
    rendered = render_sanction_letter(sanction, letter_language(sanction, language))
    digest = hashlib.sha256(rendered.data).hexdigest()
    return ReportFile(filename_for(sanction), digest, data=rendered.data)


def render_sanction_letter(sanction: Sanction, language: str = "id") -> RenderedPdf:
    """The letter as archival PDF (PDF/A-3b). Raises NoLetter unless the sanction was issued."""
    if not has_letter(sanction):
        raise NoLetter(f"sanction {sanction.id} is {sanction.status}: it has no letter")
    with force_locale(language):
        html = render_template(TEMPLATE, **build(sanction, language))
    return render_pdf(html, fetcher=ReportFetcher(logo=custom_logo()), archival=True)


def build(sanction: Sanction, lang: str) -> dict:
    """The template context (call inside ``force_locale(lang)``)."""
    inspection = sanction.inspection
    issued = local_time(sanction.issued_at or sanction.decided_at or sanction.proposed_at)
    city = current_app.config["CITY_NAME"]
    checklist = checklist_of(inspection.checklist_version)
    grade = next((g for g in checklist.grades if g.id == inspection.grade_id), None)
    actions = _actions(sanction)
    return {
        "lang": lang,
        "letterhead": letterhead(),
        "sanction": sanction,
        "office": sanction.office,
        "inspection": inspection,
        "issued": issued,
        "issued_on": format_date(issued.date(), "d MMMM y"),
        #: "Sukamaju": where the letter is dated, and whose mayor (or regent) it is from
        "place": city.removeprefix("Kota ").removeprefix("Kabupaten "),
        "regency": city.startswith("Kabupaten "),
        "visited": local_time(inspection.started_at),
        "grade": grade.label.get(lang) if grade else None,
        "words": lambda name: in_language(sanction, name, lang),
        "proposed_name": proposed_name(sanction, lang),
        "changed_level": sanction.level != sanction.proposed_level,
        "actions": [
            (
                action,
                in_language(action, "question", lang),
                in_language(action, "finding", lang),
            )
            for action in actions
        ],
        "critical_count": sum(1 for action in actions if action.critical),
        "portal_url": public_url("/kantor-saya"),
        "signer": sanction.decided_by.full_name if sanction.decided_by else "",
    }


def _actions(sanction: Sanction) -> list[CorrectiveAction]:
    """Every finding of the inspection, critical ones first (as the letter listed them when
    it was issued: a later verdict does not remove a row)."""
    query = (
        select(CorrectiveAction)
        .where(CorrectiveAction.inspection_id == sanction.inspection_id)
        .order_by(CorrectiveAction.critical.desc(), CorrectiveAction.id)
    )
    return list(db.session.scalars(query))
