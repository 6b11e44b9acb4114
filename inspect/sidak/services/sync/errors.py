"""The protocol's own refusals, beside the inspection errors they extend.

Every error has a stable `code` the phone acts on; the message is for the person.
"""

from sidak.services.inspections.errors import Conflict, InspectionError


class Stale(Conflict):
    """The answer changed on the server since the phone's `base`; `server` is how it is now."""

    code = "stale"

    def __init__(self, message: str, *, server: dict):
        super().__init__(message)
        self.server = server


class PhotosMissing(Conflict):
    """Photos the phone named have not fully arrived; `missing` lists their uuids."""

    code = "photos_missing"

    def __init__(self, message: str, *, missing: list[str]):
        super().__init__(message)
        self.missing = missing


class ChecksumMismatch(Conflict):
    """The assembled photo is not the file the phone declared; the upload starts over."""

    code = "checksum"


class WrongOffset(InspectionError):
    """A chunk that does not start where the received bytes end; `received` says where."""

    status = 416
    code = "offset"

    def __init__(self, message: str, *, received: int):
        super().__init__(message)
        self.received = received


class TooLarge(InspectionError):
    status = 413
    code = "too_large"
