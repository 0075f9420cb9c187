"""Schema versions, migrations and the daily backups."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from imr_companion import clock
from imr_companion.models import Moment
from imr_companion.paths import DATA_FILE
from imr_companion.store import Database, NewerData, Repository
from imr_companion.store.files import backups
from imr_companion.store.upgrades.migrations import MIGRATIONS, SCHEMA_VERSION, upgrade


def test_schema_version_is_recorded(database: Database, data_dir: Path):
    Repository.of(database, Moment).add(Moment(text="x"))
    stored = json.loads((data_dir / DATA_FILE).read_text())
    assert stored["_meta"]["1"]["schema_version"] == SCHEMA_VERSION == len(MIGRATIONS) + 1


def test_migrations_run_oldest_first_from_the_version_found():
    ran: list[str] = []
    steps = [lambda d: ran.append("1->2"), lambda d: ran.append("2->3"), lambda d: ran.append("3->4")]
    assert upgrade({}, 2, steps) == 4
    assert ran == ["2->3", "3->4"]


def test_data_from_a_newer_version_is_refused_and_left_alone(data_dir: Path):
    data_dir.mkdir(parents=True, mode=0o700)
    content = json.dumps({"_meta": {"1": {"schema_version": SCHEMA_VERSION + 1}}}).encode()
    (data_dir / DATA_FILE).write_bytes(content)
    with pytest.raises(NewerData):
        Database.open(data_dir)
    assert (data_dir / DATA_FILE).read_bytes() == content


def test_one_backup_a_day_before_the_first_write_and_only_fourteen_kept(data_dir: Path):
    start = datetime(2026, 1, 1, 9, 0)
    for day in range(20):
        clock.fix(start + timedelta(days=day))
        db = Database.open(data_dir)
        repo = Repository.of(db, Moment)
        repo.add(Moment(text=f"day {day} a"))
        repo.add(Moment(text=f"day {day} b"))
        db.close()
    kept = backups.listed(data_dir)
    assert len(kept) == backups.KEEP
    assert kept[0][0] == (start + timedelta(days=19)).date()
    newest = json.loads(kept[0][1].read_text())
    # The backup holds the data as it was before that day's first write.
    assert len(newest["moments"]) == 19 * 2
