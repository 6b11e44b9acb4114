"""What can go wrong with an inspection, said in the language of the person at the phone."""

from flask_babel import get_locale

from sidak.domain.text import Text


class InspectionError(ValueError):
    """The request cannot be carried out; `message` is for people, `status` for HTTP."""

    status = 400

    def __init__(self, message: str, *, details: list[str] | None = None):
        super().__init__(message)
        self.message = message
        self.details = details or []


class NotAllowed(InspectionError):
    status = 403


class NotFound(InspectionError):
    status = 404


class Conflict(InspectionError):
    """The same id with other content: nothing was overwritten."""

    status = 409


def in_user_language(text: Text) -> str:
    """A text that arrives in both languages (answer problems, image refusals), not gettext's."""
    locale = get_locale()
    return text.get(locale.language if locale is not None else "id")
