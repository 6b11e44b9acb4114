"""One item's credit, pass/fail and explanation, from its answer alone."""

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from sidak.domain.answers import Answer
from sidak.domain.checklist.model import Item, ItemType
from sidak.domain.scoring.results import Status
from sidak.domain.scoring.rounding import format_number, format_percent
from sidak.domain.text import Text
from sidak.domain.visibility import is_answered

#: a count item without `pass_ratio` passes only when everyone observed complies
DEFAULT_PASS_RATIO = Fraction(1)

_VERDICT = {True: Text("lulus", "passed"), False: Text("gagal", "failed")}
_YESNO = {"yes": Text("ya", "yes"), "no": Text("tidak", "no")}
_CRITICAL = Text(" (butir kritis: nilai gagal)", " (critical item: failing grade)")
_UNSCORED = Text("Teks/foto: tidak dinilai", "Text/photo: not scored")
_INFORMATIONAL = Text("Informasi: tidak dinilai", "Information: not scored")
_MISSING = Text(
    "Belum dijawab: tidak dihitung, pemeriksaan belum lengkap",
    "Not answered: not counted; the inspection is incomplete",
)
_NA = Text("Tidak berlaku (N/A): tidak dihitung", "Not applicable (N/A): not counted")
_NOTHING_OBSERVED = Text(
    "0 diamati: tidak ada yang dapat diamati, dianggap tidak berlaku",
    "0 observed: nothing could be observed, treated as not applicable",
)


@dataclass(frozen=True)
class Outcome:
    status: Status
    credit: Fraction | None  #: 0..1 when the item is counted
    explanation: Text


def evaluate(item: Item, answer: Answer | None, visible: bool) -> Outcome:
    """How `item` scores with `answer`; the answer must already be valid for the item."""
    if not visible:
        return Outcome(Status.HIDDEN, None, _hidden_text(item))
    if not item.type.scored:
        return Outcome(Status.UNSCORED, None, _UNSCORED)
    if answer is None or not is_answered(answer):
        return Outcome(Status.MISSING, None, _MISSING)
    if answer.na:
        return Outcome(Status.NA, None, _NA)
    if not item.scored:  # informational: must be answered, never counts
        return Outcome(Status.UNSCORED, None, _INFORMATIONAL)
    if item.type is ItemType.COUNT and answer.observed == 0:
        return Outcome(Status.NA, None, _NOTHING_OBSERVED)
    credit, passed, said = _JUDGES[item.type](item, answer)
    suffix = _CRITICAL if item.critical and not passed else Text("")
    verdict = _bilingual(
        lambda lang: f"{said(lang)}: {_VERDICT[passed].get(lang)}{suffix.get(lang)}"
    )
    return Outcome(Status.PASS if passed else Status.FAIL, credit, verdict)


Said = Callable[[str], str]
Judgement = tuple[Fraction, bool, Said]


def _yesno(item: Item, answer: Answer) -> Judgement:
    passed = answer.value == item.expect
    given, expected = _YESNO[str(answer.value)], _YESNO[item.expect]

    def said(lang: str) -> str:
        if lang == "id":
            return f"Jawaban {given.id}, diharapkan {expected.id}"
        return f"Answer {given.get('en')}, expected {expected.get('en')}"

    return Fraction(int(passed)), passed, said


def _count(item: Item, answer: Answer) -> Judgement:
    compliant, observed = int(answer.compliant or 0), int(answer.observed or 0)
    credit = Fraction(compliant, observed)
    ratio = DEFAULT_PASS_RATIO if item.pass_ratio is None else item.pass_ratio

    def said(lang: str) -> str:
        share, bar = format_percent(credit, lang), format_percent(ratio, lang)
        if lang == "id":
            return f"{compliant} dari {observed} patuh ({share}), batas lulus {bar}"
        return f"{compliant} of {observed} comply ({share}), pass at {bar}"

    return credit, credit >= ratio, said


def _number(item: Item, answer: Answer) -> Judgement:
    value = Fraction(answer.number or 0)
    passed = (item.pass_min is None or value >= item.pass_min) and (
        item.pass_max is None or value <= item.pass_max
    )
    unit = f" {item.unit}" if item.unit else ""

    def said(lang: str) -> str:
        shown = format_number(value, lang) + unit
        if lang == "id":
            return f"Nilai {shown}, lulus bila {_pass_range(item, lang)}"
        return f"Value {shown}, passes {_pass_range(item, lang)}"

    return Fraction(int(passed)), passed, said


def _pass_range(item: Item, lang: str) -> str:
    low, high = item.pass_min, item.pass_max
    words = {"id": ("antara {} dan {}", "minimal {}", "maksimal {}", "berapa pun")}
    words["en"] = ("between {} and {}", "at least {}", "at most {}", "at any value")
    both, at_least, at_most, any_value = words[lang]
    if low is not None and high is not None:
        return both.format(format_number(low, lang), format_number(high, lang))
    if low is not None:
        return at_least.format(format_number(low, lang))
    if high is not None:
        return at_most.format(format_number(high, lang))
    return any_value


def _choice(item: Item, answer: Answer) -> Judgement:
    option = item.option(str(answer.value))
    if option is None:  # validation refuses unknown options before scoring
        raise ValueError(f"{item.id}: unknown option {answer.value!r}")

    def said(lang: str) -> str:
        share = format_percent(option.score, lang)
        if lang == "id":
            return f"Pilihan '{option.label.id}' bernilai {share}"
        return f"Option '{option.label.get('en')}' earns {share}"

    return option.score, option.passed, said


_JUDGES: dict[ItemType, Callable[[Item, Answer], Judgement]] = {
    ItemType.YESNO: _yesno,
    ItemType.COUNT: _count,
    ItemType.NUMBER: _number,
    ItemType.CHOICE: _choice,
}


def _hidden_text(item: Item) -> Text:
    controller = item.show_if.item_id if item.show_if else "?"
    return Text(
        f"Tidak ditampilkan: syarat pada '{controller}' tidak terpenuhi; tidak dihitung",
        f"Hidden: its condition on '{controller}' is not met; not counted",
    )


def _bilingual(render: Callable[[str], str]) -> Text:
    return Text(render("id"), render("en"))
