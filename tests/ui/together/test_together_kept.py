"""The together mark end to end: given by the store to what is written beside a contact person, on every
screen that writes, never lost or overwritten afterwards, and counted in "since we last met"."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from imr_companion import clock
from imr_companion.models import Goal, Person
from imr_companion.store import Database, Repository
from imr_companion.store.queries.since import default_start, since
from tests.goals_seed import seed_goals
from tests.helpers import running


def stored(folder: Path, model, record_id: str):
    return Repository.of(Database.read_only(folder), model).get(record_id)


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


async def test_a_mark_given_together_stays_when_changed_alone_or_with_someone_else(data_dir: Path):
    seed_goals(data_dir)
    db = Database.open(data_dir)
    Repository.of(db, Person).add(Person(id="priya", name="Priya"))
    db.close()
    async with running(data_dir) as (app, pilot):
        app.together_with = "Anne"
        # Goals: the next step climbed together is marked (not its goal: its words did not change).
        await pilot.press("escape", "4")
        await settle(pilot)
        await pilot.press("space")
        await settle(pilot)
        assert stored(data_dir, Goal, "swimming").step("s3").together_with == "Anne"
        assert stored(data_dir, Goal, "swimming").together_with is None
        # Network: moved closer together.
        await pilot.press("escape", "5")
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert stored(data_dir, Person, "priya").together_with == "Anne"
        # Alone, then with Bob: the mark stays Anne's.
        app.together_with = None
        await pilot.press("o")
        await settle(pilot)
        assert stored(data_dir, Person, "priya").ring.value == "close"
        assert stored(data_dir, Person, "priya").together_with == "Anne"
        app.together_with = "Bob"
        await pilot.press("o")
        await settle(pilot)
        assert stored(data_dir, Person, "priya").ring.value == "further"
        assert stored(data_dir, Person, "priya").together_with == "Anne"
        await pilot.press("escape", "4")
        await settle(pilot)
        await pilot.press("space")
        await settle(pilot)
    goal = stored(data_dir, Goal, "swimming")
    assert (goal.step("s3").together_with, goal.step("s4").together_with) == ("Anne", "Bob")
    assert goal.step("s2").together_with is None  # climbed alone, before
    # The next day, "since we last met" starts on the day the steps were climbed together, and lists them.
    clock.fix(datetime(2026, 3, 19, 10))
    db = Database.read_only(data_dir)
    assert default_start(db) == date(2026, 3, 18)
    climbed = [step for _, step in since(db, date(2026, 3, 18)).steps]
    assert climbed == ["Get into the water once", "Swim four lengths"]
