"""Every form, every way out: Esc, ctrl+q, switching area. What was typed is kept or asked about."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Button, Input

from imr_companion.models import Moment, Person, PracticeTask
from imr_companion.models.practice import week_start
from imr_companion.store import Database, Repository
from imr_companion.ui.common.dialogs.confirm import Confirm
from imr_companion.ui.common.dialogs.dialog import EditorDialog
from imr_companion.ui.common.quitting import QuitQuestion
from tests.goals_seed import seed_goals, stored_goals
from tests.helpers import click_bar, running, type_text, welcomed
from tests.plan_seed import sample_plan, seed_plan


def seed(folder: Path) -> None:
    welcomed(folder)
    seed_goals(folder)
    db = Database.open(folder)
    Repository.of(db, Person).add(Person(name="Jo"))
    Repository.of(db, Moment).add(Moment(text="Sunny bench", day=date(2026, 3, 18)))
    Repository.of(db, PracticeTask).add(PracticeTask(text="Walk", week_of=week_start(date(2026, 3, 18))))
    db.close()


# How a person opens each editor from Today: keys pressed, and the field to type in.
EDITORS = {
    "new goal": (["escape", "4", "left", "n"], "#text"),
    "new step": (["escape", "4", "a"], "#text"),
    "change goal": (["escape", "4", "left", "e"], "#why"),
    "plan entry": (["escape", "6", "a"], "#text"),
    "plan helper": (["escape", "6", "down", "down", "down", "down", "a"], "#name"),
    "person": (["escape", "5", "a"], "#name"),
    "change person": (["escape", "5", "e"], "#note"),
    "good moment": (["escape", "3", "e"], "#text"),
    "practice task": (["escape", "2", "p", "tab", "e"], "#text"),  # Tab: from the field to the list
}


async def open_editor(app, pilot, name: str) -> EditorDialog:
    keys, field = EDITORS[name]
    for key in keys:
        await pilot.press(key)
        await pilot.pause()
    editor = app.screen
    assert isinstance(editor, EditorDialog), name
    editor.query_one(field).focus()
    await pilot.press("end")
    await type_text(pilot, " Tea")
    await pilot.pause()
    return editor


def typed_in(editor: EditorDialog, name: str) -> str:
    field = editor.query_one(EDITORS[name][1])
    return field.text if hasattr(field, "text") and not isinstance(field, Input) else field.value


@pytest.mark.parametrize("name", list(EDITORS))
async def test_every_editor_asks_before_esc_or_ctrl_q_and_keeps_its_words_across_areas(
    data_dir: Path, name: str
):
    seed(data_dir)
    async with running(data_dir) as (app, pilot):
        editor = await open_editor(app, pilot, name)
        assert typed_in(editor, name).endswith(" Tea")

        # Esc asks; the safe answer comes first and has the focus.
        await pilot.press("escape")
        await pilot.pause()
        question = app.screen
        assert isinstance(question, Confirm)
        buttons = list(question.query(Button))
        assert str(buttons[0].label).startswith("Keep writing") and question.focused is buttons[0]
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is editor and typed_in(editor, name).endswith(" Tea")

        # ctrl+q asks too; keeping goes back to the words.
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitQuestion)
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running and app.screen is editor

        # Another area and back (the digit keys' action): the editor is still there, words and all.
        mode = app.current_mode
        app.action_open_area("today" if mode != "today" else "moments")
        await pilot.pause()
        await pilot.press("ctrl+q")  # asked from another area: keeping goes back to the words
        await pilot.pause()
        assert isinstance(app.screen, QuitQuestion)
        await pilot.press("n")
        await pilot.pause()
        assert app.current_mode == mode and app.screen is editor
        assert typed_in(editor, name).endswith(" Tea")

        # Closing for real is a choice the person makes.
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert app.screen is not editor and not isinstance(app.screen, Confirm)


@pytest.mark.parametrize("name", list(EDITORS))
async def test_an_editor_left_as_it_opened_closes_without_asking(data_dir: Path, name: str):
    seed(data_dir)
    seed_plan(data_dir, sample_plan(), people=[Person(name="Ana", call_for_help=True, notices_signs=True)])
    async with running(data_dir) as (app, pilot):
        for key in EDITORS[name][0]:
            await pilot.press(key)
            await pilot.pause()
        editor = app.screen
        assert isinstance(editor, EditorDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not editor and not isinstance(app.screen, Confirm)


async def test_an_unchanged_editor_closes_at_once_and_ctrl_q_quits_at_once(data_dir: Path):
    seed(data_dir)
    async with running(data_dir) as (app, pilot):
        await pilot.press("escape", "4", "left", "n")
        await pilot.pause()
        assert isinstance(app.screen, EditorDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, (EditorDialog, Confirm))
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_quit_without_saving_when_the_person_says_so(data_dir: Path):
    seed(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_editor(app, pilot, "new goal")
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert not app.is_running
    assert not any(g.text.endswith("Tea") for g in stored_goals(data_dir).values())


async def test_todays_good_moment_field_keeps_its_words_and_quitting_asks(data_dir: Path):
    seed(data_dir)
    async with running(data_dir) as (app, pilot):
        field = app.screen.query_one("#moment-input", Input)
        field.focus()
        await type_text(pilot, "A warm bath")
        await pilot.press("escape")  # leaves the field, keeps the words
        await pilot.pause()
        assert field.value == "A warm bath"
        await pilot.press("4")
        await pilot.pause()
        await click_bar(pilot, "today")
        await pilot.pause()
        assert app.current_mode == "today" and field.value == "A warm bath"
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitQuestion)
        await pilot.press("n")
        await pilot.pause()
        assert app.is_running and field.value == "A warm bath"


async def test_a_handout_answer_is_saved_when_switching_area(data_dir: Path):
    from imr_companion.models import Answer

    welcomed(data_dir)
    async with running(data_dir) as (_app, pilot):
        await pilot.press("escape", "2")
        await pilot.pause()
        await pilot.press("enter")  # the first module
        await pilot.pause()
        await pilot.press("n", "tab")
        await pilot.pause()
        await type_text(pilot, "Half a thought")
        await click_bar(pilot, "goals")
        await pilot.pause()
        db = Database.read_only(data_dir)
        answers = Repository.of(db, Answer).all()
        assert [a.text for a in answers] == ["Half a thought"]


async def test_the_together_prompt_and_the_practice_field_keep_their_words(data_dir: Path):
    seed(data_dir)
    async with running(data_dir) as (app, pilot):
        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.click("#name")  # past the network card's names, to write one
        await type_text(pilot, "Kim")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("enter")  # Keep writing
        await pilot.press("enter")  # Start
        await pilot.pause()
        assert app.together_with == "Kim"
        await pilot.press("escape", "2", "p")  # on Today the digit would type: Esc first
        await pilot.pause()
        field = app.screen.query_one("#new-task", Input)
        field.focus()
        await type_text(pilot, "Walk to the park")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitQuestion)
        await pilot.press("n")
        await pilot.pause()
        assert app.is_running and field.value == "Walk to the park"


async def test_a_name_typed_on_the_welcome_is_asked_about_before_quitting(data_dir: Path):
    async with running(data_dir) as (app, pilot):
        await type_text(pilot, "Robin")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitQuestion)
        await pilot.press("n")
        await pilot.pause()
        assert app.is_running and app.screen.query_one("#name", Input).value == "Robin"
