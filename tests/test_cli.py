"""The command-line contract: export, import, backup, doctor, demo, --version."""

from __future__ import annotations

import json
import os
import stat
from datetime import date
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


def test_restore_lists_the_backups_and_puts_back_the_chosen_one(
    capsys, filled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from imr_companion.store.files import backups

    first = backups.make(filled, "manual", (filled / DATA_FILE).read_bytes())
    db = Database.open(filled)
    Repository.of(db, Moment).add(Moment(text="Written after the copy"))
    db.close()
    monkeypatch.setattr("builtins.input", lambda prompt: "1")
    code, out, err = run(capsys, "restore", "--data-dir", str(filled))
    assert code == 0, err
    assert "a copy you made" in out and "2 good moments" in out
    assert "Restored " in out and ": 2 good moments." in out
    texts = sorted(m.text for m in Repository.of(Database.read_only(filled), Moment).all())
    assert texts == ["Called my brother", "Tea in the garden"]
    # What was there before the restore is kept too, so the restore can be undone the same way.
    undo = [b for b in backups.every(filled) if b.kind == "before-restore"]
    assert len(undo) == 1 and "Written after the copy" in undo[0].path.read_text()
    assert first.exists()


def test_restore_without_an_answer_changes_nothing(capsys, filled: Path, monkeypatch: pytest.MonkeyPatch):
    from imr_companion.store.files import backups

    backups.make(filled, "manual", (filled / DATA_FILE).read_bytes())
    before = (filled / DATA_FILE).read_bytes()
    monkeypatch.setattr("builtins.input", lambda prompt: "")
    code, out, _ = run(capsys, "restore", "--data-dir", str(filled))
    assert code == 0 and "Nothing was changed" in out
    assert (filled / DATA_FILE).read_bytes() == before

    def ctrl_d(prompt: str) -> str:  # as input() does at a terminal: the prompt, no line end
        print(prompt, end="")
        raise EOFError

    monkeypatch.setattr("builtins.input", ctrl_d)
    code, out, _ = run(capsys, "restore", "--data-dir", str(filled))
    assert code == 0 and "Nothing was changed." in out.splitlines()  # on a line of its own
    assert (filled / DATA_FILE).read_bytes() == before


@pytest.mark.parametrize("kind", ["daily", "before-import", "manual", "export"])
def test_restore_accepts_every_kind_of_backup_and_an_export(capsys, filled: Path, tmp_path: Path, kind: str):
    from imr_companion.store.files import backups

    content = (filled / DATA_FILE).read_bytes()
    if kind == "export":
        source = tmp_path / "export.json"
        run(capsys, "export", "--data-dir", str(filled), "--output", str(source))
    elif kind == "daily":
        source = backups.path_for(filled, date(2026, 3, 17))
        source.write_bytes(content)
    else:
        source = backups.make(filled, kind, content)
    other = tmp_path / "other"
    code, _out, err = run(capsys, "restore", str(source), "--data-dir", str(other))
    assert code == 0, err
    texts = sorted(m.text for m in Repository.of(Database.read_only(other), Moment).all())
    assert texts == ["Called my brother", "Tea in the garden"]


def test_restore_refuses_what_is_not_a_backup_in_one_line(capsys, filled: Path, tmp_path: Path):
    odd = tmp_path / "odd.json"
    odd.write_text('{"shopping": ["milk"]}')
    before = (filled / DATA_FILE).read_bytes()
    code, _, err = run(capsys, "restore", str(odd), "--data-dir", str(filled))
    assert code == 1 and err.count("\n") == 1 and "not a backup" in err
    assert (filled / DATA_FILE).read_bytes() == before


def test_output_refuses_a_device_a_link_and_the_data_folder(capsys, filled: Path, tmp_path: Path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    target = tmp_path / "target.txt"
    target.write_text("keep me")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    live = filled / DATA_FILE
    before = live.read_bytes()
    for output in (fifo, link, live, filled / "backups" / "x.json"):
        for command in ("export", "backup"):
            code, _, err = run(capsys, command, "--data-dir", str(filled), "--output", str(output))
            assert code == 1 and err.count("\n") == 1, (command, output, err)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and link.is_symlink()
    assert target.read_text() == "keep me" and live.read_bytes() == before


def test_an_unexpected_error_is_one_calm_line_and_a_report_without_personal_text(
    capsys, filled: Path, monkeypatch: pytest.MonkeyPatch
):
    from imr_companion import doctor

    def crashing(folder):
        diary = "my private diary words"
        raise ValueError(diary)

    monkeypatch.setattr(doctor, "check", crashing)
    code, _out, err = run(capsys, "doctor", "--data-dir", str(filled))
    assert code == 1 and err.count("\n") == 1
    assert "Traceback" not in err and "diary" not in err and "Everything you saved is safe" in err
    reports = list((filled / "reports").glob("crash-*.txt"))
    assert len(reports) == 1 and str(reports[0]) in err
    text = reports[0].read_text()
    assert "ValueError" in text and "crashing" in text and "my private diary words" not in text
    assert stat.S_IMODE(reports[0].stat().st_mode) == 0o600


def test_help_shows_the_data_folder_option(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "--data-dir DIR" in out and "IMR_COMPANION_DATA_DIR" in out


def test_doctor_counts_one_backup_in_plain_words(capsys, filled: Path):
    for earlier in (filled / "backups").iterdir():
        earlier.unlink()
    code, out, _ = run(capsys, "backup", "--data-dir", str(filled))
    assert code == 0
    code, out, _ = run(capsys, "doctor", "--data-dir", str(filled))
    backups = [line for line in out.splitlines() if "backup" in line and "newest" in line]
    assert backups and "1 backup;" in backups[0] and "backups" not in backups[0], out
