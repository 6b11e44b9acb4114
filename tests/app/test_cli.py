"""The ``sidak`` command as people use it."""

import os
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import func, select

from sidak.cli import main
from sidak.config import PROJECT_ROOT
from sidak.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from sidak.models import ChecklistVersion, Inspection, User, db
from sidak.services.accounts import authenticate

SHIPPED = PROJECT_ROOT / "checklists"


def test_shipped_checklists_pass_the_check():
    result = CliRunner().invoke(main, ["checklists", "check", str(SHIPPED)])
    assert result.exit_code == 0, result.output


def test_check_reports_a_broken_file_with_its_position_and_exits_1(tmp_path):
    broken = tmp_path / "rusak.yaml"
    broken.write_text("id: rusak\nversion: [1\n")
    result = CliRunner().invoke(main, ["checklists", "check", str(broken)])
    assert result.exit_code == 1
    first = result.output.splitlines()[0]
    assert first.startswith(f"{broken}:2:")


def test_check_of_a_missing_path_is_a_message_not_a_traceback(tmp_path):
    result = CliRunner().invoke(main, ["checklists", "check", str(tmp_path / "tidak-ada.yaml")])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "tidak-ada.yaml" in result.output


def test_demo_load_creates_accounts_once_and_prints_them(runner, app, tmp_path):
    app.config["CHECKLISTS_DIR"] = str(SHIPPED)
    app.config["UPLOADS_DIR"] = str(tmp_path / "uploads")
    first = runner.invoke(args=["demo", "load", "--inspections", "3"])
    assert first.exit_code == 0, first.output
    assert "30 kantor" in first.output and "3 inspeksi" in first.output
    assert DEMO_PASSWORD in first.output
    for account in DEMO_ACCOUNTS:
        assert account.username in first.output
        assert authenticate(account.username, DEMO_PASSWORD) is not None
    # every office gets a head, so that the demo's offices can answer their findings
    users = db.session.scalar(select(func.count(User.id)))
    heads = db.session.scalar(select(func.count(User.id)).where(User.role == "office_head"))
    assert heads == 30 and users == len(DEMO_ACCOUNTS) + 30 - 3
    versions = db.session.scalar(select(func.count(ChecklistVersion.id)))
    assert versions == len(list(Path(SHIPPED).glob("*.yaml"))) - len(
        list(Path(SHIPPED).glob("sanksi*.yaml"))
    )
    second = runner.invoke(args=["demo", "load"])
    assert second.exit_code == 0
    assert "sudah ada" in second.output
    assert "kepala" in second.output
    assert db.session.scalar(select(func.count(User.id))) == users
    assert db.session.scalar(select(func.count(ChecklistVersion.id))) == versions
    assert db.session.scalar(select(func.count(Inspection.id))) == 3


def test_users_create_makes_an_admin_and_refuses_duplicates(runner, app):
    ok = runner.invoke(args=["users", "create", "siti", "--password", "kata-sandi-1"])
    assert ok.exit_code == 0, ok.output
    assert "Administrator" in ok.output
    again = runner.invoke(args=["users", "create", "siti", "--password", "kata-sandi-1"])
    assert again.exit_code == 1
    assert "sudah dipakai" in again.output
    short = runner.invoke(args=["users", "create", "ani", "--password", "pendek"])
    assert short.exit_code == 1
    assert "minimal 8 karakter" in short.output


def test_run_refuses_the_debugger_on_a_public_address():
    result = CliRunner().invoke(main, ["run", "--debug", "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "loopback" in result.output


def test_preview_reproduces_the_worked_example_quoted_in_the_docs():
    docs = (PROJECT_ROOT / "docs" / "checklists.md").read_text(encoding="utf-8")
    quoted = docs.split("```text\n", 1)[1].split("```", 1)[0]
    example = PROJECT_ROOT / "docs" / "examples" / "counts-na-hidden"
    result = CliRunner().invoke(
        main,
        [
            "checklists",
            "preview",
            f"{example}.yaml",
            "--answers",
            f"{example}.answers.yaml",
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.output == quoted
    assert "Skor total: 74,3 (5,2/7)" in quoted


def test_preview_json_gives_the_expected_document(tmp_path):
    import json

    example = PROJECT_ROOT / "docs" / "examples" / "critical-choice"
    result = CliRunner().invoke(
        main,
        [
            *("checklists", "preview", f"{example}.yaml"),
            *("--answers", f"{example}.answers.yaml", "--json"),
        ],
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert (document["total"], document["grade"]) == ("87.3", "buruk")
    assert document == json.loads((example.parent / "critical-choice.expected.json").read_text())


def test_preview_reports_bad_answers_by_line_and_exits_1(tmp_path):
    answers = tmp_path / "jawaban.yaml"
    answers.write_text("masker-pegawai: 11/10\nwastafel: mungkin\n")
    example = PROJECT_ROOT / "docs" / "examples" / "counts-na-hidden.yaml"
    result = CliRunner().invoke(
        main, ["checklists", "preview", str(example), "--answers", str(answers)]
    )
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert any(line.startswith(f"{answers}:1:") for line in lines), lines
    assert any(line.startswith(f"{answers}:2:") and "A004" in line for line in lines), lines
    assert "Traceback" not in result.output


def test_run_serves_the_app(tmp_path):
    """`sidak run` answers requests (Flask ignores app.run() inside its own CLI)."""
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    environment = {**os.environ, "SIDAK_INSTANCE_PATH": str(tmp_path)}
    environment.pop("SIDAK_DATABASE_URL", None)
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "sidak"), "run", "--port", str(port)],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/masuk", timeout=2) as page:
                    assert page.status == 200 and b"Sidak" in page.read()
                    return
            except OSError:
                time.sleep(0.1)
        raise AssertionError("sidak run did not answer")
    finally:
        server.terminate()
        server.wait(timeout=10)
