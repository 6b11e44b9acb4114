"""A stable fingerprint of what a phone sent, to recognise the same request again."""

import hashlib
import json
import uuid as uuidlib

from sidak.services.inspections.errors import InspectionError


def fingerprint(content: object) -> str:
    """SHA-256 of JSON with sorted keys: the same content in any key order gives one hash."""
    data = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def client_uuid(value: object, refusal: str) -> str:
    """A phone-made uuid in its canonical spelling; raises InspectionError(`refusal`) if not."""
    try:
        return str(uuidlib.UUID(str(value)))
    except ValueError as exc:
        raise InspectionError(refusal) from exc
