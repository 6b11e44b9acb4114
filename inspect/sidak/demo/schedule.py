"""Which office was inspected when, by whom, and how it went: the demo's four months.

Everything is drawn from one seeded random generator, so the same day gives the same story:
some offices keep the protocol, some improve after their first visit, some keep failing a
critical item. Dates are working days, in Jakarta time, before the moment of loading.
"""

import random
import uuid
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sidak.demo.people import DINKES, GUARDS, HEALTH_STAFF, OFFICE_STAFF, OUTSIDERS, inspectors
from sidak.models import InspectionStatus, Office

SEED = 2021
JAKARTA = ZoneInfo("Asia/Jakarta")
HISTORY_DAYS = 120
MIN_DAYS_BETWEEN = 10
DRAFT_LEAD = "inspektur"

#: how an office keeps the protocol over the months, for the offices with a story to tell
PROFILES = {
    "Puskesmas Cibeureum": "membaik",
    "Dinas Kependudukan dan Pencatatan Sipil": "membaik",
    "Kantor Kecamatan Mekarwangi": "membaik",
    "Kantor Kelurahan Pasirjaya": "bandel",
    "Puskesmas Karang Anyar": "bandel",
    "Dinas Perhubungan": "bandel",
    "Mal Pelayanan Publik Kota Sukamaju": "teladan",
    "Dinas Kesehatan": "teladan",
    "RSUD Kota Sukamaju": "teladan",
    "Kantor Kelurahan Karang Mulya": "menurun",
}
#: how many times an office of each profile was inspected (fewest, most)
VISITS = {
    "teladan": (1, 2),
    "baik": (1, 2),
    "sedang": (2, 3),
    "membaik": (3, 4),
    "bandel": (4, 4),
    "menurun": (2, 3),
}
HEALTH_FACILITIES = ("puskesmas", "rsud")


@dataclass(frozen=True)
class Visit:
    uuid: str
    office: str
    checklist: str
    start: datetime  #: when the team arrived (timezone-aware)
    lead: str  #: username
    members: tuple[str, ...]  #: usernames of the other inspectors
    outsider: tuple[str, str] | None  #: (name, agency)
    level: float  #: how well the office keeps the protocol that day, 0..1
    zone: str  #: the city's risk zone that day (a `zona-risiko` option)
    critical_failure: bool
    follow_up: bool
    receiver: str  #: who signs for the office
    refused: bool  #: the receiver refused to sign
    witness: str
    seed: int
    status: InspectionStatus = InspectionStatus.FINALIZED
    finalized: datetime | None = None  #: when the lead finalized it


@dataclass(frozen=True)
class Counts:
    drafts: int
    submitted: int
    history: int  #: submitted and finalized together


def plan(offices: list[Office], now: datetime, inspections: int | None = None) -> list[Visit]:
    """The visits to record, oldest first: history (finalized, the last few only submitted)
    and drafts of `inspektur` from the last working day. `inspections` caps the total."""
    rng = random.Random(SEED)
    history = _history(offices, now, rng)
    counts = _counts(len(history), inspections)
    history = _spread(history, counts.history)
    last = len(history) - counts.submitted
    finalized = [replace(v, finalized=_finalized_at(v, now, rng)) for v in history[:last]]
    submitted = [replace(v, status=InspectionStatus.SUBMITTED) for v in history[last:]]
    drafts = _drafts(offices, history, now, counts.drafts, rng)
    return [*finalized, *submitted, *drafts]


def _counts(planned: int, inspections: int | None) -> Counts:
    total = planned + 2 if inspections is None else max(inspections, 0)
    drafts = 0 if total == 0 else 1 if total < 10 else 2
    history = min(total - drafts, planned)
    submitted = min(2 if total < 10 else 3, max(history - 1, 0))
    return Counts(drafts, submitted, history)


def _spread(visits: list[Visit], count: int) -> list[Visit]:
    """`count` visits spread evenly over the months (all of them when there are fewer)."""
    if count >= len(visits):
        return visits
    if count <= 1:
        return visits[-count:] if count else []
    step = (len(visits) - 1) / (count - 1)
    return [visits[round(i * step)] for i in range(count)]


def _history(offices: list[Office], now: datetime, rng: random.Random) -> list[Visit]:
    today = now.astimezone(JAKARTA).date()
    first, yesterday = today - timedelta(days=HISTORY_DAYS), today - timedelta(days=1)
    planned = []
    for office in sorted(offices, key=lambda o: o.name):
        profile = PROFILES.get(office.name) or rng.choice(("baik", "sedang", "sedang"))
        count = rng.randint(*VISITS[profile])
        segment, previous = HISTORY_DAYS / count, None
        for index in range(count):
            offset = timedelta(days=int(segment * (index + rng.uniform(0.05, 0.97))))
            if previous is not None:  # a follow-up leaves the office time to correct
                offset = max(offset, previous - first + timedelta(days=MIN_DAYS_BETWEEN))
            if first + offset > yesterday:
                break
            day = _working_day(first + offset)
            planned.append((day, office, profile, index, count))
            previous = day
    planned.sort(key=lambda entry: (entry[0], entry[1].name))
    busy: dict[tuple[date, str], int] = defaultdict(int)
    visits = []
    for day, office, profile, index, count in planned:
        lead, members, outsider = _team(rng)
        slot = busy[(day, lead)]
        busy[(day, lead)] += 1
        start = _local(day, 8, 30) + timedelta(minutes=140 * slot + rng.randint(0, 25))
        team = (lead, members, outsider)
        visits.append(_visit(office, profile, (index, count), start, team, _zone(day, today), rng))
    return sorted(visits, key=lambda v: v.start)


def _visit(office, profile, turn, start, team, zone, rng) -> Visit:
    """Visit number `turn[0]` of `turn[1]` to `office`, and how it went."""
    (index, count), (lead, members, outsider) = turn, team
    critical_failure = profile == "bandel" and rng.random() < 0.85
    receiver = _receiver(office, rng)
    refused = critical_failure and rng.random() < 0.3
    witness = ""
    if refused:
        witness = f"{outsider[0]} ({outsider[1]})" if outsider else rng.choice(GUARDS)
    return Visit(
        uuid=_uuid(rng),
        office=office.name,
        checklist="puskesmas" if office.type in HEALTH_FACILITIES else "kantor-pelayanan",
        start=start,
        lead=lead,
        members=members,
        outsider=outsider,
        level=_level(profile, index, count, rng),
        zone=zone,
        critical_failure=critical_failure,
        follow_up=index > 0,
        receiver=receiver,
        refused=refused,
        witness=witness,
        seed=rng.getrandbits(32),
    )


def _zone(day: date, today: date) -> str:
    """The city's risk zone eased over the months (the WFO quota follows it)."""
    days_ago = (today - day).days
    return "tinggi" if days_ago > 80 else "sedang" if days_ago > 40 else "rendah"


def _level(profile: str, index: int, count: int, rng: random.Random) -> float:
    progress = index / max(count - 1, 1)
    if profile == "teladan":
        return rng.uniform(0.95, 1.0)
    if profile == "baik":
        return rng.uniform(0.9, 0.98)
    if profile == "sedang":
        return rng.uniform(0.8, 0.93)
    if profile == "membaik":
        return min(1.0, 0.6 + 0.38 * progress + rng.uniform(-0.03, 0.03))
    if profile == "bandel":
        return rng.uniform(0.55, 0.72)
    return 0.97 - 0.27 * progress  # menurun


def _team(rng: random.Random) -> tuple[str, tuple[str, ...], tuple[str, str] | None]:
    """A joint team: a lead, an inspector of the other agency, sometimes a third person."""
    accounts = inspectors()
    weights = [0.34 if a.username == DRAFT_LEAD else 0.22 for a in accounts]
    lead = rng.choices(accounts, weights)[0]
    others = [a for a in accounts if a.agency != lead.agency]
    same = [a for a in accounts if a.agency == lead.agency and a.username != lead.username]
    members = [rng.choice(others).username]
    outsider = None
    chance = rng.random()
    if chance < 0.35:
        outsider = rng.choice(OUTSIDERS)
    elif chance < 0.5 and same:
        members.append(rng.choice(same).username)
    return lead.username, tuple(members), outsider


def _receiver(office: Office, rng: random.Random) -> str:
    if office.head_name and rng.random() < 0.45:
        return office.head_name
    return rng.choice(HEALTH_STAFF if office.type in HEALTH_FACILITIES else OFFICE_STAFF)


def _finalized_at(visit: Visit, now: datetime, rng: random.Random) -> datetime:
    """The lead finalizes the same afternoon, or the next working morning."""
    done = visit.start + timedelta(minutes=75 + rng.randint(60, 200))
    local = done.astimezone(JAKARTA)
    if local.hour >= 16:
        next_day = _working_day(local.date() + timedelta(days=1))
        done = _local(next_day, 8, rng.randint(0, 59))
    return min(done, now - timedelta(minutes=5))


def _drafts(
    offices: list[Office], history: list[Visit], now: datetime, count: int, rng: random.Random
) -> list[Visit]:
    """Unfinished inspections of `inspektur`, started on the last working days."""
    seen, recent = defaultdict(int), set()
    for visit in history:
        seen[visit.office] += 1
        if now - visit.start < timedelta(days=MIN_DAYS_BETWEEN + 4):
            recent.add(visit.office)
    candidates = sorted(
        (o for o in offices if seen[o.name] <= 2 and o.name not in recent), key=lambda o: o.name
    )
    chosen = rng.sample(candidates, min(count, len(candidates)))
    dinkes = [a.username for a in inspectors() if a.agency == DINKES]
    day = _working_day(now.astimezone(JAKARTA).date(), latest=now.astimezone(JAKARTA).date())
    drafts = []
    for office in chosen:
        start = _local(day, 9, rng.randint(0, 40))
        while start > now - timedelta(minutes=30):
            day = _working_day(day - timedelta(days=1))
            start = _local(day, 9, rng.randint(0, 40))
        team = (DRAFT_LEAD, (rng.choice(dinkes),), None)
        turn = (seen[office.name], seen[office.name] + 1)
        visit = _visit(office, "sedang", turn, start, team, "rendah", rng)
        drafts.append(replace(visit, status=InspectionStatus.DRAFT))
        day = _working_day(day - timedelta(days=1))
    return sorted(drafts, key=lambda v: v.start)


def _working_day(day: date, latest: date | None = None) -> date:
    """`day`, or the working day before it when it falls on a weekend or after `latest`."""
    if latest is not None and day > latest:
        day = latest
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def _local(day: date, hour: int, minute: int) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=JAKARTA)


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))
