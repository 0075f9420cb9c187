"""My plan, driven with keys and clicks as a person would, then read back from the store."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Select

from imr_companion.models import Person, PlanVersion
from imr_companion.models.plan import SECTIONS
from imr_companion.store import Database, Repository
from imr_companion.store.files import storage as storage_module
from imr_companion.ui.common.dialogs.confirm import Confirm
from imr_companion.ui.common.lists.row_list import RowList
from imr_companion.ui.plan.editor import EntryEditor, PlanReminders
from tests.helpers import click_bar, running, type_text, welcomed
from tests.plan_seed import TODAY, sample_plan, seed_plan, stored_plan


def entry_rows(app) -> list[str]:
    return [row.text for row in app.screen.query_one("#entries", RowList).rows]


def text_of(app, selector: str) -> str:
    return app.screen.query_one(selector).render().plain


async def open_plan(pilot) -> None:
    await pilot.press("escape", "6")
    await pilot.pause()


async def go_to_section(pilot, index: int) -> None:
    """Click the section's name (the list has a border above its first row)."""
    await pilot.click("#sections", offset=(3, index + 1))
    await pilot.pause()


# What a person types for one entry of each section, field by field (Tab between).
TYPED = {
    "well": ["I cook"],
    "triggers": ["No sleep"],
    "signs": ["Pacing", "Maria"],
    "steps": ["Call Jo"],
    "helpers": ["Jo", "020 555"],
    "helped": ["Walks"],
    "unhelpful": ["Coffee"],
    "crisis": ["Clinic", "0800 5"],
}


async def test_every_section_takes_an_entry_and_keeps_it_after_a_restart(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_plan(pilot)
        for index, section in enumerate(SECTIONS):
            await go_to_section(pilot, index)
            await pilot.press("a")
            await pilot.pause()
            assert isinstance(app.screen, EntryEditor)
            for number, words in enumerate(TYPED[section.field]):
                if number:
                    await pilot.press("tab")
                await type_text(pilot, words)
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen.query_one("#sections") is not None, section.field
    plan = stored_plan(data_dir)
    assert [s.text for s in plan.well] == ["I cook"]
    assert [s.text for s in plan.triggers] == ["No sleep"]
    assert [(s.text, s.noticed_by) for s in plan.signs] == [("Pacing", "Maria")]
    assert [s.text for s in plan.steps] == ["Call Jo"]
    assert [(h.name, h.reach) for h in plan.helpers] == [("Jo", "020 555")]
    assert [s.text for s in plan.helped] == ["Walks"]
    assert [s.text for s in plan.unhelpful] == ["Coffee"]
    assert [(c.name, c.reach) for c in plan.crisis] == [("Clinic", "0800 5")]
    async with running(data_dir) as (app, pilot):
        await open_plan(pilot)
        await go_to_section(pilot, 4)
        assert entry_rows(app) == ["Jo"]
        assert "1" in [row.detail for row in app.screen.query_one("#sections", RowList).rows]


async def test_change_move_and_remove_with_keys_and_mouse(data_dir: Path):
    seed_plan(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_plan(pilot)
        await pilot.press("down", "down", "down")
        await pilot.pause()
        assert entry_rows(app) == ["1. Tell Maria how I feel", "2. Go to bed at eleven"]
        await pilot.press("right", "down", "shift+up")
        await pilot.pause()
        assert entry_rows(app) == ["1. Go to bed at eleven", "2. Tell Maria how I feel"]
        await pilot.click("#down")
        await pilot.pause()
        assert entry_rows(app) == ["1. Tell Maria how I feel", "2. Go to bed at eleven"]
        await pilot.press("e")
        await pilot.pause()
        # The field keeps its words on focus (cursor at the end): select them to write anew.
        await pilot.press("shift+home")
        await type_text(pilot, "Go to bed by eleven")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert entry_rows(app) == ["1. Tell Maria how I feel", "2. Go to bed by eleven"]
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        await pilot.pause()
        assert len(entry_rows(app)) == 2
        await pilot.click("#remove")
        await pilot.pause()
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert entry_rows(app) == ["1. Tell Maria how I feel"]
        await pilot.click("#add")
        await pilot.pause()
        assert isinstance(app.screen, EntryEditor)
    assert [s.text for s in stored_plan(data_dir).steps] == ["Tell Maria how I feel"]


async def test_bad_input_is_explained_and_what_was_typed_stays(data_dir: Path):
    seed_plan(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_plan(pilot)
        await go_to_section(pilot, 7)
        await pilot.press("a")
        await pilot.pause()
        await type_text(pilot, "GP surgery")
        await pilot.press("enter")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, EntryEditor)
        assert text_of(app, "#reach-message") == "Please write the number here."
        assert editor.query_one("#name", Input).value == "GP surgery"
        editor.query_one("#name", Input).value = "x" * 300
        editor.query_one("#reach", Input).value = "020 555 0177"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "up to 80 characters" in text_of(app, "#name-message")
        assert editor.query_one("#name", Input).value == "x" * 300
        assert app.screen is editor
    assert len(stored_plan(data_dir).crisis) == 1


async def test_a_failed_save_keeps_the_editor_open_with_the_words(data_dir: Path, monkeypatch):
    seed_plan(data_dir)

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    async with running(data_dir) as (app, pilot):
        await open_plan(pilot)
        await go_to_section(pilot, 1)
        await pilot.press("a")
        await pilot.pause()
        await type_text(pilot, "Loud neighbours")
        monkeypatch.setattr(storage_module, "_fsync_file", full_disk)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EntryEditor)
        assert app.screen.query_one("#text", Input).value == "Loud neighbours"
        assert text_of(app, "#save-message")
        monkeypatch.undo()
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, EntryEditor)
    assert [t.text for t in stored_plan(data_dir).triggers][-1] == "Loud neighbours"


async def test_people_marked_on_the_network_card_can_be_chosen(data_dir: Path):
    maria = Person(id="maria", name="Maria", reach="06 555 0123", notices_signs=True, call_for_help=True)
    kim = Person(id="kim", name="Kim", reach="06 555 0456")  # not marked: not offered
    seed_plan(data_dir, sample_plan(helpers=[], signs=[]), people=[maria, kim])
    async with running(data_dir) as (app, pilot):
        await open_plan(pilot)
        await go_to_section(pilot, 4)
        await pilot.press("a")
        await pilot.pause()
        select = app.screen.query_one(Select)
        assert [str(option[0]) for option in select._options[1:]] == ["Maria"]
        await pilot.press("enter", "down", "enter")
        await pilot.pause()
        assert app.screen.query_one("#reach", Input).value == "06 555 0123"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await go_to_section(pilot, 2)
        await pilot.press("a")
        await pilot.pause()
        await type_text(pilot, "Skipping meals")
        await pilot.press("tab", "enter", "down", "enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.query_one("#entries", RowList).rows[0].detail == "Maria may notice"
    plan = stored_plan(data_dir)
    assert plan.helpers[0].person_id == "maria" and plan.signs[0].person_id == "maria"
    # A new number on the network card is the number the plan shows.
    db = Database.open(data_dir)
    Repository.of(db, Person).save(maria.model_copy(update={"reach": "06 555 0999"}))
    db.close()
    async with running(data_dir) as (app, pilot):
        await pilot.press("f1")
        await pilot.pause()
        assert "06 555 0999" in text_of(app, "#help-text")


async def test_reminders_are_checked_and_saved(data_dir: Path):
    seed_plan(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_plan(pilot)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, PlanReminders)
        await pilot.press("tab")
        await type_text(pilot, "5")
        await pilot.press("enter")
        await pilot.pause()
        assert "at most 3" in text_of(app, "#note_days-message")
        await pilot.press("tab")
        await type_text(pilot, "7")
        await pilot.press("shift+tab", "shift+tab")
        await type_text(pilot, "30")
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, PlanReminders)
    plan = stored_plan(data_dir)
    assert (plan.review_days, plan.note_days, plan.note_window) == (30, 5, 7)


async def test_markup_in_an_entry_is_shown_as_typed(data_dir: Path):
    seed_plan(data_dir, sample_plan(well=[]))
    async with running(data_dir) as (app, pilot):
        await open_plan(pilot)
        await pilot.press("a")
        await pilot.pause()
        await type_text(pilot, "[bold]me[/bold] at my best")
        await pilot.press("enter")
        await pilot.pause()
        assert entry_rows(app) == ["[bold]me[/bold] at my best"]


# --- Review and versions ------------------------------------------------------


async def test_a_review_that_changes_an_entry_keeps_the_versions(data_dir: Path):
    earlier = PlanVersion(reviewed_on=TODAY.replace(month=1, day=12), content=sample_plan().snapshot())
    seed_plan(data_dir, versions=[earlier])
    async with running(data_dir) as (app, pilot):
        await open_plan(pilot)
        assert "Looked over on 12 Jan 2026" in text_of(app, "#plan-status")
        await pilot.press("r")
        await pilot.pause()
        assert "1 of 8" in text_of(app, "#review-progress")
        await pilot.press("y", "y")
        await pilot.pause()
        assert "3 of 8: Early warning signs" in text_of(app, "#review-progress")
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("shift+home")  # the words are kept on focus: select them to write anew
        await type_text(pilot, "Sleeping less than six hours")
        await pilot.press("enter")
        await pilot.pause()
        since = text_of(app, "#review-since")
        assert "changed: Sleeping less (Maria may notice) → Sleeping less than six hours" in since
        await pilot.press(*["y"] * 6)
        await pilot.pause()
        assert "Stamp today's date" in text_of(app, "#review-question")
        assert "Sleeping less than six hours" in text_of(app, "#review-summary-text")
        await pilot.click("#next")
        await pilot.pause()
        assert "Looked over on 18 Mar 2026" in text_of(app, "#plan-status")
        await pilot.press("v")
        await pilot.pause()
        rows = [row.text for row in app.screen.query_one(RowList).rows]
        assert rows == ["Now", "18 Mar 2026", "12 Jan 2026"]
        await pilot.press("down")
        await pilot.pause()
        shown = text_of(app, "#version-text")
        assert "What changed since 12 January 2026" in shown
        assert "changed: Sleeping less (Maria may notice) → Sleeping less than six hours" in shown
    db = Database.read_only(data_dir)
    versions = sorted(Repository.of(db, PlanVersion).all(), key=lambda v: v.reviewed_on)
    assert [v.reviewed_on for v in versions] == [earlier.reviewed_on, TODAY]
    assert versions[0].content.signs[0].text == "Sleeping less"
    assert versions[1].content.signs[0].text == "Sleeping less than six hours"


async def test_stopping_a_review_keeps_changes_without_a_stamp(data_dir: Path):
    seed_plan(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_plan(pilot)
        await pilot.press("r", "a")
        await pilot.pause()
        await type_text(pilot, "I laugh a lot")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert "Not looked over yet" in text_of(app, "#plan-status")
    assert "I laugh a lot" in [w.text for w in stored_plan(data_dir).well]
    assert Repository.of(Database.read_only(data_dir), PlanVersion).count() == 0


async def test_first_review_from_an_empty_history(data_dir: Path):
    seed_plan(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_plan(pilot)
        await pilot.press("v")
        await pilot.pause()
        assert "No earlier versions yet" in text_of(app, "#version-text")
        await pilot.press("escape", "r", *["y"] * 8)
        await pilot.pause()
        assert "first review" in text_of(app, "#review-summary-text")
        await pilot.press("y")
        await pilot.pause()
    assert Repository.of(Database.read_only(data_dir), PlanVersion).count() == 1


# --- Help now -----------------------------------------------------------------


@pytest.mark.parametrize("where", ["today-while-typing", "good-moments", "plan-editor-while-typing"])
async def test_help_now_opens_from_anywhere_and_nothing_typed_is_lost(data_dir: Path, where: str):
    from imr_companion.ui.plan.help_now import HelpNowScreen

    seed_plan(data_dir)
    async with running(data_dir) as (app, pilot):
        if where == "today-while-typing":
            await type_text(pilot, "Half a thought")
        elif where == "good-moments":
            await pilot.press("escape", "3")
        else:
            await open_plan(pilot)
            await pilot.press("a")
            await pilot.pause()
            await type_text(pilot, "Half a thought")
        before = app.screen
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpNowScreen)
        shown = text_of(app, "#help-text")
        for words in ["1. Tell Maria how I feel", "Maria (sister)", "06 555 0123", "020 555 0100"]:
            assert words in shown
        await pilot.press("f1")  # a second press does not stack another
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is before
        if where != "good-moments":
            assert app.screen.query_one(Input).value == "Half a thought"


async def test_help_now_is_a_click_away_and_an_empty_plan_invents_nothing(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        await click_bar(pilot, "help-now")
        await pilot.pause()
        shown = text_of(app, "#help-text")
        # No region is known (the tests' locale is C): no number is invented.
        assert "your local emergency number" in shown and "My plan" in shown
        assert not any(ch.isdigit() for ch in shown)
        await pilot.click("HelpNowScreen #open-plan")
        await pilot.pause()
        assert app.current_mode == "plan"


async def test_plan_commands_are_in_the_palette(data_dir: Path):
    from imr_companion.ui.plan.review import ReviewScreen

    seed_plan(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_plan(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for title in ["Help now", "Look over my plan", "My check-ins", "Save my plan as a file"]:
            assert title in titles
        await pilot.press("ctrl+p")
        await type_text(pilot, "look over")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
