"""Trusting what this app wrote: a file that still carries the stamp of its check opens without
the record check; any other file (one byte changed by hand, a save made before the check) goes
through the whole gate, and a bad record is set aside."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from imr_companion.models import Moment
from imr_companion.paths import DATA_FILE
from imr_companion.store import Database, Repository, checking
from imr_companion.store.files import codec
from tests.helpers import running, welcomed

DAY = b'"day":"2026-12-01"'


def written_by_the_app(folder: Path) -> None:
    welcomed(folder, "Robin")
    database = Database.open(folder)
    try:
        Repository.of(database, Moment).add(Moment(text="A walk", day=date(2026, 12, 1)))
    finally:
        database.close()


def opened_as_the_app_does(folder: Path) -> Database:
    database = Database.open(folder, defer_check=True, defer_read=True)
    database.finish_reading()
    return database


def texts(database: Database) -> list[str]:
    return [m.text for m in Repository.of(database, Moment).all()]


def changed_by_hand(folder: Path, old: bytes, new: bytes) -> None:
    """One change in the plain bytes, still valid JSON; sealed again with the held key when sealed."""
    path = folder / DATA_FILE
    plain = codec.read(path)
    assert plain.count(old) == 1
    codec.write(path, plain.replace(old, new))


@pytest.mark.parametrize("sealed", [False, True], ids=["plain", "sealed"])
def test_a_file_the_app_wrote_opens_trusted_and_one_changed_by_hand_goes_through_the_gate(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, sealed: bool
):
    written_by_the_app(data_dir)
    if sealed:
        from imr_companion.passphrase.folder import set_passphrase

        set_passphrase(data_dir, "words", None)
        assert codec.is_encrypted(data_dir)
    with monkeypatch.context() as patched:
        patched.setattr(checking, "problem_steps", lambda *a, **k: pytest.fail("a stamped file was checked"))
        database = opened_as_the_app_does(data_dir)
        assert database.records_checked and texts(database) == ["A walk"]
        database.close()

    # One byte, and the file is still valid JSON: the month 12 becomes 13, a day no calendar has.
    changed_by_hand(data_dir, DAY, DAY.replace(b"-12-", b"-13-"))
    database = opened_as_the_app_does(data_dir)
    try:
        assert not database.records_checked
        assert texts(database) == []  # skipped until the check sets it aside
        assert database.check_records() == 1
        [entry] = database.quarantined()
        assert entry["record"]["text"] == "A walk" and entry["table"] == "moments"
    finally:
        database.close()
    # Saved checked: the next start trusts it again.
    database = opened_as_the_app_does(data_dir)
    assert database.records_checked and len(database.quarantined()) == 1
    database.close()


def test_a_save_before_the_check_is_written_without_the_stamp(data_dir: Path):
    written_by_the_app(data_dir)
    changed_by_hand(data_dir, b'"A walk"', b'"A talk"')  # valid still: only the check can say so
    database = opened_as_the_app_does(data_dir)
    try:
        assert not database.records_checked
        Repository.of(database, Moment).add(Moment(text="Saved before the check"))
    finally:
        database.close()
    database = opened_as_the_app_does(data_dir)
    try:
        assert not database.records_checked
        assert database.check_records() == 0 and database.records_checked
        assert sorted(texts(database)) == ["A talk", "Saved before the check"]
    finally:
        database.close()


async def test_the_app_checks_a_changed_file_in_steps_and_sets_a_bad_record_aside(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
):
    written_by_the_app(data_dir)
    changed_by_hand(data_dir, DAY, DAY.replace(b"-12-", b"-13-"))
    from imr_companion.ui import starting

    monkeypatch.setattr(starting, "CHECK_STEP", 0.0)  # a step for every record: the steps are what is tried
    async with running(data_dir) as (app, pilot):
        for _ in range(500):
            if app.records_checked:
                break
            await pilot.pause(0.01)
        assert app.database.records_checked
        assert [e["table"] for e in app.database.quarantined()] == ["moments"]
    # The check saved the file with its stamp: the next start does not check again.
    monkeypatch.setattr(checking, "problem_steps", lambda *a, **k: pytest.fail("checked again"))
    async with running(data_dir) as (app, pilot):
        for _ in range(500):
            if app.records_checked:
                break
            await pilot.pause(0.01)
        assert app.database.records_checked


def test_a_record_saved_again_between_two_steps_of_the_check_is_kept(data_dir: Path):
    """The check finds a refused record, a save then writes it whole again (the person's new words):
    the check, finishing after that, does not set the saved record aside."""
    written_by_the_app(data_dir)
    second = Database.open(data_dir)
    Repository.of(second, Moment).add(Moment(text="Another", day=date(2026, 12, 2)))
    second.close()
    changed_by_hand(data_dir, DAY, DAY.replace(b"-12-", b"-13-"))
    database = opened_as_the_app_does(data_dir)
    try:
        [refused] = [r for r in database.document()["moments"].values() if r["day"] == "2026-13-01"]
        steps = database.checking()
        next(steps)  # a step taken: the refused moment is found, the check not yet done
        Repository.of(database, Moment).save(
            Moment(id=refused["id"], text="A walk, again", day=date(2026, 12, 1))
        )
        moved = None
        while moved is None:
            try:
                next(steps)
            except StopIteration as done:
                moved = done.value
        assert moved == 0 and database.quarantined() == []
        assert sorted(texts(database)) == ["A walk, again", "Another"]
    finally:
        database.close()


def test_the_check_makes_no_file_where_there_is_none(data_dir: Path):
    database = opened_as_the_app_does(data_dir)
    try:
        assert database.check_records(stamp=True) == 0 and database.records_checked
    finally:
        database.close()
    assert not (data_dir / DATA_FILE).exists()  # a new notebook gets its file with its first save


def test_the_digest_of_a_file_in_pieces_is_that_of_its_bytes_whole():
    """A save hashes its pieces (an older year's digest kept), a start the file whole: the same digest."""
    import random

    from imr_companion.store.files.stamp import _lines_digest
    from imr_companion.store.files.years import OldYear

    rng = random.Random(25)
    older = [
        OldYear("moments", str(1990 + n), b'"%d":{"t":"%s"}' % (n, b"x" * rng.randrange(9000)))
        for n in range(6)
    ]
    laid_out: list[bytes | memoryview | OldYear] = [b',"moments":{\n']
    for year in older:
        laid_out += [year, b",\n"]
    pieces = (*laid_out, memoryview(b'{"9":{"t":"new"}\n},"reading":{"1":{}}}')[1:], b"")
    whole = b"".join(year.members if isinstance(year, OldYear) else year for year in pieces)
    lines: dict[int, bytes] = {}
    assert _lines_digest(b"meta", pieces) == _lines_digest(b"meta", (b"{" + whole,), skip=1, lines=lines)
    # Each line's digest, by where it starts: an older year's is its bytes' and the comma's.
    at = whole.index(older[2].members) + 1
    assert lines[at] == older[2].line_digest
    cut = sorted(rng.sample(range(1, len(whole)), 40))  # any cut, a newline's own included
    parts = [whole[a:b] for a, b in zip([0, *cut], [*cut, len(whole)], strict=True)]
    assert _lines_digest(b"meta", tuple(parts)) == _lines_digest(b"meta", (whole,))
    assert _lines_digest(b"meta", (whole.replace(b"\n", b"", 1),)) != _lines_digest(b"meta", (whole,))
