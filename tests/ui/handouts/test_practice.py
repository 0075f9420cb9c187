"""This week's practice: added from a handout or typed, ticked or let go on Today and in the list."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from textual import events
from textual.widgets import Button, Input

from imr_companion import content
from imr_companion.models import PracticeTask, Reading
from imr_companion.models.practice import PracticeStatus
from imr_companion.store import Database, Repository
from imr_companion.ui.common.lists.row_list import RowList
from tests.helpers import click_link, running, to_card, type_text, welcomed
from tests.ui.handouts.test_handouts_reader import open_library, open_module, read_on, text_of


def stored_tasks(folder: Path) -> list[PracticeTask]:
    return sorted(Repository.of(Database.read_only(folder), PracticeTask).all(), key=lambda t: t.created)


def seed(folder: Path, *tasks: PracticeTask) -> None:
    welcomed(folder)
    db = Database.open(folder)
    for task in tasks:
        Repository.of(db, PracticeTask).add(task)
    db.close()


def stopped_at_try_this_week(folder: Path) -> None:
    """A welcomed folder whose reader stopped at module 1's 'Try this week'."""
    welcomed(folder)
    db = Database.open(folder)
    Repository.of(db, Reading).add(Reading.of("recovery-strategies").touched(current="try-this-week"))
    db.close()


async def continue_to_try_this_week(pilot) -> None:
    await open_library(pilot)
    await pilot.press("c")  # Continue: straight to 'Try this week'
    await pilot.pause()


async def test_add_from_try_this_week_then_tick_and_let_go_on_today(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_module(pilot, 1)
        await read_on(pilot, 10)
        assert text_of(app, "#position") == "11 of 11"
        # A letter adds nothing (a word typed here must not): Tab to a task's Add, or a click.
        await pilot.press("a")
        await pilot.pause()
        assert stored_tasks(data_dir) == []
        await pilot.press("tab", "enter")
        await pilot.pause()
        await pilot.click("#suggestion-1")
        await pilot.pause()
        assert [str(b.label) for b in app.screen.query(".suggestion").results(Button)] == [
            "✓ Added",
            "✓ Added",
        ]
        assert len(stored_tasks(data_dir)) == 2
        # After the last Add the focus is in the own-task field: Escape leaves it, then 1 is Today.
        await pilot.press("escape", "1")
        await pilot.pause()
        assert text_of(app, "#practice-task") == "○ Write down one good moment each day."
        assert text_of(app, "#practice-actions").endswith("  1 more open")
        # The card's keys work once the person has moved to it.
        await to_card(pilot, "practice-card")
        await pilot.press("t")
        await pilot.pause()
        assert text_of(app, "#practice-task") == "○ Take the first small step on your goal ladder."
        await pilot.press("l")
        await pilot.pause()
        assert text_of(app, "#practice-task") == "✓ 1 done this week."
    done, let_go = stored_tasks(data_dir)
    # Each names the handout's task by its id, so it is found again in any language.
    assert done.source == "handout:recovery-strategies:good-moment-daily"
    assert let_go.source == "handout:recovery-strategies:first-goal-step"
    assert done.week_of == date(2026, 3, 16)
    assert (done.status, done.finished_on) == (PracticeStatus.DONE, date(2026, 3, 18))
    assert let_go.status == PracticeStatus.LET_GO


async def test_after_add_the_focus_moves_on_so_what_is_typed_next_goes_into_the_own_task(data_dir: Path):
    stopped_at_try_this_week(data_dir)
    async with running(data_dir) as (app, pilot):
        await continue_to_try_this_week(pilot)
        assert text_of(app, "#position") == "11 of 11"
        focused = lambda: app.screen.focused  # noqa: E731
        await pilot.press("tab", "enter")
        await pilot.pause()
        # The Add pressed is disabled: the focus is on the next Add, never on nothing (where
        # letters would turn the page), and Tab goes on from there to the own-task field.
        assert focused() is app.screen.query_one("#suggestion-1")
        await pilot.press("enter")  # the last Add: on to the field for a task of one's own
        await pilot.pause()
        assert focused() is app.screen.query_one("#own-task")
        await type_text(pilot, "now bake")  # the reader's letters (n, b) go into the field
        await pilot.pause()
        assert app.screen.query_one("#own-task", Input).value == "now bake"
        assert text_of(app, "#position") == "11 of 11"
        await pilot.press("enter", "ctrl+z")  # undo takes off the last added: the own task
        await pilot.pause()
    assert [t.source for t in stored_tasks(data_dir)] == [
        "handout:recovery-strategies:good-moment-daily",
        "handout:recovery-strategies:first-goal-step",
    ]


async def test_a_suggestion_shows_as_added_by_its_id_or_by_the_words_of_before_the_ids(data_dir: Path):
    seed(
        data_dir,
        # Added in another language: other words, the same id.
        PracticeTask(
            text="Skriv et godt øjeblik ned hver dag.", source="handout:recovery-strategies:good-moment-daily"
        ),
        # Added before tasks had ids (and not matched by the migration): its English words.
        PracticeTask(
            text="Take the first small step on your goal ladder.", source="handout:recovery-strategies"
        ),
    )
    async with running(data_dir) as (app, pilot):
        await open_module(pilot, 1)
        await read_on(pilot, 10)
        assert [str(b.label) for b in app.screen.query(".suggestion").results(Button)] == [
            "✓ Added",
            "✓ Added",
        ]
        await pilot.press("a")
        await pilot.pause()
    assert len(stored_tasks(data_dir)) == 2


async def test_a_task_of_your_own_is_kept_even_without_enter(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_module(pilot, 4)
        # On to the last section, "Try this week", however many the module has.
        module = content.handout("social-support")
        assert module is not None
        await read_on(pilot, len(module.sections) - 1)
        app.screen.query_one("#own-task", Input).focus()
        await type_text(pilot, "Say hello to Kim")
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert app.screen.query("#modules")
    [task] = stored_tasks(data_dir)
    assert task.text == "Say hello to Kim" and task.source == "handout:social-support"


async def test_the_practice_list_adds_ticks_lets_go_changes_and_deletes(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_library(pilot)
        await pilot.press("p")
        await pilot.pause()
        assert "Nothing here yet" in text_of(app, "#empty")
        # The field has the focus on arrival: what is typed is a task, never the list's keys.
        assert app.screen.query_one("#new-task", Input).has_focus
        await pilot.press("enter")
        await pilot.pause()
        assert "Write a few words first" in text_of(app, "#new-task-message")
        field = app.screen.query_one("#new-task", Input)
        field.value = "y" * 230
        await pilot.press("enter")
        await pilot.pause()
        assert "up to 200 characters" in text_of(app, "#new-task-message")
        assert field.value == "y" * 230
        field.value = ""
        await type_text(pilot, "Walk to the park")
        await pilot.press("enter", "tab")  # Tab moves to the list, where its keys work
        await pilot.pause()
        rows = app.screen.query_one(RowList)
        assert [r.text for r in rows.rows] == ["This week, from Monday 16 March", "○ Walk to the park"]
        await pilot.press("ctrl+x")
        await pilot.pause()
        assert rows.current.text == "✓ Walk to the park" and rows.current.detail == "done Wed 18 Mar"
        assert stored_tasks(data_dir)[0].status == PracticeStatus.DONE
        await pilot.press("ctrl+x")  # again: open once more
        await pilot.pause()
        assert stored_tasks(data_dir)[0].status == PracticeStatus.OPEN
        await pilot.click("#let-go")
        await pilot.pause()
        assert rows.current.text == "– Walk to the park" and rows.current.detail == "let go"
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("end")
        await type_text(pilot, " and back")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert stored_tasks(data_dir)[0].text == "Walk to the park and back"
        await pilot.press("tab", "d")  # back from a window the field has the focus again
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert len(stored_tasks(data_dir)) == 1
        await pilot.press("tab", "d")
        await pilot.pause()
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert stored_tasks(data_dir) == []


async def test_today_shows_only_this_weeks_open_tasks(data_dir: Path):
    earlier = datetime(2026, 3, 10, 9)
    seed(
        data_dir,
        PracticeTask(text="Last week's walk", week_of=date(2026, 3, 9), created=earlier),
        PracticeTask(text="[b]Swim[/b] on Tuesday", week_of=date(2026, 3, 16)),
    )
    async with running(data_dir) as (app, pilot):
        assert text_of(app, "#practice-task") == "○ [b]Swim[/b] on Tuesday"
        await click_link(pilot, "#practice-actions", "Done")
        assert text_of(app, "#practice-task") == "✓ 1 done this week."
        await click_link(pilot, "#practice-actions", "All")
        rows = [r.text for r in app.screen.query_one(RowList).rows]
        assert rows == [
            "This week, from Monday 16 March",
            "✓ [b]Swim[/b] on Tuesday",
            "Week of 9 March 2026",
            "○ Last week's walk",
        ]


async def test_no_practice_this_week_hides_the_card(data_dir: Path):
    seed(data_dir, PracticeTask(text="Old task", week_of=date(2026, 2, 2)))
    async with running(data_dir) as (app, _pilot):
        assert not app.screen.query_one("#practice-card").display


async def test_words_typed_on_arrival_are_a_task_and_never_the_lists_keys(data_dir: Path):
    """ "daily walk" typed where the screen invites a task once deleted a task (d, then y in "daily")."""
    seed(data_dir, PracticeTask(text="Swim on Tuesday", week_of=date(2026, 3, 16)))
    async with running(data_dir) as (app, pilot):
        await open_library(pilot)
        await pilot.press("p")
        await pilot.pause()
        await type_text(pilot, "day dry dye yes daily walk")
        await pilot.press("enter")
        await pilot.pause()
        # And quickly, as a fast typist or a terminal sends them: every key still in the field.
        for character in "lex daily":
            key = events.Key("space" if character == " " else character, character)
            key.set_sender(app)
            app._driver.send_message(key)
        await pilot.pause()
        assert app.screen.query_one("#new-task", Input).value == "lex daily"
        # Esc keeps words not yet added as a task, and goes back.
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ != "PracticeScreen"
    tasks = stored_tasks(data_dir)
    assert [(t.text, t.status) for t in tasks] == [
        ("Swim on Tuesday", PracticeStatus.OPEN),
        ("day dry dye yes daily walk", PracticeStatus.OPEN),
        ("lex daily", PracticeStatus.OPEN),
    ]


async def test_undo_while_an_own_task_is_typed_keeps_the_words_in_the_field_not_as_a_task(data_dir: Path):
    stopped_at_try_this_week(data_dir)
    async with running(data_dir) as (app, pilot):
        await continue_to_try_this_week(pilot)
        await pilot.press("tab", "enter", "tab")  # the first Add, then on to the own-task field
        await pilot.pause()
        await type_text(pilot, "walk by the sea")
        assert [t.text for t in stored_tasks(data_dir)] == ["Write down one good moment each day."]
        await pilot.press("ctrl+z")  # takes the Add back; the words typed are not chosen yet
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert stored_tasks(data_dir) == []
        field = app.screen.query_one("#own-task", Input)
        assert (field.value, app.screen.focused) == ("walk by the sea", field)
        assert str(app.screen.query_one("#suggestion-0", Button).label) == "Add"
        await pilot.press("f1", "escape")  # a window over the page (Help now, the palette) adds nothing
        await pilot.pause()
        assert stored_tasks(data_dir) == []
        field.focus()
        await pilot.press("enter")  # they become a task when the person says so
        await pilot.pause()
        assert [t.text for t in stored_tasks(data_dir)] == ["walk by the sea"]
