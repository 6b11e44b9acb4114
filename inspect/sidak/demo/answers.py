"""What a team would answer at an office: realistic counts, failures with their notes.

Answers are drawn from the checklist itself (its items, types and pass thresholds), so they
stay valid when a checklist changes; only the wording of notes is keyed by item id.
"""

import math
import random
from dataclasses import dataclass

from sidak.demo.notes import GENERIC_NOTE, GOOD_VISIT, NOTES, ONLINE_CHANNELS, REMOTE_CARE
from sidak.domain.answers import Answer
from sidak.domain.checklist import Checklist, Evidence, Item, ItemType
from sidak.domain.visibility import visible_items
from sidak.services.inspections.drafts import AnswerInput

#: how many people, points or counters a team typically looks at, by item
OBSERVED = {
    "masker-pegawai": (8, 40),
    "masker-pengunjung": (3, 30),
    "masker-petugas": (10, 35),
    "masker-pasien": (10, 45),
    "hand-sanitizer": (3, 9),
    "jarak-tempat-duduk": (8, 30),
    "jarak-kursi-tunggu": (10, 40),
    "partisi-loket": (2, 10),
    "apd-ruang-ispa": (2, 4),
}
#: items offices often get wrong even when they try
HARD = {
    "daftar-hadir-pengunjung",
    "disinfeksi",
    "hand-sanitizer",
    "jam-layanan",
    "jarak-kursi-tunggu",
    "jarak-tempat-duduk",
    "partisi-loket",
    "pemantauan-kesehatan-pegawai",
    "persediaan-apd",
    "prosedur-petugas-sakit",
    "prosedur-sakit",
    "wfo-zona-rendah",
    "wfo-zona-sedang",
    "wfo-zona-tinggi",
}


@dataclass(frozen=True)
class Scene:
    """What the team found at the office, before it is put into answers."""

    level: float  #: 0..1, how well the office keeps the protocol that day
    critical_failure: bool  #: one critical item fails whatever the level
    zone: str  #: the risk zone in force (a `zona-risiko` option)
    receiver: str  #: who received the team
    follow_up: bool  #: the office was inspected before


@dataclass(frozen=True)
class PlannedAnswer:
    item: Item
    given: AnswerInput
    failed: bool

    @property
    def needs_photo(self) -> bool:
        return self.failed and Evidence.PHOTO in self.item.evidence_on_fail


def answer_all(checklist: Checklist, scene: Scene, rng: random.Random) -> list[PlannedAnswer]:
    """An answer for every item the team sees, in checklist order (text items included)."""
    critical = [item.id for item in checklist.items if item.critical]
    forced = rng.choice(critical) if scene.critical_failure and critical else None
    planned: list[PlannedAnswer] = []
    shown_to: dict[str, Answer] = {}
    for item in checklist.items:
        if item.type is ItemType.PHOTO or item.id == "catatan-umum":
            continue
        if item.id not in visible_items(checklist, shown_to):
            continue
        passed = item.id != forced and rng.random() < _pass_chance(item, scene.level)
        answer = _answer(item, passed, scene, rng)
        shown_to[item.id] = _domain(item.id, answer.given)
        planned.append(answer)
    general = checklist.item("catatan-umum")
    if general is not None:
        note = _general_note(planned, scene, rng)
        planned.append(PlannedAnswer(general, AnswerInput(value=note), False))
    return planned


def _pass_chance(item: Item, level: float) -> float:
    if item.critical:
        return 1 - (1 - level) / 2
    if item.id in HARD:
        return level**2
    return level


def _answer(item: Item, passed: bool, scene: Scene, rng: random.Random) -> PlannedAnswer:
    if item.type is ItemType.TEXT:
        options = REMOTE_CARE if item.id == "layanan-daring" else ONLINE_CHANNELS
        return PlannedAnswer(item, AnswerInput(value=rng.choice(options)), False)
    if not item.scored:
        return PlannedAnswer(item, AnswerInput(value=_informational(item, scene, rng)), False)
    if item.allow_na and rng.random() < 0.08:
        return PlannedAnswer(item, AnswerInput(na=True), False)
    fields, blanks = _FILL[item.type](item, passed, rng)
    note = "" if passed else _note(item, rng, **blanks)
    return PlannedAnswer(item, AnswerInput(**fields, note=note), not passed)


def _informational(item: Item, scene: Scene, rng: random.Random) -> str:
    if item.type is ItemType.CHOICE:
        values = [option.value for option in item.options or ()]
        return scene.zone if scene.zone in values else rng.choice(values)
    return "yes" if rng.random() < 0.6 else "no"


def _yesno(item: Item, passed: bool, rng: random.Random) -> tuple[dict, dict]:
    other = "no" if item.expect == "yes" else "yes"
    return {"value": item.expect if passed else other}, {}


def _count(item: Item, passed: bool, rng: random.Random) -> tuple[dict, dict]:
    observed = rng.randint(*OBSERVED.get(item.id, (5, 20)))
    ratio = item.pass_ratio if item.pass_ratio is not None else 1
    needed = math.ceil(ratio * observed)
    if passed:
        compliant = observed if rng.random() < 0.6 else rng.randint(needed, observed)
    else:
        compliant = rng.randint(min(observed // 2, needed - 1), needed - 1)
    blanks = {"bad": observed - compliant, "observed": observed}
    return {"observed": observed, "compliant": compliant}, blanks


def _number(item: Item, passed: bool, rng: random.Random) -> tuple[dict, dict]:
    low = int(item.pass_min if item.pass_min is not None else item.minimum or 0)
    high = int(item.pass_max if item.pass_max is not None else item.maximum or 100)
    ceiling = int(item.maximum if item.maximum is not None else high + 50)
    if passed:
        value = rng.randint(max(low, high * 6 // 10), high)
    else:
        value = rng.randint(high + 1, min(ceiling, high + 30))
    return {"number": str(value)}, {"value": value}


def _choice(item: Item, passed: bool, rng: random.Random) -> tuple[dict, dict]:
    options = [option for option in item.options or () if option.passed == passed]
    value = rng.choice(options).value
    return {"value": value}, {"option": value}


_FILL = {
    ItemType.YESNO: _yesno,
    ItemType.COUNT: _count,
    ItemType.NUMBER: _number,
    ItemType.CHOICE: _choice,
}


def _note(item: Item, rng: random.Random, **blanks: object) -> str:
    """A note for the failure; a choice item's note depends on the option chosen."""
    notes = NOTES.get(f"{item.id}:{blanks.get('option')}") or NOTES.get(item.id, (GENERIC_NOTE,))
    return rng.choice(notes).format(**blanks)


def _domain(item_id: str, given: AnswerInput) -> Answer:
    """The answer as visibility reads it (conditions look at values only)."""
    return Answer(item_id=item_id, value=given.value, na=given.na)


def _general_note(planned: list[PlannedAnswer], scene: Scene, rng: random.Random) -> str:
    failed = [answer for answer in planned if answer.failed]
    opening = "Pemeriksaan ulang atas temuan kunjungan sebelumnya. " if scene.follow_up else ""
    if not failed:
        return opening + rng.choice(GOOD_VISIT)
    days = 3 if any(answer.item.critical for answer in failed) else 7
    text = (
        f"{len(failed)} temuan disampaikan langsung kepada {scene.receiver}; "
        f"perbaikan diminta dalam {days} hari kerja."
    )
    if any(answer.item.critical for answer in failed):
        text += " Butir kritis gagal: diusulkan teguran tertulis kepada kepala kantor."
    return opening + text
