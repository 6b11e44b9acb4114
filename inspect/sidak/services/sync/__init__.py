"""The offline phone's sync protocol: every change named by an id the phone made.

A change sent twice is answered twice and applied once; a used id with other content is a
Conflict; an answer changed on the server since the phone last saw it is Stale. Nothing
is ever overwritten silently. Each public function owns its transaction.
"""

from sidak.services.sync.errors import (
    ChecksumMismatch,
    PhotosMissing,
    Stale,
    TooLarge,
    WrongOffset,
)

__all__ = ["ChecksumMismatch", "PhotosMissing", "Stale", "TooLarge", "WrongOffset"]
