"""Registering checklist files as immutable versions, and reading them back."""

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from sqlalchemy import select

from sidak.domain.checklist import Checklist
from sidak.domain.checklist.loader import load_checklist
from sidak.domain.checklist.versioning import canonical_dict, checklist_from_canonical, content_hash
from sidak.domain.problems import Severity
from sidak.models import ChecklistRecord, ChecklistVersion, db

#: files in the checklists folder that are not checklists (the sanction ladder, examples)
NOT_CHECKLISTS = ("sanksi",)


@dataclass
class SyncReport:
    """What a sync did, file by file, for the CLI to print."""

    registered: list[str] = field(default_factory=list)  #: "key label (hash)" newly stored
    unchanged: list[str] = field(default_factory=list)
    retired: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  #: formatted PATH:LINE:COL lines

    @property
    def ok(self) -> bool:
        return not self.problems


def checklist_files(folder: str | Path) -> list[Path]:
    """The checklist files of a folder, in name order."""
    folder = Path(folder)
    files = [*folder.glob("*.yaml"), *folder.glob("*.yml")]
    return sorted(f for f in files if not f.stem.startswith(NOT_CHECKLISTS))


def sync_folder(folder: str | Path) -> SyncReport:
    """Store every valid file as a version (once) and make it current; commit.

    An invalid file is reported and leaves that checklist's current version as it was,
    so a typo in a file never stops inspections.
    """
    report = SyncReport()
    seen: set[str] = set()
    for path in checklist_files(folder):
        data = path.read_bytes()
        checklist, problems = load_checklist(data, source_name=str(path))
        errors = [p for p in problems if p.severity is Severity.ERROR]
        report.problems += [p.format(str(path)) for p in errors]
        if checklist is None or errors:
            continue
        seen.add(checklist.id)
        created = _register(checklist, data.decode("utf-8-sig"), path.name)
        line = f"{checklist.id} {checklist.version} ({content_hash(checklist)[:12]})"
        (report.registered if created else report.unchanged).append(line)
    # A broken file may be the only copy of a checklist: retire nothing until all files load.
    for record in db.session.scalars(select(ChecklistRecord)):
        if record.key not in seen and not record.retired and not report.problems:
            record.retired = True
            report.retired.append(record.key)
    db.session.commit()
    return report


def _register(checklist: Checklist, source: str, file_name: str) -> bool:
    """Add the version if its content is new; point the checklist at it. True if added."""
    digest = content_hash(checklist)
    record = db.session.scalar(select(ChecklistRecord).where(ChecklistRecord.key == checklist.id))
    if record is None:
        record = ChecklistRecord(key=checklist.id)
        db.session.add(record)
    record.retired = False
    version = db.session.scalar(
        select(ChecklistVersion).where(ChecklistVersion.content_hash == digest)
    )
    created = version is None
    if created:
        version = ChecklistVersion(
            checklist=record,
            label=checklist.version,
            content_hash=digest,
            title=checklist.title.id,
            canonical_json=json.dumps(canonical_dict(checklist), sort_keys=True),
            source_yaml=source,
            source_path=file_name,
        )
        db.session.add(version)
    db.session.flush()
    record.current_version = version
    return created


def current_checklists() -> list[ChecklistRecord]:
    """Checklists new inspections may use, by title."""
    query = (
        select(ChecklistRecord)
        .where(ChecklistRecord.retired.is_(False), ChecklistRecord.current_version_id.is_not(None))
        .order_by(ChecklistRecord.key)
    )
    return list(db.session.scalars(query))


@lru_cache(maxsize=32)
def _parsed(content_hash: str, canonical_json: str) -> Checklist:
    return checklist_from_canonical(json.loads(canonical_json))


def checklist_of(version: ChecklistVersion) -> Checklist:
    """The checklist exactly as this version stored it (versions never change: parsed once)."""
    return _parsed(version.content_hash, version.canonical_json)
