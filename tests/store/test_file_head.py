"""The settings read from the head of the data file, so the first frame waits for no records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from imr_companion.models import Moment, Settings
from imr_companion.paths import DATA_FILE
from imr_companion.store import Database, Repository
from imr_companion.store.file_head import HEAD_BYTES, head_tables
from tests.helpers import running

META = {"1": {"schema_version": 1}}
SETTINGS = {"1": {"first_name": "Robin", "welcomed": True}}


@pytest.mark.parametrize(
    "content",
    [
        b'{"_meta":{"1":{"schema_version":1}},"settings":{"1":{"first_name":"Robin","welcomed":true}},"moments":{}}',
        b'{"settings":{"1":{"first_name":"Robin","welcomed":true}},"_meta":{"1":{"schema_version":1}}}',
        json.dumps({"_meta": META, "settings": SETTINGS, "moments": {}}, indent=2).encode(),
    ],
    ids=["as the app writes it", "settings first", "indented"],
)
def test_the_head_holds_the_settings(content: bytes):
    assert head_tables(content) == {"_meta": META, "settings": SETTINGS}


def test_a_document_of_meta_alone_has_no_settings_to_find():
    assert head_tables(b'{"_meta":{"1":{"schema_version":1}}}') == {"_meta": META}


@pytest.mark.parametrize(
    "content",
    [
        # Settings after the records: they could be anywhere, so the whole file is read.
        b'{"_meta":{"1":{"schema_version":1}},"moments":{},"settings":{"1":{"welcomed":true}}}',
        b'{"_meta":{"1":{"schema_version":1}},"settings":{"1":{"first_name":"Rob',
        b'{"_meta":{"1":{"schema_version":1}},"settings":{"1":{"x":NaN}}}',
        b'{"_meta":[],"settings":{}}',
        b'{"_meta":{},"_meta":{},"settings":{}}',
        b'["not", "tables"]',
        b"",
        b"\xff\xfe{",
        b'{"_meta":{"1":{"schema_version":1}},"settings":{"1":{"note":"' + b"x" * HEAD_BYTES + b'"}}}',
        # Nesting deeper than Python's JSON reader goes (the command line reads the head for its language).
        b'{"_meta":' + b"[" * 30000 + b"]" * 30000 + b"}",
    ],
    ids=[
        "late",
        "cut off",
        "NaN",
        "not a table",
        "repeated",
        "list",
        "empty",
        "bytes",
        "too long",
        "too deep",
    ],
)
def test_a_head_it_cannot_be_sure_of_is_not_used(content: bytes):
    assert head_tables(content) is None


def test_the_app_keeps_meta_and_settings_at_the_head_of_its_file(data_dir: Path):
    db = Database.open(data_dir)
    Repository.of(db, Moment).add(Moment(text="a walk"))
    db.save_settings(Settings(first_name="Robin", welcomed=True))
    db.close()
    stored = json.loads((data_dir / DATA_FILE).read_bytes())
    assert list(stored)[:2] == ["_meta", "settings"]


def test_a_file_with_settings_at_its_end_is_read_whole_and_saved_with_them_first(data_dir: Path):
    data_dir.mkdir(mode=0o700)
    document = {"_meta": META, "moments": {}, "settings": SETTINGS}
    (data_dir / DATA_FILE).write_bytes(json.dumps(document).encode())
    db = Database.open(data_dir, defer_read=True)
    try:
        assert db.stored_setting("first_name", "") == "Robin"
    finally:
        db.close()
    assert list(json.loads((data_dir / DATA_FILE).read_bytes()))[:2] == ["_meta", "settings"]
    assert json.loads((data_dir / DATA_FILE).read_bytes())["settings"] == SETTINGS


async def test_a_file_damaged_after_its_head_is_set_aside_and_the_backup_offered(data_dir: Path):
    db = Database.open(data_dir)
    db.save_settings(Settings(first_name="Robin", welcomed=True))
    Repository.of(db, Moment).add(Moment(text="the second save keeps the first as today's backup"))
    db.close()
    whole = (data_dir / DATA_FILE).read_bytes()
    damaged = whole[: len(whole) - 10]  # the settings are intact, the records are not
    (data_dir / DATA_FILE).write_bytes(damaged)
    async with running(data_dir, size=(120, 40)) as (app, pilot):
        await pilot.pause(0.2)
        offer = app.screen.query_one("#question").render().plain
        assert "could not be opened" in offer and "newest backup" in offer
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert app.database.stored_setting("first_name", "") == "Robin"  # from the backup
    aside = list(data_dir.glob("companion.damaged-*.json"))
    assert [path.read_bytes() for path in aside] == [damaged]
