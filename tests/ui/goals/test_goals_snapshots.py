"""How the goal ladder looks with a half-climbed goal, at 80x24 and at 120x40."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import no_blink
from tests.goals_seed import seed_goals


@pytest.fixture
def app_on(data_dir: Path, open_app):
    seed_goals(data_dir)
    return lambda: open_app(data_dir)


def test_goal_ladder(snap_compare, app_on):
    assert snap_compare(app_on(), terminal_size=(80, 24), press=["escape", "4"], run_before=no_blink)


def test_goal_ladder_large(snap_compare, app_on):
    assert snap_compare(app_on(), terminal_size=(120, 40), press=["escape", "4"], run_before=no_blink)


def test_today_with_the_goal_card(snap_compare, app_on):
    assert snap_compare(app_on(), terminal_size=(80, 24), run_before=no_blink)
