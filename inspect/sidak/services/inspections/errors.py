"""What can go wrong with an inspection, said in Indonesian for the person at the phone."""


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
