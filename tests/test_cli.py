"""The command-line contract: export, import, backup, doctor, demo, --version."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from imr_companion import __version__
from imr_companion.cli import main
from imr_companion.models import Moment
from imr_companion.paths import DATA_FILE
from imr_companion.store import Database, Repository


def run(capsys, *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exit_:
        code = exit_.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def filled(data_dir: Path) -> Path:
    db = Database.open(data_dir)
    repo = Repository.of(db, Moment)
    repo.add(Moment(text="Tea in the garden"))
    repo.add(Moment(text="Called my brother", together_with="Jo"))
    db.close()
    return data_dir


def test_version(capsys):
    code, out, _ = run(capsys, "--version")
    assert code == 0 and __version__ in out


def test_json_export_then_import_restores_exactly(capsys, filled: Path, tmp_path: Path):
    export = tmp_path / "export.json"
    assert run(capsys, "export", "--data-dir", str(filled), "--output", str(export))[0] == 0
    assert stat.S_IMODE(export.stat().st_mode) == 0o600
    other = tmp_path / "other"
    code, _out, err = run(capsys, "import", str(export), "--data-dir", str(other))
    assert code == 0, err
    again = tmp_path / "again.json"
    run(capsys, "export", "--data-dir", str(other), "--output", str(again))
    first, second = json.loads(export.read_text()), json.loads(again.read_text())
    assert first["tables"] == second["tables"] and first["settings"] == second["settings"]
    assert first["format"] == "imr-companion" and first["version"] >= 1


def test_env_var_sets_the_data_folder(capsys, filled: Path, monkeypatch):
    monkeypatch.setenv("IMR_COMPANION_DATA_DIR", str(filled))
    code, out, _ = run(capsys, "export", "--format", "markdown")
    assert code == 0 and "Tea in the garden" in out and "together with Jo" in out


def test_data_dir_before_the_command_name_counts_too(capsys, filled: Path):
    code, out, _ = run(capsys, "--data-dir", str(filled), "export", "--format", "markdown")
    assert code == 0 and "Called my brother" in out


@pytest.mark.parametrize(
    "content",
    [b"not json", b'{"format": "something-else"}', None],
    ids=["garbage", "foreign", "invalid-record"],
)
def test_rejected_import_changes_nothing(capsys, filled: Path, tmp_path: Path, content: bytes | None):
    bad = tmp_path / "bad.json"
    if content is None:
        export = tmp_path / "e.json"
        run(capsys, "export", "--data-dir", str(filled), "--output", str(export))
        payload = json.loads(export.read_text())
        payload["tables"]["moments"].append({**payload["tables"]["moments"][0], "id": "zz", "text": ""})
        content = json.dumps(payload).encode()
    bad.write_bytes(content)
    before = (filled / DATA_FILE).read_bytes()
    code, _, err = run(capsys, "import", str(bad), "--data-dir", str(filled))
    assert code == 1
    assert err.count("\n") == 1 and "Traceback" not in err
    assert (filled / DATA_FILE).read_bytes() == before


def test_backup_copies_the_data_file(capsys, filled: Path, tmp_path: Path):
    target = tmp_path / "copy.json"
    assert run(capsys, "backup", "--data-dir", str(filled), "--output", str(target))[0] == 0
    assert target.read_bytes() == (filled / DATA_FILE).read_bytes()
    assert run(capsys, "backup", "--data-dir", str(filled))[0] == 0
    assert list((filled / "backups").glob("companion-manual-*.json"))


def test_doctor_is_calm_when_healthy_and_exits_one_with_findings(capsys, filled: Path):
    code, out, _ = run(capsys, "doctor", "--data-dir", str(filled))
    assert code == 0 and "All is well" in out
    os.chmod(filled / DATA_FILE, 0o644)
    code, out, _ = run(capsys, "doctor", "--data-dir", str(filled))
    assert code == 1 and "other users" in out


def test_doctor_reports_a_damaged_file_without_changing_it(capsys, data_dir: Path):
    data_dir.mkdir(mode=0o700)
    (data_dir / DATA_FILE).write_bytes(b"{nope")
    code, out, _ = run(capsys, "doctor", "--data-dir", str(data_dir))
    assert code == 1 and "cannot be opened" in out
    assert (data_dir / DATA_FILE).read_bytes() == b"{nope"


def test_demo_fills_an_empty_folder_and_refuses_real_data(capsys, tmp_path: Path, filled: Path):
    demo = tmp_path / "demo"
    code, _out, _ = run(capsys, "demo", "--data-dir", str(demo), "--years", "1")
    assert code == 0
    db = Database.read_only(demo)
    assert Repository.of(db, Moment).count() > 150
    assert db.settings().demo is True
    # Running it again over demo data is fine; over a real person's data it is not.
    assert run(capsys, "demo", "--data-dir", str(demo), "--years", "1")[0] == 0
    before = (filled / DATA_FILE).read_bytes()
    code, _, err = run(capsys, "demo", "--data-dir", str(filled))
    assert code == 1 and "already holds data" in err
    assert (filled / DATA_FILE).read_bytes() == before


def test_errors_are_one_plain_line(capsys, tmp_path: Path):
    code, _, err = run(capsys, "import", str(tmp_path / "missing.json"), "--data-dir", str(tmp_path / "d"))
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err


def test_help_shows_the_data_folder_option(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "--data-dir DIR" in out and "IMR_COMPANION_DATA_DIR" in out


def test_doctor_counts_one_backup_in_plain_words(capsys, filled: Path):
    code, out, _ = run(capsys, "backup", "--data-dir", str(filled))
    assert code == 0
    code, out, _ = run(capsys, "doctor", "--data-dir", str(filled))
    backups = [line for line in out.splitlines() if "backup" in line and "newest" in line]
    assert backups and "1 backup;" in backups[0] and "backups" not in backups[0], out
