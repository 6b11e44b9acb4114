"""The offices of a larger Kota Sukamaju: the demo's 30 first, then as many more as asked.

A district (kecamatan) has its own office, its villages (kelurahan) and clinics
(puskesmas); the city adds agencies (dinas, badan) and service units. The offices are
imported through the same CSV import an admin uses.
"""

import csv
import io
import random
import re
from dataclasses import dataclass
from importlib import resources

from sqlalchemy import select

from sidak.demo.synthetic.names import AGENCIES, DISTRICTS, UNITS, head_name, place_names
from sidak.models import Office, db
from sidak.services.office_import import import_offices

CSV_FILE = "offices.csv"
HEADER = ("nama", "jenis", "kecamatan", "alamat", "kepala", "telepon", "email", "lintang", "bujur")
#: the order the demo offices are taken in when fewer than 30 are asked for: every kind early
DEMO_ORDER = ("kelurahan", "puskesmas", "dinas", "kecamatan", "mpp", "badan", "rsud")
#: share of the offices of each kind; kecamatan: one per district; agencies: those of
#: `names.AGENCIES`; the rest are service units
SHARES = {"kelurahan": 0.6, "puskesmas": 0.15}
CENTRE = (-6.92, 107.62)


@dataclass(frozen=True)
class CityOffice:
    id: int
    name: str
    type: str
    district: str
    head_name: str
    latitude: float | None
    longitude: float | None


def district_count(offices: int) -> int:
    """About one district per 25 offices, between the demo's 6 and 25."""
    return min(25, max(6, round(offices / 25)))


def build_offices(count: int, rng: random.Random) -> list[CityOffice]:
    """Import `count` offices (demo offices first) and return them, in id order; commits."""
    demo = _demo_rows()
    rows = _ordered(demo)[:count] if count <= len(demo) else demo + _more(count, demo, rng)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    writer.writerows([row[column] for column in HEADER] for row in rows)
    result = import_offices(buffer.getvalue().encode("utf-8"), "sidak-demo-generate.csv")
    if not result.ok:  # the rows are made here: a problem is a bug
        raise RuntimeError("\n".join(result.problems[:10]))
    return [
        CityOffice(o.id, o.name, o.type, o.district, o.head_name, o.latitude, o.longitude)
        for o in db.session.scalars(select(Office).order_by(Office.id))
    ]


def _demo_rows() -> list[dict[str, str]]:
    text = resources.files("sidak.demo").joinpath(CSV_FILE).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def _ordered(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """The demo offices with every kind of office among the first few."""
    queues = {kind: [r for r in rows if r["jenis"] == kind] for kind in DEMO_ORDER}
    ordered = []
    while any(queues.values()):
        for kind in DEMO_ORDER:
            if queues[kind]:
                ordered.append(queues[kind].pop(0))
    return ordered + [r for r in rows if r not in ordered]


def _more(count: int, demo: list[dict[str, str]], rng: random.Random) -> list[dict[str, str]]:
    """`count - len(demo)` new offices in new and old districts, every name unique."""
    known = {r["kecamatan"] for r in demo}
    districts = sorted(known) + list(DISTRICTS[: district_count(count) - len(known)])
    centres = {d: _near(CENTRE, 0.07, rng) for d in districts}
    for row in demo:
        centres[row["kecamatan"]] = (float(row["lintang"]), float(row["bujur"]))
    taken = {r["nama"] for r in demo}
    places = (p for p in place_names(rng) if p not in districts)
    made: list[dict[str, str]] = []

    def add(name: str, kind: str, district: str, place: str) -> None:
        if name not in taken:
            taken.add(name)
            made.append({"nama": name, "jenis": kind, "kecamatan": district, "place": place})

    for district in districts[len(known) :]:
        add(f"Kantor Kecamatan {district}", "kecamatan", district, district)
    for kind, share in SHARES.items():
        label = "Kantor Kelurahan" if kind == "kelurahan" else "Puskesmas"
        for _ in range(max(0, round(share * count) - sum(r["jenis"] == kind for r in demo))):
            place = next(places)
            add(f"{label} {place}", kind, rng.choice(districts), place)
    for kind, names in AGENCIES.items():
        for name in names:
            district = rng.choice(districts)
            add(name, kind, district, district)
    while len(made) < count - len(demo):
        place = next(places)
        add(f"{rng.choice(UNITS)} {place}", "lainnya", rng.choice(districts), place)
    rng.shuffle(made)
    return [_fill(row, centres[row["kecamatan"]], rng) for row in made[: count - len(demo)]]


def _fill(row: dict[str, str], centre: tuple[float, float], rng: random.Random) -> dict[str, str]:
    """Address, head, phone, e-mail and position for a new office."""
    kind, place = row["jenis"], row.pop("place")
    latitude, longitude = _near(centre, 0.012, rng)
    street = rng.choice(("Jl. Raya", "Jl.", "Jl. Terusan"))
    prefix = {"kelurahan": "kel.", "kecamatan": "kec.", "puskesmas": "pkm."}.get(kind, "")
    mobile = f"08{rng.randint(11, 59)}-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}"
    landline = f"022-{rng.randint(4200000, 7999999)}"
    return {
        **row,
        "alamat": f"{street} {place} No. {rng.randint(1, 240)}, Kota Sukamaju "
        f"{rng.randint(40111, 40299)}",
        "kepala": head_name(rng, kind),
        "telepon": mobile if kind == "kelurahan" else landline,
        "email": f"{prefix}{_slug(place if prefix else row['nama'])}@sukamajukota.go.id",
        "lintang": f"{latitude:.4f}",
        "bujur": f"{longitude:.4f}",
    }


def _slug(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())[:40]


def _near(centre: tuple[float, float], spread: float, rng: random.Random) -> tuple[float, float]:
    return centre[0] + rng.uniform(-spread, spread), centre[1] + rng.uniform(-spread, spread)
