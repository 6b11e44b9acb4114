"""How ladder files are spoken about: Indonesian names of keys, the words authors write for
them, and a `Fields` that uses both in its messages."""

from collections.abc import Iterable

from sidak.domain.checklist import codes as common
from sidak.domain.checklist import vocabulary
from sidak.domain.checklist.fields import Entries, Fields, Place
from sidak.domain.checklist.yamlnodes import Mapping, Node, Scalar
from sidak.domain.problems import Code, Mark
from sidak.domain.sanctions import codes

#: `on_overdue` words: the following level (the default), or stay overdue at this level
NEXT, NONE = "next", "none"

#: How messages name the ladder's keys in Indonesian (beside the checklist language's glosses).
GLOSSES: dict[str, str] = {
    "rule": "dasar hukum",
    "window_days": "rentang hari pengulangan",
    "follow_up_days": "hari kerja sampai inspeksi lanjutan",
    "actions": "batas perbaikan temuan",
    "triggers": "pemicu sanksi",
    "critical_level": "tingkat untuk butir kritis",
    "levels": "tingkat sanksi",
    "name": "nama",
    "meaning": "arti",
    "days": "hari kerja",
    "critical_days": "hari kerja temuan kritis",
    "on_overdue": "bila lewat batas",
    "score_below": "skor di bawah",
}
#: Indonesian (and near-English) words an author may write for a ladder key.
SYNONYMS: dict[str, str] = {
    **{gloss: key for key, gloss in GLOSSES.items()},
    "aturan": "rule",
    "peraturan": "rule",
    "dasar": "rule",
    "dasar_hukum": "rule",
    "dasar-hukum": "rule",
    "basis": "rule",
    "rules": "rule",
    "rentang": "window_days",
    "jendela": "window_days",
    "window": "window_days",
    "tindak_lanjut": "follow_up_days",
    "tindak-lanjut": "follow_up_days",
    "lanjutan": "follow_up_days",
    "follow_up": "follow_up_days",
    "tindakan": "actions",
    "perbaikan": "actions",
    "pemicu": "triggers",
    "tingkat": "levels",
    "tingkatan": "levels",
    "jenjang": "levels",
    "sanksi": "levels",
    "nama": "name",
    "arti": "meaning",
    "makna": "meaning",
    "keterangan": "meaning",
    "description": "meaning",
    "hari": "days",
    "hari_kerja": "days",
    "batas": "days",
    "tenggat": "days",
    "batas_waktu": "days",
    "hari_kritis": "critical_days",
    "lewat_batas": "on_overdue",
    "terlambat": "on_overdue",
    "overdue": "on_overdue",
    "eskalasi": "on_overdue",
    "tingkat_kritis": "critical_level",
    "nilai": "grades",
    "tingkat_nilai": "grades",
    "grade": "grades",
    "butir": "items",
    "item": "items",
    "kritis": "critical",
    "skor": "score_below",
    "score": "score_below",
    "batas_skor": "score_below",
    "skor_minimal": "score_below",
}
#: Words an author may write for `on_overdue: next` or `none`.
OVERDUE_WORDS: dict[str, str] = {
    "berikutnya": NEXT,
    "selanjutnya": NEXT,
    "lanjut": NEXT,
    "naik": NEXT,
    "tidak": NONE,
    "tidak-ada": NONE,
    "tidak ada": NONE,
    "tetap": NONE,
    "no": NONE,
    "stop": NONE,
}

LADDER: Place = ("aturan sanksi", "sanction ladder")
LEVEL: Place = ("tingkat sanksi", "level")
ACTIONS: Place = ("batas perbaikan temuan", "actions")
TRIGGERS: Place = ("pemicu sanksi", "triggers")


def label(key: str) -> str:
    """How an Indonesian message names a ladder key, e.g. ``hari kerja (days)``."""
    gloss = GLOSSES.get(key) or vocabulary.GLOSSES.get(key)
    return f"{gloss} ({key})" if gloss and gloss != key else key


class LadderFields(Fields):
    """`Fields` that names ladder keys in Indonesian and suggests them for unknown keys."""

    def __init__(self) -> None:
        super().__init__()
        self._allowed: tuple[str, ...] = ()

    def entries(
        self, mapping: Mapping, place: Place, allowed: Iterable[str], required: Iterable[str] = ()
    ) -> Entries:
        self._allowed = tuple(allowed)
        try:
            return super().entries(mapping, place, self._allowed, required)
        finally:
            self._allowed = ()

    def add(self, code: Code, at: Node | Mark, **fields: object) -> None:
        key = fields.get("key")
        if isinstance(key, str):
            if code is common.UNKNOWN_KEY and self._allowed:
                fields.update(vocabulary.hint(key, self._allowed, SYNONYMS))
            elif fields.get("label") == vocabulary.label(key):
                fields["label"] = label(key)
        super().add(code, at, **fields)


def value_of(node: Node | None, key: str) -> Node | None:
    """The value under `key` if `node` is a mapping that has it (first occurrence)."""
    if not isinstance(node, Mapping):
        return None
    return next((value for k, value in node.entries if k.value == key), None)


def read_days(f: Fields, node: Node, key: str, bounds: tuple[int, int]) -> int | None:
    """A whole number of days within `bounds`."""
    number = f.number(node, key)
    if number is None or not isinstance(node, Scalar):
        return None
    low, high = bounds
    if number.denominator != 1 or not low <= number <= high:
        fields = {"key": key, "label": label(key), "value": node.value}
        f.add(codes.DAYS_OUT_OF_RANGE, node, low=low, high=high, **fields)
        return None
    return int(number)
