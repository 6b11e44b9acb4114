"""``check_paths``: what ``sidak checklists check`` prints, and whether it fails."""

from sidak.domain.checklist.check import check_paths
from tests.domain.test_checklist_loader import MINIMAL


def test_a_valid_file_prints_nothing_and_passes(tmp_path):
    path = tmp_path / "pasar.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    assert check_paths([str(path)]) == ([], True)


def test_problems_are_printed_as_path_line_col_code_message(tmp_path):
    path = tmp_path / "pasar.yaml"
    path.write_text(MINIMAL.replace("weight: 1.5", "weight: -1"), encoding="utf-8")
    lines, ok = check_paths([str(path)])
    assert not ok
    assert lines == [f'{path}:17:17: C201 bobot (weight) harus lebih dari 0, tertulis "-1"']


def test_english_messages_on_request(tmp_path):
    path = tmp_path / "pasar.yaml"
    path.write_text(MINIMAL.replace("weight: 1.5", "weight: -1"), encoding="utf-8")
    lines, _ = check_paths([str(path)], lang="en")
    assert lines == [f'{path}:17:17: C201 weight must be greater than 0, found "-1"']


def test_warnings_are_printed_but_do_not_fail(tmp_path):
    path = tmp_path / "pasar.yaml"
    text = MINIMAL.replace("score: 100}", "score: 90}").replace("pass: true", "pass: false")
    path.write_text(text, encoding="utf-8")
    lines, ok = check_paths([str(path)])
    assert ok
    assert len(lines) == 1
    assert lines[0].startswith(f"{path}:28:11: C214 (peringatan) ")


def test_a_directory_stands_for_its_yaml_and_yml_files(tmp_path):
    (tmp_path / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "b.yml").write_text("- salah\n", encoding="utf-8")
    (tmp_path / "catatan.txt").write_text("- bukan yaml\n", encoding="utf-8")
    lines, ok = check_paths([str(tmp_path)])
    assert not ok
    assert [line.split(" ")[0:2] for line in lines] == [[f"{tmp_path / 'b.yml'}:1:1:", "C109"]]


def test_missing_paths_and_empty_directories_are_reported_not_raised(tmp_path):
    missing = tmp_path / "tidak-ada.yaml"
    empty = tmp_path / "kosong"
    empty.mkdir()
    lines, ok = check_paths([str(missing), str(empty)])
    assert not ok
    assert [line.split(" ")[0:2] for line in lines] == [
        [f"{missing}:1:1:", "F001"],
        [f"{empty}:1:1:", "F003"],
    ]


def test_an_empty_directory_alone_only_warns(tmp_path):
    lines, ok = check_paths([str(tmp_path)])
    assert ok
    assert "F003 (peringatan)" in lines[0]


def test_a_directory_named_like_a_checklist_is_not_read_as_a_file(tmp_path):
    odd = tmp_path / "odd.yaml"
    odd.mkdir()
    lines, ok = check_paths([str(odd)])
    assert ok
    assert "F003" in lines[0]
