"""ctrl+z, from anywhere: each delete, remove, let go and mark done is put back, on disk, as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from imr_companion.models import Goal, Moment, Person, Plan, PracticeTask, Reading, SessionNote
from imr_companion.models.plan import PLAN_ID
from imr_companion.models.practice import PracticeStatus
from imr_companion.store import Database, Repository
from imr_companion.store.files import storage as storage_module
from imr_companion.ui.common.dialogs.confirm import Confirm
from imr_companion.ui.common.lists.row_list import RowList
from tests.helpers import click_link, demo_folder, running, wait_until


@pytest.fixture(scope="module")
def demo_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_folder(tmp_path_factory.mktemp("demo"))


@pytest.fixture
def sam(demo_data: Path, data_dir: Path) -> Path:
    shutil.copytree(demo_data, data_dir)
    return data_dir


def on_disk(folder: Path, model, record_id: str):
    db = Database.read_only(folder)
    try:
        return Repository.of(db, model).get(record_id)
    finally:
        db.close()


def all_on_disk(folder: Path, model) -> list:
    db = Database.read_only(folder)
    try:
        return Repository.of(db, model).all()
    finally:
        db.close()


def notices(app) -> str:
    return " ".join(str(n.message) for n in app._notifications)


async def settle(pilot, times: int = 3) -> None:
    for _ in range(times):
        await pilot.pause()


async def choose_a_row(pilot) -> None:
    # The rows are read in the background after the screen opens: wait for them, however busy.
    def listed() -> bool:
        rows = pilot.app.screen.query(RowList)
        return bool(rows) and any(row.key for row in rows.first().rows)

    await wait_until(pilot, listed, "the rows were never listed")
    rows = pilot.app.screen.query_one(RowList)
    rows.focus()
    rows.move_to(next(i for i, row in enumerate(rows.rows) if row.key))
    await pilot.pause()


async def delete_and_undo(pilot, folder: Path, model, record_id: str, key: str = "d") -> None:
    """`key` asks, ctrl+d deletes, ctrl+z brings it back; the same record is on disk again."""
    was = on_disk(folder, model, record_id)
    assert was is not None
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(pilot.app.screen, Confirm)
    await pilot.press("ctrl+d")
    await settle(pilot)
    assert on_disk(folder, model, record_id) is None
    assert "ctrl+z brings" in notices(pilot.app)
    await pilot.press("ctrl+z")
    await settle(pilot)
    assert on_disk(folder, model, record_id) == was


async def test_a_deleted_good_moment_comes_back_again_and_again(sam: Path):
    async with running(sam) as (app, pilot):
        await app.switch_mode("moments")
        await choose_a_row(pilot)
        first = app.screen._selected()
        await delete_and_undo(pilot, sam, Moment, first.id)
        assert app.screen._selected() is not None
        # Two deletes; ctrl+z twice brings back both, newest first.
        gone = []
        for _ in range(2):
            gone.append(app.screen._selected())
            await pilot.press("d")
            await pilot.pause()
            await pilot.press("ctrl+d")
            await settle(pilot)
        assert all(on_disk(sam, Moment, m.id) is None for m in gone)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert on_disk(sam, Moment, gone[1].id) == gone[1] and on_disk(sam, Moment, gone[0].id) is None
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert on_disk(sam, Moment, gone[0].id) == gone[0]
        assert "The good moment is back." in notices(app)
        # The list shows it again.
        assert any(row.key == gone[0].id for row in app.screen.query_one(RowList).rows)


async def test_a_deleted_goal_and_step_and_a_step_done_come_back(sam: Path):
    async with running(sam) as (app, pilot):
        await app.switch_mode("goals")
        await settle(pilot)
        goal, step = app.screen.goal, app.screen.step
        app.screen.ladder.focus()
        await pilot.pause()
        # A step deleted from the ladder.
        was = on_disk(sam, Goal, goal.id)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("ctrl+d")
        await settle(pilot)
        assert on_disk(sam, Goal, goal.id).step(step.id) is None
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert on_disk(sam, Goal, goal.id) == was
        # A step marked done, and back.
        was = on_disk(sam, Goal, goal.id)
        await pilot.press("space")
        await settle(pilot)
        assert on_disk(sam, Goal, goal.id) != was
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert on_disk(sam, Goal, goal.id) == was
        # The step put into this week's practice, and taken off again.
        tasks = all_on_disk(sam, PracticeTask)
        await pilot.press("p")
        await settle(pilot)
        assert len(all_on_disk(sam, PracticeTask)) == len(tasks) + 1
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert all_on_disk(sam, PracticeTask) == tasks
        # The whole goal.
        app.screen.goal_list.focus()
        await pilot.pause()
        await delete_and_undo(pilot, sam, Goal, goal.id)


async def test_a_removed_plan_entry_comes_back_in_its_place(sam: Path):
    async with running(sam) as (app, pilot):
        await app.switch_mode("plan")
        await settle(pilot)
        app.screen.query_one("#entries").focus()
        await pilot.pause()
        was = on_disk(sam, Plan, PLAN_ID)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("ctrl+d")
        await settle(pilot)
        assert on_disk(sam, Plan, PLAN_ID) != was
        assert "Removed. ctrl+z brings it back." in notices(app)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert on_disk(sam, Plan, PLAN_ID) == was


async def test_a_person_taken_off_the_card_comes_back(sam: Path):
    async with running(sam) as (app, pilot):
        await app.switch_mode("network")
        await settle(pilot)
        person = app.screen._person()
        await delete_and_undo(pilot, sam, Person, person.id)
        assert f"{person.name} is back on your card." in notices(app)


async def test_practice_done_let_go_and_delete_are_undone(sam: Path):
    from imr_companion.ui.handouts.practice import open_practice

    async with running(sam) as (app, pilot):
        await app.switch_mode("handouts")
        open_practice(app)
        await settle(pilot)
        await choose_a_row(pilot)
        task = app.screen._selected()
        was = on_disk(sam, PracticeTask, task.id)
        for key in ("ctrl+x", "ctrl+l"):
            await pilot.press(key)
            await settle(pilot)
            assert on_disk(sam, PracticeTask, task.id) != was
            assert "ctrl+z undoes it" in notices(app)
            await pilot.press("ctrl+z")
            await settle(pilot)
            assert on_disk(sam, PracticeTask, task.id) == was
        await delete_and_undo(pilot, sam, PracticeTask, task.id)


async def test_todays_practice_and_goal_cards_are_undone(sam: Path):
    async with running(sam) as (app, pilot):
        await settle(pilot)
        tasks_before = {t.id: t for t in all_on_disk(sam, PracticeTask)}
        for words, status in (("Done", PracticeStatus.DONE), ("Let go", PracticeStatus.LET_GO)):
            await click_link(pilot, "#practice-actions", words)
            await settle(pilot)
            changed = [t for t in all_on_disk(sam, PracticeTask) if t != tasks_before[t.id]]
            assert [t.status for t in changed] == [status]
            await pilot.press("ctrl+z")
            await settle(pilot)
            assert {t.id: t for t in all_on_disk(sam, PracticeTask)} == tasks_before
        # The goal card's step: done, then its own Undo button (the same undo as ctrl+z).
        goals_before = all_on_disk(sam, Goal)
        await click_link(pilot, "#goal-next", "Done")
        await settle(pilot)
        assert all_on_disk(sam, Goal) != goals_before
        assert app.screen.query_one("#goal-card").shows_part("goal-done-line")
        await click_link(pilot, "#goal-done-line", "Undo")
        await settle(pilot)
        assert all_on_disk(sam, Goal) == goals_before
        assert not app.screen.query_one("#goal-card").shows_part("goal-done-line")


async def test_the_sessions_practice_step_is_undone(sam: Path):
    from imr_companion.ui.together.session import SessionScreen

    async with running(sam) as (app, pilot):
        await app.push_screen(SessionScreen())
        await pilot.pause()
        await pilot.press("ctrl+n")
        await settle(pilot)
        step = app.screen.query_one("#step-review")
        # The first task still open (Sam's data may have done some already).
        index = next(i for i, t in enumerate(step.tasks) if t.status is PracticeStatus.OPEN)
        task = step.tasks[index]
        was = on_disk(sam, PracticeTask, task.id)
        # From the "How it went" field to the list, where its keys work.
        await pilot.press("tab", *["down"] * index, "ctrl+x")
        await settle(pilot)
        assert on_disk(sam, PracticeTask, task.id).status is PracticeStatus.DONE
        assert step.lines()
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert on_disk(sam, PracticeTask, task.id) == was
        # Undone is not in the note either.
        assert step.lines() == []


async def test_module_done_and_a_task_added_in_the_reader_are_undone(sam: Path):
    from imr_companion import content
    from imr_companion.ui.handouts.reader import ReaderScreen

    handout = content.handout("medication")
    async with running(sam) as (app, pilot):
        await app.switch_mode("handouts")
        app.read_handout(handout.id, handout.sections[-1].id)
        await settle(pilot, 6)
        assert isinstance(app.screen, ReaderScreen)
        was = on_disk(sam, Reading, handout.id)
        await pilot.press("ctrl+x")
        await settle(pilot)
        assert on_disk(sam, Reading, handout.id).done != (was.done if was else False)
        await pilot.press("ctrl+z")
        await settle(pilot, 6)
        assert on_disk(sam, Reading, handout.id) == was
        assert "The module is marked as it was before." in notices(app)
        tasks = {t.id for t in all_on_disk(sam, PracticeTask)}
        # As Tab reaches it: a task's Add, then Enter.
        next(b for b in app.screen.query(".suggestion") if not b.disabled).focus()
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert len(all_on_disk(sam, PracticeTask)) == len(tasks) + 1
        await pilot.press("ctrl+z")
        await settle(pilot, 6)
        assert {t.id for t in all_on_disk(sam, PracticeTask)} == tasks


async def test_a_removed_session_note_comes_back(sam: Path):
    from imr_companion.ui.together.session_notes import SessionNotesScreen

    async with running(sam) as (app, pilot):
        await app.push_screen(SessionNotesScreen())
        await settle(pilot)
        app.screen.query_one("#notes").highlighted = 0
        note = app.screen.notes[0]
        await delete_and_undo(pilot, sam, SessionNote, note.id, key="x")


async def test_undo_is_still_offered_after_a_failed_save(sam: Path, monkeypatch):
    async with running(sam) as (app, pilot):
        await app.switch_mode("moments")
        await choose_a_row(pilot)
        moment = app.screen._selected()
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("ctrl+d")
        await settle(pilot)
        assert on_disk(sam, Moment, moment.id) is None
        real_write = storage_module._write_all

        def full_disk(*args, **kwargs):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(storage_module, "_write_all", full_disk)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert "could not be saved" in notices(app)
        assert app.undo_history.offered
        assert on_disk(sam, Moment, moment.id) is None
        monkeypatch.setattr(storage_module, "_write_all", real_write)
        # With the mouse too: the list of all actions (ctrl+p, "More") offers it.
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Undo" in titles
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert on_disk(sam, Moment, moment.id) == moment
        assert not app.undo_history.offered
        assert "Undo" not in [command.title for command in app.get_system_commands(app.screen)]
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert "There is nothing to undo." in notices(app)
