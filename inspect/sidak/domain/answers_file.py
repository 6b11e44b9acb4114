"""Reading an answers file, the YAML a checklist author writes to try a checklist out.

One ``item-id: answer`` entry per item, written the way an inspector would say it::

    masker-pegawai: 9/10          # count: compliant/observed, or {patuh: 9, diamati: 10}
    wastafel: ya                  # yesno: ya/tidak/yes/no/true/false
    suhu: na                      # any scored item that allows it: na, n/a or tb
    persen-wfo: 40                # number
    sabun: sebagian               # choice: the option's value
    catatan: Petugas ramah        # text

An entry left empty is unanswered. Values are checked by the scoring engine's own rules
(codes A1xx), placed at the entry they are about; the file's shape has codes A0xx.
"""

import re
from difflib import get_close_matches

from sidak.domain.answers import Answer
from sidak.domain.checklist.model import Checklist, Item, ItemType
from sidak.domain.checklist.yamlnodes import Mapping, Node, Scalar, kind_of, read_yaml, yes_no
from sidak.domain.checklist.yamlnodes import scalar_number as read_number
from sidak.domain.problems import Code, InvalidDocument, Mark, Problem
from sidak.domain.scoring.validation import find_problems

NOT_A_MAPPING = Code(
    "A001",
    "Berkas jawaban harus berupa pemetaan 'kode-butir: jawaban', tertulis {found}",
    "An answers file must be a mapping 'item-id: answer', found {found_en}",
)
UNKNOWN_ITEM = Code(
    "A002",
    "Butir '{key}' tidak ada di daftar periksa '{checklist}'{hint}",
    "Item '{key}' is not in checklist '{checklist}'{hint_en}",
)
DUPLICATE_ITEM = Code(
    "A003",
    "Butir '{key}' dijawab dua kali (pertama di baris {first}); hapus salah satunya",
    "Item '{key}' is answered twice (first on line {first}); remove one of them",
)
NOT_YES_NO = Code(
    "A004",
    "Butir '{key}' dijawab ya atau tidak (atau na bila tidak berlaku), tertulis {found}",
    "Item '{key}' is answered yes or no (or na if not applicable), found {found_en}",
)
NOT_A_COUNT = Code(
    "A005",
    "Butir '{key}' dijawab patuh/diamati, misalnya 9/10 atau {{patuh: 9, diamati: 10}}, "
    "tertulis {found}",
    "Item '{key}' is answered compliant/observed, e.g. 9/10 or "
    "{{compliant: 9, observed: 10}}, found {found_en}",
)
NOT_A_NUMBER = Code(
    "A006",
    "Butir '{key}' dijawab dengan angka (pakai titik untuk desimal, misalnya 37.5), "
    "tertulis {found}",
    "Item '{key}' is answered with a number (use a point for decimals, e.g. 37.5), "
    "found {found_en}",
)
NOT_ONE_VALUE = Code(
    "A007",
    "Butir '{key}' dijawab dengan satu nilai, tertulis {found}",
    "Item '{key}' is answered with a single value, found {found_en}",
)

_NA_WORDS = {"na", "n/a", "tb", "t/b", "tidak berlaku", "not applicable"}
_COUNT = re.compile(r"\s*([0-9]+)\s*/\s*([0-9]+)\s*")
_DIGITS = re.compile(r"\s*[0-9]+\s*")
_COUNT_KEYS = {"patuh": "compliant", "diamati": "observed"}
_COUNT_KEYS.update({name: name for name in _COUNT_KEYS.values()})


class _Refused(Exception):
    """One entry cannot be read; carries the problem to report."""

    def __init__(self, problem: Problem):
        self.problem = problem


def parse_answers(text: str | bytes, checklist: Checklist) -> dict[str, Answer]:
    """The answers of an answers file, keyed by item id.

    Raises `InvalidDocument` with every problem of the file, each at the line and column of
    the entry it is about: YAML errors (Y0xx), the file's shape (A0xx) and answers the
    scoring engine would refuse (A1xx).
    """
    node, problems = read_yaml(text)
    if node is None:
        if [p.code for p in problems] == ["Y003"]:  # empty: nothing answered yet
            return {}
        raise InvalidDocument(problems)
    if not isinstance(node, Mapping):
        found, found_en = kind_of(node)
        raise InvalidDocument([NOT_A_MAPPING.at(node.mark, found=found, found_en=found_en)])
    answers, marks, problems = _read_entries(node, checklist)
    for problem in find_problems(checklist, answers):
        problems.append(Problem(problem.code, marks[problem.item_id], problem.message))
    if problems:
        raise InvalidDocument(problems)
    return answers


def _read_entries(
    node: Mapping, checklist: Checklist
) -> tuple[dict[str, Answer], dict[str, Mark], list[Problem]]:
    items = {item.id: item for item in checklist.items}
    answers: dict[str, Answer] = {}
    marks: dict[str, Mark] = {}
    problems: list[Problem] = []
    for key, value in node.entries:
        item_id = key.value
        if item_id in marks:
            first = marks[item_id].line
            problems.append(DUPLICATE_ITEM.at(key.mark, key=item_id, first=first))
            continue
        marks[item_id] = value.mark
        item = items.get(item_id)
        if item is None:
            problems.append(_unknown(key, checklist, list(items)))
            continue
        try:
            answer = _read_answer(item, value)
        except _Refused as refused:
            problems.append(refused.problem)
            continue
        if answer is not None:
            answers[item_id] = answer
    return answers, marks, problems


def _read_answer(item: Item, node: Node) -> Answer | None:
    if isinstance(node, Scalar) and node.is_null:
        return None
    if item.type.scored and isinstance(node, Scalar) and node.value.strip().lower() in _NA_WORDS:
        return Answer(item.id, na=True)
    if item.type is ItemType.COUNT:
        return _read_count(item, node)
    scalar = _one_value(item, node)
    if item.type is ItemType.YESNO:
        value = yes_no(scalar.value)
        if value is None:
            raise _refuse(NOT_YES_NO, item, scalar)
        return Answer(item.id, value=value)
    if item.type is ItemType.NUMBER:
        number = read_number(scalar)
        if number is None:
            raise _refuse(NOT_A_NUMBER, item, scalar)
        return Answer(item.id, number=number)
    if item.type is ItemType.CHOICE:
        return Answer(item.id, value=scalar.value.strip())
    return Answer(item.id, value=scalar.value)


def _read_count(item: Item, node: Node) -> Answer:
    if isinstance(node, Scalar):
        match = _COUNT.fullmatch(node.value)
        if match is None:
            raise _refuse(NOT_A_COUNT, item, node)
        compliant, observed = (int(group) for group in match.groups())
        return Answer(item.id, observed=observed, compliant=compliant)
    if not isinstance(node, Mapping):
        raise _refuse(NOT_A_COUNT, item, node)
    numbers: dict[str, int] = {}
    for key, value in node.entries:
        name = _COUNT_KEYS.get(key.value.strip().lower())
        if name is None or name in numbers or not isinstance(value, Scalar):
            raise _refuse(NOT_A_COUNT, item, node)
        if not _DIGITS.fullmatch(value.value):
            raise _refuse(NOT_A_COUNT, item, value)
        numbers[name] = int(value.value)
    if len(numbers) != 2:
        raise _refuse(NOT_A_COUNT, item, node)
    return Answer(item.id, **numbers)


def _one_value(item: Item, node: Node) -> Scalar:
    if not isinstance(node, Scalar):
        raise _refuse(NOT_ONE_VALUE, item, node)
    return node


def _refuse(code: Code, item: Item, node: Node) -> _Refused:
    found, found_en = kind_of(node)
    return _Refused(code.at(node.mark, key=item.id, found=found, found_en=found_en))


def _unknown(key: Scalar, checklist: Checklist, item_ids: list[str]) -> Problem:
    close = get_close_matches(key.value, item_ids, n=1, cutoff=0.6)
    hint = {"hint": "", "hint_en": ""}
    if close:
        hint = {"hint": f"; maksud Anda '{close[0]}'?", "hint_en": f"; did you mean '{close[0]}'?"}
    return UNKNOWN_ITEM.at(key.mark, key=key.value, checklist=checklist.id, **hint)
