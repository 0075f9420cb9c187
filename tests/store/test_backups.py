"""Backups never lose the last good data; the data folder stays private without surprises."""

from __future__ import annotations

import json
import os
import stat
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from imr_companion import clock, doctor
from imr_companion.models import Moment
from imr_companion.paths import DATA_FILE
from imr_companion.store import Database, Repository, StoreError
from imr_companion.store.files import backups


def save_on(data_dir: Path, when: datetime, text: str) -> None:
    clock.fix(when)
    db = Database.open(data_dir)
    try:
        Repository.of(db, Moment).add(Moment(text=text))
    finally:
        db.close()


def texts_in(path: Path) -> list[str]:
    return sorted(m["text"] for m in json.loads(path.read_text()).get("moments", {}).values())


START = datetime(2026, 3, 1, 9, 0)


def test_b1_after_a_damaged_file_the_offer_returns_and_the_backups_stay_for_weeks(data_dir: Path):
    for day in range(3):
        save_on(data_dir, START + timedelta(days=day), f"real day {day}")
    (data_dir / DATA_FILE).write_bytes(b"{broken")
    clock.fix(START + timedelta(days=3))
    db = Database.open(data_dir)
    offered = db.notices[-1].backup
    db.close()  # the person said "Not now"
    assert offered is not None and texts_in(offered) == ["real day 0", "real day 1"]
    for day in range(4, 25):
        save_on(data_dir, START + timedelta(days=day), f"new day {day}")
        db = Database.open(data_dir)
        assert db.notices and db.notices[-1].backup == offered, "the offer comes back at each start"
        db.close()
    assert offered.exists() and texts_in(offered) == ["real day 0", "real day 1"]
    assert any("restore" in line for line in doctor.check(data_dir).problems)
    db = Database.open(data_dir)
    db.dismiss_offer()
    db.close()
    db = Database.open(data_dir)
    assert not [n for n in db.notices if n.backup]
    db.close()


def test_b2_a_backup_dated_in_the_future_never_pushes_out_real_days(data_dir: Path):
    save_on(data_dir, datetime(2031, 1, 1, 9, 0), "wrong clock")
    save_on(data_dir, datetime(2031, 1, 1, 9, 5), "wrong clock again")
    for day in range(20):
        save_on(data_dir, START + timedelta(days=day), f"day {day}")
        save_on(data_dir, START + timedelta(days=day, hours=1), f"day {day} later")
    days = [day for day, _ in backups.listed(data_dir)]
    real = [day for day in days if day.year == 2026]
    assert len(real) == backups.KEEP
    assert max(real) == (START + timedelta(days=19)).date()
    assert backups.newest(data_dir).when.year == 2026


def test_copies_made_in_the_same_second_both_stay_and_old_ones_are_pruned(data_dir: Path):
    Database.open(data_dir).close()
    made = [backups.make(data_dir, "before-import", f"copy {n}".encode()) for n in range(12)]
    assert len({path.name for path in made}) == 12
    left = sorted(p for p in backups.folder(data_dir).iterdir() if "before-import" in p.name)
    assert len(left) == backups.KEEP_EACH
    # The newest ones stay.
    assert made[-1].read_bytes() == b"copy 11"
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in left)


def test_temporary_files_left_in_backups_by_a_kill_are_cleaned_on_open(data_dir: Path):
    Database.open(data_dir).close()
    leftover = backups.folder(data_dir) / ".companion-2026-03-18.json.abc.tmp"
    leftover.write_bytes(b"half")
    Database.open(data_dir).close()
    assert not leftover.exists()


def test_a_linked_backups_folder_is_not_followed_nor_changed(data_dir: Path, tmp_path: Path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o755)
    os.chmod(elsewhere, 0o755)
    data_dir.mkdir(mode=0o700)
    (data_dir / "backups").symlink_to(elsewhere)
    save_on(data_dir, START, "one")
    save_on(data_dir, START + timedelta(hours=1), "two")
    assert stat.S_IMODE(elsewhere.stat().st_mode) == 0o755
    assert list(elsewhere.iterdir()) == []
    assert any("link" in line for line in doctor.check(data_dir).problems)


def test_an_existing_folder_keeps_its_permissions_and_the_person_is_told(data_dir: Path):
    data_dir.mkdir()
    os.chmod(data_dir, 0o750)
    db = Database.open(data_dir)
    try:
        assert any("other users" in notice.text for notice in db.notices)
    finally:
        db.close()
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o750


def test_a_folder_anyone_can_change_is_refused(data_dir: Path):
    data_dir.mkdir()
    os.chmod(data_dir, 0o777)
    with pytest.raises(StoreError, match="other users"):
        Database.open(data_dir)
    assert not (data_dir / DATA_FILE).exists()
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o777


def test_a_file_given_as_the_data_folder_is_named_as_a_file_and_left_alone(tmp_path: Path):
    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine")
    for folder in (a_file, a_file / "inside"):
        with pytest.raises(StoreError, match=r"notes\.txt is a file, not a folder"):
            Database.open(folder)
    assert a_file.read_text() == "mine"


def test_every_command_names_a_file_given_as_the_data_folder(tmp_path: Path, capsys):
    from imr_companion.cli import main

    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine")
    for command in ("doctor", "export", "backup"):
        assert main([command, "--data-dir", str(a_file)]) == 1
        assert "notes.txt is a file, not a folder" in capsys.readouterr().err
    assert a_file.read_text() == "mine"


def test_new_parent_folders_are_private_even_under_umask_000(tmp_path: Path):
    old = os.umask(0)
    try:
        Database.open(tmp_path / "a" / "b" / "c").close()
    finally:
        os.umask(old)
    for folder in (tmp_path / "a", tmp_path / "a" / "b", tmp_path / "a" / "b" / "c"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
