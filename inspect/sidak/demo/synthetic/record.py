"""The rows of one visit: the record, its team, answers, photos and signatures, and its
summary, with the hashes submission and finalization would have given it.

The hashes come from the services' own functions (`submission_digest`, `canonical_record`),
which read any object with a record's attributes: here, namespaces built from the rows.
"""

import hashlib
import json
import random
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from sidak.demo.synthetic.plan import Visit
from sidak.demo.synthetic.pool import RECEIVER, Outcome
from sidak.demo.synthetic.sink import BulkSink, Ids
from sidak.domain import integrity
from sidak.domain.analytics import month_start, week_start
from sidak.models import InspectionStatus, SignerRole
from sidak.services.inspections.record import canonical_record
from sidak.services.inspections.submission import submission_digest

ANSWER_SECONDS = 75  #: an answer every minute and a quarter, as teams fill the form
PHOTO_SECONDS = 40
FINALIZED, SUBMITTED = InspectionStatus.FINALIZED, InspectionStatus.SUBMITTED


@dataclass(frozen=True)
class Media:
    """The stored files every generated record shares: one signature, one photo."""

    signature_key: str
    signature_sha256: str
    #: a photo row's file columns (`stored_image`)
    photo: dict


@dataclass(frozen=True)
class Check:
    """A follow-up visit's verdict on an earlier finding of the office, as its record
    keeps it."""

    source_uuid: str
    item_id: str
    result: str


class RecordWriter:
    """Adds the rows of one visit to the sink (ids from `Ids`, files from `Media`)."""

    def __init__(self, sink: BulkSink, ids: Ids, versions: dict, media: Media, zone: ZoneInfo):
        self.sink, self.ids, self.media, self.zone = sink, ids, media, zone
        #: checklist key -> (version id, a namespace as `canonical_record` reads it)
        self.versions = {
            key: (
                version.id,
                SimpleNamespace(
                    checklist=SimpleNamespace(key=key),
                    label=version.label,
                    content_hash=version.content_hash,
                ),
            )
            for key, version in versions.items()
        }

    def write(self, visit: Visit, outcome: Outcome, checks: list[Check], rng) -> datetime:
        """Add every row of the visit to the sink; returns when it was submitted."""
        team = self._team(visit)
        answers, moment = self._answers(visit, outcome)
        photos, moment = self._photos(visit, outcome, answers, moment, rng)
        signatures, submitted = self._signatures(visit, team, moment)
        record = self._record(visit, outcome, submitted, rng)
        record.update(team=team, answers=answers, photos=photos, signatures=signatures)
        record["follow_up_checks"] = [_check_view(check) for check in checks]
        row = self._inspection_row(visit, outcome, record)
        self.sink.add("inspections", row)
        for table, rows in (
            ("team_members", team),
            ("answers", answers),
            ("photos", photos),
            ("signatures", signatures),
        ):
            for entry in rows:
                self.sink.add(table, entry)
        self._summary(visit, outcome, row)
        return submitted

    def _team(self, visit: Visit) -> list[SimpleNamespace]:
        """The lead inspector and one member from outside (police, army, the village)."""
        lead, (name, agency) = visit.lead, visit.outsider
        members = [
            (lead.id, lead.full_name, lead.agency, SimpleNamespace(username=lead.username)),
            (None, name, agency, None),
        ]
        return [
            SimpleNamespace(
                id=self.ids("team_members"),
                inspection_id=visit.id,
                user_id=user_id,
                name=full_name,
                agency=where,
                is_lead=position == 0,
                position=position,
                user=user,
            )
            for position, (user_id, full_name, where, user) in enumerate(members)
        ]

    def _answers(self, visit: Visit, outcome: Outcome) -> tuple[list, datetime]:
        moment, rows = visit.start, []
        for given in outcome.answers:
            moment += timedelta(seconds=ANSWER_SECONDS)
            row = SimpleNamespace(
                id=self.ids("answers"),
                inspection_id=visit.id,
                **given,
                updated_at=moment,
                updated_by_id=visit.lead.id,
            )
            if row.value and RECEIVER in row.value:
                row.value = row.value.replace(RECEIVER, visit.receiver)
            rows.append(row)
        return rows, moment

    def _photos(self, visit, outcome: Outcome, answers, moment, rng) -> tuple[list, datetime]:
        """The photos the failures require, taken after their answers."""
        answered = {row.item_id: row.updated_at for row in answers}
        photos = []
        for index, item_id in enumerate(outcome.photos, start=1):
            taken = answered[item_id] + timedelta(seconds=PHOTO_SECONDS * index)
            photos.append(
                SimpleNamespace(
                    id=self.ids("photos"),
                    uuid=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                    inspection_id=visit.id,
                    item_id=item_id,
                    **self.media.photo,
                    print_key=None,
                    captured_at=taken,
                    uploaded_at=taken,
                    uploaded_by_id=visit.lead.id,
                    caption="",
                )
            )
        return photos, max(moment, *(p.uploaded_at for p in photos)) if photos else moment

    def _signatures(self, visit: Visit, team, moment: datetime) -> tuple[list, datetime]:
        """The team, then the office's receiver (or the witnessed refusal); then submission."""
        moment = max(moment, visit.start + timedelta(minutes=45))
        rows = []
        for member in team:
            moment += timedelta(seconds=50)
            role = SignerRole.LEAD if member.is_lead else SignerRole.MEMBER
            rows.append(self._signature(visit, role, member.id, member.name, moment))
        moment += timedelta(minutes=1)
        rows.append(self._signature(visit, SignerRole.REPRESENTATIVE, None, visit.receiver, moment))
        return rows, moment + timedelta(minutes=2)

    def _signature(self, visit: Visit, role, member_id, name: str, moment) -> SimpleNamespace:
        refused = role == SignerRole.REPRESENTATIVE and visit.refused
        return SimpleNamespace(
            id=self.ids("signatures"),
            inspection_id=visit.id,
            role=str(role),
            team_member_id=member_id,
            signer_name=name,
            image_key=None if refused else self.media.signature_key,
            sha256=None if refused else self.media.signature_sha256,
            refused=refused,
            witness_name=visit.witness if refused else "",
            signed_at=moment,
        )

    def _record(self, visit: Visit, outcome: Outcome, submitted, rng: random.Random) -> dict:
        """The record's own fields, as `canonical_record` reads them."""
        office = visit.office
        declined = office.latitude is None or rng.random() < 0.1
        jitter = (rng.uniform(-3e-4, 3e-4), rng.uniform(-3e-4, 3e-4))
        return {
            "uuid": visit.uuid,
            "version": 1,
            "supersedes": None,
            "correction_reason": "",
            "office_id": office.id,
            "office": SimpleNamespace(name=office.name),
            "checklist_version": self.versions[visit.checklist][1],
            "started_at": visit.start,
            "ended_at": submitted,
            "submitted_at": submitted,
            "finalized_at": visit.finalized,
            "finalized_by": SimpleNamespace(username=visit.lead.username)
            if visit.finalized
            else None,
            "latitude": None if declined else office.latitude + jitter[0],
            "longitude": None if declined else office.longitude + jitter[1],
            "accuracy_m": None if declined else round(rng.uniform(4, 30), 1),
            "location_declined": declined,
            "score": outcome.score,
            "grade_id": outcome.grade_id,
            "critical_failures": outcome.critical_failures,
        }

    def _inspection_row(self, visit: Visit, outcome: Outcome, record: dict) -> dict:
        view = SimpleNamespace(**record)
        canonical = digest = None
        if visit.finalized:  # as `finalize` does it; `content_hash` is these bytes' SHA-256
            content = integrity.canonical_bytes(canonical_record(view))
            canonical, digest = content.decode("utf-8"), hashlib.sha256(content).hexdigest()
        year, sequence, number = visit.report or (None, None, None)
        fields = ("office_id", "started_at", "ended_at", "submitted_at", "finalized_at")
        fields += ("latitude", "longitude", "accuracy_m", "location_declined", "score")
        fields += ("grade_id", "critical_failures", "version", "correction_reason")
        return {
            "id": visit.id,
            "uuid": visit.uuid,
            **{name: record[name] for name in fields},
            "checklist_version_id": self.versions[visit.checklist][0],
            "status": str(FINALIZED if visit.finalized else SUBMITTED),
            "created_by_id": visit.lead.id,
            "finalized_by_id": visit.lead.id if visit.finalized else None,
            "updated_at": visit.finalized or record["submitted_at"],
            "findings_count": len(outcome.findings),
            "score_json": self._breakdown(visit, outcome),
            "submission_hash": submission_digest(view),
            "content_hash": digest,
            "canonical_json": canonical,
            "supersedes_id": None,
            "report_year": year,
            "report_sequence": sequence,
            "report_number": number,
            "verification_code": visit.code,
        }

    def _breakdown(self, visit: Visit, outcome: Outcome) -> str | None:
        """The stored breakdown, if asked for (15-22 KB a record): the general note in it
        names the visit's receiver."""
        if outcome.breakdown is None:
            return None
        name = json.dumps(visit.receiver, ensure_ascii=False)[1:-1]
        return outcome.breakdown.replace(RECEIVER, name)

    def _summary(self, visit: Visit, outcome: Outcome, row: dict) -> None:
        """The summary and findings `sidak.services.analytics.summaries` writes at submission."""
        day = visit.start.astimezone(self.zone).date()
        self.sink.add(
            "inspection_summaries",
            {
                "inspection_id": visit.id,
                "office_id": visit.office.id,
                "checklist_key": visit.checklist,
                "status": row["status"],
                "current": True,
                "started_on": day,
                "week": week_start(day),
                "month": month_start(day),
                **outcome.summary,
                "violation": outcome.violation,
                "updated_at": row["updated_at"],
            },
        )
        for finding in outcome.findings:
            self.sink.add(
                "inspection_findings",
                {
                    "id": self.ids("inspection_findings"),
                    "inspection_id": visit.id,
                    "office_id": visit.office.id,
                    "item_id": finding.item_id,
                    "category": finding.category,
                    "critical": finding.critical,
                    "position": finding.position,
                },
            )


def _check_view(check: Check) -> SimpleNamespace:
    action = SimpleNamespace(
        inspection=SimpleNamespace(uuid=check.source_uuid), item_id=check.item_id
    )
    return SimpleNamespace(result=check.result, note="", action=action)
