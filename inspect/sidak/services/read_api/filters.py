"""What a reader asked for, already checked by the web layer."""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class InspectionFilter:
    #: the inspection day, in the city's calendar (both ends included)
    day_from: date | None = None
    day_to: date | None = None
    office_id: int | None = None
    district: str | None = None
    office_type: str | None = None
    #: a checklist key (``kantor-pelayanan``), whatever its version
    checklist: str | None = None
    #: ``submitted`` or ``finalized``
    status: str | None = None
    #: False: only the current version of each record (a correction replaces its original)
    all_versions: bool = False


@dataclass(frozen=True)
class SanctionFilter:
    office_id: int | None = None
    #: a `SanctionState` value, matched against the effective state
    state: str | None = None
    #: the day it was proposed, in the city's calendar (both ends included)
    day_from: date | None = None
    day_to: date | None = None
