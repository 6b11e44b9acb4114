"""Sanctions: the ladder language (``checklists/sanksi.yaml``) and the pure decisions on it."""

from sidak.domain.sanctions.decide import (
    InspectionFacts,
    PastViolation,
    Proposal,
    escalation_of,
    propose,
)
from sidak.domain.sanctions.loader import load_ladder, load_ladder_file, parse_ladder
from sidak.domain.sanctions.model import Ladder, Level, Triggers

__all__ = [
    "InspectionFacts",
    "Ladder",
    "Level",
    "PastViolation",
    "Proposal",
    "Triggers",
    "escalation_of",
    "load_ladder",
    "load_ladder_file",
    "parse_ladder",
    "propose",
]
