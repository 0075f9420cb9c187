"""A trusted file's older years are read back from the data file, never held in memory
(store/files/years.py): checked against their lines' digests every time, a save's included.

The folder's lock keeps other windows of the app out, not an editor, a copy by hand
or a sync program: these are what may change the file while the app is open.
"""

from __future__ import annotations

import errno
import os
from datetime import date
from pathlib import Path

import pytest

from imr_companion.models import Moment
from imr_companion.store.database import Database
from imr_companion.store.errors import ChangedElsewhere, FileChanged, SaveError
from imr_companion.store.files import codec, kept
from imr_companion.store.repository import Repository
from tests.store.test_older_years import thirty_years


def _changed_in_place(path: Path, old: bytes, new: bytes) -> None:
    """What an editor saving in place does (or `cp` over the file): the same file, other bytes."""
    content = path.read_bytes()
    assert len(old) == len(new) and content.count(old) == 1
    with open(path, "r+b") as file:
        file.seek(content.index(old))
        file.write(new)


def test_a_file_changed_under_the_app_is_never_written_over_and_the_words_stay(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
):
    path = thirty_years(data_dir)
    monkeypatch.setattr(codec, "_OWN_MEMORY_FROM", 0)  # read as a large file is (codec.read_kept)
    db = Database.open(data_dir)
    moments = Repository.of(db, Moment)
    try:
        assert db.storage.older_years("moments")  # trusted: read back from the file when asked for
        _changed_in_place(path, b'"Moment 1 of 1999"', b'"Moment 7 of 1999"')
        changed = path.read_bytes()
        with pytest.raises(ChangedElsewhere) as refused:
            moments.add(Moment(text="Typed just now"))
        assert "What you wrote is still here" in str(refused.value)
        assert path.read_bytes() == changed  # the other program's file, as it left it
        # What it changed is not read as this app's: that year is refused, the others read on.
        with pytest.raises(FileChanged):
            moments.where("day", "1999-01-01", "1999-12-31")
        assert len(moments.where("day", "2001-01-01", "2001-12-31")) == 4
    finally:
        db.close()
    db = Database.open(data_dir, defer_check=True)
    try:
        assert not db.records_checked  # its stamp no longer holds: the whole gate, as for any change
        texts = {m.text for m in Repository.of(db, Moment).where("day", "1999-01-01", "1999-12-31")}
        assert "Moment 7 of 1999" in texts
    finally:
        db.close()


def test_older_years_moved_by_a_change_before_them_are_found_by_their_digests(data_dir: Path):
    """An editor saving the whole file in place, a longer name at its head: the older years' bytes
    are still there, further on, and still the ones that were checked."""
    path = thirty_years(data_dir)
    db = Database.open(data_dir)
    moments = Repository.of(db, Moment)
    try:
        content = path.read_bytes()
        assert content.count(b'"first_name":"Alex"') == 1
        with open(path, "r+b") as file:  # the same file, every byte after the head moved on
            file.write(content.replace(b'"first_name":"Alex"', b'"first_name":"Alexandra"'))
        assert len(moments.where("day", "1999-01-01", "1999-12-31")) == 4
        moments.add(Moment(text="Saved all the same"))
    finally:
        db.close()
    db = Database.open(data_dir)
    try:
        assert db.records_checked and db.storage.count("moments") == 121  # as this app wrote it
    finally:
        db.close()


def test_a_failure_reading_back_leaves_the_old_file_and_the_words_are_saved_once_tried_again(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
):
    path = thirty_years(data_dir)
    before = path.read_bytes()
    db = Database.open(data_dir)
    moments = Repository.of(db, Moment)
    try:
        db.storage.prepare_to_save()  # as the app does: the save itself reads the older years back
        reads = kept._read_at

        def failing_once(fd: int, offset: int, length: int) -> bytes:
            monkeypatch.setattr(kept, "_read_at", reads)
            raise OSError(errno.EIO, "Input/output error")

        monkeypatch.setattr(kept, "_read_at", failing_once)
        with pytest.raises(SaveError) as refused:
            moments.add(Moment(text="Typed once"))
        assert "the disk reported an error" in str(refused.value)
        assert "What you wrote is still here" in str(refused.value)
        assert path.read_bytes() == before
        assert not list(path.parent.glob(".companion.json.*.tmp"))  # nothing left behind
        assert moments.count() == 120  # memory as the file is
        moments.add(Moment(text="Typed once"))  # the person tries again
    finally:
        db.close()
    db = Database.open(data_dir)
    try:
        texts = [m.text for m in Repository.of(db, Moment).all()]
        assert len(texts) == 121 and texts.count("Typed once") == 1
    finally:
        db.close()


def test_an_export_while_the_app_saves_reads_the_file_it_opened(data_dir: Path):
    """The app replaces the file whole at each save; a reader that opened it earlier (export, backup)
    still reads its older years from the file it opened."""
    thirty_years(data_dir)
    app = Database.open(data_dir)
    reader = Database.read_only(data_dir)
    try:
        for words in ("One", "Two"):
            Repository.of(app, Moment).add(Moment(text=words, day=date(2026, 1, 2)))
        assert len(reader.document()["moments"]) == 120
    finally:
        reader.close()
        app.close()


def test_a_passphrase_set_while_open_seals_the_older_years_too(data_dir: Path, quick_passphrases):
    from imr_companion.passphrase.folder import set_passphrase

    path = thirty_years(data_dir)
    db = Database.open(data_dir)
    try:
        set_passphrase(data_dir, "sol og hav", None)  # every file rewritten sealed, the app open
        Repository.of(db, Moment).add(Moment(text="After the seal"))
    finally:
        db.close()
    assert codec.is_sealed(path.read_bytes()) and b"Moment 1 of 1999" not in path.read_bytes()
    assert not any(b"Moment 1 of 1999" in p.read_bytes() for p in data_dir.rglob("*") if p.is_file())
    db = Database.open(data_dir)
    try:
        assert db.storage.count("moments") == 121
    finally:
        db.close()
    assert os.stat(path).st_mode & 0o777 == 0o600


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads which file a descriptor is")
def test_a_save_reads_the_older_years_back_a_run_at_a_time_and_lets_go_of_the_file_it_replaced(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
):
    """Files/runs.py: a table's older years in one read (they lie one after another), not one each;
    the replaced file is closed by a thread (kept.py), not left open."""
    import time

    path = thirty_years(data_dir)
    before = [line for line in path.read_bytes().split(b"\n") if line.endswith(b",")]
    db = Database.open(data_dir)
    try:
        db.storage.prepare_to_save()  # the next keys searched ahead, as the app does
        reads: list[int] = []
        real = kept._read_at

        def counted(fd: int, offset: int, length: int) -> bytes:
            reads.append(length)
            return real(fd, offset, length)

        monkeypatch.setattr(kept, "_read_at", counted)
        for words in ("One", "Two", "Three"):
            reads.clear()
            Repository.of(db, Moment).add(Moment(text=words))
            assert len(reads) == 2  # the moments' 29 older years at once, and the check-ins'

        def replaced_still_open() -> list[str]:
            links = (os.readlink(fd) for fd in Path("/proc/self/fd").iterdir() if fd.is_symlink())
            return [link for link in links if link.startswith(str(path)) and link.endswith("(deleted)")]

        deadline = time.monotonic() + 10
        while replaced_still_open() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert replaced_still_open() == []
    finally:
        db.close()
    assert [line for line in path.read_bytes().split(b"\n") if line.endswith(b",")] == before
    db = Database.open(data_dir)
    try:
        assert db.records_checked and db.storage.count("moments") == 123  # this app's stamp holds
    finally:
        db.close()


def test_the_disk_gets_a_head_start_on_a_long_file_and_the_fsync_still_comes_last(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
):
    """storage._start_writeback (sync_file_range on Linux, looked for after a session's first save)
    only starts the writing early: each save still fsyncs the whole file before it takes the old
    one's place; without it, the same save."""
    from imr_companion.store.files import runs, storage

    thirty_years(data_dir)
    # Runs of a few years, written a few at a time: as thirty years of real data are.
    monkeypatch.setattr(runs, "MOST", 4096)
    monkeypatch.setattr(storage, "_READ_BACK", 4096)
    steps: list[str] = []
    real_fsync = storage._fsync_file
    monkeypatch.setattr(storage, "_head_start", [lambda *started: steps.append("head start") or 0])
    monkeypatch.setattr(storage, "_fsync_file", lambda fd: (steps.append("fsync"), real_fsync(fd))[1])
    db = Database.open(data_dir)
    try:
        Repository.of(db, Moment).add(Moment(text="With a head start"))
        assert "head start" in steps and steps[-1] == "fsync"
        monkeypatch.setattr(storage, "_head_start", [None])  # no such call here (not Linux)
        Repository.of(db, Moment).add(Moment(text="Without one"))
    finally:
        db.close()
    db = Database.open(data_dir)
    try:
        assert db.records_checked and db.storage.count("moments") == 122
    finally:
        db.close()
