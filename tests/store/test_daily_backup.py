"""The daily backup: the file as it was before the day's first save, kept without holding it in memory."""

from __future__ import annotations

import errno
import json
import os
from datetime import datetime
from pathlib import Path

import pytest

from imr_companion import clock
from imr_companion.models import Moment
from imr_companion.paths import DATA_FILE
from imr_companion.store import Database, Repository
from imr_companion.store.files import backups
from imr_companion.store.files import storage as storage_module

YESTERDAY = datetime(2026, 3, 18, 9, 0)
TODAY = datetime(2026, 3, 19, 9, 0)


def texts_in(path: Path) -> list[str]:
    return sorted(m["text"] for m in json.loads(path.read_text()).get("moments", {}).values())


@pytest.fixture
def yesterday(data_dir: Path) -> Path:
    """A folder with one moment saved yesterday; the clock then stands on today."""
    clock.fix(YESTERDAY)
    db = Database.open(data_dir)
    Repository.of(db, Moment).add(Moment(text="yesterday"))
    db.close()
    clock.fix(TODAY)
    return data_dir


def todays_backup(data_dir: Path) -> Path:
    return backups.path_for(data_dir, TODAY.date())


def refuse_links(monkeypatch: pytest.MonkeyPatch) -> None:
    """A disk without hard links (some file systems have none)."""

    def refused(*args, **kwargs):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(backups.os, "link", refused)


def test_the_backup_is_the_old_file_itself_and_never_the_file_saved_after_it(yesterday: Path):
    live = yesterday / DATA_FILE
    before = live.read_bytes()
    # Held open, so that its inode number cannot be given to a new file.
    with live.open("rb") as old_file:
        db = Database.open(yesterday)
        try:
            moments = Repository.of(db, Moment)
            moments.add(Moment(text="first today"))
            moments.add(Moment(text="second today"))
        finally:
            db.close()
        backup = todays_backup(yesterday)
        # Kept by a hard link: the old file's own inode, not a copy of its bytes.
        assert backup.stat().st_ino == os.fstat(old_file.fileno()).st_ino
    assert backup.read_bytes() == before
    assert texts_in(backup) == ["yesterday"]
    assert live.stat().st_ino != backup.stat().st_ino
    assert texts_in(live) == ["first today", "second today", "yesterday"]
    assert os.stat(backup).st_mode & 0o077 == 0


def test_a_later_start_on_the_same_day_keeps_the_first_backup(yesterday: Path):
    for text in ("morning", "evening"):
        db = Database.open(yesterday)
        Repository.of(db, Moment).add(Moment(text=text))
        db.close()
    assert texts_in(todays_backup(yesterday)) == ["yesterday"]
    assert [day for day, _ in backups.listed(yesterday)] == [TODAY.date()]


def test_where_links_are_refused_the_old_file_is_copied_after_the_save(
    yesterday: Path, monkeypatch: pytest.MonkeyPatch
):
    refuse_links(monkeypatch)
    live = yesterday / DATA_FILE
    before = live.read_bytes()
    db = Database.open(yesterday)
    try:
        Repository.of(db, Moment).add(Moment(text="today"))
    finally:
        db.close()
    backup = todays_backup(yesterday)
    assert backup.read_bytes() == before
    assert backup.stat().st_ino != live.stat().st_ino
    assert texts_in(live) == ["today", "yesterday"]
    assert not list(backups.folder(yesterday).glob(".*.tmp"))


def test_a_file_set_right_on_opening_is_backed_up_as_it_was(data_dir: Path):
    # Written by hand with an odd key: opening renumbers it, and that is the day's first save.
    data_dir.mkdir(mode=0o700)
    moment = Moment(text="kept as it was").model_dump(mode="json")
    original = json.dumps({"_meta": {"1": {"schema_version": 1}}, "moments": {"06": moment}}).encode()
    (data_dir / DATA_FILE).write_bytes(original)
    os.chmod(data_dir / DATA_FILE, 0o600)
    db = Database.open(data_dir)
    db.close()
    assert json.loads((data_dir / DATA_FILE).read_text())["moments"].keys() == {"1"}
    assert backups.path_for(data_dir, clock.today()).read_bytes() == original


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads which file a descriptor is")
@pytest.mark.parametrize("links", [True, False], ids=["linked", "copied"])
def test_on_a_nearly_full_disk_the_save_gets_the_room_before_the_daily_backup(
    links: bool, yesterday: Path, monkeypatch: pytest.MonkeyPatch
):
    if not links:
        refuse_links(monkeypatch)
    order: list[str] = []
    full = True
    real_write, real_fsync = storage_module._write_all, storage_module._fsync_dir

    def full_for_backups(fd: int, data) -> None:
        in_backups = Path(os.readlink(f"/proc/self/fd/{fd}")).parent.name == "backups"
        order.append("backup" if in_backups else "data")
        if in_backups and full:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_write(fd, data)

    def no_room_for_the_name(folder: Path) -> None:
        if folder.name == "backups" and full:
            order.append("backup")
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(folder)

    monkeypatch.setattr(storage_module, "_write_all", full_for_backups)
    monkeypatch.setattr(backups, "_fsync_dir", no_room_for_the_name)
    db = Database.open(yesterday)
    try:
        Repository.of(db, Moment).add(Moment(text="today"))
        assert order[0] == "data" and "backup" in order
        assert texts_in(yesterday / DATA_FILE) == ["today", "yesterday"]
        # The next save tries the backup again, and keeps it once there is room.
        full = False
        Repository.of(db, Moment).add(Moment(text="later"))
    finally:
        db.close()
    assert texts_in(yesterday / DATA_FILE) == ["later", "today", "yesterday"]
    kept = texts_in(todays_backup(yesterday))
    # Linked: the old file was linked before the first save. Copied: the failed copy
    # left nothing, so the retry keeps the newest file before that save.
    assert kept == (["yesterday"] if links else ["today", "yesterday"])
    assert not list(backups.folder(yesterday).glob(".*.tmp"))
