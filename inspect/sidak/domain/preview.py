"""A scored inspection written out for a checklist author: readable text, or stable JSON.

``sidak checklists preview PATH --answers ANSWERS.yaml [--json]`` prints one of these.
The JSON is for machines and for the worked examples under ``tests/domain/examples/``:
rounded scores as decimal strings (``"87.5"``); exact numbers as decimals where they end
(``"1.4"``) and as fractions where they do not (``"520/7"``); ``Fraction(text)`` reads both.
"""

import json
from decimal import Decimal
from fractions import Fraction

from sidak.domain.answers import Answer
from sidak.domain.checklist.model import Checklist, Item, ItemType
from sidak.domain.scoring import GroupScore, ItemResult, ScoreResult, Status, round_half_up
from sidak.domain.scoring.rounding import format_decimal, format_number, format_percent
from sidak.domain.text import Text

_STATUS = {
    Status.PASS: Text("LULUS", "PASS"),
    Status.FAIL: Text("GAGAL", "FAIL"),
    Status.NA: Text("N/A", "N/A"),
    Status.HIDDEN: Text("TERSEMBUNYI", "HIDDEN"),
    Status.MISSING: Text("BELUM DIJAWAB", "MISSING"),
    Status.UNSCORED: Text("TIDAK DINILAI", "UNSCORED"),
}
_WORDS = {
    "id": {
        "checklist": "Daftar periksa",
        "version": "versi",
        "section": "Bagian",
        "answer": "jawaban",
        "weight": "bobot",
        "credit": "kredit",
        "points": "poin {gained}, hilang {lost}",
        "nothing": "tidak ada butir yang dihitung",
        "legend": "[!] = butir kritis; poin = sumbangan pada skor total (dari 100)",
        "categories": "Skor per kategori",
        "total": "Skor total",
        "grade": "Nilai",
        "critical": "Butir kritis gagal",
        "overridden": "nilai gagal karena butir kritis",
        "missing": "Belum dijawab",
        "incomplete": "pemeriksaan belum lengkap",
        "none": "tidak ada",
        "na": "tidak berlaku",
        "yes": "ya",
        "no": "tidak",
    },
    "en": {
        "checklist": "Checklist",
        "version": "version",
        "section": "Section",
        "answer": "answer",
        "weight": "weight",
        "credit": "credit",
        "points": "points {gained}, lost {lost}",
        "nothing": "nothing counted",
        "legend": "[!] = critical item; points = share of the total score (out of 100)",
        "categories": "Scores by category",
        "total": "Total score",
        "grade": "Grade",
        "critical": "Failed critical items",
        "overridden": "failing grade because of a critical item",
        "missing": "Not answered",
        "incomplete": "the inspection is incomplete",
        "none": "none",
        "na": "not applicable",
        "yes": "yes",
        "no": "no",
    },
}


def render_text(checklist: Checklist, result: ScoreResult, lang: str = "id") -> str:
    """A readable breakdown: every item by section, then categories, total and grade."""
    words = _WORDS["en" if lang == "en" else "id"]
    lines = [
        f"{words['checklist']}: {checklist.title.get(lang)} "
        f"({checklist.id}, {words['version']} {checklist.version})",
        words["legend"],
        "",
    ]
    items = {item.id: item for item in checklist.items}
    for section in checklist.sections:
        lines.append(f"== {words['section']}: {_group_line(result.section(section.id), lang)}")
        for item in section.items:
            lines.extend(_item_lines(items[item.id], result.item(item.id), lang))
        lines.append("")
    lines.append(f"{words['categories']}:")
    lines.extend(f"  {_group_line(group, lang)}" for group in result.categories)
    lines.append("")
    lines.extend(_summary_lines(result, lang))
    return "\n".join(lines) + "\n"


def render_json(checklist: Checklist, result: ScoreResult) -> str:
    """Stable JSON of `result`: checklist order, fixed keys, scores as decimal strings."""
    items = {item.id: item for item in checklist.items}
    document = {
        "checklist": {"id": checklist.id, "version": checklist.version},
        "total": _score(result.overall.score),
        "total_exact": _exact(result.overall.exact),
        "grade": None if result.grade is None else result.grade.id,
        "complete": result.complete,
        "critical_failures": list(result.critical_failures),
        "missing": list(result.missing),
        "sections": [_group_json(group) for group in result.sections],
        "categories": [_group_json(group) for group in result.categories],
        "items": [_item_json(items.get(r.item_id), r) for r in result.items],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def answer_text(item: Item, answer: Answer | None, lang: str = "id") -> str:
    """An answer as an inspector would say it: ``ya``, ``7/10``, ``40 %``, an option's label."""
    words = _WORDS["en" if lang == "en" else "id"]
    if answer is None:
        return "—"
    if answer.na:
        return words["na"]
    if item.type is ItemType.COUNT and answer.observed is not None:
        return f"{answer.compliant}/{answer.observed}"
    if item.type is ItemType.NUMBER and answer.number is not None:
        unit = f" {item.unit}" if item.unit else ""
        return format_number(Fraction(answer.number), lang) + unit
    if item.type is ItemType.YESNO and answer.value in ("yes", "no"):
        return words[answer.value]
    option = item.option(answer.value) if item.type is ItemType.CHOICE and answer.value else None
    if option is not None:
        return option.label.get(lang)
    return "—" if answer.value is None else f'"{answer.value}"'


def _item_lines(item: Item, result: ItemResult, lang: str) -> list[str]:
    words = _WORDS["en" if lang == "en" else "id"]
    status = _STATUS[result.status].get(lang)
    facts = [f"{words['answer']}: {_shorten(answer_text(item, result.answer, lang))}"]
    if item.is_scored:
        facts.append(f"{words['weight']} {format_number(item.weight, lang)}")
    if result.credit is not None:
        gained, lost = (_points(value, lang) for value in (result.points, result.points_lost))
        facts.append(f"{words['credit']} {format_percent(result.credit, lang)}")
        facts.append(words["points"].format(gained=f"+{gained}", lost=lost))
    critical = " [!]" if item.critical else ""
    return [
        f"  [{status}]{critical} {item.id}: {item.question.get(lang)}",
        f"      {' · '.join(facts)}",
        f"      {result.explanation.get(lang)}",
    ]


def _summary_lines(result: ScoreResult, lang: str) -> list[str]:
    words = _WORDS["en" if lang == "en" else "id"]
    grade = "—" if result.grade is None else result.grade.label.get(lang)
    if result.critical_failures:
        grade += f" ({words['overridden']})"
    missing = ", ".join(result.missing) or words["none"]
    if result.missing:
        missing += f" ({words['incomplete']})"
    return [
        f"{words['total']}: {_group_score(result.overall, lang)}",
        f"{words['grade']}: {grade}",
        f"{words['critical']}: {', '.join(result.critical_failures) or words['none']}",
        f"{words['missing']}: {missing}",
    ]


def _group_line(group: GroupScore, lang: str) -> str:
    return f"{group.title.get(lang)} [{group.key}]: {_group_score(group, lang)}"


def _group_score(group: GroupScore, lang: str) -> str:
    """``74,3 (5,2/7)``: the score and the weights earned out of the weights counted."""
    if group.score is None:
        return f"— ({_WORDS['en' if lang == 'en' else 'id']['nothing']})"
    earned, possible = (format_number(value, lang) for value in (group.earned, group.possible))
    return f"{format_decimal(group.score, lang)} ({earned}/{possible})"


def _group_json(group: GroupScore) -> dict:
    return {
        "id": group.key,
        "score": _score(group.score),
        "exact": _exact(group.exact),
        "earned": _exact(group.earned),
        "possible": _exact(group.possible),
        "passed": list(group.passed_items),
        "failed": list(group.failed_items),
    }


def _item_json(item: Item | None, result: ItemResult) -> dict:
    return {
        "id": result.item_id,
        "section": result.section_id,
        "category": result.category,
        "type": result.type.value,
        "critical": result.critical,
        "status": result.status.value,
        "answer": None if item is None else _answer_json(item, result.answer),
        "weight": _exact(result.weight),
        "credit": _exact(result.credit),
        "earned": _exact(result.earned),
        "possible": _exact(result.possible),
        "points": str(round_half_up(result.points)),
        "points_lost": str(round_half_up(result.points_lost)),
        "explanation": {"id": result.explanation.id, "en": result.explanation.get("en")},
    }


def _answer_json(item: Item, answer: Answer | None) -> str | None:
    if answer is None:
        return None
    if answer.na:
        return "na"
    if item.type is ItemType.COUNT and answer.observed is not None:
        return f"{answer.compliant}/{answer.observed}"
    if item.type is ItemType.NUMBER and answer.number is not None:
        return _exact(Fraction(answer.number))
    return answer.value


def _shorten(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _points(value: Fraction, lang: str) -> str:
    return format_decimal(round_half_up(value), lang)


def _score(score: Decimal | None) -> str | None:
    return None if score is None else str(score)


def _exact(value: Fraction | None) -> str | None:
    """A fraction as text: ``"7/5"``, ``"2"``; decimals where exact, ``"37.5"``."""
    if value is None:
        return None
    for places in range(4):
        if (value * 10**places).denominator == 1:
            return str(round_half_up(value, places))
    return str(value)
