"""Opening a damaged file: each odd thing is set right or set aside, never lost, never a crash."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from imr_companion import doctor
from imr_companion.models import Goal, Moment, Settings
from imr_companion.paths import DATA_FILE
from imr_companion.store import Database, Repository
from imr_companion.store.gate import QUARANTINE

HUGE = "9" * 5000


def moment(text: str, **changes) -> dict:
    return {**Moment(text=text).model_dump(mode="json"), **changes}


def write(data_dir: Path, text: str) -> None:
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    (data_dir / DATA_FILE).write_text(text)


def raw_doc(first: str, second: str, key: str = "2") -> str:
    """A document whose moments are given as JSON text (for what json.dumps cannot write)."""
    head = '{"_meta": {"1": {"schema_version": 1}}, "moments": '
    return head + '{"1": ' + first + ', "' + key + '": ' + second + "}}"


def doc(**tables) -> str:
    return json.dumps({"_meta": {"1": {"schema_version": 1}}, **tables})


def texts(db: Database) -> list[str]:
    return sorted(m.text for m in Repository.of(db, Moment).all())


def quarantined_tables(db: Database) -> list[str]:
    return sorted(entry["table"] for entry in db.quarantined())


def test_d1_a_five_thousand_digit_number_sets_its_record_aside_and_doctor_says_so(data_dir: Path):
    good = json.dumps(moment("fine"))
    bad = json.dumps(moment("huge"))[:-1] + f', "rating": {HUGE}}}'
    write(data_dir, raw_doc(good, bad))
    report = doctor.check(data_dir)
    assert not report.healthy and any("cannot be stored" in line for line in report.problems)
    db = Database.open(data_dir)
    try:
        assert texts(db) == ["fine"]
        kept = db.quarantined()[0]
        assert kept["table"] == "moments" and kept["record"]["rating"] == HUGE
        Repository.of(db, Moment).add(Moment(text="and saving works"))
    finally:
        db.close()
    # The set-aside entry is still reported, kept whole, in a sentence that reads as one.
    (kept_line,) = [line for line in doctor.check(data_dir).problems if "was set aside on" in line]
    assert "(what was wrong: " in kept_line and "because of a" not in kept_line, kept_line


def test_d2_one_nan_does_not_stop_every_later_save(data_dir: Path):
    odd = json.dumps(moment("odd"))[:-1] + ', "x": NaN}'
    write(data_dir, raw_doc(json.dumps(moment("fine")), odd))
    db = Database.open(data_dir)
    try:
        Repository.of(db, Moment).add(Moment(text="saved after"))
        assert texts(db) == ["fine", "saved after"]
        assert quarantined_tables(db) == ["moments"]
    finally:
        db.close()
    json.loads((data_dir / DATA_FILE).read_text(), parse_constant=lambda c: pytest.fail("NaN written"))


def test_d3_two_records_with_one_id_are_reported_and_the_second_set_aside(data_dir: Path):
    first = moment("first", id="same")
    write(data_dir, doc(moments={"1": first, "2": moment("second", id="same")}))
    assert any("same id" in line for line in doctor.check(data_dir).problems)
    db = Database.open(data_dir)
    try:
        repo = Repository.of(db, Moment)
        assert texts(db) == ["first"]
        repo.remove("same")
        assert texts(db) == []
        assert db.quarantined()[0]["record"]["text"] == "second"
    finally:
        db.close()


def test_d4_keys_six_and_oh_six_both_survive_an_unrelated_save(data_dir: Path):
    write(data_dir, doc(moments={"6": moment("six"), "06": moment("oh six")}))
    assert any("unusual form" in line for line in doctor.check(data_dir).problems)
    db = Database.open(data_dir)
    try:
        Repository.of(db, Moment).add(Moment(text="unrelated"))
    finally:
        db.close()
    db = Database.open(data_dir)
    try:
        assert texts(db) == ["oh six", "six", "unrelated"]
        assert all(key.isdigit() and not key.startswith("0") for key in db.document()["moments"])
    finally:
        db.close()


def test_d5_a_bad_settings_record_is_set_aside_and_defaults_used(data_dir: Path):
    write(data_dir, doc(settings={"1": {"first_name": "Ro\tbin", "welcomed": True}}))
    db = Database.open(data_dir, defer_check=True)
    try:
        assert db.settings() == Settings()  # no crash before the check
        db.check_records()
        assert quarantined_tables(db) == ["settings"]
        assert all("Ro\tbin" not in notice.text for notice in db.notices)
    finally:
        db.close()


def test_d6_set_aside_entries_never_overwrite_each_other(data_dir: Path):
    earlier = {"table": "moments", "record": {"text": "earlier"}, "reason": "x", "set_aside": "2026-01-01"}
    bad_goal = Goal(text="climb").model_dump(mode="json") | {"status": "nonsense"}
    write(
        data_dir,
        doc(
            moments={"1": {**moment("x"), "text": ""}},
            goals={"1": bad_goal},
            _quarantine={"2": earlier},
        ),
    )
    db = Database.open(data_dir)
    try:
        kept = db.document()[QUARANTINE]
        assert len(kept) == 3
        assert kept["2"] == earlier
        assert sorted(entry["table"] for entry in kept.values()) == ["goals", "moments", "moments"]
    finally:
        db.close()


def test_d7_an_unknown_table_is_reported_kept_and_carried_in_the_json_export(data_dir: Path):
    from imr_companion.export import to_json

    write(data_dir, doc(moments={"1": moment("fine")}, future_part={"1": {"anything": 1}}))
    assert any("does not know ('future_part')" in line for line in doctor.check(data_dir).problems)
    db = Database.open(data_dir)
    try:
        Repository.of(db, Moment).add(Moment(text="a save"))
        assert json.loads(to_json(db))["other_tables"] == {"future_part": [{"anything": 1}]}
    finally:
        db.close()
    assert json.loads((data_dir / DATA_FILE).read_text())["future_part"] == {"1": {"anything": 1}}


@pytest.mark.parametrize(
    "created", ["2026-11-30T10:00:00+05:00", 0], ids=["with-offset", "number-of-seconds"]
)
def test_a_time_in_another_form_is_set_aside_so_today_can_still_open(data_dir: Path, created):
    write(data_dir, doc(moments={"1": moment("odd time", created=created), "2": moment("fine")}))
    assert not doctor.check(data_dir).healthy
    db = Database.open(data_dir)
    try:
        assert texts(db) == ["fine"]
    finally:
        db.close()


def test_a_record_without_an_id_is_given_one_and_kept(data_dir: Path):
    record = moment("no id")
    del record["id"]
    write(data_dir, doc(moments={"1": record}))
    db = Database.open(data_dir)
    try:
        assert texts(db) == ["no id"]
        assert db.document()["moments"]["1"]["id"]
    finally:
        db.close()


@pytest.mark.parametrize("defer", [False, True], ids=["opened at once", "opened as the app does"])
def test_ids_given_on_opening_are_saved_even_when_nothing_else_changes(data_dir: Path, defer: bool):
    """A repair that only gives records ids must reach the file: otherwise each start gives new ones,
    and an id that changes breaks every reference to the record (issue 19, item 9)."""
    record = moment("no id")
    del record["id"]
    write(data_dir, doc(moments={"1": record}))
    db = Database.open(data_dir, defer_check=defer, defer_read=defer)
    try:
        db.finish_reading()
        db.check_records()
    finally:
        db.close()
    stored = json.loads((data_dir / DATA_FILE).read_text())["moments"]["1"]
    assert stored["id"] and stored["text"] == "no id"
    db = Database.open(data_dir)
    try:
        assert [m.id for m in Repository.of(db, Moment).all()] == [stored["id"]]
    finally:
        db.close()


def test_a_record_that_is_not_an_entry_is_set_aside_not_the_whole_file(data_dir: Path):
    write(data_dir, doc(moments={"1": "just a string", "2": moment("fine")}))
    db = Database.open(data_dir)
    try:
        assert texts(db) == ["fine"]
        assert db.quarantined()[0]["record"] == "just a string"
        assert not list(data_dir.glob("companion.damaged-*"))
    finally:
        db.close()


def test_a_key_given_twice_keeps_both_values(data_dir: Path):
    first, second = json.dumps(moment("first")), json.dumps(moment("second"))
    write(data_dir, raw_doc(first, second, key="1"))
    db = Database.open(data_dir)
    try:
        assert texts(db) == ["first", "second"]
    finally:
        db.close()


def test_an_entry_that_is_not_an_object_is_set_aside_before_the_first_frame(data_dir: Path):
    write(data_dir, doc(moments={"1": "just a string", "2": moment("fine", day="2026-03-18")}))
    db = Database.open(data_dir, defer_check=True)
    try:
        # Before the deferred check: reads and writes of the table work.
        assert [m.text for m in Repository.of(db, Moment).where("day", "2026-03-18")] == ["fine"]
        Repository.of(db, Moment).add(Moment(text="new"))
        assert db.quarantined()[0]["record"] == "just a string"
    finally:
        db.close()


def test_a_file_as_the_app_writes_it_reads_the_same_by_the_quick_way():
    from imr_companion import demo
    from imr_companion.store import gate
    from imr_companion.store.files.storage import encode

    content = encode(demo.build(1))
    quick, odd = gate.loads(content, strict=False)
    careful, careful_odd = gate.loads(content.decode("utf-8"), strict=False)
    assert quick == careful and not odd and not careful_odd


@pytest.mark.parametrize(
    "content",
    [b'{"moments":{"1":{"id":"a","id":"b"}}}', b'{"moments":{"1":{"n":' + b"9" * 60 + b"}}}"],
    ids=["a key given twice", "an overlong number"],
)
def test_compact_files_with_odd_values_still_take_the_careful_way(content: bytes):
    from imr_companion.store import gate

    _document, odd = gate.loads(content, strict=False)
    assert odd
