"""The problem catalogue of checklist files: stable codes, Indonesian and English messages.

A code never changes meaning once released; retire it instead of reusing it. Prefixes:
Y0xx the YAML reader, C1xx document structure, C2xx items and types, C3xx conditions and
references, C4xx grades. F0xx are about paths (missing file, unreadable) and only appear in
``sidak checklists check``. Every Y/C code has a fixture under ``tests/domain/broken/``.
"""

from sidak.domain.problems import Code, Severity

# --- Y0xx: the YAML reader -------------------------------------------------------------
NOT_UTF8 = Code(
    "Y001",
    "Berkas bukan teks UTF-8 (ada byte yang tidak sah di sini); simpan ulang sebagai UTF-8",
    "The file is not UTF-8 text (invalid byte here); save it again as UTF-8",
)
TOO_LARGE = Code(
    "Y002",
    "Berkas terlalu besar ({size} byte); batasnya {limit} byte",
    "The file is too large ({size} bytes); the limit is {limit} bytes",
)
EMPTY_FILE = Code(
    "Y003",
    "Berkas kosong atau hanya berisi komentar; tulis daftar periksa dimulai dengan 'id:'",
    "The file is empty or holds only comments; start the checklist with 'id:'",
)
SYNTAX = Code("Y004", "Penulisan YAML salah: {detail}", "YAML syntax error: {detail_en}")
MANY_DOCUMENTS = Code(
    "Y005",
    "Berkas berisi lebih dari satu dokumen (pemisah '---'); satu berkas untuk satu daftar periksa",
    "The file holds more than one document ('---'); write one checklist per file",
)
ALIAS = Code(
    "Y006",
    "Anchor dan alias YAML ('{token}') tidak diizinkan; tulis isinya secara lengkap",
    "YAML anchors and aliases ('{token}') are not allowed; write the content out in full",
)
TOO_DEEP = Code(
    "Y007",
    "Susunan terlalu dalam (lebih dari {limit} tingkat)",
    "Nesting is too deep (more than {limit} levels)",
)
COMPLEX_KEY = Code(
    "Y008",
    "Kunci harus berupa kata biasa, bukan daftar atau pemetaan",
    "A key must be a plain word, not a list or a mapping",
)
TAG = Code(
    "Y009",
    "Tag YAML '{tag}' tidak diizinkan; hapus tag itu (pakai tanda kutip untuk teks)",
    "The YAML tag '{tag}' is not allowed; remove it (quote text instead)",
)

# --- C1xx: document structure ----------------------------------------------------------
WRONG_KIND = Code(
    "C101",
    "{label} harus berupa {expected}, tertulis {found}",
    "{key} must be {expected_en}, found {found_en}",
)
UNKNOWN_KEY = Code(
    "C102",
    "Kunci '{key}' tidak dikenal di {place}{hint}",
    "Unknown key '{key}' in {place_en}{hint_en}",
)
DUPLICATE_KEY = Code(
    "C103",
    "Kunci '{key}' ditulis dua kali (pertama di baris {first}); hapus salah satunya",
    "Key '{key}' is written twice (first on line {first}); remove one of them",
)
MISSING_KEY = Code(
    "C104",
    "{Place} ini belum punya {label}; tambahkan '{key}:'",
    "This {place_en} has no '{key}'; add '{key}:'",
)
EMPTY_VALUE = Code(
    "C105",
    "{label} tidak boleh kosong",
    "{key} must not be empty",
)
BAD_ID = Code(
    "C106",
    "Kode '{value}' tidak sah: pakai huruf kecil, angka, '-' atau '_', diawali huruf/angka, "
    "paling panjang 64 (misalnya '{suggestion}')",
    "Id '{value}' is not valid: use lowercase letters, digits, '-' or '_', starting with a "
    "letter or digit, at most 64 long (e.g. '{suggestion}')",
)
UNKNOWN_LANGUAGE = Code(
    "C107",
    "Bahasa '{key}' tidak dikenal; teks hanya memakai 'id' (Indonesia) dan 'en' (Inggris)",
    "Unknown language '{key}'; a text has only 'id' (Indonesian) and 'en' (English)",
)
EMPTY_LIST = Code(
    "C108",
    "{label} harus berisi paling sedikit satu {thing}",
    "{key} must hold at least one {thing_en}",
)
NOT_A_CHECKLIST = Code(
    "C109",
    "Berkas harus berupa pemetaan 'kunci: nilai' di tingkat teratas, dimulai dengan 'id:', "
    "'version:', 'title:'; tertulis {found}",
    "The file must be a 'key: value' mapping at the top level, starting with 'id:', "
    "'version:', 'title:'; found {found_en}",
)
NOTHING_SCORED = Code(
    "C110",
    "Daftar periksa tidak punya butir yang dinilai (yesno, count, number atau choice)",
    "The checklist has no scored item (yesno, count, number or choice)",
)
NOT_A_NUMBER = Code(
    "C111",
    '{label} harus berupa angka (pakai titik untuk desimal, misalnya 1.5), tertulis "{value}"',
    '{key} must be a number (use a point for decimals, e.g. 1.5), found "{value}"',
)
NOT_A_BOOLEAN = Code(
    "C112",
    '{label} harus ya atau tidak (true/false), tertulis "{value}"',
    '{key} must be yes or no (true/false), found "{value}"',
)
DUPLICATE_ID = Code(
    "C113",
    "Kode {thing} '{value}' sudah dipakai di baris {first}; setiap kode harus unik",
    "The {thing_en} id '{value}' is already used on line {first}; ids must be unique",
)
COMMA_IN_TEXT = Code(
    "C114",
    "'{key}' tampak seperti lanjutan teks yang terpotong tanda koma di dalam {{...}}; "
    "apit seluruh teks dengan tanda kutip",
    "'{key}' looks like the rest of a text cut at a comma inside {{...}}; quote the whole text",
)

# --- C2xx: items and their types -------------------------------------------------------
WEIGHT_NOT_POSITIVE = Code(
    "C201",
    'bobot (weight) harus lebih dari 0, tertulis "{value}"',
    'weight must be greater than 0, found "{value}"',
)
UNKNOWN_TYPE = Code(
    "C202",
    "Tipe butir '{value}' tidak dikenal; pilih salah satu: {choices}{hint}",
    "Unknown item type '{value}'; choose one of: {choices}{hint_en}",
)
KEY_FOR_OTHER_TYPE = Code(
    "C203",
    "{label} hanya untuk tipe {types}; butir ini bertipe {type}",
    "{key} is only for type {types}; this item is {type}",
)
UNKNOWN_CATEGORY = Code(
    "C204",
    "Kategori '{value}' tidak dikenal (daftarnya ada di docs/checklists.md){hint}",
    "Unknown category '{value}' (see the list in docs/checklists.md){hint_en}",
)
NO_PASS_RANGE = Code(
    "C205",
    "Butir angka (number) perlu batas lulus: isi pass_min, pass_max, atau keduanya",
    "A number item needs a pass range: give pass_min, pass_max or both",
)
PERCENT_OUT_OF_RANGE = Code(
    "C206",
    '{label} harus lebih dari 0 dan paling besar 100, tertulis "{value}"',
    '{key} must be greater than 0 and at most 100, found "{value}"',
)
MIN_ABOVE_MAX = Code(
    "C207",
    "{low_label} bernilai {low}, lebih besar dari {high_label} yang bernilai {high}",
    "{low_key} is {low}, greater than {high_key}, which is {high}",
)
PASS_OUTSIDE_RANGE = Code(
    "C208",
    "{label} ({value}) berada di luar rentang isian {minimum}..{maximum}",
    "{key} ({value}) lies outside the allowed input range {minimum}..{maximum}",
)
TOO_FEW_OPTIONS = Code(
    "C209",
    "Butir pilihan (choice) perlu paling sedikit 2 pilihan, tertulis {count}",
    "A choice item needs at least 2 options, found {count}",
)
DUPLICATE_OPTION = Code(
    "C210",
    "Nilai pilihan '{value}' sudah dipakai di baris {first}; setiap value harus unik",
    "Option value '{value}' is already used on line {first}; values must be unique",
)
SCORE_OUT_OF_RANGE = Code(
    "C211",
    'skor (score) pilihan harus dari 0 sampai 100, tertulis "{value}"',
    'An option score must be from 0 to 100, found "{value}"',
)
UNKNOWN_EVIDENCE = Code(
    "C212",
    "Bukti '{value}' tidak dikenal; pilih photo (foto) atau note (catatan){hint}",
    "Unknown evidence '{value}'; choose photo or note{hint_en}",
)
BAD_EXPECT = Code(
    "C213",
    'Jawaban yang lulus (expect) harus ya atau tidak, tertulis "{value}"',
    'The passing answer (expect) must be yes or no, found "{value}"',
)
KEY_FOR_UNSCORED = Code(
    "C215",
    "{label} tidak berlaku untuk butir yang tidak dinilai (scored: tidak); hapus baris ini",
    "{key} does not apply to an item that is not scored (scored: no); remove this line",
)
NO_PASSING_OPTION = Code(
    "C214",
    "Tidak ada pilihan yang lulus (skor 100 atau pass: ya); butir ini tidak pernah bisa lulus",
    "No option passes (score 100 or pass: yes); this item can never pass",
    Severity.WARNING,
)

# --- C3xx: conditions and references ---------------------------------------------------
UNKNOWN_RULE = Code(
    "C301",
    "Dasar hukum '{value}' tidak ada di rules{hint}",
    "Rule '{value}' is not listed under rules{hint_en}",
)
UNKNOWN_TARGET = Code(
    "C302",
    "show_if merujuk butir '{value}' yang tidak ada{hint}",
    "show_if refers to item '{value}', which does not exist{hint_en}",
)
TARGET_NOT_ANSWERABLE = Code(
    "C303",
    "show_if hanya bisa merujuk butir yesno atau choice; '{value}' bertipe {type}",
    "show_if can only refer to a yesno or choice item; '{value}' is {type}",
)
BAD_CONDITION_VALUE = Code(
    "C304",
    "Nilai '{value}' tidak mungkin menjadi jawaban '{target}'; pilih dari: {choices}",
    "'{value}' cannot be an answer of '{target}'; choose from: {choices}",
)
CONDITION_CYCLE = Code(
    "C305",
    "show_if membentuk lingkaran: {chain}; butir-butir ini tidak akan pernah tampil",
    "show_if conditions form a cycle: {chain}; these items would never be shown",
)
SELF_CONDITION = Code(
    "C306",
    "Butir '{value}' tidak boleh bergantung pada dirinya sendiri",
    "Item '{value}' cannot depend on itself",
)
BAD_CONDITION_SHAPE = Code(
    "C307",
    "show_if perlu 'item:' dan tepat satu dari 'equals:' atau 'in:'",
    "show_if needs 'item:' and exactly one of 'equals:' or 'in:'",
)
LATER_TARGET = Code(
    "C308",
    "show_if merujuk butir '{value}' yang muncul sesudahnya; pindahkan butir itu ke atas",
    "show_if refers to item '{value}', which comes later; move that item up",
    Severity.WARNING,
)

# --- C4xx: grades ----------------------------------------------------------------------
GRADE_MIN_OUT_OF_RANGE = Code(
    "C401",
    'Nilai minimal (min) tingkat harus dari 0 sampai 100, tertulis "{value}"',
    'A grade\'s min must be from 0 to 100, found "{value}"',
)
DUPLICATE_GRADE_MIN = Code(
    "C402",
    "Dua tingkat nilai mulai dari angka yang sama ({value}, juga di baris {first})",
    "Two grades start at the same score ({value}, also on line {first})",
)
NO_ZERO_GRADE = Code(
    "C403",
    "Tingkat nilai tidak mencakup 0-100: satu tingkat harus punya min: 0",
    "The grades do not cover 0-100: one grade must have min: 0",
)
BAD_COLOR = Code(
    "C404",
    'Warna \'{value}\' tidak sah; tulis seperti "#1b7f3b" atau "#c33" (dengan tanda kutip)',
    'Colour \'{value}\' is not valid; write it like "#1b7f3b" or "#c33" (quoted)',
)
TOO_FEW_GRADES = Code(
    "C405",
    "Perlu paling sedikit 2 tingkat nilai (misalnya patuh dan tidak patuh), tertulis {count}",
    "At least 2 grades are needed (e.g. compliant and non-compliant), found {count}",
)

# --- F0xx: paths given to `sidak checklists check` ---------------------------------------
FILE_MISSING = Code("F001", "Berkas atau folder tidak ada", "No such file or directory")
FILE_UNREADABLE = Code(
    "F002", "Berkas tidak bisa dibaca: {reason}", "The file cannot be read: {reason}"
)
NO_CHECKLIST_FILES = Code(
    "F003",
    "Folder ini tidak berisi berkas .yaml atau .yml",
    "This directory holds no .yaml or .yml files",
    Severity.WARNING,
)

#: Every code of this module by its stable code, in definition order.
CATALOGUE: dict[str, Code] = {
    value.code: value for value in list(globals().values()) if isinstance(value, Code)
}
