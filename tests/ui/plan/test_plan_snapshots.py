"""How My plan, Help now and the check-in look at 80x24. Review the report before accepting a change."""

from __future__ import annotations

from pathlib import Path

import pytest

from imr_companion.models import Person, PlanVersion
from tests.conftest import no_blink
from tests.helpers import to_card
from tests.plan_seed import PHONE, SLEEP, TODAY, sample_plan, seed_plan


@pytest.fixture
def app_on(data_dir: Path, open_app):
    plan = sample_plan()
    earlier = PlanVersion(reviewed_on=TODAY.replace(month=2, day=2), content=plan.snapshot())
    seed_plan(
        data_dir,
        plan.model_copy(update={"signs": [SLEEP, PHONE]}),
        checkins={n: [] for n in range(3, 30) if n % 5} | {1: [SLEEP], 2: [SLEEP, PHONE], 8: [PHONE]},
        versions=[earlier],
        people=[Person(name="Maria", notices_signs=True)],
    )
    return lambda: open_app(data_dir)


def test_plan(snap_compare, app_on):
    assert snap_compare(app_on(), terminal_size=(80, 24), press=["escape", "6", "down", "down", "right"])


def test_plan_large(snap_compare, app_on):
    assert snap_compare(app_on(), terminal_size=(120, 40), press=["escape", "6", "down", "down", "down"])


def test_help_now(snap_compare, app_on):
    assert snap_compare(app_on(), terminal_size=(80, 24), press=["f1"], run_before=no_blink)


def test_today_with_check_in_and_note(snap_compare, app_on):
    assert snap_compare(app_on(), terminal_size=(80, 24), run_before=no_blink)


def test_check_in(snap_compare, app_on):
    async def on_the_card(pilot) -> None:
        await to_card(pilot, "checkin-card")  # c checks in there; in the field it is a letter

    keys = ["c", "down", "space"]
    assert snap_compare(app_on(), terminal_size=(80, 24), press=keys, run_before=on_the_card)


def test_check_in_history(snap_compare, app_on):
    assert snap_compare(app_on(), terminal_size=(80, 24), press=["escape", "6", "h"])


def test_help_now_in_a_fresh_folder_over_the_welcome(snap_compare, data_dir: Path, open_app, monkeypatch):
    monkeypatch.setenv("LANG", "da_DK.UTF-8")
    assert snap_compare(open_app(data_dir), terminal_size=(80, 24), press=["f1"], run_before=no_blink)


def test_help_now_add_a_number(snap_compare, app_on):
    assert snap_compare(app_on(), terminal_size=(80, 24), press=["f1", "a"], run_before=no_blink)


def test_help_now_emergency_number(snap_compare, app_on):
    assert snap_compare(app_on(), terminal_size=(80, 24), press=["f1", "e"], run_before=no_blink)


@pytest.fixture
def danish_app_on(data_dir: Path, app_on):
    """The same plan, for a person in Region Hovedstaden whose app speaks Danish."""
    from imr_companion.store import Database

    db = Database.open(data_dir)
    db.save_settings(db.settings().model_copy(update={"language": "da", "region": "DK-84"}))
    db.close()
    return app_on


def test_plan_in_danish(snap_compare, danish_app_on):
    keys = ["escape", "6", "down", "down", "right"]
    assert snap_compare(danish_app_on(), terminal_size=(80, 24), press=keys)


def test_help_now_in_danish(snap_compare, danish_app_on):
    assert snap_compare(danish_app_on(), terminal_size=(80, 24), press=["f1"], run_before=no_blink)
