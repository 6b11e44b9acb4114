"""The states of sanctions and corrective actions, and which changes are allowed.

Stored states change only through the services (and ``sidak tick``); what a page shows is the
*effective* state, which also knows that a deadline passed even if the tick has not run yet.
"""

from datetime import date
from enum import StrEnum


class SanctionState(StrEnum):
    PROPOSED = "proposed"  #: Sidak proposed it; a city user has not decided yet
    ISSUED = "issued"  #: the city issued it; the office has until `due` to correct
    CORRECTED = "corrected"  #: every corrective action is corrected (evidence accepted)
    VERIFIED = "verified"  #: a follow-up inspection confirmed the correction
    OVERDUE = "overdue"  #: the deadline passed before the correction
    ESCALATED = "escalated"  #: overdue, and the next level was proposed in its place
    WAIVED = "waived"  #: the city decided not to sanction, with a reason


class ActionState(StrEnum):
    OPEN = "open"  #: the office must correct it
    REPLIED = "replied"  #: the office sent evidence of correction; the city decides
    OBJECTED = "objected"  #: the office objected; the city decides
    CORRECTED = "corrected"  #: the city accepted the evidence; a follow-up verifies it
    VERIFIED = "verified"  #: a follow-up inspection saw it corrected
    WITHDRAWN = "withdrawn"  #: the city accepted the office's objection
    OVERDUE = "overdue"  #: the deadline passed while open


#: states after which nothing more is expected of anyone
SANCTION_CLOSED = frozenset({SanctionState.VERIFIED, SanctionState.ESCALATED, SanctionState.WAIVED})
ACTION_CLOSED = frozenset({ActionState.VERIFIED, ActionState.WITHDRAWN})
#: states in which the office still owes a correction (and the deadline runs)
ACTION_PENDING = frozenset({ActionState.OPEN, ActionState.OVERDUE})
#: actions a follow-up inspection looks at again
ACTION_TO_FOLLOW_UP = frozenset(
    {
        ActionState.OPEN,
        ActionState.REPLIED,
        ActionState.OBJECTED,
        ActionState.CORRECTED,
        ActionState.OVERDUE,
    }
)


def sanction_state(stored: str, due: date | None, today: date) -> SanctionState:
    """What a sanction is today: an issued one past its deadline is overdue."""
    state = SanctionState(stored)
    if state is SanctionState.ISSUED and due is not None and today > due:
        return SanctionState.OVERDUE
    return state


def action_state(stored: str, due: date, today: date) -> ActionState:
    """What an action is today: an open one past its deadline is overdue."""
    state = ActionState(stored)
    if state is ActionState.OPEN and today > due:
        return ActionState.OVERDUE
    return state


def sanction_after_actions(stored: str, actions: list[str]) -> SanctionState:
    """The sanction's state once its inspection's actions are as given.

    An issued (or overdue) sanction is corrected when every action is corrected or settled,
    and verified when a follow-up verified every one that was not withdrawn.
    """
    state = SanctionState(stored)
    if state not in (SanctionState.ISSUED, SanctionState.OVERDUE, SanctionState.CORRECTED):
        return state
    states = [ActionState(a) for a in actions]
    if not states:
        return state
    if all(a in ACTION_CLOSED for a in states):
        return SanctionState.VERIFIED
    if all(a in ACTION_CLOSED or a is ActionState.CORRECTED for a in states):
        return SanctionState.CORRECTED
    return state
