"""How values are written in the read API's JSON."""

from datetime import date, datetime

from sidak.domain.text import Text


def text_json(text: Text) -> dict:
    """Indonesian always, English when there is one (else null)."""
    return {"id": text.id, "en": text.en or None}


def time_json(moment: datetime | None) -> str | None:
    """ISO 8601 with the UTC offset."""
    return moment.isoformat() if moment is not None else None


def day_json(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def tenths_text(tenths: int) -> str:
    """873 -> "87.3": a score as the decimal text the record prints, never a float."""
    return f"{tenths // 10}.{tenths % 10}"
