"""Recording the planned visits through the inspection services, as the teams would have.

Every answer, photo, signature, submission and finalization goes through the same service
the phone uses, with the clock set to the visit's time: scores, hashes and audit events are
exactly what real use produces, and `sidak verify` finds every finalized record intact.
"""

import random
import uuid
from datetime import timedelta
from functools import cache

from sidak.demo.answers import PlannedAnswer, Scene, answer_all
from sidak.demo.clock import HistoricalClock
from sidak.demo.pictures import photo_jpeg, signature_data_url
from sidak.demo.schedule import JAKARTA, Visit
from sidak.domain.checklist import ItemType
from sidak.models import CheckResult, Inspection, InspectionStatus, Office, SignerRole, User, db
from sidak.services.checklists import checklist_of
from sidak.services.inspections.drafts import save_answer
from sidak.services.inspections.evidence import add_photo, sign
from sidak.services.inspections.start import StartRequest, TeamEntry, start_inspection
from sidak.services.inspections.submission import finalize, submit
from sidak.services.sanctions import followups

#: share of earlier findings a follow-up visit finds corrected
CORRECTED_BY_FOLLOW_UP = 0.75
#: share of the optional photo items (a view of the service area) that get a photo
DOCUMENTATION_PHOTOS = 0.4


def record_visit(
    visit: Visit, office: Office, users: dict[str, User], clock: HistoricalClock
) -> Inspection:
    """Start, fill, sign, submit and finalize one visit, as far as its status says."""
    rng = random.Random(visit.seed)
    clock.set(visit.start)
    inspection = _start(visit, office, users, rng)
    checklist = checklist_of(inspection.checklist_version)
    planned = answer_all(checklist, _scene(visit), rng)
    if visit.status == InspectionStatus.DRAFT:
        planned = planned[: max(3, int(len(planned) * rng.uniform(0.4, 0.75)))]
    _answer(inspection, planned, _writers(visit, users, checklist), clock)
    _photograph(inspection, planned, checklist, office, users[visit.lead], clock, rng)
    _check_earlier_findings(inspection, users[visit.lead], office, clock, rng)
    if visit.status == InspectionStatus.DRAFT:
        return inspection
    _sign(inspection, visit, users[visit.lead], clock)
    clock.set(clock() + timedelta(minutes=2))
    submit(users[visit.lead], inspection)
    if visit.status == InspectionStatus.FINALIZED:
        clock.set(visit.finalized)
        finalize(users[visit.lead], inspection)
    return inspection


def _scene(visit: Visit) -> Scene:
    return Scene(
        level=visit.level,
        critical_failure=visit.critical_failure,
        zone=visit.zone,
        receiver=visit.receiver,
        follow_up=visit.follow_up,
    )


def _start(visit: Visit, office: Office, users: dict[str, User], rng) -> Inspection:
    team = [TeamEntry(user_id=users[visit.lead].id, is_lead=True)]
    team += [TeamEntry(user_id=users[name].id) for name in visit.members]
    if visit.outsider:
        team.append(TeamEntry(name=visit.outsider[0], agency=visit.outsider[1]))
    declined = rng.random() < 0.1 or office.latitude is None
    request = StartRequest(
        uuid=visit.uuid,
        office_id=office.id,
        checklist_key=visit.checklist,
        team=team,
        latitude=None if declined else office.latitude + rng.uniform(-3e-4, 3e-4),
        longitude=None if declined else office.longitude + rng.uniform(-3e-4, 3e-4),
        accuracy_m=None if declined else round(rng.uniform(4, 30), 1),
        location_declined=declined,
    )
    inspection, _created = start_inspection(users[visit.lead], request)
    return inspection


def _writers(visit: Visit, users: dict[str, User], checklist) -> dict[str, User]:
    """Who types each item: the inspectors with an account share the sections."""
    team = [users[visit.lead], *(users[name] for name in visit.members)]
    return {
        item.id: team[index % len(team)]
        for index, section in enumerate(checklist.sections)
        for item in section.items
    }


def _answer(inspection, planned: list[PlannedAnswer], writers, clock: HistoricalClock) -> None:
    for answer in planned:
        clock.set(clock() + timedelta(seconds=75))
        save_answer(writers[answer.item.id], inspection, answer.item.id, answer.given)


def _photograph(inspection, planned, checklist, office, lead, clock, rng) -> None:
    """A photo of every failure that needs one (two of a critical one), and some views."""
    wanted = []
    for answer in planned:
        if answer.needs_photo:
            wanted += [answer.item.id] * (2 if answer.item.critical else 1)
    answered = {answer.item.id for answer in planned}
    for item in checklist.items:
        if item.type is ItemType.PHOTO and answered and rng.random() < DOCUMENTATION_PHOTOS:
            wanted.append(item.id)
    for item_id in wanted:
        clock.set(clock() + timedelta(seconds=40))
        taken = clock().astimezone(JAKARTA).strftime("%d-%m-%Y %H.%M")
        picture = photo_jpeg(rng.getrandbits(32), f"{office.name} - {item_id} - {taken} WIB")
        photo_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        add_photo(lead, inspection, photo_id, item_id, picture, taken_at=clock())


def _check_earlier_findings(inspection, lead, office, clock, rng) -> None:
    """A follow-up visit looks at the office's open findings: most are corrected by now."""
    for check in inspection.follow_up_checks:
        clock.set(clock() + timedelta(seconds=50))
        corrected = rng.random() < CORRECTED_BY_FOLLOW_UP
        result = CheckResult.CORRECTED if corrected else CheckResult.OPEN
        followups.mark(lead, inspection, check.action_id, result)
        if corrected:
            taken = clock().astimezone(JAKARTA).strftime("%d-%m-%Y %H.%M")
            picture = photo_jpeg(rng.getrandbits(32), f"{office.name} - sesudah - {taken} WIB")
            photo_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            add_photo(lead, inspection, photo_id, check.photo_item, picture, taken_at=clock())
    db.session.commit()


def _sign(inspection: Inspection, visit: Visit, lead: User, clock: HistoricalClock) -> None:
    """Each team member, then the office's receiver (or the witnessed refusal)."""
    clock.set(max(clock(), visit.start + timedelta(minutes=45)))
    for member in inspection.team:
        clock.set(clock() + timedelta(seconds=50))
        role = SignerRole.LEAD if member.is_lead else SignerRole.MEMBER
        sign(lead, inspection, role, member_id=member.id, image_data_url=_ink(member.name))
    clock.set(clock() + timedelta(minutes=1))
    if visit.refused:
        signed = {"refused": True, "witness": visit.witness}
    else:
        signed = {"image_data_url": _ink(visit.receiver)}
    sign(lead, inspection, SignerRole.REPRESENTATIVE, name=visit.receiver, **signed)


@cache
def _ink(name: str) -> str:
    """A person's signature looks the same every time they sign."""
    return signature_data_url(name)
