"""The words messages use: Indonesian names of keys, and "did you mean" suggestions.

Authors are health officials who think in Indonesian; an unknown ``bobot`` is far more
likely to mean ``weight`` than any spelling distance would guess.
"""

from collections.abc import Iterable
from difflib import get_close_matches

#: How messages name each key in Indonesian; the English key is shown beside it.
GLOSSES: dict[str, str] = {
    "id": "kode",
    "version": "versi",
    "title": "judul",
    "description": "keterangan",
    "basis": "dasar hukum",
    "rules": "daftar dasar hukum",
    "grades": "tingkat nilai",
    "sections": "bagian",
    "items": "butir",
    "type": "tipe",
    "question": "pertanyaan",
    "category": "kategori",
    "weight": "bobot",
    "critical": "kritis",
    "scored": "dinilai",
    "na": "boleh tidak berlaku",
    "pass_percent": "persen lulus",
    "guidance": "petunjuk",
    "evidence_on_fail": "bukti saat gagal",
    "show_if": "syarat tampil",
    "expect": "jawaban yang lulus",
    "unit": "satuan",
    "min": "nilai minimal",
    "max": "nilai maksimal",
    "pass_min": "batas bawah lulus",
    "pass_max": "batas atas lulus",
    "options": "pilihan",
    "value": "nilai pilihan",
    "label": "label",
    "score": "skor",
    "pass": "lulus",
    "color": "warna",
    "equals": "sama dengan",
    "in": "salah satu dari",
    "item": "butir acuan",
    "en": "teks Inggris",
}

#: Indonesian words an author may write for a key, a type or an evidence kind.
SYNONYMS: dict[str, str] = {
    **{gloss: key for key, gloss in GLOSSES.items()},
    "judul": "title",
    "pertanyaan": "question",
    "bobot": "weight",
    "kategori": "category",
    "kritis": "critical",
    "tipe": "type",
    "jenis": "type",
    "petunjuk": "guidance",
    "pilihan": "options",
    "warna": "color",
    "colour": "color",
    "skor": "score",
    "nilai": "value",
    "satuan": "unit",
    "versi": "version",
    "bagian": "sections",
    "butir": "items",
    "dasar": "basis",
    "ya/tidak": "yesno",
    "ya-tidak": "yesno",
    "ya_tidak": "yesno",
    "yatidak": "yesno",
    "boolean": "yesno",
    "jumlah": "count",
    "hitung": "count",
    "angka": "number",
    "nomor": "number",
    "bilangan": "number",
    "teks": "text",
    "foto": "photo",
    "gambar": "photo",
    "catatan": "note",
}


def label(key: str) -> str:
    """How an Indonesian message names `key`, e.g. ``bobot (weight)``."""
    gloss = GLOSSES.get(key)
    return f"{gloss} ({key})" if gloss and gloss != key else key


def key_fields(key: str) -> dict[str, str]:
    """The `key` and `label` fields most templates use."""
    return {"key": key, "label": label(key)}


def hint(
    word: str, choices: Iterable[str], synonyms: dict[str, str] | None = None
) -> dict[str, str]:
    """``hint``/``hint_en`` fields: a "did you mean" for `word` among `choices`, or blanks."""
    choices = list(choices)
    lowered = word.strip().lower()
    guess = {**SYNONYMS, **(synonyms or {})}.get(lowered)
    guess = guess if guess in choices else None
    if guess is None:
        close = get_close_matches(lowered, choices, n=1, cutoff=0.6)
        guess = close[0] if close else None
    if guess is None or guess == word:
        return {"hint": "", "hint_en": ""}
    return {"hint": f"; maksud Anda '{guess}'?", "hint_en": f"; did you mean '{guess}'?"}
