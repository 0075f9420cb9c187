"""The store's promises: atomic, durable, private, and calm when the disk fails."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from imr_companion.models import Moment
from imr_companion.paths import DATA_FILE
from imr_companion.store import Database, Repository, SaveError
from imr_companion.store.files import backups, codec
from imr_companion.store.files import storage as storage_module


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_saved_moment_is_on_disk_when_the_call_returns(database: Database, data_dir: Path):
    Repository.of(database, Moment).add(Moment(text="Sun on my face"))
    stored = json.loads((data_dir / DATA_FILE).read_text())
    assert [m["text"] for m in stored["moments"].values()] == ["Sun on my face"]


def test_folder_and_files_are_private_even_with_an_open_umask(data_dir: Path):
    old = os.umask(0)
    try:
        db = Database.open(data_dir)
        Repository.of(db, Moment).add(Moment(text="one"))
        db.close()
    finally:
        os.umask(old)
    assert mode(data_dir) == 0o700
    assert mode(data_dir / "backups") == 0o700
    assert mode(data_dir / DATA_FILE) == 0o600
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert mode(path) & 0o077 == 0, path


STEPS = ["_write_all", "_fsync_file", "_replace"]


def _fails_on_the_data_file(step: str, data_dir: Path, calls: list[str]):
    """A broken disk step that fails only while the data file itself is written.

    _write_all writes half of the bytes first, as a full disk would: a storage
    that wrote in place would be left holding half a file.
    """
    real = getattr(storage_module, step)

    def broken(*args):
        target = Path(os.readlink(f"/proc/self/fd/{args[0]}")) if step != "_replace" else Path(args[1])
        if target.parent != data_dir:
            return real(*args)
        calls.append(target.name)
        if step == "_write_all":
            real(args[0], args[1][: len(args[1]) // 2])
        raise OSError(5, "Input/output error")

    return broken


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads which file a descriptor is")
@pytest.mark.parametrize("sealed", [False, True], ids=["plain", "passphrase"])
@pytest.mark.parametrize("step", STEPS)
def test_a_failing_disk_step_on_the_data_file_leaves_the_old_file_and_no_temp(
    step: str, sealed: bool, database: Database, data_dir: Path, monkeypatch: pytest.MonkeyPatch
):
    if sealed:
        from imr_companion.passphrase.folder import set_passphrase

        set_passphrase(data_dir, "words", None)
    moments = Repository.of(database, Moment)
    moments.add(Moment(text="first"))
    moments.add(Moment(text="makes today's backup"))
    assert backups.listed(data_dir), "the day's backup exists, so the failure hits the data file"
    before = (data_dir / DATA_FILE).read_bytes()

    calls: list[str] = []
    monkeypatch.setattr(storage_module, step, _fails_on_the_data_file(step, data_dir, calls))
    with pytest.raises(SaveError) as caught:
        moments.add(Moment(text="second"))
    assert calls, "the injected failure was reached by the data file's own write"
    assert (data_dir / DATA_FILE).read_bytes() == before
    assert not list(data_dir.glob("*.tmp")) and not list(data_dir.glob(".*.tmp"))
    # A calm sentence for the person, and memory agrees with what was reported.
    assert "still here" in str(caught.value)
    assert sorted(m.text for m in moments.all()) == ["first", "makes today's backup"]

    monkeypatch.undo()
    moments.add(Moment(text="third"))
    assert codec.is_encrypted(data_dir) == sealed
    stored = json.loads(codec.read(data_dir / DATA_FILE))
    assert sorted(m["text"] for m in stored["moments"].values()) == ["first", "makes today's backup", "third"]


@pytest.mark.parametrize("earlier", [[], ["from an earlier day"]], ids=["new folder", "reopened"])
def test_when_the_first_save_after_opening_fails_memory_goes_back_to_the_file(
    earlier: list[str], data_dir: Path, monkeypatch: pytest.MonkeyPatch
):
    if earlier:
        db = Database.open(data_dir)
        Repository.of(db, Moment).add(Moment(text=earlier[0]))
        db.close()
    db = Database.open(data_dir)
    try:
        moments = Repository.of(db, Moment)

        def broken(*args):
            raise OSError(5, "Input/output error")

        monkeypatch.setattr(storage_module, "_fsync_file", broken)
        with pytest.raises(SaveError):
            moments.add(Moment(text="not saved"))
        assert [m.text for m in moments.all()] == earlier
        monkeypatch.setattr(storage_module, "_fsync_file", os.fsync)
        moments.add(Moment(text="saved"))
    finally:
        db.close()
    assert sorted(m["text"] for m in json.loads((data_dir / DATA_FILE).read_text())["moments"].values()) == [
        *earlier,
        "saved",
    ]


def test_a_failed_folder_fsync_after_the_rename_is_reported_as_saved(
    database: Database, data_dir: Path, monkeypatch: pytest.MonkeyPatch
):
    moments = Repository.of(database, Moment)
    moments.add(Moment(text="first"))

    def broken(folder):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(storage_module, "_fsync_dir", broken)
    # The file already holds the entry: saying "not saved" would be untrue.
    moments.add(Moment(text="second"))
    stored = json.loads((data_dir / DATA_FILE).read_text())
    assert sorted(m["text"] for m in stored["moments"].values()) == ["first", "second"]
    assert sorted(m.text for m in moments.all()) == ["first", "second"]
    assert database.storage.unconfirmed == 1


def test_reopening_keeps_everything(data_dir: Path):
    db = Database.open(data_dir)
    repo = Repository.of(db, Moment)
    first = repo.add(Moment(text="Tea with Mum"))
    repo.save(first.touched(text="Tea with Mum and Dad"))
    repo.add(Moment(text="Swim"))
    db.close()
    db = Database.open(data_dir)
    texts = sorted(m.text for m in Repository.of(db, Moment).all())
    db.close()
    assert texts == ["Swim", "Tea with Mum and Dad"]


def test_remove_deletes_only_that_record(database: Database):
    repo = Repository.of(database, Moment)
    keep = repo.add(Moment(text="keep"))
    gone = repo.add(Moment(text="gone"))
    repo.remove(gone.id)
    assert [m.id for m in repo.all()] == [keep.id]


def test_a_document_holding_nan_is_refused_and_nothing_changes(database: Database, data_dir: Path):
    Repository.of(database, Moment).add(Moment(text="kept"))
    before = (data_dir / DATA_FILE).read_bytes()
    document = json.loads(before)
    document["moments"]["1"]["extra"] = [1.0, float("inf")]
    document["moments"]["2"] = {"rating": float("nan")}
    with pytest.raises(SaveError):
        database.save_document(document)
    assert (data_dir / DATA_FILE).read_bytes() == before
    assert [m.text for m in Repository.of(database, Moment).all()] == ["kept"]


def test_the_file_is_written_exactly_as_json_dumps_writes_it(data_dir: Path):
    # The saved bytes are the same whichever encoder writes them, so files
    # written before and after the switch to orjson compare equal.
    from imr_companion import demo

    text = "".join(chr(n) for n in range(0x2100)) + "\U0001f600 \u2028\u2029\x7f"
    database = demo.create(data_dir, 1)
    try:
        Repository.of(database, Moment).add(Moment(text='awkward: " \\ \t é ✓'))
        document = database.document()
        document["_quarantine"] = {"1": {"record": {"text": text, "n": 2**62, "no": None, "yes": True}}}
        expected = json.dumps(document, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        assert storage_module.encode(document) == expected.encode("utf-8")
    finally:
        database.close()


def test_saving_a_new_record_writes_the_file_once(database: Database):
    # Each write is the whole document with two fsyncs: a save must not pay twice.
    moments = Repository.of(database, Moment)
    before = database.version
    moment = moments.save(Moment(text="new, through save"))
    assert database.version == before + 1
    moments.save(moment.touched(text="changed"))
    assert database.version == before + 2
    assert [m.text for m in moments.all()] == ["changed"]


def test_changes_are_made_in_the_table_itself_and_a_failed_one_leaves_memory_as_the_file(
    database: Database, data_dir: Path, monkeypatch: pytest.MonkeyPatch
):
    """Inserts, edits and removes change the stored table where it is (TinyDB's own Table copies it
    whole each time: store/in_place.py); keys and ids stay as they were, and a failed save leaves
    memory as the file holds it."""
    moments = Repository.of(database, Moment)
    first = moments.add(Moment(text="first"))
    second = moments.add(Moment(text="second"))
    table = database.document()["moments"]
    moments.save(first.touched(text="first, changed"))
    assert database.document()["moments"] is table, "changed where it is, never copied"

    def broken(*args):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(storage_module, "_fsync_file", broken)
    for change in (
        lambda: moments.add(Moment(text="lost")),
        lambda: moments.save(second.touched(text="lost")),
        lambda: moments.remove(second.id),
    ):
        with pytest.raises(SaveError):
            change()
        assert database.document() == json.loads(codec.read(data_dir / DATA_FILE))
    monkeypatch.undo()

    third = moments.add(Moment(text="third"))
    moments.remove(first.id)
    stored = json.loads(codec.read(data_dir / DATA_FILE))["moments"]
    assert {key: record["id"] for key, record in stored.items()} == {"2": second.id, "3": third.id}
    assert [m.text for m in moments.all()] == ["second", "third"]


@pytest.mark.parametrize("system", ["writev", "write"])
def test_pieces_are_written_whole_however_little_the_system_takes_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, system: str
):
    """A write may take fewer bytes than offered (a signal, a pipe, a full buffer): what is left goes
    on from there, with writev and where the system has only write (Windows)."""
    pieces = [b"", b"{", memoryview(b"xx" * 3000)[1:], *(b"%d," % n for n in range(1500)), b"}"]
    real = {name: getattr(os, name) for name in ("write", "writev")}
    monkeypatch.setattr(os, "write", lambda fd, data: real["write"](fd, memoryview(data)[:7]))
    if system == "writev":

        def writev(fd: int, views: list[memoryview]) -> int:
            offered = b"".join(views[:3])
            return real["write"](fd, offered[: len(offered) // 2 or 1])

        monkeypatch.setattr(os, "writev", writev)
    else:
        monkeypatch.delattr(os, "writev")
    path = tmp_path / "pieces"
    storage_module.write_atomically(path, tuple(pieces))
    assert path.read_bytes() == b"".join(pieces)
