"""What makes a report an official document: its number, its verification code, its deadlines.

The number follows the berita acara habit of Indonesian offices: a sequence per year, a
fixed code and the month in Roman numerals, e.g. ``007/BA-SIDAK/XI/2026``.
"""

import secrets
from dataclasses import dataclass
from datetime import date, timedelta

DEFAULT_NUMBER_PATTERN = "{sequence:03d}/BA-SIDAK/{month_roman}/{year}"
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")

#: Crockford's base32: no I, L, O or U, so a code read aloud or typed is hard to get wrong
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 10  #: 50 random bits: not guessable by trying
_CONFUSABLE = str.maketrans({"I": "1", "L": "1", "O": "0"})


def report_number(pattern: str, sequence: int, year: int, month: int) -> str:
    """The document number for the `sequence`-th report of `year`, finalized in `month`."""
    return pattern.format(sequence=sequence, year=year, month=month, month_roman=_ROMAN[month - 1])


def new_verification_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalize_code(typed: str) -> str | None:
    """A code as stored, from what a person typed (any case, dashes, spaces, O for 0).

    None when it cannot be a code at all.
    """
    cleaned = "".join(typed.split()).replace("-", "").upper().translate(_CONFUSABLE)
    if len(cleaned) != CODE_LENGTH or any(c not in CODE_ALPHABET for c in cleaned):
        return None
    return cleaned


def display_code(code: str) -> str:
    """``ABCDE-FGHJK``: two groups are easier to read out and to type."""
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}"


@dataclass(frozen=True)
class DeadlinePolicy:
    """Working days an office has to correct a finding (weekends do not count)."""

    days: int = 5
    critical_days: int = 1

    def due(self, finalized_on: date, critical: bool) -> date:
        return add_working_days(finalized_on, self.critical_days if critical else self.days)


def add_working_days(start: date, days: int) -> date:
    """The date `days` working days (Monday to Friday) after `start`."""
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            remaining -= 1
    return current
