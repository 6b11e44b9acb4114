"""The problem catalogue of sanction-ladder files (``checklists/sanksi.yaml``).

Generic structure problems (not UTF-8, YAML syntax, wrong kind, unknown/missing/duplicate key,
empty value, bad id, empty list, duplicate id, not a number, not yes/no) keep their checklist
codes (Y0xx, C1xx) and F0xx for paths: a ladder is written the same way as a checklist. The
S-codes below are the ladder's own rules. Prefixes: S1xx the file and its day counts, S2xx
levels and escalation, S3xx triggers and references to checklists. A code never changes
meaning once released; retire it instead of reusing it. Every S-code has a fixture under
``tests/domain/broken/sanctions/``.
"""

from sidak.domain.problems import Code, Severity

# --- S1xx: the file --------------------------------------------------------------------
NOT_A_LADDER = Code(
    "S101",
    "Berkas aturan sanksi harus berupa pemetaan 'kunci: nilai' di tingkat teratas, dimulai "
    "dengan 'id:', 'version:', 'title:'; tertulis {found}",
    "A sanction ladder must be a 'key: value' mapping at the top level, starting with 'id:', "
    "'version:', 'title:'; found {found_en}",
)
DAYS_OUT_OF_RANGE = Code(
    "S102",
    '{label} harus bilangan bulat dari {low} sampai {high}, tertulis "{value}"',
    '{key} must be a whole number from {low} to {high}, found "{value}"',
)
CRITICAL_DAYS_LONGER = Code(
    "S103",
    "Batas perbaikan temuan kritis (critical_days: {critical}) lebih panjang dari temuan biasa "
    "(days: {days}); temuan kritis biasanya harus diperbaiki lebih cepat",
    "Critical findings get longer to correct (critical_days: {critical}) than other findings "
    "(days: {days}); critical findings are usually corrected sooner",
    Severity.WARNING,
)

# --- S2xx: levels and escalation -------------------------------------------------------
UNKNOWN_LEVEL = Code(
    "S201",
    "{label}: tingkat sanksi '{value}' tidak ada di levels{hint}",
    "{key}: there is no level '{value}' in levels{hint_en}",
)
SELF_ESCALATION = Code(
    "S202",
    "Tingkat '{value}' tidak boleh naik ke dirinya sendiri; tulis 'none' bila sanksi tetap di "
    "tingkat ini setelah lewat batas",
    "Level '{value}' cannot escalate to itself; write 'none' to stay at this level when overdue",
)
ESCALATION_CYCLE = Code(
    "S203",
    "Kenaikan tingkat (on_overdue) berputar: {path}; sanksi yang lewat batas akan naik tanpa "
    "henti. Tulis 'none' pada tingkat tertinggi",
    "Escalation (on_overdue) goes round in a circle: {path}; an overdue sanction would escalate "
    "for ever. Write 'none' on the top level",
)
ESCALATES_DOWN = Code(
    "S204",
    "Tingkat '{value}' yang lewat batas turun ke tingkat lebih ringan '{target}'; tingkat "
    "disusun dari yang paling ringan",
    "An overdue '{value}' goes down to the lighter level '{target}'; levels are listed lightest "
    "first",
    Severity.WARNING,
)
SAME_LEVEL_NAME = Code(
    "S205",
    "Nama tingkat '{value}' sama dengan nama tingkat di baris {first}; pembaca surat sanksi "
    "tidak bisa membedakannya",
    "Level name '{value}' is the same as the level name on line {first}; readers of the "
    "sanction letter cannot tell them apart",
    Severity.WARNING,
)

# --- S3xx: triggers and references to checklists ---------------------------------------
NO_TRIGGER = Code(
    "S301",
    "Tidak ada pemicu sanksi: isi paling sedikit satu dari grades, critical: ya, items, "
    "score_below; tanpa pemicu tidak ada inspeksi yang menjadi pelanggaran",
    "No trigger: give at least one of grades, critical: yes, items, score_below; without one "
    "no inspection is ever a violation",
)
SCORE_OUT_OF_RANGE = Code(
    "S302",
    'skor di bawah (score_below) harus dari 0 sampai 100, tertulis "{value}"',
    'score_below must be from 0 to 100, found "{value}"',
)
UNKNOWN_GRADE = Code(
    "S303",
    "Tingkat nilai '{value}' tidak ada di daftar periksa mana pun di folder ini; pemicu ini "
    "tidak akan pernah berlaku{hint}",
    "No checklist in this folder has the grade '{value}'; this trigger would never fire{hint_en}",
    Severity.WARNING,
)
UNKNOWN_ITEM = Code(
    "S304",
    "Butir '{value}' tidak ada di daftar periksa mana pun di folder ini; pemicu ini tidak akan "
    "pernah berlaku{hint}",
    "No checklist in this folder has the item '{value}'; this trigger would never fire{hint_en}",
    Severity.WARNING,
)

#: Every code of this module by its stable code, in definition order.
CATALOGUE: dict[str, Code] = {
    value.code: value for value in list(globals().values()) if isinstance(value, Code)
}
