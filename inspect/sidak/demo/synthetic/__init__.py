"""A large synthetic history for benchmarks: hundreds of offices, years of inspections.

`sidak demo load` makes a small history through the services, one request at a time; this
makes a hundred thousand records in minutes. It writes the rows in bulk, but every value
that matters comes from the app's own code: answers as `save_answer` stores them, scores
from the scoring engine, summaries as the analytics write them, hashes as `finalize`
computes them, sanctions as the ladder decides them. `score_json` stays empty unless asked
for (pages and reports score a record again; the city's recap reads it for its item and
category tables), and there are no audit events, notifications or drafts.
"""

import base64
import random
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from flask import current_app
from sqlalchemy import func, inspect, select

from sidak.demo.pictures import photo_jpeg, signature_data_url
from sidak.demo.synthetic.aftermath import Aftermath
from sidak.demo.synthetic.city import build_offices
from sidak.demo.synthetic.plan import plan_visits
from sidak.demo.synthetic.pool import AnswerPool
from sidak.demo.synthetic.record import Media, RecordWriter
from sidak.demo.synthetic.sanctions import CRITICAL_MINDED
from sidak.demo.synthetic.sink import TABLES, BulkSink, Ids
from sidak.demo.synthetic.staff import create_staff
from sidak.domain.documents import DEFAULT_NUMBER_PATTERN
from sidak.media.images import process_photo, process_signature
from sidak.models import Inspection, Office, User, db, utcnow
from sidak.services.analytics.summaries import rebuild_rollup
from sidak.services.checklists import current_checklists, sync_folder
from sidak.services.inspections.evidence import file_store, stored_image
from sidak.services.reports.letterhead import city_zone
from sidak.services.sanctions.decisions import DEFAULT_PATTERN as SANCTION_PATTERN
from sidak.services.sanctions.ladder import current_ladder

CHECKLISTS = ("kantor-pelayanan", "puskesmas")


class GenerationRefused(Exception):
    """The database is not one to generate into; the message says why, in Indonesian."""


@dataclass
class GenerationReport:
    offices: int = 0
    accounts: int = 0
    #: rows written, by table
    rows: Counter = field(default_factory=Counter)
    #: inspections by status
    statuses: Counter = field(default_factory=Counter)
    seconds: float = 0.0


def refusal() -> str | None:
    """Why this database cannot take a generated history (None: it can)."""
    tables = set(inspect(db.session.get_bind()).get_table_names())
    if not {*TABLES, "office_months", "city_days", "offices", "users"} <= tables:
        return "Basis data belum dimigrasi; jalankan dulu: sidak db upgrade"
    for model, what in ((Office, "kantor"), (Inspection, "inspeksi"), (User, "akun")):
        found = db.session.scalar(select(func.count()).select_from(model))
        if found:
            return (
                f"Basis data sudah berisi data ({found} {what}); riwayat sintetis hanya "
                "dibuat di basis data kosong yang sudah dimigrasi."
            )
    return None


def generate(
    offices: int,
    inspections: int,
    years: int = 3,
    seed: int = 1,
    now: datetime | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    breakdown: bool = False,
) -> GenerationReport:
    """Fill the empty database with `inspections` records of `offices` offices over `years`
    years before `now`; the same seed and `now` give the same history. Commits as it goes.
    `breakdown` also stores each record's score breakdown (`score_json`, 15-22 KB each),
    which only the city's recap reads.

    Raises GenerationRefused when `refusal()` has a reason, or the checklists are missing.
    """
    began = time.monotonic()
    reason = refusal()
    if reason:
        raise GenerationRefused(reason)
    rng = random.Random(seed)
    now = (now or utcnow()).replace(microsecond=0)
    versions = _checklists()
    city = build_offices(offices, rng)
    staff = create_staff(city, rng)
    config, zone = current_app.config, city_zone()
    numbers = config.get("REPORT_NUMBER_PATTERN") or DEFAULT_NUMBER_PATTERN
    visits = plan_visits(city, staff, inspections, years, now, zone, rng, numbers)
    ladder = current_ladder()
    sink, ids = BulkSink(), Ids()
    sanctions = config.get("SANCTION_NUMBER_PATTERN") or SANCTION_PATTERN
    variants = 4 if inspections >= 10_000 else 2
    history = History(
        pool=AnswerPool(versions, ladder, variants, seed, breakdown),
        writer=RecordWriter(sink, ids, versions, _shared_media(rng), zone),
        aftermath=Aftermath(sink, ids, ladder, staff, zone, rng, sanctions),
        sink=sink,
    )
    report = GenerationReport(offices=len(city), accounts=staff.count)
    report.statuses = history.write(visits, now, rng, on_progress)
    rebuild_rollup()
    db.session.commit()
    sink.settle()
    report.rows = sink.counts
    report.seconds = time.monotonic() - began
    return report


@dataclass
class History:
    """Writes the planned visits and everything that followed them, oldest first."""

    pool: AnswerPool
    writer: RecordWriter
    aftermath: Aftermath
    sink: BulkSink

    def write(self, visits: list, now: datetime, rng: random.Random, on_progress) -> Counter:
        """Every visit's rows, committed chunk by chunk; the inspections by status."""
        statuses: Counter = Counter()
        aftermath = self.aftermath
        for done, visit in enumerate(visits, start=1):
            aftermath.timeline.run_until(visit.start)
            made_up = aftermath.deterrence(visit)
            if made_up and visit.critical and rng.random() < CRITICAL_MINDED * made_up:
                # a sanctioned office minds its critical items first
                visit.critical = visit.refused = False
            level = visit.level + (1 - visit.level) * made_up
            outcome = self.pool.draw(
                visit.checklist, visit.zone, level, visit.critical, visit.follow_up, rng
            )
            checks, marked = aftermath.preload(visit, outcome)
            self.writer.write(visit, outcome, checks, rng)
            statuses["finalized" if visit.finalized else "submitted"] += 1
            if visit.finalized:
                aftermath.timeline.at(visit.finalized, aftermath.finalized, visit, outcome, marked)
            if self.sink.full:
                self.sink.flush()
                db.session.commit()
                if on_progress:
                    on_progress(done, len(visits))
        aftermath.close(now)
        self.sink.finish()
        return statuses


def _checklists() -> dict:
    """The shipped checklists, registered as they would be by `sidak checklists sync`."""
    sync = sync_folder(current_app.config["CHECKLISTS_DIR"])
    versions = {record.key: record.current_version for record in current_checklists()}
    missing = [key for key in CHECKLISTS if key not in versions]
    if missing:
        problems = "; ".join(sync.problems[:3])
        raise GenerationRefused(f"Daftar periksa tidak ada: {', '.join(missing)}. {problems}")
    return versions


def _shared_media(rng: random.Random) -> Media:
    """One signature and one photo, stored like an upload, that every record points to."""
    store, config = file_store(), current_app.config
    ink = signature_data_url("Tim Sidak").removeprefix("data:image/png;base64,")
    signature = process_signature(base64.b64decode(ink))
    photo = process_photo(
        photo_jpeg(rng.getrandbits(32), "Dokumentasi temuan - Tim Sidak"),
        max_side=config["PHOTO_MAX_SIDE"],
        local_zone=city_zone(),
    )
    return Media(store.save(signature.data, ".png"), signature.sha256, stored_image(store, photo))
