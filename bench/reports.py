"""The berita acara PDF: render time, first render in a fresh process, size, stored download.

Run with ``make bench``. Builds an inspection through the real services on SQLite: the
shipped kantor-pelayanan checklist with every item answered, 8 phone photos of 1600 x 1200 (as
the phone uploads them) on three findings (5 pages) or four (6 pages), notes, three signatures
and a witnessed refusal; finalizes it, then measures:

- the first render in a fresh Python process (imports, WeasyPrint start-up, print copies),
- warm renders in one process (median of several; one shared FontConfiguration),
- the PDF's size and pages, resident memory growth over many renders,
- downloading the stored report through the app (median), and the targets.

Exits with 1 when a target is missed; ``--save FILE.pdf`` keeps the reports to look at
(as FILE-5.pdf and FILE-6.pdf: the name gets its pages).
"""

import base64
import gc
import io
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

TARGETS = {"warm": 400.0, "download": 20.0, "size": 1.5 * 1024 * 1024}
#: item -> the answer that fails it
FAILING = {
    "masker-pengunjung": {"observed": 20, "compliant": 13},
    "jarak-tempat-duduk": {"observed": 18, "compliant": 12},
    "air-mengalir": {"value": "no"},
    "partisi-loket": {"observed": 6, "compliant": 3},
}
#: case -> photos on each finding: 8 photos either way (a report row holds 3 photos)
CASES = {"3 findings, 3+3+2 photos": (3, 3, 2), "4 findings, 2 photos each": (2, 2, 2, 2)}


def phone_photo(seed: int) -> bytes:
    """A 1600 x 1200 JPEG with a phone photo's detail (noise, shapes), about 0.5 MB."""
    rng = random.Random(seed)
    image = Image.effect_noise((1600, 1200), 60).convert("RGB")
    draw = ImageDraw.Draw(image)
    for _ in range(25):
        x, y = rng.randrange(1500), rng.randrange(1100)
        color = tuple(rng.randrange(256) for _ in range(3))
        draw.rectangle((x, y, x + rng.randrange(60, 400), y + rng.randrange(60, 300)), fill=color)
    image = image.filter(ImageFilter.GaussianBlur(1.2))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=88)
    return buffer.getvalue()


def signature_url() -> str:
    image = Image.new("RGBA", (600, 240), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.line([(40, 180), (160, 60), (260, 170), (380, 70), (560, 150)], fill="#102040", width=6)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def app_for(folder: str):
    from sidak.app import create_app
    from sidak.config import PROJECT_ROOT

    return create_app(
        {
            "SECRET_KEY": "bench",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.db",
            "CHECKLISTS_DIR": str(PROJECT_ROOT / "checklists"),
            "UPLOADS_DIR": f"{folder}/uploads",
            "PUBLIC_URL": "https://sidak.sukamajukota.go.id",
            "WTF_CSRF_ENABLED": False,
        }
    )


def build_inspection(app, photos: tuple[int, ...]) -> str:
    """A finalized inspection made through the services; returns its uuid."""
    from sidak.config import PROJECT_ROOT
    from sidak.models import Office, Role, SignerRole, db
    from sidak.services.accounts import create_user
    from sidak.services.checklists import checklist_of, sync_folder
    from sidak.services.inspections import submission
    from sidak.services.inspections.drafts import AnswerInput, save_answer
    from sidak.services.inspections.evidence import add_photo, sign
    from sidak.services.inspections.start import StartRequest, TeamEntry, start_inspection

    with app.app_context():
        db.create_all()
        sync_folder(PROJECT_ROOT / "checklists")
        lead = create_user("bayu", "Bayu Saputra", "kata-sandi-bench", Role.INSPECTOR)
        office = Office(
            name="Kantor Kecamatan Sukamaju Utara",
            type="kecamatan",
            district="Sukamaju Utara",
            address="Jl. Merdeka Utara No. 12, Sukamaju",
            head_name="Drs. Ahmad Fauzi, M.Si.",
        )
        db.session.add(office)
        db.session.commit()
        team = [
            TeamEntry(user_id=lead.id, name=lead.full_name, agency="Satpol PP", is_lead=True),
            TeamEntry(name="Rina Marlina, S.K.M.", agency="Dinas Kesehatan"),
            TeamEntry(name="Aipda Slamet Riyadi", agency="Polres Sukamaju"),
        ]
        request = StartRequest(
            uuid=str(uuid.uuid4()), office_id=office.id, checklist_key="kantor-pelayanan", team=team
        )
        inspection, _ = start_inspection(lead, request)
        checklist = checklist_of(inspection.checklist_version)
        for item in checklist.items:
            save_answer(lead, inspection, item.id, passing_answer(item))
        for number, (item_id, failing) in enumerate(list(FAILING.items())[: len(photos)]):
            note = "Dicatat di lokasi; petugas loket sudah diberi tahu dan berjanji memperbaiki."
            save_answer(lead, inspection, item_id, AnswerInput(**failing, note=note))
            for shot in range(photos[number]):
                picture = phone_photo(number * 10 + shot)
                add_photo(lead, inspection, str(uuid.uuid4()), item_id, picture)
        url = signature_url()
        for member in inspection.team:
            role = SignerRole.LEAD if member.is_lead else SignerRole.MEMBER
            sign(lead, inspection, role, member_id=member.id, image_data_url=url)
        sign(
            lead,
            inspection,
            SignerRole.REPRESENTATIVE,
            name="Drs. Ahmad Fauzi, M.Si.",
            refused=True,
            witness="Siti Aminah (staf pelayanan)",
        )
        submission.submit(lead, inspection)
        submission.finalize(lead, inspection)
        return inspection.uuid


def passing_answer(item):
    from sidak.services.inspections.drafts import AnswerInput

    kind = item.type.value
    if kind == "yesno":
        return AnswerInput(value=item.expect)
    if kind == "count":
        return AnswerInput(observed=10, compliant=10)
    if kind == "choice":
        return AnswerInput(value=item.options[0].value)
    if kind == "number":
        return AnswerInput(number=str(item.pass_max or item.pass_min))
    return AnswerInput(value="Tidak ada catatan.")


def first_render(folder: str, key: str) -> None:
    """In a fresh process: import, render once, print milliseconds since the process began."""
    started = time.perf_counter()
    from sqlalchemy import select

    from sidak.models import Inspection, db
    from sidak.services.reports import inspection as report

    app = app_for(folder)
    with app.app_context():
        inspection = db.session.scalar(select(Inspection).where(Inspection.uuid == key))
        report.render(inspection)
    print(f"{(time.perf_counter() - started) * 1000:.0f}")


def rss_mb() -> float:
    """Resident memory now (not the peak), after a full collection."""
    gc.collect()
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--first-render":
        first_render(sys.argv[2], sys.argv[3])
        return 0
    rows = []
    for name, photos in CASES.items():
        with tempfile.TemporaryDirectory() as folder:
            app = app_for(folder)
            key = build_inspection(app, photos)
            rows += measure(name, app, key, *first_render_in_child(folder, key))
    print_table(rows)
    return 0 if all(ok is not False for *_, ok in rows) else 1


def first_render_in_child(folder: str, key: str) -> tuple[float, float]:
    """The first render's milliseconds as the fresh process saw them, and the whole process."""
    wall = time.perf_counter()
    child = subprocess.run(
        [sys.executable, __file__, "--first-render", folder, key],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(child.stdout.strip().splitlines()[-1]), (time.perf_counter() - wall) * 1000


def measure(name: str, app, key: str, first_ms: float, process_ms: float) -> list[tuple]:
    from sqlalchemy import select

    from sidak.models import Inspection, Photo, db
    from sidak.services.reports import inspection as report

    with app.app_context():
        inspection = db.session.scalar(select(Inspection).where(Inspection.uuid == key))
        photos = db.session.scalars(select(Photo)).all()
        stored_photos = sum(p.size_bytes for p in photos)
        gc.freeze()  # as `sidak serve` does in each worker once the app is loaded
        report.render(inspection)  # warm-up
        times = []
        for _ in range(7):
            rendered = report.render(inspection)
            times.append(rendered.milliseconds)
        for _ in range(20):  # caches fill during the first renders (about 17 MB here)
            report.render(inspection)
        before = rss_mb()
        for _ in range(40):
            report.render(inspection)
        growth = (rss_mb() - before) / 40
        client = app.test_client()
        login = client.post("/masuk", data={"username": "bayu", "password": "kata-sandi-bench"})
        assert login.status_code == 302, login.status_code
        url = f"/inspeksi/{key}/berita-acara.pdf"
        first = client.get(url)
        assert first.status_code == 200, first.status_code
        downloads = []
        for _ in range(30):
            started = time.perf_counter()
            response = client.get(url)
            response.get_data()
            downloads.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
    if "--save" in sys.argv:
        target = Path(sys.argv[sys.argv.index("--save") + 1])
        target.with_stem(f"{target.stem}-{rendered.pages}").write_bytes(first.data)
    warm = statistics.median(times)
    download = statistics.median(downloads)
    size = len(first.data)
    head = f"{name}: {rendered.pages} pages"
    return [
        (head, f"{len(photos)} photos (stored {stored_photos / 1024 / 1024:.1f} MB)", "", None),
        (
            "  first render, fresh process",
            f"{first_ms:.0f} ms",
            f"(whole process with Python start-up: {process_ms:.0f} ms)",
            None,
        ),
        (
            "  warm render, median of 7",
            f"{warm:.0f} ms",
            f"< {TARGETS['warm']:.0f} ms",
            warm < TARGETS["warm"],
        ),
        (
            "  PDF size (PDF/A-3b, JSON attached)",
            f"{size / 1024:.0f} KB",
            f"< {TARGETS['size'] / 1024 / 1024:.1f} MB",
            size < TARGETS["size"],
        ),
        (
            "  stored report download, median of 30",
            f"{download:.1f} ms",
            f"< {TARGETS['download']:.0f} ms",
            download < TARGETS["download"],
        ),
        (
            "  resident memory growth per render",
            f"{growth * 1024:.0f} KB",
            "(renders 29-68: after the caches fill)",
            None,
        ),
    ]


def print_table(rows) -> None:
    print()
    print("| berita acara PDF | result | target | ok |")
    print("|---|---|---|---|")
    for name, value, target, ok in rows:
        mark = "" if ok is None else ("yes" if ok else "NO")
        print(f"| {name} | {value} | {target} | {mark} |")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    sys.exit(main())
