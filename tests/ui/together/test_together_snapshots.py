"""How the share page, the session steps and "since we last met" look at 80x24. Review before accepting."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from imr_companion.models import PracticeTask
from imr_companion.store import Database, Repository
from tests.conftest import no_blink
from tests.together_seed import seed_everything


@pytest.fixture
def app_on(data_dir: Path, open_app):
    seed_everything(data_dir)
    db = Database.open(data_dir)
    Repository.of(db, PracticeTask).add(PracticeTask(text="Walk round the block", week_of=date(2026, 3, 9)))
    db.close()
    return lambda: open_app(data_dir)


def with_keys(*keys: str, together: str | None = None):
    async def run_before(pilot) -> None:
        pilot.app.together_with = together
        await pilot.press(*keys)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await no_blink(pilot)

    return run_before


def test_since_we_met(snap_compare, app_on):
    assert snap_compare(app_on(), terminal_size=(80, 24), run_before=with_keys("f2", "s"))


def test_share_page(snap_compare, app_on):
    assert snap_compare(app_on(), terminal_size=(80, 24), run_before=with_keys("f2", "p"))


@pytest.mark.parametrize("step", [0, 1, 2, 3, 4, 5])
def test_session_step(snap_compare, app_on, step: int):
    keys = ["f2", "w", *["ctrl+n"] * step]
    assert snap_compare(app_on(), terminal_size=(80, 24), run_before=with_keys(*keys, together="Jo"))


def test_together_menu_in_danish(snap_compare, app_on, data_dir: Path):
    db = Database.open(data_dir)
    db.save_settings(db.settings().model_copy(update={"language": "da", "checkup_weeks": 4}))
    db.close()
    assert snap_compare(app_on(), terminal_size=(80, 24), run_before=with_keys("f2"))
