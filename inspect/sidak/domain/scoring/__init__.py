"""The scoring engine: exact, explainable scores of an inspection (see docs/scoring.md)."""

from sidak.domain.scoring.engine import group_score, score_inspection
from sidak.domain.scoring.results import GroupScore, ItemResult, ScoreResult, Status
from sidak.domain.scoring.rounding import round_half_up
from sidak.domain.scoring.validation import (
    AnswerProblem,
    InvalidAnswers,
    check_answers,
    find_problems,
)

__all__ = [
    "AnswerProblem",
    "GroupScore",
    "InvalidAnswers",
    "ItemResult",
    "ScoreResult",
    "Status",
    "check_answers",
    "find_problems",
    "group_score",
    "round_half_up",
    "score_inspection",
]
