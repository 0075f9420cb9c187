"""How the goal ladder looks with a half-climbed goal, at 80x24 and at 120x40."""

from __future__ import annotations

from pathlib import Path

import pytest

from imr_companion.store import Database
from imr_companion.ui.app import CompanionApp

from .goals_data import seed_goals
from .test_snapshots import no_blink


@pytest.fixture
def app_on(data_dir: Path):
    seed_goals(data_dir)
    opened: list[Database] = []

    def make() -> CompanionApp:
        db = Database.open(data_dir)
        opened.append(db)
        return CompanionApp(db)

    yield make
    for db in opened:
        db.close()


def test_goal_ladder(snap_compare, app_on):
    assert snap_compare(app_on(), terminal_size=(80, 24), press=["escape", "4"], run_before=no_blink)


def test_goal_ladder_large(snap_compare, app_on):
    assert snap_compare(app_on(), terminal_size=(120, 40), press=["escape", "4"], run_before=no_blink)


def test_today_with_the_goal_card(snap_compare, app_on):
    assert snap_compare(app_on(), terminal_size=(80, 24), run_before=no_blink)
