"""Words a synthetic Kota Sukamaju is made of: places, people, agencies, what they write.

Place names are built the way Sundanese names are (Suka + jadi, Ci + beureum, Pasir Endah,
with Kaler/Kidul/Wetan/Kulon for the parts of a village), so hundreds of offices still
read like a real city's.
"""

import random
from collections.abc import Iterator

#: districts beyond the six of the demo city (offices.csv)
DISTRICTS = (
    "Sukamaju Timur",
    "Sukamaju Barat",
    "Cipadung",
    "Margahayu",
    "Pasir Endah",
    "Sindanglaya",
    "Cikalong",
    "Babakan Sari",
    "Rancamekar",
    "Bojongsoang Kidul",
    "Cisaranten",
    "Karyamulya",
    "Sukaluyu",
    "Cigending",
    "Tanjungwangi",
    "Situsari",
    "Mekarsaluyu",
    "Bojong Kerta",
    "Cijambe",
)
_JOINED = ("Suka", "Mekar", "Marga", "Sindang", "Cipta", "Karya", "Tanjung", "Sari", "Wangi")
_SPACED = ("Pasir", "Bojong", "Babakan", "Rawa", "Situ")
_ENDINGS = (
    "jadi", "resmi", "mulya", "asih", "rame", "warna", "senang", "jaya", "maju", "luyu",
    "galih", "pura", "bumi", "sari", "wangi", "laya", "endah", "rahayu", "raharja", "hurip",
    "manah", "kerta", "saluyu", "mukti",
)  # fmt: skip
_WATERS = (
    "Cibeureum", "Cikalong", "Cibodas", "Cigadung", "Cipamokolan", "Cisaranten", "Cijerah",
    "Cisurupan", "Cilengkrang", "Cimenyan", "Cikutra", "Cicadas", "Ciroyom", "Cipedes",
    "Cigending", "Cibiru", "Cinambo", "Cisitu", "Cileunyi", "Cipadung", "Cijawura", "Cikadut",
)  # fmt: skip
_PARTS = ("Kaler", "Kidul", "Wetan", "Kulon", "Girang", "Hilir")


_NUMERALS = ("II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def place_names(rng: random.Random) -> Iterator[str]:
    """Village names, never the same twice: whole names first, then their parts, then
    numbered ones (a city of thousands of offices still gets names)."""
    whole = {f"{prefix}{ending}" for prefix in _JOINED for ending in _ENDINGS}
    whole |= {f"{prefix} {ending.capitalize()}" for prefix in _SPACED for ending in _ENDINGS}
    whole |= set(_WATERS)
    singles = sorted(name for name in whole if name.lower() != "sarisari")
    rng.shuffle(singles)
    parts = [f"{name} {part}" for name in singles for part in _PARTS]
    rng.shuffle(parts)
    yield from singles
    yield from parts
    for numeral in _NUMERALS:
        yield from (f"{name} {numeral}" for name in singles + parts)


#: city agencies beyond those of offices.csv, by office type
AGENCIES = {
    "dinas": (
        "Dinas Komunikasi dan Informatika",
        "Dinas Lingkungan Hidup",
        "Dinas Pekerjaan Umum dan Penataan Ruang",
        "Dinas Perumahan dan Kawasan Permukiman",
        "Dinas Koperasi dan Usaha Kecil Menengah",
        "Dinas Perdagangan dan Perindustrian",
        "Dinas Pariwisata dan Kebudayaan",
        "Dinas Pemuda dan Olahraga",
        "Dinas Pemberdayaan Perempuan dan Perlindungan Anak",
        "Dinas Pengendalian Penduduk dan Keluarga Berencana",
        "Dinas Ketahanan Pangan dan Pertanian",
        "Dinas Perpustakaan dan Kearsipan",
        "Dinas Pemadam Kebakaran dan Penyelamatan",
        "Dinas Sumber Daya Air dan Bina Marga",
    ),
    "badan": (
        "Badan Perencanaan Pembangunan Daerah",
        "Badan Pengelolaan Keuangan dan Aset Daerah",
        "Badan Kesatuan Bangsa dan Politik",
        "Badan Penanggulangan Bencana Daerah",
    ),
    "sekretariat": ("Sekretariat DPRD Kota Sukamaju", "Inspektorat Daerah Kota Sukamaju"),
    "rsud": ("RSUD Sukamaju Timur", "Rumah Sakit Khusus Ibu dan Anak Kota Sukamaju"),
    "mpp": ("Mal Pelayanan Publik Sukamaju Barat",),
}
#: service units (type ``lainnya``), named "<unit> <place>"
UNITS = (
    "UPT Pengelolaan Pasar",
    "UPT Terminal",
    "UPT Pemakaman Umum",
    "UPT Rusunawa",
    "UPT Pengelolaan Sampah",
    "UPT Pengujian Kendaraan Bermotor",
    "UPT Balai Latihan Kerja",
    "Pos Satpol PP",
)

_FIRST = (
    "Agus", "Asep", "Dadang", "Dedi", "Euis", "Neneng", "Yanti", "Rina", "Wawan", "Ujang",
    "Cecep", "Iwan", "Lilis", "Tatang", "Budi", "Sri", "Dewi", "Fitri", "Andri", "Hendra",
    "Yusuf", "Ahmad", "Rahmat", "Siti", "Nur", "Heru", "Eka", "Dian", "Rudi", "Irfan",
    "Taufik", "Yuli", "Rini", "Dodi", "Enden", "Ratna", "Nani", "Teti", "Iis", "Yayan",
    "Ade", "Dede", "Gilang", "Wulan", "Rizki", "Intan", "Fajar", "Ayu", "Hana", "Galih",
)  # fmt: skip
_LAST = (
    "Suryana", "Hidayat", "Permana", "Saputra", "Kurniawan", "Setiawan", "Gunawan", "Rohman",
    "Sobari", "Ruhiyat", "Suhendar", "Hermawan", "Supriadi", "Maulana", "Santoso", "Prasetyo",
    "Nugraha", "Hasanah", "Komalasari", "Rosmiati", "Suryani", "Mulyani", "Apriyani",
    "Astuti", "Nurjanah", "Herlina", "Rohaeti", "Sartika", "Amalia", "Handayani", "Ramdani",
    "Firmansyah", "Wibowo", "Sutisna", "Kusnadi", "Rustandi",
)  # fmt: skip
_DEGREES = (", S.Sos.", ", S.IP., M.Si.", ", S.E.", ", S.STP.", ", S.AP.", ", S.H., M.H.")
_HEALTH_DEGREES = (", M.K.M.", ", M.Kes.", "")


def person(rng: random.Random) -> tuple[str, str]:
    """A first and a last name."""
    return rng.choice(_FIRST), rng.choice(_LAST)


def head_name(rng: random.Random, office_type: str) -> str:
    """An office head with the titles Indonesian officials carry."""
    first, last = person(rng)
    if office_type in ("puskesmas", "rsud"):
        return f"{rng.choice(('dr.', 'drg.', 'dr.'))} {first} {last}{rng.choice(_HEALTH_DEGREES)}"
    if rng.random() < 0.2:
        return f"Drs. {first} {last}, M.Si."
    return f"{first} {last}{rng.choice(_DEGREES)}"


#: what an office head writes back about a finding, and the city's reasons
EVIDENCE_NOTES = (
    "Sudah diperbaiki sesuai temuan; petugas protokol sudah ditunjuk untuk memantau.",
    "Sarana sudah dilengkapi dan dicek setiap pagi oleh petugas piket.",
    "Pegawai sudah diberi pengarahan; jadwal pengawasan ditempel di ruang layanan.",
)
OBJECTION_NOTES = (
    "Saat pemeriksaan petugas sedang istirahat; sarana sudah tersedia sejak lama.",
    "Butir ini tidak berlaku di kantor kami karena layanan tatap muka sudah ditutup.",
)
REJECTIONS = (
    "Bukti tidak menunjukkan sarana yang dimaksud.",
    "Keterangan belum menjawab temuan; kirim foto sarana yang sudah diperbaiki.",
)
WAIVE_REASON = "Pelanggaran ringan; kepala kantor dibina."
WAIVE_ESCALATION_REASON = (
    "Sebagian besar temuan sudah diperbaiki; kepala kantor dibina Sekretariat Daerah."
)
OTHER_LEVEL_REASON = "Pelanggaran di loket pelayanan yang ramai pengunjung."
