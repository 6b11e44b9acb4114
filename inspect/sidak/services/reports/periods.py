"""The period a recap covers, as people ask for it: a month (``2026-10``) or two dates.

Every check raises RecapInvalid with the first problem found, in the person's language.
"""

import calendar
import re
from datetime import date, timedelta

from flask_babel import format_date
from flask_babel import gettext as _

#: the longest period one recap covers
MAX_DAYS = 366


class RecapInvalid(ValueError):
    """A period or language that cannot be recapped; the message says why."""


def month_period(text: str, today: date) -> tuple[date, date]:
    """``2026-10`` as its first and last day (up to today for the current month)."""
    match = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", text or "")
    if not match or not 1 <= int(match[2]) <= 12:
        raise RecapInvalid(_("Bulan tidak dikenali. Tulis tahun dan bulan, misalnya 2026-10."))
    year, month = int(match[1]), int(match[2])
    first = date(year, month, 1)
    if first > today:
        raise RecapInvalid(_("Bulan %(month)s belum dimulai.", month=format_date(first, "MMMM y")))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return first, min(last, today)


def last_month(today: date) -> str:
    """``2026-10`` when today is in November 2026: the month a monthly recap is about."""
    previous = today.replace(day=1) - timedelta(days=1)
    return f"{previous:%Y-%m}"


def choose_period(month: str, date_from: str, date_to: str, today: date) -> tuple[date, date]:
    """The period a form (or the command line) asks for: both dates if given, else the month.

    Raises RecapInvalid for text that is not a month or a date, or only one date.
    """
    if date_from or date_to:
        if not (date_from and date_to):
            raise RecapInvalid(_("Isi kedua tanggal, atau kosongkan keduanya dan pilih bulan."))
        return parse_date(date_from, _("Tanggal awal")), parse_date(date_to, _("Tanggal akhir"))
    return month_period(month, today)


def parse_date(text: str, what: str) -> date:
    try:
        return date.fromisoformat((text or "").strip())
    except ValueError:
        raise RecapInvalid(
            _("%(what)s tidak dikenali. Tulis tanggal seperti 2026-10-31.", what=what)
        ) from None


def check_period(date_from: date, date_to: date, today: date) -> None:
    """Raises RecapInvalid unless from <= to, the period is at most a year, and not future."""
    if date_from > date_to:
        raise RecapInvalid(_("Tanggal awal harus sebelum tanggal akhir (atau sama)."))
    if (date_to - date_from).days + 1 > MAX_DAYS:
        raise RecapInvalid(_("Periode rekap paling panjang %(n)d hari.", n=MAX_DAYS))
    if date_to > today:
        raise RecapInvalid(
            _(
                "Periode tidak boleh melewati hari ini (%(today)s).",
                today=format_date(today, "d MMMM y"),
            )
        )
