"""The smaller holes of issue 19, item 5, each closed: a linked data file, what forget leaves,
doctor showing names from a file, messages true to what happened, imports from what is not a file."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from imr_companion import doctor, forget
from imr_companion.models import Moment
from imr_companion.paths import DATA_FILE
from imr_companion.store import Database, Repository
from imr_companion.store.files import backups
from imr_companion.store.files import storage as storage_module
from tests.test_cli import run

# --- a data file kept elsewhere, linked into the data folder ---------------


@pytest.fixture
def linked(data_dir: Path, tmp_path: Path) -> Path:
    """A data folder whose companion.json links to a file kept elsewhere; returns that file."""
    elsewhere = tmp_path / "private" / "mine.json"
    elsewhere.parent.mkdir(mode=0o700)
    database = Database.open(data_dir)
    Repository.of(database, Moment).add(Moment(text="kept elsewhere"))
    database.close()
    os.replace(data_dir / DATA_FILE, elsewhere)
    (data_dir / DATA_FILE).symlink_to(elsewhere)
    return elsewhere


def test_saving_writes_through_the_link_and_the_daily_backup_holds_the_data(
    data_dir: Path, linked: Path, fixed_clock
):
    before = linked.read_bytes()
    database = Database.open(data_dir, defer_check=True, defer_read=True)
    try:
        database.finish_reading()
        database.check_records()
        Repository.of(database, Moment).add(Moment(text="a new one"))
    finally:
        database.close()
    assert (data_dir / DATA_FILE).is_symlink(), "the link stays a link"
    assert "a new one" in linked.read_text()
    [(_, daily)] = backups.listed(data_dir)
    assert not daily.is_symlink() and daily.read_bytes() == before
    assert not list(linked.parent.glob("*.tmp")) and not list(data_dir.glob("*.tmp"))
    report = doctor.check(data_dir)
    assert any("is a link to" in line and str(linked) in line for line in report.good)


def test_doctor_tells_the_truth_about_a_link_to_nothing(data_dir: Path, linked: Path):
    linked.unlink()
    report = doctor.check(data_dir)
    assert not report.healthy and any("which is not there" in line for line in report.problems)


def test_no_export_can_replace_the_linked_data_file(capsys, data_dir: Path, linked: Path):
    before = linked.read_bytes()
    code, _, err = run(capsys, "export", "--data-dir", str(data_dir), "--output", str(linked))
    assert code == 1 and "own data file" in err
    assert linked.read_bytes() == before


def test_forget_deletes_the_data_the_link_points_to(capsys, data_dir: Path, linked: Path, monkeypatch):
    answers = iter(["yes", "delete"])
    monkeypatch.setattr("builtins.input", lambda _: next(answers))
    code, out, _ = run(capsys, "forget", "--data-dir", str(data_dir))
    assert code == 0 and f"kept elsewhere, at {linked}" in out
    assert not linked.exists() and not data_dir.exists()


def test_forget_leaves_a_linked_file_that_is_not_app_data(capsys, data_dir: Path, tmp_path, monkeypatch):
    Database.open(data_dir).close()
    theirs = tmp_path / "notes.txt"
    theirs.write_text("not app data")
    (data_dir / DATA_FILE).symlink_to(theirs)
    answers = iter(["yes", "delete"])
    monkeypatch.setattr("builtins.input", lambda _: next(answers))
    assert run(capsys, "forget", "--data-dir", str(data_dir))[0] == 0
    assert theirs.read_text() == "not app data"


# --- forget leaves no copy behind ----------------------------------------------


def test_forget_removes_temporary_copies_and_crash_reports_and_says_so(capsys, data_dir: Path, monkeypatch):
    database = Database.open(data_dir)
    Repository.of(database, Moment).add(Moment(text="private words"))
    database.close()
    content = (data_dir / DATA_FILE).read_bytes()
    # What an interrupted backup, import or restore, and a save, leave: full copies of the data.
    left = [
        data_dir / "backups" / ".companion-before-import-20260318-193000.abc123.tmp",
        data_dir / "backups" / ".companion-manual-20260318-193000.x1.tmp",
        data_dir / "backups" / ".companion-2026-03-18.json.q9.tmp",
        data_dir / ".companion.json.k2.tmp",
    ]
    for path in left:
        path.write_bytes(content)
    (data_dir / "backups" / "restore-offer.json").write_text("{}")
    reports = data_dir / "reports"
    reports.mkdir(mode=0o700)
    (reports / "crash-20260318-193000.txt").write_text("where it stopped")
    (data_dir / "keys.toml").write_text('[moments]\nsearch = "s"\n')
    answers = iter(["yes", "delete"])
    monkeypatch.setattr("builtins.input", lambda _: next(answers))
    code, out, _ = run(capsys, "forget", "--data-dir", str(data_dir))
    assert code == 0
    assert "Unfinished temporary copies of your data" in out and ": 4." in out
    assert "Crash reports (they hold no personal text): 1." in out
    assert "Your own choice of keys (keys.toml)." in out
    assert not data_dir.exists(), sorted(data_dir.rglob("*"))


def test_forget_says_what_it_will_delete_before_asking(capsys, data_dir: Path, monkeypatch):
    _seeded(data_dir)
    (data_dir / "backups" / "companion-2026-03-17.json").write_text("{}")
    monkeypatch.setattr("builtins.input", lambda _: "no")
    code, out, _ = run(capsys, "forget", "--data-dir", str(data_dir))
    assert code == 1 and "Your data file." in out and "Backups: 1." in out
    app_files = forget.kind_words("app", 1, data_dir)
    assert forget.described(data_dir) == ["Your data file.", "Backups: 1.", app_files]


# --- messages true to what happened -----------------------------------------


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch):
    """Call it to make every write from then on fail as on a full disk."""

    def no_room(*args):
        raise OSError(28, "No space left on device")

    def block() -> None:
        monkeypatch.setattr(storage_module, "_write_all", no_room)
        monkeypatch.setattr(os, "write", no_room)

    return block


def _seeded(folder: Path) -> bytes:
    database = Database.open(folder)
    Repository.of(database, Moment).add(Moment(text="Tea with Jo"))
    database.close()
    return (folder / DATA_FILE).read_bytes()


def _export_file(tmp_path: Path) -> Path:
    source = tmp_path / "in.json"
    moment = Moment(text="imported").model_dump(mode="json")
    payload = {"format": "imr-companion", "version": 1, "settings": {}, "tables": {"moments": [moment]}}
    source.write_text(json.dumps(payload))
    return source


@pytest.mark.parametrize("command", ["import", "restore", "backup", "backup --output", "export --output"])
def test_a_full_disk_is_told_truly_on_the_command_line(capsys, data_dir, tmp_path, full_disk, command):
    before = _seeded(data_dir)
    source = _export_file(tmp_path)
    full_disk()
    args = {
        "import": ["import", str(source)],
        "restore": ["restore", str(source)],
        "backup": ["backup"],
        "backup --output": ["backup", "--output", str(tmp_path / "copy.json")],
        "export --output": ["export", "--output", str(tmp_path / "out.json")],
    }[command]
    code, _out, err = run(capsys, *args, "--data-dir", str(data_dir))
    assert code == 1 and err.count("\n") == 1, err
    assert "What you wrote is still here" not in err and "try again in a moment" not in err
    assert "the disk is full" in err and "Your data is as it was before." in err
    assert (data_dir / DATA_FILE).read_bytes() == before
    assert not list(tmp_path.glob("*.tmp")) and not list(data_dir.rglob("*.tmp"))


def test_the_app_still_says_the_words_stay_on_a_full_disk(data_dir: Path, full_disk):
    _seeded(data_dir)
    database = Database.open(data_dir)
    try:
        full_disk()
        from imr_companion.store import SaveError

        with pytest.raises(SaveError) as refused:
            Repository.of(database, Moment).add(Moment(text="on a full disk"))
        assert "(the disk is full). What you wrote is still here" in str(refused.value)
    finally:
        database.close()


# --- import and restore read only ordinary files ---------------------------


@pytest.mark.parametrize("command", ["import", "restore"])
def test_a_pipe_is_refused_without_waiting_for_it(capsys, data_dir: Path, tmp_path: Path, command):
    before = _seeded(data_dir)
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    done = threading.Event()
    result: list = []

    def bring_in():
        result.append(run(capsys, command, str(pipe), "--data-dir", str(data_dir)))
        done.set()

    threading.Thread(target=bring_in, daemon=True).start()
    if not done.wait(30):
        # Unblock the reader so the test ends, and fail: it waited on the pipe.
        with open(pipe, "wb"):
            pass
        pytest.fail("the import waited on a pipe")
    code, _, err = result[0]
    assert code == 1 and "not an ordinary file" in err and err.count("\n") == 1
    assert (data_dir / DATA_FILE).read_bytes() == before


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_refused_without_reading_it(capsys, data_dir: Path, device: str):
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    before = _seeded(data_dir)
    code, _, err = run(capsys, "import", device, "--data-dir", str(data_dir))
    assert code == 1 and "not an ordinary file" in err
    assert (data_dir / DATA_FILE).read_bytes() == before


def test_a_file_larger_than_any_export_is_refused(tmp_path: Path):
    from imr_companion.store.files.chosen_file import UnsafePlace, read_chosen

    big = tmp_path / "big.json"
    big.write_bytes(b" " * 2048)
    assert read_chosen(big, limit=4096) == b" " * 2048
    with pytest.raises(UnsafePlace, match="far larger"):
        read_chosen(big, limit=1024)
