"""The session's undo history: what a change altered is put back on disk; nothing changed since is lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from imr_companion.models import Goal, Moment, Plan
from imr_companion.models.plan import PLAN_ID, Trigger
from imr_companion.store import Database, Repository, SaveError
from imr_companion.store.files import storage as storage_module
from imr_companion.store.undo import UndoHistory, reverted
from tests.goals_seed import others, swimming


def dumped(goal: Goal) -> dict:
    return goal.model_dump(mode="json")


def on_disk(folder: Path, model, record_id: str):
    db = Database.read_only(folder)
    try:
        return Repository.of(db, model).get(record_id)
    finally:
        db.close()


def test_undo_puts_the_ladder_back_and_never_loses_a_later_change():
    goal = swimming()
    climbed = goal.step_done("s3")
    before, after = dumped(goal), dumped(climbed)
    assert Goal.model_validate(reverted(after, before, after)).steps == goal.steps
    # The person renamed another step in between: only the done mark goes back.
    renamed = climbed.with_step(climbed.step("s4").model_copy(update={"text": "Swim 4 lengths"}))
    undone = Goal.model_validate(reverted(dumped(renamed), before, after))
    assert undone.step("s3").done_on is None and undone.step("s4").text == "Swim 4 lengths"
    # The step was deleted since: it stays deleted (nothing to put its mark on).
    assert Goal.model_validate(reverted(dumped(renamed.without_step("s3")), before, after)).step("s3") is None


def test_undoing_not_done_gives_the_step_its_done_day_back():
    goal = swimming()
    was = goal.step("s1").done_on
    assert was is not None
    back = goal.step_not_done("s1")
    before, after = dumped(goal), dumped(back)
    assert Goal.model_validate(reverted(after, before, after)).step("s1").done_on == was
    # Also when the ladder changed in between: the day it was done comes back, not "today" or none.
    renamed = back.with_step(back.step("s4").model_copy(update={"text": "Swim 4 lengths"}))
    undone = Goal.model_validate(reverted(dumped(renamed), before, after))
    assert undone.step("s1").done_on == was and undone.step("s4").text == "Swim 4 lengths"


def test_a_deleted_step_comes_back_in_its_place_beside_a_later_change():
    goal = swimming()
    without = goal.without_step("s2")
    renamed = without.touched(text="Swim again")
    undone = Goal.model_validate(reverted(dumped(renamed), dumped(goal), dumped(without)))
    assert [s.id for s in undone.steps] == [s.id for s in goal.steps]
    assert undone.text == "Swim again"


def test_a_deleted_record_comes_back_with_its_id_on_disk_and_again_and_again(data_dir: Path):
    db = Database.open(data_dir)
    moments = Repository.of(db, Moment)
    first, second = moments.add(Moment(text="Tea in the sun")), moments.add(Moment(text="A call with Jo"))
    history = UndoHistory(db)
    with history.change("The good moment is back.", (moments, first.id)):
        moments.remove(first.id)
    with history.change("The good moment is back.", (moments, second.id)):
        moments.remove(second.id)
    assert len(history) == 2
    assert history.undo() == "The good moment is back."
    assert history.undo() == "The good moment is back."
    assert history.undo() is None
    db.close()
    assert on_disk(data_dir, Moment, first.id) == first
    assert on_disk(data_dir, Moment, second.id) == second


def test_a_change_that_failed_is_not_remembered_and_nothing_unchanged_is(data_dir: Path):
    db = Database.open(data_dir)
    goals = Repository.of(db, Goal)
    goal = goals.add(others()[0])
    history = UndoHistory(db)
    with pytest.raises(SaveError), history.change("back", (goals, goal.id)):
        raise SaveError("the disk did not accept it")
    with history.change("back", (goals, goal.id)):
        pass  # nothing was changed: nothing to undo
    assert not history.offered
    db.close()


def test_undo_survives_a_failed_save_and_works_once_the_disk_is_back(data_dir: Path, monkeypatch):
    db = Database.open(data_dir)
    plans = Repository.of(db, Plan)
    plan = plans.save(Plan(triggers=[Trigger(text="Too little sleep"), Trigger(text="Loud places")]))
    history = UndoHistory(db)
    with history.change("It is back in your plan.", (plans, PLAN_ID)):
        plans.save(plan.touched(triggers=plan.triggers[1:]))
    real_write = storage_module._write_all

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage_module, "_write_all", full_disk)
    with pytest.raises(SaveError):
        history.undo()
    assert history.offered
    assert [t.text for t in plans.get(PLAN_ID).triggers] == ["Loud places"]
    monkeypatch.setattr(storage_module, "_write_all", real_write)
    assert history.undo() == "It is back in your plan."
    db.close()
    assert [t.text for t in on_disk(data_dir, Plan, PLAN_ID).triggers] == ["Too little sleep", "Loud places"]


def test_an_added_record_is_taken_away_and_settings_are_left_alone(data_dir: Path):
    db = Database.open(data_dir)
    moments = Repository.of(db, Moment)
    history = UndoHistory(db)
    moment = Moment(text="Added by mistake")
    with history.change("Taken away.", (moments, moment.id)):
        moments.add(moment)
    db.save_settings(db.settings().model_copy(update={"first_name": "Sam"}))
    assert history.undo() == "Taken away."
    assert moments.get(moment.id) is None
    assert db.settings().first_name == "Sam"
    db.close()
