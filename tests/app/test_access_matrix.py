"""Every route for every role: who gets the page, who gets 403/404, who is sent to log in.

A route missing from EXPECTED fails `test_every_route_has_an_expectation`, so a new route
cannot ship without saying who may use it.
"""

import io
import uuid
from datetime import date

import pytest
from PIL import Image

from sidak.models import (
    ActionReply,
    CorrectiveAction,
    FollowUp,
    FollowUpCheck,
    Inspection,
    InspectionStatus,
    Integration,
    Photo,
    RecapJob,
    ReplyPhoto,
    Role,
    Sanction,
    Signature,
    StoredReport,
    TeamMember,
    db,
)
from sidak.services.checklists import current_checklists
from tests.conftest import PASSWORD

ROLES = (
    "anonymous",
    "team_inspector",
    "other_inspector",
    "own_head",
    "other_head",
    "city",
    "admin",
)
LOGGED_IN = set(ROLES) - {"anonymous"}
VIEWERS = {"team_inspector", "other_inspector", "own_head", "city", "admin"}
TEAM = {"team_inspector"}
INSPECTORS = {"team_inspector", "other_inspector"}
ADMIN = {"admin"}
CITY = {"city", "admin"}
DECIDERS = {"city"}
HEADS = {"own_head", "other_head"}

#: endpoint -> (method, url parameters by name of a world object, roles allowed)
EXPECTED = {
    "health.healthz": ("GET", {}, set(ROLES)),
    "pwa.service_worker": ("GET", {}, set(ROLES)),
    "pwa.manifest": ("GET", {}, set(ROLES)),
    "auth.login": ("GET", {}, set(ROLES)),
    "checklists.home": ("GET", {}, set(ROLES)),
    "checklists.index": ("GET", {}, LOGGED_IN),
    "checklists.detail": ("GET", {"key": "checklist"}, LOGGED_IN),
    "checklists.sync": ("POST", {}, ADMIN),
    "inspections.index": ("GET", {}, LOGGED_IN),
    "field.app": ("GET", {}, INSPECTORS),
    "sync.openapi": ("GET", {}, set(ROLES)),
    "sync.field_session": ("GET", {}, LOGGED_IN),
    "sync.field_bootstrap": ("GET", {}, INSPECTORS),
    "sync.put_inspection": ("PUT", {"key": "5b0c3a52-8a4e-4c61-9d0e-2f6f1f6f0a11"}, INSPECTORS),
    "sync.photo_upload_state": ("GET", {"key": "draft", "photo_uuid": "draft_photo"}, TEAM),
    "sync.put_photo_chunk": ("PUT", {"key": "draft", "photo_uuid": "draft_photo"}, TEAM),
    "sync.put_signature": ("PUT", {"key": "draft", "role": "lead"}, TEAM),
    "read_api.office_list": ("GET", {}, LOGGED_IN),
    "read_api.office": ("GET", {"office_id": "office"}, VIEWERS),
    "read_api.inspection_list": ("GET", {}, LOGGED_IN),
    "read_api.inspection": ("GET", {"key": "final"}, VIEWERS),
    "read_api.sanction_list": ("GET", {}, LOGGED_IN),
    "read_api.sanction": ("GET", {"sanction_id": "sanction"}, VIEWERS),
    "inspections.new": ("GET", {}, INSPECTORS),
    "inspections.section": ("GET", {"key": "draft", "number": 1}, TEAM),
    "inspections.summary": ("GET", {"key": "draft"}, TEAM),
    "inspections.upload_photo": ("POST", {"key": "draft"}, TEAM),
    "inspections.delete_photo": ("POST", {"key": "draft", "photo_uuid": "draft_photo"}, TEAM),
    "inspections.add_signature": ("POST", {"key": "draft"}, TEAM),
    "inspections.submit": ("POST", {"key": "draft"}, TEAM),
    "inspections_api.put_answer": ("PUT", {"key": "draft", "item_id": "item"}, TEAM),
    "inspections_api.submit": ("POST", {"key": "draft"}, TEAM),
    "inspections_api.put_follow_up": ("PUT", {"key": "draft", "action_id": "action"}, TEAM),
    "inspections.detail": ("GET", {"key": "final"}, VIEWERS),
    "inspections.photo": ("GET", {"photo_uuid": "final_photo"}, VIEWERS),
    "inspections.signature_image": ("GET", {"signature_id": "signature"}, VIEWERS),
    "inspections.finalize": ("POST", {"key": "submitted"}, TEAM),
    "inspections.correct": ("POST", {"key": "final"}, TEAM),
    "reports.inspection_pdf": ("GET", {"key": "final"}, VIEWERS),
    "reports.verify_form": ("GET", {}, set(ROLES)),
    "reports.verify": ("GET", {"code": "ABCDEFGHJK"}, set(ROLES)),
    "reports.sanction_letter": ("GET", {"sanction_id": "sanction"}, VIEWERS),
    "recap.index": ("GET", {}, CITY),
    "recap.ask": ("POST", {}, CITY),
    "recap.job": ("GET", {"job_id": "recap_job"}, CITY),
    "recap.job_state": ("GET", {"job_id": "recap_job"}, CITY),
    "recap.pdf": ("GET", {"job_id": "recap_job"}, CITY),
    "dashboard.index": ("GET", {}, CITY),
    "dashboard.inspections": ("GET", {}, CITY),
    "dashboard.sanctions": ("GET", {}, CITY),
    "dashboard.actions": ("GET", {}, CITY),
    "dashboard.offices": ("GET", {}, CITY),
    "dashboard.export": ("GET", {"kind": "inspeksi", "fmt": "csv"}, CITY),
    "office_pages.history": ("GET", {"office_id": "office"}, VIEWERS),
    "sanctions.index": ("GET", {}, CITY),
    "sanctions.detail": ("GET", {"sanction_id": "sanction"}, CITY),
    "sanctions.decide": ("POST", {"sanction_id": "proposed_sanction"}, DECIDERS),
    "sanctions.action": ("GET", {"action_id": "action"}, CITY),
    "sanctions.judge": ("POST", {"action_id": "action", "reply_id": "reply"}, DECIDERS),
    "sanctions.visits": ("GET", {}, CITY),
    "sanctions.reschedule": ("POST", {"follow_up_id": "follow_up"}, DECIDERS),
    "portal.index": ("GET", {}, HEADS),
    "portal.action": ("GET", {"action_id": "action"}, {"own_head"}),
    "inspections.follow_up": ("GET", {"key": "draft"}, TEAM),
    "inspections.reply_photo": ("GET", {"photo_uuid": "reply_photo"}, VIEWERS),
    "admin.offices.index": ("GET", {}, ADMIN),
    "admin.offices.new": ("GET", {}, ADMIN),
    "admin.offices.edit": ("GET", {"office_id": "office"}, ADMIN),
    "admin.offices.status": ("POST", {"office_id": "other_office"}, ADMIN),
    "admin.offices.import_csv": ("GET", {}, ADMIN),
    "admin.users.index": ("GET", {}, ADMIN),
    "admin.users.new": ("GET", {}, ADMIN),
    "admin.users.edit": ("GET", {"user_id": "other_inspector"}, ADMIN),
    "admin.users.password": ("POST", {"user_id": "other_inspector"}, ADMIN),
    "admin.integrations.index": ("GET", {}, ADMIN),
    "admin.integrations.new": ("GET", {}, ADMIN),
    "admin.integrations.detail": ("GET", {"integration_id": "integration"}, ADMIN),
    "admin.integrations.revoke": ("POST", {"integration_id": "integration"}, ADMIN),
    "notifications.index": ("GET", {}, LOGGED_IN),
    "notifications.mark_read": ("POST", {}, LOGGED_IN),
    # last: it ends the session
    "auth.logout": ("POST", {}, LOGGED_IN),
}


def jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 10, 10)).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture
def world(app, make_user, make_office, shipped_checklists):
    """Two offices, people in every role, and a draft, a submitted and a final inspection."""
    from sidak.services.inspections.evidence import file_store

    office, other_office = make_office(), make_office("Puskesmas Cibeureum", type="puskesmas")
    people = {
        "team_inspector": make_user("tim", Role.INSPECTOR),
        "other_inspector": make_user("lain", Role.INSPECTOR),
        "own_head": make_user("kepala", Role.OFFICE_HEAD),
        "other_head": make_user("kepala2", Role.OFFICE_HEAD),
        "city": make_user("kota", Role.CITY),
        "admin": make_user("admin", Role.ADMIN),
    }
    people["own_head"].office_id = office.id
    people["other_head"].office_id = other_office.id
    record = current_checklists()[0]
    store = file_store()

    def inspection(status):
        made = Inspection(
            uuid=str(uuid.uuid4()),
            office=office,
            checklist_version=record.current_version,
            created_by_id=people["team_inspector"].id,
            status=status,
        )
        made.team = [TeamMember(user_id=people["team_inspector"].id, name="Tim", is_lead=True)]
        db.session.add(made)
        return made

    def photo(owner):
        data = jpeg()
        made = Photo(
            uuid=str(uuid.uuid4()),
            inspection=owner,
            item_id="masker-pegawai",
            sha256="0" * 64,
            storage_key=store.save(data, ".jpg"),
            thumb_key=store.save(data, ".jpg"),
            content_type="image/jpeg",
            width=64,
            height=48,
            size_bytes=len(data),
        )
        db.session.add(made)
        return made

    draft = inspection(InspectionStatus.DRAFT)
    submitted = inspection(InspectionStatus.SUBMITTED)
    final = inspection(InspectionStatus.FINALIZED)
    final.content_hash = "0" * 64
    final.report_year, final.report_sequence = 2026, 1
    final.report_number = "001/BA-SIDAK/XI/2026"
    final.verification_code = "ABCDEFGHJK"
    objects = {"draft_photo": photo(draft), "final_photo": photo(final)}
    signature = Signature(
        inspection=final,
        role="representative",
        signer_name="Ahmad",
        image_key=store.save(b"\x89PNG\r\n\x1a\n", ".png"),
    )
    db.session.add(signature)
    recap_file = StoredReport(
        kind="recap",
        language="id",
        storage_key=store.save(b"%PDF-1.7\n", "pdf"),
        sha256="0" * 64,
        size_bytes=9,
        pages=1,
        render_ms=1,
    )
    recap_job = RecapJob(
        date_from=date(2026, 10, 1), date_to=date(2026, 10, 31), status="done", report=recap_file
    )
    db.session.add(recap_job)
    sanctions = _sanction_records(final, office, people["own_head"], store)
    integration = Integration(
        name="Dasbor Dinkes",
        token_hash="1" * 64,
        token_prefix="sdk_uji",
        scope="city",
        created_by=people["admin"],
    )
    db.session.add(integration)
    db.session.add(FollowUpCheck(inspection=draft, action=sanctions["action"]))
    db.session.commit()
    ids = {
        "checklist": record.key,
        "draft": draft.uuid,
        "submitted": submitted.uuid,
        "final": final.uuid,
        "draft_photo": objects["draft_photo"].uuid,
        "final_photo": objects["final_photo"].uuid,
        "signature": signature.id,
        "item": "masker-pegawai",
        "office": office.id,
        "other_office": other_office.id,
        "other_inspector": people["other_inspector"].id,
        "recap_job": recap_job.id,
        "integration": integration.id,
        **{name: getattr(made, "uuid", None) or made.id for name, made in sanctions.items()},
    }
    return people, ids


def _sanction_records(final, office, head, store) -> dict:
    """An issued and a proposed sanction, an action with a reply and a photo, a follow-up."""
    common = {
        "office": office,
        "inspection": final,
        "ladder": "uji 1",
        "proposed_level": "teguran-lisan",
        "level": "teguran-lisan",
        "level_name": "Teguran lisan",
    }
    issued = Sanction(status="issued", number="001/SP-SIDAK/XI/2026", **common)
    proposed = Sanction(status="proposed", **common)
    action = CorrectiveAction(
        inspection=final,
        office=office,
        item_id="masker-pegawai",
        question="Pegawai memakai masker",
        status="replied",
        due_date=date(2026, 12, 1),
    )
    reply = ActionReply(action=action, kind="evidence", note="Sudah", created_by_id=head.id)
    data = jpeg()
    photo = ReplyPhoto(
        uuid=str(uuid.uuid4()),
        reply=reply,
        sha256="0" * 64,
        storage_key=store.save(data, ".jpg"),
        thumb_key=store.save(data, ".jpg"),
        content_type="image/jpeg",
        width=64,
        height=48,
        size_bytes=len(data),
    )
    follow_up = FollowUp(office=office, source=final, due_date=date(2026, 12, 15))
    made = {
        "sanction": issued,
        "proposed_sanction": proposed,
        "action": action,
        "reply": reply,
        "reply_photo": photo,
        "follow_up": follow_up,
    }
    db.session.add_all(made.values())
    db.session.flush()
    return made


def test_every_route_has_an_expectation(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()} - {"static"}
    assert endpoints == set(EXPECTED)


def url_for_case(app, endpoint, params, ids):
    values = {
        name: ids.get(ref, ref) if isinstance(ref, str) else ref for name, ref in params.items()
    }
    with app.test_request_context():
        from flask import url_for

        return url_for(endpoint, **values)


@pytest.mark.parametrize("role", ROLES)
def test_each_role_reaches_exactly_its_routes(app, world, role):
    people, ids = world
    client = app.test_client()
    if role != "anonymous":
        response = client.post(
            "/masuk", data={"username": people[role].username, "password": PASSWORD}
        )
        assert response.status_code == 302
    wrong = []
    for endpoint, (method, params, allowed) in EXPECTED.items():
        url = url_for_case(app, endpoint, params, ids)
        body = {"json": {}} if method == "PUT" or "api" in endpoint else {"data": {"alasan": "uji"}}
        response = client.open(url, method=method, **body)
        location = response.headers.get("Location", "")
        if role in allowed:
            refused = response.status_code in (401, 403, 404) or location.startswith("/masuk?next=")
            if refused:
                wrong.append(f"{method} {url}: {response.status_code} {location} (expected access)")
        elif role == "anonymous":
            sent_to_login = location.startswith("/masuk?next=") or response.status_code == 401
            if not sent_to_login:
                wrong.append(f"{method} {url}: {response.status_code} (expected login)")
        elif response.status_code not in (403, 404):
            wrong.append(f"{method} {url}: {response.status_code} {location} (expected 403/404)")
    assert wrong == []
