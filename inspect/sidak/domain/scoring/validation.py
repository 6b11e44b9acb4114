"""Checking answers before scoring: an invalid answer is refused, never scored.

A wrong score that nobody notices is worse than an error, because sanctions rest on it.
Every problem is collected and `InvalidAnswers` is raised once with all of them. The
codes (A1xx) are shared with the answers file, which adds the position of each answer.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from sidak.domain.answers import Answer
from sidak.domain.checklist.model import Checklist, Item, ItemType
from sidak.domain.problems import Code
from sidak.domain.scoring.rounding import format_number
from sidak.domain.text import Text
from sidak.domain.visibility import is_answered

UNKNOWN_ITEM = Code(
    "A101",
    "Butir '{item}' tidak ada di daftar periksa ini",
    "Item '{item}' is not in this checklist",
)
KEY_MISMATCH = Code(
    "A102",
    "Jawaban disimpan sebagai '{key}' tetapi untuk butir '{item}'",
    "Answer stored as '{key}' is for item '{item}'",
)
DUPLICATE = Code(
    "A103", "Butir '{item}' dijawab lebih dari sekali", "Item '{item}' is answered more than once"
)
NA_NOT_ALLOWED = Code(
    "A104",
    "Butir '{item}' tidak boleh dijawab tidak berlaku (N/A)",
    "Item '{item}' does not allow not applicable (N/A)",
)
NA_WITH_VALUE = Code(
    "A105",
    "Jawaban '{item}' tidak berlaku (N/A) tetapi juga berisi nilai: pilih salah satu",
    "Answer to '{item}' is N/A but also holds a value: choose one",
)
NOT_YESNO = Code(
    "A106",
    "Butir '{item}' dijawab ya atau tidak, bukan '{value}'",
    "Item '{item}' is answered yes or no, not '{value}'",
)
COUNT_INCOMPLETE = Code(
    "A107",
    "Butir '{item}' butuh jumlah diamati dan jumlah patuh",
    "Item '{item}' needs both the number observed and the number complying",
)
COUNT_NOT_NATURAL = Code(
    "A108",
    "Jumlah pada butir '{item}' harus bilangan bulat 0 atau lebih, bukan '{value}'",
    "Counts of item '{item}' must be whole numbers of 0 or more, not '{value}'",
)
COUNT_EXCEEDS = Code(
    "A109",
    "Butir '{item}': {compliant} patuh dari {observed} diamati; patuh tidak boleh melebihi diamati",
    "Item '{item}': {compliant} complying of {observed} observed; complying cannot exceed observed",
)
NUMBER_MISSING = Code(
    "A110",
    "Butir '{item}' butuh angka yang pasti, bukan '{value}'",
    "Item '{item}' needs an exact number, not '{value}'",
)
NUMBER_OUT_OF_RANGE = Code(
    "A111",
    "Butir '{item}': {value} di luar rentang yang diizinkan ({low} sampai {high})",
    "Item '{item}': {value} is outside the allowed range ({low} to {high})",
)
UNKNOWN_OPTION = Code(
    "A112",
    "Butir '{item}' tidak punya pilihan '{value}'; pilihan: {options}",
    "Item '{item}' has no option '{value}'; options: {options}",
)
WRONG_FIELDS = Code(
    "A113",
    "Butir '{item}' ({type}) tidak memakai isian {fields}",
    "Item '{item}' ({type}) does not use the field(s) {fields}",
)

#: the Answer fields each item type reads; any other field set is a mistake
_FIELDS = {
    ItemType.YESNO: {"value"},
    ItemType.CHOICE: {"value"},
    ItemType.COUNT: {"observed", "compliant"},
    ItemType.NUMBER: {"number"},
    ItemType.TEXT: {"value"},
    ItemType.PHOTO: {"value"},
}


@dataclass(frozen=True)
class AnswerProblem:
    code: str
    item_id: str  #: the key the answer was given under
    message: Text


class InvalidAnswers(ValueError):
    """Answers that cannot be scored; `problems` lists every one of them."""

    def __init__(self, problems: Iterable[AnswerProblem]):
        self.problems = tuple(problems)
        lines = [f"{p.code} {p.message.id} / {p.message.get('en')}" for p in self.problems]
        super().__init__("\n".join([f"{len(self.problems)} invalid answer(s):", *lines]))


def check_answers(
    checklist: Checklist, answers: Mapping[str, Answer] | Iterable[Answer]
) -> dict[str, Answer]:
    """The answers keyed by item id; raises `InvalidAnswers` listing every problem."""
    problems: list[AnswerProblem] = []
    if isinstance(answers, Mapping):
        by_id = dict(answers)
    else:
        by_id = {}
        for answer in answers:
            if answer.item_id in by_id:
                problems.append(_problem(DUPLICATE, answer.item_id))
            by_id[answer.item_id] = answer
    problems.extend(find_problems(checklist, by_id))
    if problems:
        raise InvalidAnswers(problems)
    return by_id


def find_problems(checklist: Checklist, answers: Mapping[str, Answer]) -> list[AnswerProblem]:
    """Every problem of `answers`, in the order of their keys."""
    items = {item.id: item for item in checklist.items}
    problems: list[AnswerProblem] = []
    for key, answer in answers.items():
        if answer.item_id != key:
            problems.append(_problem(KEY_MISMATCH, key, key=key, item=answer.item_id))
        item = items.get(answer.item_id)
        if item is None:
            problems.append(_problem(UNKNOWN_ITEM, key))
        elif is_answered(answer):
            problems.extend(
                _problem(code, key, **fields) for code, fields in _answer_problems(item, answer)
            )
    return problems


def exact_number(value: object) -> Fraction | None:
    """`value` as an exact Fraction; None for floats, whose decimal value is not exact."""
    if isinstance(value, bool) or not isinstance(value, int | Fraction | Decimal):
        return None
    if isinstance(value, Decimal) and not value.is_finite():
        return None
    return Fraction(value)


Found = list[tuple[Code, dict[str, object]]]


def _answer_problems(item: Item, answer: Answer) -> Found:
    extra = sorted(_set_fields(answer) - _FIELDS[item.type])
    if answer.na:
        found: Found = [] if item.allow_na else [(NA_NOT_ALLOWED, {})]
        return found + ([(NA_WITH_VALUE, {})] if _set_fields(answer) else [])
    if extra:
        return [(WRONG_FIELDS, {"type": item.type.value, "fields": ", ".join(extra)})]
    if item.type is ItemType.YESNO and answer.value not in ("yes", "no"):
        return [(NOT_YESNO, {"value": answer.value})]
    if item.type is ItemType.CHOICE and item.option(str(answer.value)) is None:
        options = ", ".join(option.value for option in item.options)
        return [(UNKNOWN_OPTION, {"value": answer.value, "options": options})]
    if item.type is ItemType.COUNT:
        return _count_problems(answer)
    if item.type is ItemType.NUMBER:
        return _number_problems(item, answer)
    return []


def _count_problems(answer: Answer) -> Found:
    observed, compliant = answer.observed, answer.compliant
    if observed is None or compliant is None:
        return [(COUNT_INCOMPLETE, {})]
    wrong = [n for n in (compliant, observed) if isinstance(n, bool) or not isinstance(n, int)]
    wrong += [n for n in (compliant, observed) if isinstance(n, int) and n < 0]
    if wrong:
        return [(COUNT_NOT_NATURAL, {"value": wrong[0]})]
    if compliant > observed:
        return [(COUNT_EXCEEDS, {"compliant": compliant, "observed": observed})]
    return []


#: a measured number is a plain decimal: below 10^12, at most 6 decimal places
NUMBER_LIMIT = 10**12
NUMBER_PLACES = 10**6


def _shown(number: object) -> object:
    """A refused number as the message quotes it; an absurdly long one is abbreviated."""
    if isinstance(number, Fraction | Decimal | int) and not isinstance(number, bool):
        exact = Fraction(number) if not isinstance(number, Decimal) or number.is_finite() else None
        bits = max(exact.numerator.bit_length(), exact.denominator.bit_length()) if exact else 0
        if bits > 128:
            return "…"
    return number


def _number_problems(item: Item, answer: Answer) -> Found:
    value = exact_number(answer.number)
    if value is not None and (abs(value) >= NUMBER_LIMIT or NUMBER_PLACES % value.denominator):
        value = None
    if value is None:
        return [(NUMBER_MISSING, {"value": _shown(answer.number)})]
    too_low = item.minimum is not None and value < item.minimum
    too_high = item.maximum is not None and value > item.maximum
    if not (too_low or too_high):
        return []
    low = "-∞" if item.minimum is None else format_number(item.minimum, "en")
    high = "∞" if item.maximum is None else format_number(item.maximum, "en")
    return [(NUMBER_OUT_OF_RANGE, {"value": format_number(value, "en"), "low": low, "high": high})]


def _set_fields(answer: Answer) -> set[str]:
    fields = ("value", "observed", "compliant", "number")
    return {name for name in fields if getattr(answer, name) is not None}


def _problem(code: Code, item_key: str, /, **fields: object) -> AnswerProblem:
    fields.setdefault("item", item_key)
    text = Text(code.id.format(**fields), code.en.format(**fields))
    return AnswerProblem(code.code, item_key, text)
