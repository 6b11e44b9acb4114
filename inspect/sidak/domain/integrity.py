"""Tamper evidence for inspection records: one canonical form, one SHA-256.

The canonical form is JSON with sorted keys, no insignificant whitespace and UTF-8 text,
so the same record always gives the same bytes on every machine and database. Numbers that
must stay exact (scores, measured values) are written as strings by the caller.
"""

import hashlib
import json
from collections.abc import Mapping
from typing import Any

#: bumped if the canonical form itself ever changes; part of every hashed record
FORMAT = 1


def canonical_bytes(record: Mapping[str, Any]) -> bytes:
    """The record as canonical JSON bytes; raises TypeError for a float or unknown type."""
    _refuse_floats(record)
    document = {"format": FORMAT, **record}
    return json.dumps(
        document, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def content_hash(record: Mapping[str, Any]) -> str:
    """SHA-256 (hex) of the canonical form."""
    return hashlib.sha256(canonical_bytes(record)).hexdigest()


def differences(
    stored: Mapping[str, Any], current: Mapping[str, Any], prefix: str = ""
) -> list[str]:
    """Dotted paths where two records differ, to say what changed in a tampered record."""
    found: list[str] = []
    for key in sorted(set(stored) | set(current), key=str):
        path = f"{prefix}{key}"
        old, new = stored.get(key), current.get(key)
        if isinstance(old, Mapping) and isinstance(new, Mapping):
            found += differences(old, new, path + ".")
        elif old != new:
            found.append(path)
    return found


#: values that are never floats nor hold any: skipped without a call (records hold thousands)
_PLAIN = frozenset({str, int, bool, type(None)})


def _refuse_floats(value: Any) -> None:
    """Floats print differently across platforms; records carry exact strings instead."""
    if isinstance(value, float):
        raise TypeError("floats are not allowed in a canonical record; use a decimal string")
    if isinstance(value, Mapping):
        items = value.values()
    elif isinstance(value, list | tuple):
        items = value
    else:
        return
    for item in items:
        if type(item) not in _PLAIN:
            _refuse_floats(item)
