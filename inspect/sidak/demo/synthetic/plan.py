"""Who was inspected when, by whom, and how well each office kept the protocol that day.

Every office has a profile: how well it starts, how much it improves over the years, how
often a critical item fails, and how often teams come (bad offices more often; a few
offices rarely, a handful never). Visits fall on working days over the years before `now`.
"""

import random
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sidak.demo.people import HEALTH_STAFF, OFFICE_STAFF, OUTSIDERS
from sidak.demo.synthetic.city import CityOffice
from sidak.demo.synthetic.staff import Person, Staff
from sidak.domain.documents import CODE_ALPHABET, CODE_LENGTH, report_number

#: name: (share of offices, start level, change over the years, critical failure chance,
#: how often teams come relative to others)
PROFILES = {
    "teladan": (0.20, (0.95, 0.99), (0.00, 0.02), 0.01, 0.6),
    "baik": (0.32, (0.90, 0.95), (0.00, 0.04), 0.02, 0.9),
    "sedang": (0.22, (0.80, 0.90), (0.03, 0.08), 0.04, 1.0),
    "membaik": (0.13, (0.62, 0.75), (0.15, 0.28), 0.10, 1.3),
    "bandel": (0.08, (0.55, 0.70), (-0.03, 0.05), 0.35, 1.5),  #: repeat offenders
    "menurun": (0.05, (0.92, 0.97), (-0.22, -0.12), 0.05, 1.0),
}
RARELY_VISITED = 0.08  #: share of offices teams hardly reach (coverage gaps)
NEVER_VISITED = 0.01  #: and that they never reached (at least one office)
#: teams whose record is not final yet: submitted, by days since the visit
SUBMITTED_SHARE = ((2, 0.9), (7, 0.5), (21, 0.2))
MORE_OUTSIDERS = (
    ("Bripda Rizal Fahmi", "Polres Sukamaju"),
    ("Praka Joko Susilo", "Kodim Sukamaju"),
    ("Bripka Rosita Dewi", "Polsek Cibeureum"),
    ("Ahmad Sodikin", "Kelurahan setempat (Linmas)"),
)


@dataclass(slots=True)
class Visit:
    id: int
    uuid: str
    office: CityOffice
    checklist: str
    start: datetime  #: UTC, whole seconds
    lead: Person | None
    outsider: tuple[str, str]  #: (name, agency)
    receiver: str  #: who signs for the office
    level: float = 1.0  #: how well the office keeps the protocol that day, 0..1
    zone: str = "rendah"  #: the city's risk zone that day
    critical: bool = False  #: a critical item fails whatever the level
    follow_up: bool = False  #: the office was inspected before
    refused: bool = False  #: the receiver refused to sign
    finalized: datetime | None = None  #: None: submitted only
    report: tuple[int, int, str] | None = None  #: year, sequence, number
    code: str | None = None

    @property
    def witness(self) -> str:
        return f"{self.outsider[0]} ({self.outsider[1]})" if self.refused else ""


@dataclass(frozen=True)
class Profile:
    kind: str
    start: float
    change: float
    critical: float
    weight: float

    def level(self, progress: float, rng: random.Random) -> float:
        city = 0.03 * progress  # the whole city learned over the years
        return min(1.0, max(0.3, self.start + self.change * progress + city + rng.gauss(0, 0.03)))


def plan_visits(
    offices: list[CityOffice],
    staff: Staff,
    count: int,
    years: int,
    now: datetime,
    zone: ZoneInfo,
    rng: random.Random,
    number_pattern: str,
) -> list[Visit]:
    """`count` visits, oldest first, with ids from 1, statuses, report numbers and codes."""
    profiles = _profiles(offices, staff, rng)
    today = now.astimezone(zone).date()
    days = _working_days(today - timedelta(days=365 * years), today)
    ceiling = max(1, len(days) * 3 // 5)  # even the worst office is not visited every day
    allocated = zip(offices, _allocate(count, profiles, offices, ceiling), strict=True)
    starts = [
        (_start(rng.choice(days), now, zone, rng), office)
        for office, visits_of_office in allocated
        for _ in range(visits_of_office)
    ]
    starts.sort(key=lambda entry: (entry[0], entry[1].id))
    first = datetime.combine(days[0], time(0), tzinfo=zone)
    span = (now - first).total_seconds()
    visits, seen = [], set()
    for index, (start, office) in enumerate(starts, start=1):
        visit = _visit(index, office, start, rng)
        profile = profiles[office.id]
        progress = (start - first).total_seconds() / span
        visit.level = profile.level(progress, rng)
        visit.critical = rng.random() < profile.critical * (1 - 0.5 * progress)
        visit.refused = visit.critical and rng.random() < 0.3
        visit.follow_up = office.id in seen
        visit.lead = rng.choice(staff.inspectors)
        visit.zone = zone_on(start.astimezone(zone).date(), today)
        visits.append(visit)
        seen.add(office.id)
    _close(visits, now, zone, rng)
    _number(visits, zone, number_pattern, rng)
    return visits


def _profiles(offices: list[CityOffice], staff: Staff, rng: random.Random) -> dict:
    kinds, shares = list(PROFILES), [p[0] for p in PROFILES.values()]
    profiles = {}
    for office in offices:
        kind = rng.choices(kinds, shares)[0]
        _, start, change, critical, weight = PROFILES[kind]
        weight *= rng.lognormvariate(0, 0.25)
        if office.id not in staff.heads and rng.random() < RARELY_VISITED:
            weight *= 0.04
        profiles[office.id] = Profile(
            kind, rng.uniform(*start), rng.uniform(*change), critical, weight
        )
    unwatched = [o for o in offices if o.id not in staff.heads]
    never = min(len(offices) - 1, max(1, round(len(offices) * NEVER_VISITED)))
    for office in rng.sample(unwatched, min(never, len(unwatched))):
        profiles[office.id] = Profile("tidak-pernah", 0.8, 0.0, 0.0, 0.0)
    return profiles


def _allocate(count: int, profiles: dict, offices: list[CityOffice], ceiling: int) -> list[int]:
    """How many visits each office gets: `count` in all, by weight (largest remainder), at
    most `ceiling` each while other offices can take the rest."""
    weights = [profiles[office.id].weight for office in offices]
    counts = [0] * len(offices)
    while (left := count - sum(counts)) > 0:
        room = {
            i: ceiling - counts[i] for i, w in enumerate(weights) if w > 0 and counts[i] < ceiling
        }
        if not room:  # more visits than the offices can take at that pace: lift the ceiling
            if ceiling >= count:
                break
            ceiling = count
            continue
        total = sum(weights[i] for i in room)
        shares = {i: left * weights[i] / total for i in room}
        full = [i for i in room if shares[i] >= room[i]]
        for i in full:  # these reach the ceiling; the rest is shared again by the others
            counts[i] = ceiling
        if full:
            continue
        for i in room:
            counts[i] += int(shares[i])
        by_remainder = sorted(room, key=lambda i: shares[i] - int(shares[i]), reverse=True)
        for i in by_remainder[: count - sum(counts)]:
            counts[i] += 1
    return counts


def _working_days(first: date, last: date) -> list[date]:
    days = (first + timedelta(days=n) for n in range((last - first).days + 1))
    return [day for day in days if day.weekday() < 5]


def _start(day: date, now: datetime, zone: ZoneInfo, rng: random.Random) -> datetime:
    """Between 08:00 and 14:30 on `day`, at least three hours before `now` (else earlier)."""
    while True:
        local = datetime.combine(day, time(8), tzinfo=zone) + timedelta(
            minutes=rng.randint(0, 390), seconds=rng.choice((0, 15, 30, 45))
        )
        if local <= now - timedelta(hours=3):
            return local.astimezone(UTC)
        day -= timedelta(days=3 if day.weekday() == 0 else 1)


def _visit(index: int, office: CityOffice, start: datetime, rng: random.Random) -> Visit:
    """The visit's identity, team and receiver; the caller sets how it went."""
    health = office.type in ("puskesmas", "rsud")
    receiver = office.head_name if office.head_name and rng.random() < 0.45 else None
    return Visit(
        id=index,
        uuid=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        office=office,
        checklist="puskesmas" if office.type == "puskesmas" else "kantor-pelayanan",
        start=start,
        lead=None,
        outsider=rng.choice(OUTSIDERS + MORE_OUTSIDERS),
        receiver=receiver or rng.choice(HEALTH_STAFF if health else OFFICE_STAFF),
    )


def zone_on(day: date, today: date) -> str:
    """The city's risk zone: waves of about five months that ease over the years."""
    days_ago = (today - day).days
    phase = (days_ago % 150) / 150
    if days_ago > 540:
        return "tinggi" if phase < 0.4 else "sedang"
    if days_ago > 180:
        return "tinggi" if phase < 0.15 else "sedang" if phase < 0.5 else "rendah"
    return "sedang" if phase < 0.2 else "rendah" if phase < 0.8 else "tidak-terdampak"


def _close(visits: list[Visit], now: datetime, zone: ZoneInfo, rng: random.Random) -> None:
    """Most records were finalized the same afternoon or the next working morning; the last
    weeks' teams have some still only submitted."""
    for visit in visits:
        age = (now - visit.start).days
        share = next((s for days, s in SUBMITTED_SHARE if age < days), 0.0)
        if rng.random() < share:
            continue
        done = visit.start + timedelta(minutes=135 + rng.randint(0, 140))
        local = done.astimezone(zone)
        if local.hour >= 16:
            day = local.date() + timedelta(days=1)
            while day.weekday() >= 5:
                day += timedelta(days=1)
            done = datetime.combine(day, time(8, rng.randint(0, 59)), tzinfo=zone)
        if done < now - timedelta(minutes=5):
            visit.finalized = done.astimezone(UTC)


def _number(visits: list[Visit], zone: ZoneInfo, pattern: str, rng: random.Random) -> None:
    """Report numbers in the order records were finalized, restarting each year, and codes."""
    finalized = sorted((v for v in visits if v.finalized), key=lambda v: (v.finalized, v.id))
    sequence: dict[int, int] = {}
    codes: set[str] = set()
    for visit in finalized:
        local = visit.finalized.astimezone(zone)
        sequence[local.year] = sequence.get(local.year, 0) + 1
        number = report_number(pattern, sequence[local.year], local.year, local.month)
        visit.report = (local.year, sequence[local.year], number)
        while (code := "".join(rng.choices(CODE_ALPHABET, k=CODE_LENGTH))) in codes:
            pass
        codes.add(code)
        visit.code = code
