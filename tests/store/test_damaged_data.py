"""A damaged file is set aside and never overwritten; a bad record is kept aside, not dropped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from imr_companion.export import transfer
from imr_companion.models import Moment
from imr_companion.paths import DATA_FILE
from imr_companion.store import Database, Repository
from imr_companion.store.database import QUARANTINE

DAMAGED = {
    "zero-byte": b"",
    "truncated": b'{"_meta":{"1":{"schema_version":1}},"moments":{"1":{"id":"a","te',
    "garbage": bytes(range(256)) * 4,
    "wrong-shape": b'["a", "list", "not", "tables"]',
}


@pytest.mark.parametrize("content", DAMAGED.values(), ids=DAMAGED.keys())
def test_damaged_file_is_set_aside_untouched_and_the_app_still_opens(data_dir: Path, content: bytes):
    data_dir.mkdir(parents=True, mode=0o700)
    (data_dir / DATA_FILE).write_bytes(content)
    db = Database.open(data_dir)
    try:
        aside = list(data_dir.glob("companion.damaged-*.json"))
        assert len(aside) == 1
        assert aside[0].read_bytes() == content
        assert len(db.notices) == 1
        assert "nothing was deleted" in db.notices[0].text
        # The app works with a fresh notebook and the damaged file stays untouched.
        Repository.of(db, Moment).add(Moment(text="new start"))
        assert aside[0].read_bytes() == content
    finally:
        db.close()


def test_newest_backup_is_offered_and_can_be_restored(data_dir: Path, fixed_clock):
    db = Database.open(data_dir)
    Repository.of(db, Moment).add(Moment(text="from the backup"))
    Repository.of(db, Moment).add(Moment(text="second save makes today's backup"))
    db.close()
    (data_dir / DATA_FILE).write_bytes(b"{broken")
    db = Database.open(data_dir)
    try:
        notice = db.notices[0]
        assert notice.backup is not None
        assert "newest backup" in notice.text
        transfer.restore(db, notice.backup)
        assert [m.text for m in Repository.of(db, Moment).all()] == ["from the backup"]
    finally:
        db.close()


@pytest.mark.parametrize("defer_read", [False, True], ids=["read at once", "settings first"])
def test_a_record_that_fails_validation_is_quarantined_not_dropped(data_dir: Path, defer_read: bool):
    good = Moment(text="fine").model_dump(mode="json")
    bad = {**Moment(text="x").model_dump(mode="json"), "text": ""}
    data_dir.mkdir(parents=True, mode=0o700)
    (data_dir / DATA_FILE).write_text(
        json.dumps({"_meta": {"1": {"schema_version": 1}}, "settings": {}, "moments": {"1": good, "2": bad}})
    )
    db = Database.open(data_dir, defer_read=defer_read)
    try:
        assert [m.text for m in Repository.of(db, Moment).all()] == ["fine"]
        assert db.quarantined()[0]["record"] == bad
        assert "set aside" in db.notices[0].text
    finally:
        db.close()
    stored = json.loads((data_dir / DATA_FILE).read_text())
    assert next(iter(stored[QUARANTINE].values()))["record"] == bad
