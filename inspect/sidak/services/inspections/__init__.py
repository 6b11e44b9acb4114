"""Inspections from start to finalized record. Each public function owns its transaction."""

from sidak.services.inspections.errors import Conflict, InspectionError, NotAllowed

__all__ = ["Conflict", "InspectionError", "NotAllowed"]
