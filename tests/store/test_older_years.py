"""Older years of moments and check-ins kept as the bytes they were read as (store/files/years.py).

A file with the app's stamp (files/stamp.py) is read without its older
years' lines; they are written back unchanged, parsed only when asked for,
and taken in to change. A file without it is read whole and gated, as ever.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import orjson

from imr_companion.models import CheckIn, Moment
from imr_companion.paths import DATA_FILE
from imr_companion.store.database import Database
from imr_companion.store.gate import read_document
from imr_companion.store.queries.moments import recent_months_start, years_before
from imr_companion.store.repository import Repository
from imr_companion.store.saving import write_document
from imr_companion.store.undo import UndoHistory
from tests.helpers import welcomed

YEARS = range(1997, 2027)  # thirty years; the fixed clock is in 2026


def thirty_years(folder: Path) -> Path:
    """Four moments and three check-ins a year for thirty years, written and stamped as the app does."""
    welcomed(folder)
    db = Database.open(folder)
    document = db.document()
    moments, checkins = {}, {}
    for year in YEARS:
        for n in range(4):
            day = date(year, 3 * n + 1, 9)
            written = datetime(year, 3 * n + 1, 9, 12)
            moment = Moment(id=f"m-{year}-{n}", text=f"Moment {n} of {year}", day=day, created=written)
            moments[str(len(moments) + 1)] = moment.model_dump(mode="json")
        for n in range(3):
            checkins[str(len(checkins) + 1)] = CheckIn.for_day(date(year, n + 2, 3), []).model_dump(
                mode="json"
            )
    document["moments"], document["checkins"] = moments, checkins
    db.save_document(document)
    db.check_records(stamp=True)
    db.close()
    return folder / DATA_FILE


def lines(path: Path) -> list[bytes]:
    return path.read_bytes().split(b"\n")


def test_a_trusted_file_keeps_its_older_years_unparsed_and_writes_them_back_unchanged(
    data_dir: Path,
):
    path = thirty_years(data_dir)
    before = lines(path)
    db = Database.open(data_dir)
    try:
        # Only this year is parsed; the years before stay bytes, one line a year.
        held = db.held_document()
        assert {r["day"][:4] for r in held["moments"].values()} == {"2026"}
        assert [y.year for y in db.storage.older_years("moments")] == [str(year) for year in YEARS][:-1]
        assert db.storage.count("moments") == 120 and db.storage.count("checkins") == 90
        assert len(Repository.of(db, Moment).all()) == 120
        assert [m.text for m in Repository.of(db, Moment).where("day", "2001-01-01", "2001-12-31")] == [
            f"Moment {n} of 2001" for n in range(4)
        ]
        Repository.of(db, Moment).add(Moment(text="A new one"))
        assert db.storage.older_years("moments"), "a new moment of today parses no older year"
    finally:
        db.close()
    after = lines(path)
    # Every older year's line is byte for byte as it was; the file is one valid document.
    assert [line for line in after if line.startswith(b'"') and line.endswith(b",")] == [
        line for line in before if line.startswith(b'"') and line.endswith(b",")
    ]
    document, odd = read_document(path.read_bytes(), strict=True)
    assert not odd and len(document["moments"]) == 121


def test_changing_deleting_and_undoing_in_an_older_year_survive_a_restart(data_dir: Path):
    thirty_years(data_dir)
    db = Database.open(data_dir)
    moments = Repository.of(db, Moment)
    try:
        edited = moments.get("m-2001-2")
        assert edited is not None
        moments.save(edited.model_copy(update={"text": "Changed, years later"}))
        undo = UndoHistory(db)
        with undo.change("back", (moments, "m-1999-0")):
            moments.remove("m-1999-0")
        with undo.change("back", (moments, "m-2003-1")):
            moments.remove("m-2003-1")
        assert undo.undo() == "back"  # 2003's moment is back, 1999's stays deleted
        moments.add(Moment(text="Remembered late", day=date(2004, 5, 5)))
    finally:
        db.close()
    db = Database.open(data_dir)
    try:
        assert db.storage.older_years("moments"), "still stamped after the undo: read as checked"
        by_id = {m.id: m for m in Repository.of(db, Moment).all()}
        assert by_id["m-2001-2"].text == "Changed, years later"
        assert "m-1999-0" not in by_id and "m-2003-1" in by_id
        assert [m.text for m in by_id.values() if m.day == date(2004, 5, 5)] == ["Remembered late"]
        assert len(by_id) == 120
        # The newest key is now in 2004's line, still unparsed: a new moment's key goes past it.
        Repository.of(db, Moment).add(Moment(text="After the restart"))
        whole = db.document()  # every year parsed: keys and ids unique across all of them
        assert len(whole["moments"]) == 121 == len({r["id"] for r in whole["moments"].values()})
    finally:
        db.close()


def test_good_moments_reads_older_years_newest_first(data_dir: Path):
    thirty_years(data_dir)
    db = Database.open(data_dir)
    try:
        start = recent_months_start(db, 10)
        assert start == "2024-07-01"  # the ten newest: 2026's four, 2025's four, 2024's two newest
        years = [[r["day"][:4] for r in year] for _name, year in years_before(db, start)]
        assert years[0] == ["2024", "2024"] and years[-1] == ["1997"] * 4
        assert sum(map(len, years)) == 110
    finally:
        db.close()


def test_an_untrusted_file_is_read_whole_and_a_bad_record_in_an_older_year_set_aside(data_dir: Path):
    path = thirty_years(data_dir)
    content = path.read_bytes()
    # A change by hand in 1998's line: that year's third moment without its text.
    year = next(line for line in lines(path) if b'"day":"1998-' in line)
    damaged = orjson.loads(b"{" + year[:-1] + b"}")
    key = next(k for k, r in damaged.items() if r["id"] == "m-1998-2")
    del damaged[key]["text"]
    path.write_bytes(content.replace(year, orjson.dumps(damaged)[1:-1] + b","))
    db = Database.open(data_dir)
    try:
        assert not db.storage.older_years("moments")  # not trusted: parsed whole, through the gate
        assert [e["record"]["id"] for e in db.quarantined()] == ["m-1998-2"]
        assert db.storage.count("moments") == 119
    finally:
        db.close()
    # Saved again, set aside and in the layout: read whole, the set-aside entry kept.
    document, _ = read_document(path.read_bytes(), strict=True)
    assert len(document["moments"]) == 119 and len(document["_quarantine"]) == 1
    assert path.read_bytes().count(b"\n") > 50


def test_a_sealed_file_keeps_its_older_years_unparsed_too(data_dir: Path, quick_passphrases):
    from imr_companion.passphrase.folder import set_passphrase

    thirty_years(data_dir)
    set_passphrase(data_dir, "sol og hav", None)
    db = Database.open(data_dir, defer_read=True)
    try:
        db.finish_reading()
        assert len(db.storage.older_years("checkins")) == 29
        Repository.of(db, CheckIn).save(CheckIn.for_day(date(2000, 2, 3), []))  # 2000's, again
    finally:
        db.close()
    db = Database.open(data_dir)
    try:
        assert db.storage.count("checkins") == 90
        assert Repository.of(db, CheckIn).get("checkin-2000-02-03") is not None
    finally:
        db.close()


def test_write_document_lays_older_years_out_as_the_data_file(tmp_path: Path):
    path = tmp_path / "copy.json"
    document = {"moments": {"1": {"id": "a", "day": "1990-01-01"}, "2": {"id": "b", "day": "2026-01-01"}}}
    write_document(path, document)
    assert (
        path.read_bytes()
        == b'{"moments":{\n"1":{"id":"a","day":"1990-01-01"},\n"2":{"id":"b","day":"2026-01-01"}\n}}'
    )
    assert orjson.loads(path.read_bytes()) == document


def test_a_new_key_goes_past_every_key_an_older_year_holds_searching_a_hundred_at_once():
    from imr_companion.store.files.years import OldYear, free_keys

    year = OldYear("moments", "2001", b'"10705":{"id":"a","t":"\\"10709\\":{","n":{"10707":{}}},"10712":{}')
    assert free_keys([year], 10700) == range(10700, 10705)
    assert free_keys([year], 10706) == range(10706, 10707)  # a nested record's key counts too
    assert free_keys([year], 10713) == range(10713, 10800)
    assert free_keys([year], 10705) == range(10705, 10705)  # held: none free from there
    assert free_keys([year], 12) == range(12, 13)
    assert free_keys([OldYear("moments", "2001", b'"12":{}')], 12) == range(12, 12)


def test_saves_one_after_another_find_free_keys_once_and_stamp_every_byte(data_dir: Path):
    """The older years' digests are kept from save to save; the stamp still says every byte, one
    changed by hand inside an older year's line included."""
    from imr_companion.store import file_head
    from imr_companion.store.files import codec
    from imr_companion.store.files.stamp import holds_stamp

    path = thirty_years(data_dir)
    db = Database.open(data_dir)
    moments = Repository.of(db, Moment)
    try:
        db.storage.prepare_to_save()  # as the app does in a thread once the records are checked
        for words in ("One", "Two"):
            moments.add(Moment(text=words))
            content = codec.read(path)
            assert holds_stamp(content, file_head.head_tables(content))
        edited = moments.get("m-2001-2")
        assert edited is not None
        moments.save(edited.model_copy(update={"text": "Changed, years later"}))  # 2001 taken in
        moments.add(Moment(text="Three"))
        content = codec.read(path)
        assert holds_stamp(content, file_head.head_tables(content))
    finally:
        db.close()
    assert len({r["id"] for r in orjson.loads(path.read_bytes())["moments"].values()}) == 123
    db = Database.open(data_dir)
    try:
        assert db.records_checked and db.storage.older_years("moments")  # trusted as written
    finally:
        db.close()
    path.write_bytes(path.read_bytes().replace(b'"Moment 1 of 1999"', b'"Moment 7 of 1999"'))
    db = Database.open(data_dir, defer_check=True)
    try:
        assert not db.records_checked  # one byte of an older year changed: checked again
    finally:
        db.close()


def test_the_newest_record_reads_only_the_years_that_could_hold_it(data_dir: Path, monkeypatch):
    """Today's cards ask for the last self-check or session: not thirty years of them parsed."""
    from imr_companion.store.files import years

    thirty_years(data_dir)
    db = Database.open(data_dir)
    parsed: list[str] = []
    records = years.OldYear.records
    monkeypatch.setattr(years.OldYear, "records", lambda self: parsed.append(self.year) or records(self))
    try:
        checkins = Repository.of(db, CheckIn)
        newest = checkins.newest()
        assert newest is not None and newest.day == date(2026, 4, 3)
        # An older year's check-in changed now is held with this year's: the newest stays this year's.
        old = checkins.where("day", "1997-02-03", "1997-02-03")[0]
        checkins.save(old.touched(noticed=[]))
        parsed.clear()
        assert checkins.newest() == newest and parsed == []  # 2026 held: no older year could beat it
        # Kept only before 2024: the older years are parsed newest first until one has it, none beyond.
        parsed.clear()
        found = checkins.newest(lambda c: c.day.year < 2024)
        assert found is not None and found.day == date(2023, 4, 3)
        assert parsed == ["2025", "2024", "2023"]
    finally:
        db.close()


def test_bytes_read_ahead_in_a_thread_are_taken_in_through_the_gate_as_if_read_then(data_dir: Path):
    """The app reads the file's bytes in a thread while the cards' code is imported
    (Database.read_ahead); finish_reading takes them in as it would have read them: a stamped file
    trusted with its older years unparsed, a file changed by hand since its stamp through every check."""
    path = thirty_years(data_dir)
    db = Database.open(data_dir, defer_check=True, defer_read=True)  # as the app
    try:
        db.read_ahead()
        db.finish_reading()
        db.read_ahead()  # once read, nothing more
        assert db.records_checked and len(db.storage.older_years("moments")) == 29
        assert db.storage.count("moments") == 120
    finally:
        db.close()
    year = next(line for line in lines(path) if b'"day":"1998-' in line)
    path.write_bytes(path.read_bytes().replace(year, year.replace(b"Moment 2 of 1998", b"Moment 2 of 1999")))
    db = Database.open(data_dir, defer_check=True, defer_read=True)  # as the app
    try:
        db.read_ahead()
        db.finish_reading()
        assert not db.records_checked and not db.storage.older_years("moments")
        assert Repository.of(db, Moment).get("m-1998-2").text == "Moment 2 of 1999"
    finally:
        db.close()
