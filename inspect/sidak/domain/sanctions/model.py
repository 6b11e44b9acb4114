"""The sanction ladder as loaded from ``checklists/sanksi.yaml``: frozen, validated data."""

from dataclasses import dataclass

from sidak.domain.text import Text


@dataclass(frozen=True)
class Level:
    """One step of the ladder, e.g. a written warning."""

    id: str
    name: Text
    #: what the level means for the office, printed in the sanction letter
    meaning: Text
    #: working days the office has to correct after the sanction is issued
    days: int
    #: the level that follows when this one's deadline passes uncorrected; None: stays overdue
    on_overdue: str | None


@dataclass(frozen=True)
class Triggers:
    """What makes a finalized inspection a violation: any one of them is enough."""

    #: grade ids (of any checklist) that count as a violation
    grades: tuple[str, ...] = ()
    #: a failed critical item is a violation
    critical: bool = False
    #: these item ids failing is a violation
    items: tuple[str, ...] = ()
    #: a score below this (0-100) is a violation; None: no score threshold
    score_below: float | None = None


@dataclass(frozen=True)
class Ladder:
    id: str
    version: str
    title: Text
    #: the regulation the sanctions rest on (e.g. the city's Perwali)
    rule: Text
    levels: tuple[Level, ...]
    triggers: Triggers
    #: violations within this many days of each other count as repeats
    window_days: int
    #: a violation with a failed critical item starts at least at this level (None: the first)
    critical_level: str | None
    #: working days a finding has to be corrected in, and a critical finding
    action_days: int
    critical_action_days: int
    #: working days after the last deadline at which the follow-up inspection is due
    follow_up_days: int

    def level(self, level_id: str) -> Level:
        return next(level for level in self.levels if level.id == level_id)

    def index(self, level_id: str) -> int:
        return [level.id for level in self.levels].index(level_id)

    def has_level(self, level_id: str) -> bool:
        return any(level.id == level_id for level in self.levels)
