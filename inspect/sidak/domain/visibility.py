"""Which items an inspector sees: the `show_if` conditions, shared by the server and the browser.

An item with a condition is visible only when the item it depends on is itself visible, is
answered, is not N/A, and its answer is one of the condition's values. Hiding is therefore
transitive: a follow-up of a hidden follow-up is hidden too.
"""

from collections.abc import Iterable, Mapping

from sidak.domain.answers import Answer
from sidak.domain.checklist.model import Checklist, Item

AnswerInput = Mapping[str, Answer] | Iterable[Answer]


def answers_by_item(answers: AnswerInput) -> dict[str, Answer]:
    """Answers keyed by item id; a mapping is taken as it is, an iterable keyed by `item_id`."""
    if isinstance(answers, Mapping):
        return dict(answers)
    return {answer.item_id: answer for answer in answers}


def is_answered(answer: Answer | None) -> bool:
    """Whether `answer` says anything at all; an all-empty `Answer` counts as no answer."""
    if answer is None:
        return False
    fields = (answer.value, answer.observed, answer.compliant, answer.number)
    return answer.na or any(value is not None for value in fields)


def visible_items(checklist: Checklist, answers: AnswerInput) -> set[str]:
    """The ids of the items shown for these answers."""
    by_id = answers_by_item(answers)
    items = {item.id: item for item in checklist.items}
    known: dict[str, bool] = {}
    for item_id in items:
        _resolve(item_id, items, by_id, known, set())
    return {item_id for item_id, shown in known.items() if shown}


def _resolve(
    item_id: str,
    items: Mapping[str, Item],
    answers: Mapping[str, Answer],
    known: dict[str, bool],
    pending: set[str],
) -> bool:
    if item_id in known:
        return known[item_id]
    item = items.get(item_id)
    if item is None or item_id in pending:
        # An unknown controller or a cycle cannot be satisfied; the loader rejects both,
        # so this only guards against a checklist built by hand.
        return False
    if item.show_if is None:
        known[item_id] = True
        return True
    pending.add(item_id)
    controller = item.show_if.item_id
    shown = _resolve(controller, items, answers, known, pending) and _matches(
        answers.get(controller), item.show_if.values
    )
    pending.discard(item_id)
    known[item_id] = shown
    return shown


def _matches(answer: Answer | None, values: tuple[str, ...]) -> bool:
    if answer is None or not is_answered(answer) or answer.na:
        return False
    return answer.value is not None and answer.value in values
