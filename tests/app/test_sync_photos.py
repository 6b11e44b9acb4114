"""Photos from the phone in chunks: resumable, checked against the declared hash, idempotent."""

import base64
import hashlib
import io
import uuid
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select

from sidak.models import Inspection, Photo, Role, db
from tests.app.test_sync_drafts import create_draft


def jpeg_bytes(color=(120, 160, 200)) -> bytes:
    image = Image.effect_noise((400, 300), 60).convert("RGB")
    image.paste(color, (0, 0, 100, 100))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def png_data_url() -> str:
    image = Image.new("RGBA", (300, 120), (255, 255, 255, 0))
    for x in range(40, 260):
        image.putpixel((x, 60 + (x % 20) - 10), (10, 30, 60, 255))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


@pytest.fixture
def draft(client, login, make_office, shipped_checklists):
    login(Role.INSPECTOR)
    key, response = create_draft(client, make_office(head_name="Drs. Ahmad Fauzi").id)
    assert response.status_code == 201
    return key


class Upload:
    """One photo as the phone sends it."""

    def __init__(self, client, key, data, item="masker-pegawai", photo=None, sha256=None):
        self.client, self.data, self.item = client, data, item
        self.photo = photo or str(uuid.uuid4())
        self.sha256 = sha256 or hashlib.sha256(data).hexdigest()
        self.url = f"/api/v1/inspections/{key}/photos/{self.photo}"

    def send(self, start, end, total=None):
        """Bytes start..end-1 (Python slice bounds), as one chunk."""
        total = len(self.data) if total is None else total
        return self.client.put(
            self.url,
            query_string={"item": self.item, "sha256": self.sha256},
            data=self.data[start:end],
            headers={
                "Content-Range": f"bytes {start}-{end - 1}/{total}",
                "Content-Type": "application/octet-stream",
            },
        )

    def whole(self):
        return self.send(0, len(self.data))

    def state(self):
        return self.client.get(self.url).get_json()


def thirds(data: bytes) -> list[tuple[int, int]]:
    a, b = len(data) // 3, 2 * len(data) // 3
    return [(0, a), (a, b), (b, len(data))]


def staged(app, photo) -> Path:
    return Path(app.config["UPLOADS_DIR"]) / "partial" / photo


def test_a_photo_in_three_chunks_resumes_after_a_lost_chunk(app, client, draft):
    upload = Upload(client, draft, jpeg_bytes())
    first, second, third = thirds(upload.data)
    response = upload.send(*first)
    assert response.status_code == 200
    assert response.get_json() == {"received": first[1], "complete": False}
    assert staged(app, upload.photo).stat().st_size == first[1]
    assert "static" not in str(staged(app, upload.photo))
    # the second chunk is lost on the way; the third arrives and is refused
    refused = upload.send(*third)
    assert refused.status_code == 416
    assert refused.get_json()["received"] == first[1]
    assert refused.get_json()["code"] == "offset"
    assert upload.state() == {"received": first[1], "complete": False}
    head = client.head(upload.url)
    assert head.headers["Upload-Offset"] == str(first[1])
    assert head.headers["Upload-Complete"] == "0"
    assert upload.send(*second).get_json() == {"received": second[1], "complete": False}
    done = upload.send(*third)
    assert done.status_code == 201, done.get_json()
    assert done.get_json()["complete"] is True
    photo = db.session.scalar(select(Photo).where(Photo.uuid == upload.photo))
    assert photo.item_id == "masker-pegawai"
    assert photo.content_type == "image/jpeg"
    assert not staged(app, upload.photo).exists()
    assert upload.state()["complete"] is True


def test_the_same_photo_again_is_200_and_stored_once(client, draft):
    upload = Upload(client, draft, jpeg_bytes())
    assert upload.whole().status_code == 201
    again = upload.whole()
    assert again.status_code == 200
    assert again.get_json()["complete"] is True
    assert db.session.scalar(select(func.count(Photo.id))) == 1


def test_the_same_photo_uuid_with_other_content_is_a_conflict(client, draft):
    upload = Upload(client, draft, jpeg_bytes())
    upload.whole()
    other = Upload(client, draft, jpeg_bytes((250, 10, 10)), photo=upload.photo)
    response = other.whole()
    assert response.status_code == 409
    assert response.get_json()["code"] == "conflict"
    assert db.session.scalar(select(func.count(Photo.id))) == 1


def test_a_chunk_at_the_wrong_offset_is_416_with_where_to_resume(client, draft):
    upload = Upload(client, draft, jpeg_bytes())
    first, second, _ = thirds(upload.data)
    upload.send(*first)
    assert upload.send(*first).status_code == 416  # sent twice
    ahead = upload.send(second[0] + 10, second[1])
    assert ahead.status_code == 416
    assert ahead.get_json()["received"] == first[1]
    fresh = Upload(client, draft, jpeg_bytes())
    assert fresh.send(*second).get_json()["received"] == 0


def test_a_photo_that_arrives_different_from_its_hash_is_discarded(app, client, draft):
    data = jpeg_bytes()
    upload = Upload(client, draft, data, sha256=hashlib.sha256(b"other").hexdigest())
    first, second, third = thirds(data)
    upload.send(*first)
    upload.send(*second)
    response = upload.send(*third)
    assert response.status_code == 409
    assert response.get_json()["code"] == "checksum"
    assert not staged(app, upload.photo).exists()
    assert upload.state() == {"received": 0, "complete": False}
    assert db.session.scalar(select(func.count(Photo.id))) == 0
    # the phone starts over with the right hash
    retry = Upload(client, draft, data, photo=upload.photo)
    assert retry.whole().status_code == 201


def test_a_file_that_is_not_a_photo_is_refused_whole(app, client, draft):
    upload = Upload(client, draft, b"%PDF-1.4 not a photo at all")
    response = upload.whole()
    assert response.status_code == 400
    assert response.get_json()["error"]
    assert not staged(app, upload.photo).exists()


def test_a_photo_larger_than_the_limit_is_refused_before_any_byte_is_kept(app, client, draft):
    upload = Upload(client, draft, jpeg_bytes())
    response = upload.send(0, 100, total=app.config["MAX_CONTENT_LENGTH"] + 1)
    assert response.status_code == 413
    assert response.get_json()["code"] == "too_large"
    assert not staged(app, upload.photo).exists()


def test_a_chunk_needs_a_content_range_that_matches_its_bytes(client, draft):
    upload = Upload(client, draft, jpeg_bytes())
    missing = client.put(
        upload.url, query_string={"item": "masker-pegawai", "sha256": upload.sha256}, data=b"x"
    )
    assert missing.status_code == 400
    lying = client.put(
        upload.url,
        query_string={"item": "masker-pegawai", "sha256": upload.sha256},
        data=upload.data[:10],
        headers={"Content-Range": f"bytes 0-99/{len(upload.data)}"},
    )
    assert lying.status_code == 400


def answer_everything(client, key):
    """Every visible item answered as passing, through the online endpoint."""
    from sidak.services.checklists import checklist_of

    inspection = db.session.scalar(select(Inspection).where(Inspection.uuid == key))
    for item in checklist_of(inspection.checklist_version).items:
        body = {
            "yesno": {"value": item.expect},
            "count": {"observed": 10, "compliant": 10},
            "choice": {"value": item.options[0].value if item.options else None},
            "number": {"number": str(item.pass_max or item.pass_min)},
        }.get(item.type.value)
        if body is not None:
            response = client.put(f"/api/v1/inspections/{key}/answers/{item.id}", json=body)
            assert response.status_code == 200, (item.id, response.get_json())


def sign_everything(client, key):
    for path, body in (
        ("lead/0", {"image": png_data_url()}),
        ("member/1", {"image": png_data_url()}),
        ("representative", {"refused": True, "witness": "Siti", "name": "Drs. Ahmad Fauzi"}),
    ):
        response = client.put(f"/api/v1/inspections/{key}/signatures/{path}", json=body)
        assert response.status_code == 201, response.get_json()


def test_submit_waits_for_every_photo_the_phone_took(client, draft):
    answer_everything(client, draft)
    sign_everything(client, draft)
    arrived = Upload(client, draft, jpeg_bytes())
    arrived.whole()
    late = Upload(client, draft, jpeg_bytes((10, 200, 10)), item="masker-pengunjung")
    late.send(0, 100)
    body = {"answers": {}, "photos": [arrived.photo, late.photo]}
    response = client.post(f"/api/v1/inspections/{draft}/submit", json=body)
    assert response.status_code == 409
    assert response.get_json()["code"] == "photos_missing"
    assert response.get_json()["missing"] == [late.photo]
    inspection = db.session.scalar(select(Inspection).where(Inspection.uuid == draft))
    assert inspection.status == "draft"
    assert late.send(100, len(late.data)).status_code == 201
    first = client.post(f"/api/v1/inspections/{draft}/submit", json=body)
    assert first.status_code == 201, first.get_json()
    again = client.post(f"/api/v1/inspections/{draft}/submit", json=body)
    assert again.status_code == 200
    assert again.get_json() == first.get_json()
    assert db.session.scalar(select(func.count(Inspection.id))) == 1
    changed = client.post(
        f"/api/v1/inspections/{draft}/submit",
        json={"answers": {"masker-pegawai": {"observed": 10, "compliant": 1}}},
    )
    assert changed.status_code == 409
    assert changed.get_json()["code"] == "conflict"
    # a photo resent after submission is recognised, not refused
    assert late.whole().status_code == 200


def test_two_first_chunks_of_one_photo_arriving_together_are_no_error(
    app, client, draft, monkeypatch
):
    """A retry sent while the first request is still on its way: both see no upload yet, the
    second's insert meets the first's row. It goes on from the bytes the first one kept."""
    from sidak.services.sync import photos

    upload = Upload(client, draft, jpeg_bytes())
    first, second, third = thirds(upload.data)
    assert upload.send(*first).status_code == 200
    looked = []
    real = photos._upload

    def not_yet_committed(key):
        looked.append(key)
        return None if len(looked) == 1 else real(key)

    monkeypatch.setattr(photos, "_upload", not_yet_committed)
    again = upload.send(*first)
    assert again.status_code == 416, again.get_json()
    assert again.get_json()["received"] == first[1]
    monkeypatch.undo()
    assert upload.send(*second).status_code == 200
    assert upload.send(*third).status_code == 201
    assert db.session.scalar(select(func.count(Photo.id))) == 1
