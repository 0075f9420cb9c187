"""How the main screens look at 80x24 (and larger). Review the report before accepting a change."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from imr_companion.models import Moment
from imr_companion.store import Database
from imr_companion.ui.app import CompanionApp
from tests.conftest import no_blink
from tests.helpers import fixed_folder, welcomed

TEXTS = ["Walked to the shop", "Tea with my sister", "Slept well", "Finished a puzzle", "Fed the ducks"]


@pytest.fixture
def seeded(data_dir: Path) -> Path:
    welcomed(data_dir, "Alex")
    db = Database.open(data_dir)
    records = []
    day = date(2026, 3, 18)
    for n in range(60):
        d = day - timedelta(days=n * 2)
        records.append(
            Moment(
                text=TEXTS[n % len(TEXTS)],
                day=d,
                created=datetime.combine(d, datetime.min.time()),
                together_with="Jo" if n == 3 else None,
            )
        )
    document = db.document()
    document["moments"] = {str(i): m.model_dump(mode="json") for i, m in enumerate(records, 1)}
    db.save_document(document)
    db.close()
    return data_dir


@pytest.fixture
def app_on(seeded: Path, open_app):
    return lambda: open_app(seeded)


def test_today(snap_compare, app_on):
    assert snap_compare(app_on(), terminal_size=(80, 24), run_before=no_blink)


def test_good_moments(snap_compare, app_on):
    assert snap_compare(app_on(), terminal_size=(80, 24), press=["escape", "3", "down"], run_before=no_blink)


def test_good_moments_large(snap_compare, app_on):
    assert snap_compare(app_on(), terminal_size=(120, 40), press=["escape", "3"], run_before=no_blink)


def test_welcome(snap_compare):
    # The welcome names the data folder, so it must be the same on every run.
    with fixed_folder("imr-companion-snapshot") as folder:
        db = Database.open(folder)
        try:
            assert snap_compare(CompanionApp(db), terminal_size=(80, 24), run_before=no_blink)
        finally:
            db.close()
