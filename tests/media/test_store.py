"""The file store: random keys, atomic writes, and no key that reaches outside its folder."""

import os
import re
import stat

import pytest

from sidak.media.store import FileStore

KEY = re.compile(r"[0-9a-f]{2}/[0-9a-f]{30}\.jpg")


@pytest.fixture
def store(tmp_path) -> FileStore:
    return FileStore(tmp_path / "instance" / "uploads")


def files_under(root) -> list[str]:
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


def test_saved_bytes_come_back_under_a_random_key(store):
    key = store.save(b"\xff\xd8foto", ".jpg")
    assert KEY.fullmatch(key)
    assert store.open(key) == b"\xff\xd8foto"
    assert store.path(key) == store.root / key
    assert store.path(key).read_bytes() == b"\xff\xd8foto"


def test_the_folder_is_created_on_the_first_save(store):
    assert not store.root.exists()
    key = store.save(b"x", "png")
    assert key.endswith(".png")
    assert files_under(store.root) == [key]


def test_keys_are_unique_and_spread_over_folders(store):
    keys = [store.save(b"same bytes", ".jpg") for _ in range(200)]
    assert len(set(keys)) == 200
    assert len({key[:2] for key in keys}) > 50
    assert files_under(store.root) == sorted(keys)


def test_files_are_readable_by_the_group_only(store):
    key = store.save(b"x", ".jpg")
    assert stat.S_IMODE(os.stat(store.path(key)).st_mode) == 0o640


def test_an_unknown_key_is_a_key_error(store):
    missing = "ab/" + "0" * 30 + ".jpg"
    with pytest.raises(KeyError):
        store.open(missing)
    with pytest.raises(KeyError):
        store.path(missing)
    store.delete(missing)  # cleaning up twice is fine


@pytest.mark.parametrize(
    "key",
    [
        "../x",
        "/etc/passwd",
        "ab/../../x",
        "../../secret.txt",
        "ab/" + "0" * 30 + ".jpg/../../secret.txt",
        "ab/" + "0" * 30 + ".jpg\n",
        "AB/" + "0" * 30 + ".jpg",
        "ab/" + "0" * 30 + ".JPG",
        "ab/" + "0" * 29 + ".jpg",
        "ab\\" + "0" * 30 + ".jpg",
        "./ab/" + "0" * 30 + ".jpg",
        "ab//" + "0" * 30 + ".jpg",
        "",
        None,
    ],
)
def test_a_malformed_key_never_touches_the_disk(store, tmp_path, key):
    (tmp_path / "secret.txt").write_text("rahasia")
    for use in (store.open, store.path, store.delete):
        with pytest.raises(KeyError):
            use(key)
    assert (tmp_path / "secret.txt").read_text() == "rahasia"


def test_delete_removes_the_file(store):
    key = store.save(b"x", ".jpg")
    other = store.save(b"y", ".jpg")
    store.delete(key)
    with pytest.raises(KeyError):
        store.open(key)
    assert store.open(other) == b"y"


def test_a_failed_write_leaves_nothing_behind(store, monkeypatch):
    store.save(b"first", ".jpg")
    before = files_under(store.root)

    def broken_replace(source, target):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        store.save(b"second", ".jpg")
    assert files_under(store.root) == before


def test_writes_go_through_a_temporary_file_in_the_same_folder(store, monkeypatch):
    renames = []
    original = os.replace

    def recording_replace(source, target):
        renames.append((source, target))
        original(source, target)

    monkeypatch.setattr(os, "replace", recording_replace)
    key = store.save(b"x", ".jpg")
    [(source, target)] = renames
    assert os.path.dirname(source) == os.path.dirname(target) == str(store.root / key[:2])
    assert not os.path.exists(source)
    assert files_under(store.root) == [key]


@pytest.mark.parametrize("suffix", ["", ".", "../jpg", "a/b", ".tar.gz", "j pg", "x" * 9])
def test_an_unusable_suffix_is_refused(store, suffix):
    with pytest.raises(ValueError):
        store.save(b"x", suffix)
    assert not store.root.exists()


def test_a_string_root_is_accepted(tmp_path):
    store = FileStore(str(tmp_path / "uploads"))
    assert store.open(store.save(b"x", "jpg")) == b"x"
