"""No data file can lock a person out (issue 19, item 4).

Each file below once stopped the app (or every later save) at every start.
Each test opens it the way the app does (the head first, the rest after the
first frame, every record checked after that), saves, opens it again, and
reads back what was kept: the odd entry set aside whole, everything else
where it was, the file strict JSON.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from imr_companion import doctor
from imr_companion.cli import main
from imr_companion.models import Moment
from imr_companion.paths import DATA_FILE
from imr_companion.store import Database, Repository, gate
from imr_companion.store.files import backups
from imr_companion.store.gate import QUARANTINE
from imr_companion.store.upgrades.migrations import SCHEMA_VERSION
from tests.helpers import running, wait_until

META = '"_meta": {"1": {"schema_version": 1}}'


def moment_text(text: str = "odd", **changes) -> str:
    return json.dumps({**Moment(text="x").model_dump(mode="json"), "text": text, **changes})


def with_field(raw_field: str) -> str:
    """A good moment's JSON with one more field given as raw JSON text (`"name": value`)."""
    return moment_text()[:-1] + ", " + raw_field + "}"


def write_file(folder: Path, second_record: str, extra_tables: str = "") -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    content = (
        "{"
        + META
        + ', "moments": {"1": '
        + moment_text("kept")
        + ', "2": '
        + second_record
        + "}"
        + extra_tables
        + "}"
    )
    (folder / DATA_FILE).write_text(content, encoding="utf-8")


def open_as_the_app_does(folder: Path) -> Database:
    database = Database.open(folder, defer_check=True, defer_read=True)
    database.finish_reading()
    database.check_records()
    return database


def strict_json(folder: Path) -> dict:
    def refuse(constant: str):
        raise AssertionError(f"{constant} written")

    return json.loads((folder / DATA_FILE).read_bytes().decode("utf-8"), parse_constant=refuse)


def opens_saves_and_reopens(folder: Path) -> list[dict]:
    """Open as the app does, save a new moment, reopen: what was set aside (as stored)."""
    database = open_as_the_app_does(folder)
    try:
        Repository.of(database, Moment).add(Moment(text="saved afterwards"))
    finally:
        database.close()
    database = open_as_the_app_does(folder)
    try:
        texts = sorted(m.text for m in Repository.of(database, Moment).all())
        assert texts == ["kept", "saved afterwards"]
        Repository.of(database, Moment).add(Moment(text="and again"))
        kept = database.quarantined()
    finally:
        database.close()
    stored = strict_json(folder)
    assert list(stored[QUARANTINE].values()) == kept
    return kept


def test_a_key_given_twice_inside_a_record_is_set_aside_with_both_values(data_dir: Path):
    write_file(data_dir, with_field('"note": "first", "note": "second"'))
    assert any("set them aside" in line or "set it aside" in line for line in doctor.check(data_dir).problems)
    [entry] = opens_saves_and_reopens(data_dir)
    assert entry["record"]["note"] == "first" and entry["record"]["note (again 2)"] == "second"


@pytest.mark.parametrize("command", ["export", "restore", "import", "backup"])
def test_a_key_given_twice_does_not_stop_the_tools(data_dir: Path, tmp_path: Path, command: str, capsys):
    other = tmp_path / "other"
    write_file(other, moment_text("from elsewhere"))
    export = tmp_path / "other.json"
    assert main(["export", "--data-dir", str(other), "--output", str(export)]) == 0
    write_file(data_dir, with_field('"note": "first", "note": "second"'))
    args = {
        "export": ["export"],
        "restore": ["restore", str(export)],
        "import": ["import", str(export)],
        "backup": ["backup"],
    }[command]
    capsys.readouterr()
    code = main([*args, "--data-dir", str(data_dir)])
    out, err = capsys.readouterr()
    assert code == 0 and err.count("stopped because of a problem") == 0, err
    if command == "export":
        assert json.loads(out)["set_aside"][0]["record"]["note (again 2)"] == "second"
    if command in ("restore", "import"):
        # The data from before, odd entry and all, was kept first.
        [copy] = [b for b in backups.every(data_dir) if b.kind == f"before-{command}"]
        kept = json.loads(copy.path.read_text())[QUARANTINE]
        assert [e["record"]["note (again 2)"] for e in kept.values()] == ["second"]


def test_a_lone_surrogate_in_a_value_is_set_aside_and_saving_works(data_dir: Path):
    write_file(data_dir, with_field('"note": "a\\ud800b"'))
    assert any("cannot be stored" in line for line in doctor.check(data_dir).problems)
    [entry] = opens_saves_and_reopens(data_dir)
    assert entry["record"]["note"] == "a\\ud800b", "kept as its escape: nothing lost"


def test_a_lone_surrogate_in_a_name_and_in_the_text_itself(data_dir: Path):
    record = moment_text("SURROGATE").replace('"SURROGATE"', '"a\\udfffb"')
    write_file(data_dir, record[:-1] + ', "\\ud83d": 1}')
    [entry] = opens_saves_and_reopens(data_dir)
    assert entry["record"]["text"] == "a\\udfffb" and entry["record"]["\\ud83d"] == 1


@pytest.mark.parametrize(
    "number", ["123456789012345678901234567890", "-9223372036854775809", "18446744073709551616"]
)
def test_a_whole_number_beyond_64_bits_is_set_aside_as_its_digits(data_dir: Path, number: str):
    write_file(data_dir, with_field(f'"count": {number}'))
    [entry] = opens_saves_and_reopens(data_dir)
    assert entry["record"]["count"] == number


def test_the_largest_numbers_the_file_can_hold_still_open():
    for number in (2**64 - 1, -(2**63)):
        value, odd = gate.loads(str(number).encode(), strict=False)
        assert value == number and not odd


def test_nesting_deeper_than_the_writer_goes_is_set_aside_as_text(data_dir: Path):
    deep = "[" * 300 + "]" * 300
    write_file(data_dir, with_field(f'"nested": {deep}'))
    [entry] = opens_saves_and_reopens(data_dir)
    nested = entry["record"]["nested"]
    depth = 0
    while isinstance(nested, list):
        nested, depth = nested[0], depth + 1
    assert json.loads(nested) is not None and depth + nested.count("[") == 300


def test_nesting_too_deep_to_read_sets_the_file_aside_and_the_app_opens(data_dir: Path):
    write_file(data_dir, with_field('"nested": ' + "[" * 100_000 + "]" * 100_000))
    database = open_as_the_app_does(data_dir)
    try:
        assert "could not be opened" in database.notices[0].text
        Repository.of(database, Moment).add(Moment(text="a fresh start"))
    finally:
        database.close()
    assert list(data_dir.glob("companion.damaged-*.json"))


def test_a_very_long_text_is_set_aside_whole(data_dir: Path):
    write_file(data_dir, moment_text("x" * 5_000_000))
    [entry] = opens_saves_and_reopens(data_dir)
    assert len(entry["record"]["text"]) == 5_000_000


def test_very_long_settings_are_set_aside_and_the_defaults_used(data_dir: Path):
    name = "N" * 1_000_000
    write_file(data_dir, moment_text("fine too"), ', "settings": {"1": {"first_name": "' + name + '"}}')
    database = open_as_the_app_does(data_dir)
    try:
        assert database.settings().first_name == ""
        Repository.of(database, Moment).add(Moment(text="saved afterwards"))
    finally:
        database.close()
    assert strict_json(data_dir)[QUARANTINE]["1"]["record"]["first_name"] == name


@pytest.mark.parametrize("character", ["\\u0000", "\\u001b[2J", "\\u0007", "\\u009b"])
def test_control_characters_in_text_are_set_aside(data_dir: Path, character: str):
    write_file(data_dir, moment_text("x").replace('"x"', f'"a{character}b"'))
    [entry] = opens_saves_and_reopens(data_dir)
    assert entry["record"]["text"] == json.loads(f'"a{character}b"')


def test_a_field_name_with_a_terminal_escape_is_set_aside_and_shown_safely(data_dir: Path, capsys):
    write_file(data_dir, with_field('"\\u001b]0;owned\\u0007\\u001b[31m": 1'))
    assert main(["doctor", "--data-dir", str(data_dir)]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\\u001b" in out
    [entry] = opens_saves_and_reopens(data_dir)
    assert "\x1b" not in entry["reason"]
    assert main(["doctor", "--data-dir", str(data_dir)]) == 1
    assert "\x1b" not in capsys.readouterr().out


def test_a_part_this_version_does_not_know_with_a_lone_surrogate_is_set_aside(data_dir: Path):
    write_file(data_dir, moment_text("fine too"), ', "later_part": {"1": {"x": "\\ud800"}}')
    database = open_as_the_app_does(data_dir)
    try:
        Repository.of(database, Moment).add(Moment(text="saved afterwards"))
        [entry] = database.quarantined()
    finally:
        database.close()
    assert entry["table"] == "later_part" and entry["record"] == {"1": {"x": "\\ud800"}}
    assert "later_part" not in strict_json(data_dir)


def test_odd_meta_is_written_afresh_and_kept_aside(data_dir: Path):
    data_dir.mkdir(parents=True, mode=0o700)
    meta = '{"_meta": {"1": {"schema_version": 1, "note": "\\ud800"}}'
    content = meta + ', "moments": {"1": ' + moment_text("kept") + "}}"
    (data_dir / DATA_FILE).write_text(content)
    database = open_as_the_app_does(data_dir)
    try:
        Repository.of(database, Moment).add(Moment(text="saved afterwards"))
    finally:
        database.close()
    stored = strict_json(data_dir)
    # Version 1 as found, upgraded on opening (checked since, so it carries the stamp of the check).
    assert stored["_meta"]["1"].keys() <= {"schema_version", "checked"}
    assert stored["_meta"]["1"]["schema_version"] == SCHEMA_VERSION
    assert stored[QUARANTINE]["1"]["record"]["1"]["note"] == "\\ud800"


def test_keys_that_are_not_text_are_made_text_when_set_aside():
    document = {"_meta": {"1": {"schema_version": 1}}, "moments": {"1": {1: "a", "1": "b", None: "c"}}}
    moved, _ = gate.repair(document)
    assert moved == 1
    record = document[QUARANTINE]["1"]["record"]
    assert record == {"1": "a", "1 (again 2)": "b", "None": "c"}
    assert gate.encodable(document)


def test_a_set_aside_entry_that_cannot_be_written_is_made_writable(data_dir: Path):
    entry = '{"table": "moments", "record": {"x": "\\ud800"}, "reason": "r", "set_aside": "2026-01-01"}'
    write_file(data_dir, moment_text("fine too"), f', "{QUARANTINE}": {{"1": {entry}}}')
    database = open_as_the_app_does(data_dir)
    try:
        Repository.of(database, Moment).add(Moment(text="saved afterwards"))
    finally:
        database.close()
    [again] = strict_json(data_dir)[QUARANTINE].values()
    assert again["record"]["record"] == {"x": "\\ud800"}


# --- dates at the edges ------------------------------------------------------

DATED = [
    ("moments", {"text": "a walk"}, "day"),
    ("moments", {"text": "a walk"}, "created"),
    ("moments", {"text": "a walk"}, "updated"),
    ("goals", {"text": "walk more"}, "hoped_for"),
    ("goals", {"text": "walk more"}, "made_current"),
    ("answers", {"handout": "recovery", "exercise": "goals", "kind": "text"}, "changed"),
    ("reading", {"id": "recovery", "handout": "recovery", "done": True, "done_on": "2026-01-01"}, "done_on"),
    ("practice", {"text": "walk"}, "week_of"),
    ("practice", {"text": "walk"}, "finished_on"),
    ("plan_versions", {"content": {}}, "reviewed_on"),
    ("checkins", {}, "day"),
    ("sessions", {}, "day"),
]


def record_for(table: str, fields: dict, field: str, value: str) -> dict:
    from imr_companion.models import RECORD_TABLES

    model = RECORD_TABLES[table]
    record = model.model_validate(fields).model_dump(mode="json")
    record[field] = value if field not in ("created", "updated", "made_current") else value + "T12:00:00"
    return record


@pytest.mark.parametrize(("table", "fields", "field"), DATED, ids=[f"{t}.{f}" for t, _, f in DATED])
@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1899-12-31", "2200-01-01"])
def test_a_date_outside_the_years_kept_is_set_aside(data_dir: Path, table, fields, field, day):
    bad = record_for(table, fields, field, day)
    if table == "moments":
        write_file(data_dir, json.dumps(bad))
    else:
        write_file(data_dir, moment_text("fine too"), f', "{table}": {{"1": {json.dumps(bad)}}}')
    database = open_as_the_app_does(data_dir)
    try:
        Repository.of(database, Moment).add(Moment(text="saved afterwards"))
        assert [e["record"][field] for e in database.quarantined()] == [bad[field]]
    finally:
        database.close()


@pytest.mark.parametrize(("table", "fields", "field"), DATED, ids=[f"{t}.{f}" for t, _, f in DATED])
@pytest.mark.parametrize("day", ["1900-01-01", "2199-12-31"])
def test_the_first_and_last_days_kept_are_accepted(table, fields, field, day):
    from imr_companion.models import RECORD_TABLES

    if field == "week_of" and day == "2199-12-31":
        day = "2199-12-30"  # a week starts on a Monday
    record = record_for(table, fields, field, day)
    RECORD_TABLES[table].model_validate(record)


@pytest.mark.parametrize("field", ["planned_on", "done_on"])
def test_a_step_dated_outside_the_years_sets_its_goal_aside(data_dir: Path, field: str):
    from imr_companion.models import Goal
    from imr_companion.models.goals import Step

    goal = Goal(text="walk more", steps=[Step(text="once round the park")]).model_dump(mode="json")
    goal["steps"][0][field] = "9999-12-31"
    write_file(data_dir, moment_text("fine too"), f', "goals": {{"1": {json.dumps(goal)}}}')
    database = open_as_the_app_does(data_dir)
    try:
        Repository.of(database, Moment).add(Moment(text="saved afterwards"))
        [entry] = database.quarantined()
        assert entry["table"] == "goals" and entry["record"]["steps"][0][field] == "9999-12-31"
    finally:
        database.close()


def test_a_date_outside_the_years_is_refused_in_plain_words():
    from pydantic import ValidationError

    from imr_companion.models.base import field_messages

    with pytest.raises(ValidationError) as refused:
        Moment(text="a walk", day=date(9999, 12, 31))
    assert field_messages(refused.value) == {"day": "Please write a date between the years 1900 and 2199."}


async def test_good_moments_opened_before_every_record_is_checked(data_dir: Path, monkeypatch):
    from imr_companion.ui import starting
    from imr_companion.ui.common.lists.row_list import RowList

    monkeypatch.setattr(starting, "RECORD_CHECK_DELAY", 600)  # the check has not run yet
    settings = ', "settings": {"1": {"first_name": "Alex", "welcomed": true}}'
    write_file(data_dir, moment_text("far future", day="9999-12-31"), settings)
    async with running(data_dir) as (app, pilot):
        await pilot.press("escape", "3")
        await pilot.pause()
        assert not app.database.quarantined()
        rows = [row.text for row in app.screen.query_one(RowList).rows]
        assert any("kept" in row for row in rows) and not any("far future" in row for row in rows)
        assert app.return_code is None


async def test_settings_at_the_head_holding_what_cannot_be_shown(data_dir: Path):
    """The first frame reads the settings before any check: a name with a lone surrogate and a
    terminal escape, and a theme that is not one, must not stop it."""
    data_dir.mkdir(parents=True, mode=0o700)
    name = '"first_name": "A\\ud800b\\u001b[31m"'
    settings = '"settings": {"1": {' + name + ', "welcomed": true, "theme": "\\udfff"}}'
    content = "{" + META + ", " + settings + ', "moments": {"1": ' + moment_text("kept") + "}}"
    (data_dir / DATA_FILE).write_text(content)
    async with running(data_dir) as (app, pilot):
        await wait_until(pilot, app.database.quarantined, "nothing was set aside")
        assert app.database.quarantined()[0]["table"] == "settings"
        assert app.return_code is None
    assert strict_json(data_dir)[QUARANTINE]["1"]["record"]["first_name"] == "A\\ud800b\x1b[31m"


async def test_a_good_moment_dated_9999_does_not_stop_good_moments(data_dir: Path):
    settings = ', "settings": {"1": {"first_name": "Alex", "welcomed": true}}'
    write_file(data_dir, moment_text("far future", day="9999-12-31"), settings)
    async with running(data_dir) as (app, pilot):
        await wait_until(pilot, app.database.quarantined, "nothing was set aside")
        # Esc answers the restore offer; the next Esc leaves Today's field, where a digit would type.
        await pilot.press("escape", "escape", "3")
        await pilot.pause()
        await pilot.pause()
        from imr_companion.ui.common.lists.row_list import RowList

        rows = [row.text for row in app.screen.query_one(RowList).rows]
        assert any("kept" in row for row in rows) and not any("far future" in row for row in rows)
        assert app.return_code is None
    database = open_as_the_app_does(data_dir)
    try:
        assert database.quarantined()[0]["record"]["day"] == "9999-12-31"
    finally:
        database.close()


def _within(seconds: float, work):
    """work()'s result, or a failure when it waits longer than `seconds` (on a pipe, it would forever)."""
    import threading

    result: list = []
    thread = threading.Thread(target=lambda: result.append(work()), daemon=True)
    thread.start()
    thread.join(seconds)
    if not result:
        pytest.fail("it waited on the pipe")
    return result[0]


def test_a_pipe_in_place_of_the_data_file_is_set_aside_and_nothing_waits(data_dir: Path, capsys):
    import os

    data_dir.mkdir(mode=0o700)
    os.mkfifo(data_dir / DATA_FILE)
    report = _within(60, lambda: doctor.check(data_dir))
    assert any("not an ordinary file" in line for line in report.problems)
    assert _within(60, lambda: main(["backup", "--data-dir", str(data_dir)])) == 1
    assert "not an ordinary file" in capsys.readouterr().err
    database = _within(60, lambda: open_as_the_app_does(data_dir))
    try:
        assert "could not be opened: it is not an ordinary file" in database.notices[0].text
        Repository.of(database, Moment).add(Moment(text="a fresh start"))
    finally:
        database.close()
    [kept] = data_dir.glob("companion.damaged-*.json")
    assert not kept.is_file() and (data_dir / DATA_FILE).is_file()
