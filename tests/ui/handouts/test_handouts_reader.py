"""Reading the handouts and answering their exercises, driven as a person would, then read back."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Button, Input, OptionList, TextArea

from imr_companion.models import Answer, Reading
from imr_companion.store import Database, Repository
from imr_companion.store.files import storage as storage_module
from imr_companion.ui.common.choices.marked_toggle import MarkedRadioButton, MarkedSelectionList
from imr_companion.ui.common.choices.rating_scale import RatingScale
from imr_companion.ui.handouts.exercise_form import ExerciseForm
from tests.helpers import running, to_card, type_text, welcomed


def stored_answers(folder: Path) -> dict[str, Answer]:
    db = Database.read_only(folder)
    return {a.exercise: a for a in Repository.of(db, Answer).all()}


def stored_reading(folder: Path, handout: str) -> Reading | None:
    return Repository.of(Database.read_only(folder), Reading).get(handout)


def text_of(app, selector: str) -> str:
    return app.screen.query_one(selector).render().plain


def position(app) -> str:
    return text_of(app, "#position")


async def open_library(pilot) -> None:
    """Escape leaves a field, then the reader; 2 opens the Handouts area from anywhere else."""
    await pilot.press("escape", "escape", "2")
    await pilot.pause()


async def read_on(pilot, times: int = 1) -> None:
    for _ in range(times):
        await pilot.press("n")
        await pilot.pause()


async def open_module(pilot, number: int) -> None:
    """From anywhere: the library, the module's row, Enter."""
    await open_library(pilot)
    modules = pilot.app.screen.query_one(OptionList)
    modules.focus()
    await pilot.press("home", *["down"] * (number - 1), "enter")
    await pilot.pause()


def form(app, exercise: str) -> ExerciseForm:
    return app.screen.query_one(f"#exercise-{exercise}", ExerciseForm)


async def test_read_one_section_at_a_time_and_continue_where_you_stopped(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_module(pilot, 1)
        assert position(app) == "1 of 11"
        assert "Module 1 · Recovery strategies" in text_of(app, "#module-title")
        assert app.screen.query_one("#text").source.startswith("## Welcome")
        await read_on(pilot, 2)
        assert position(app) == "3 of 11"
        assert app.screen.query_one("#text").source.startswith("## People do recover")
        await pilot.press("b")
        await pilot.pause()
        assert position(app) == "2 of 11"
        await pilot.press("escape")
        await pilot.pause()
        # Continue opens the next section not read yet.
        assert "Continue (c): Module 1, section 3 of 11" in str(
            app.screen.query_one("#continue", Button).label
        )
        row = str(app.screen.query_one(OptionList).get_option_at_index(0).prompt)
        assert "█░░░░░░░  2/11" in row
    reading = stored_reading(data_dir, "recovery-strategies")
    assert reading is not None
    assert (
        reading.read == ["welcome", "what-recovery-can-mean"] and reading.current == "what-recovery-can-mean"
    )
    async with running(data_dir) as (app, pilot):
        card = text_of(app, "#reading-line")
        assert "Module 1, section 3 of 11: People do recover" in card
        await to_card(pilot, "reading-card")  # its r works on the card, not in the field
        await pilot.press("r")
        await pilot.pause()
        assert app.current_mode == "handouts"
        assert position(app) == "3 of 11"
        await pilot.press("1")
        await pilot.pause()
        await pilot.click("#reading-card")  # the card opens it with a click too
        await pilot.pause()
        assert app.current_mode == "handouts" and position(app) == "3 of 11"
        scale = app.screen.query_one(RatingScale)
        scale.scroll_visible(animate=False)
        await pilot.pause()
        # 'Not hopeful  1   2 ...': padding, the words, a space, then four cells per number.
        await pilot.click(scale, offset=(1 + len("Not hopeful") + 1 + 4 + 1, 0))
        await pilot.pause()
        assert scale.value == 2
    assert stored_answers(data_dir)["hope-now"].rating == 2


async def test_answer_each_kind_restart_and_find_the_answers(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_module(pilot, 1)
        await read_on(pilot)  # 2: text
        await pilot.press("tab")
        assert isinstance(app.focused, TextArea)
        await type_text(pilot, "Feeling like me")
        await pilot.press("escape")  # leaving the field saves it
        await read_on(pilot)  # 3: rating
        await pilot.press("tab", "4")
        await read_on(pilot, 2)  # 5: list
        await pilot.press("tab")
        await type_text(pilot, "Music")
        await pilot.press("enter")
        await type_text(pilot, "Walks")
        await pilot.press("enter", "escape")
        await read_on(pilot)  # 6: checklist
        await pilot.press("tab", "space", "down", "down", "space")
        await pilot.pause()
        await open_module(pilot, 2)  # module 2 for a choice
        await read_on(pilot, 3)
        await pilot.press("down", "down", "enter")  # the sheet chooser: Depression
        await pilot.pause()
        await read_on(pilot, 4)  # 8: a choice and a text
        assert "Stigma" in app.screen.query_one("#text").source
        await pilot.press("tab", "down", "enter")
        await pilot.pause()
    answers = stored_answers(data_dir)
    assert answers["recovery-means"].text == "Feeling like me"
    assert answers["hope-now"].rating == 4
    assert answers["what-helps"].lines == ["Music", "Walks"]
    # Stored as the options' ids; the words on screen come from the handout.
    assert answers["strategies-to-try"].ticked == ["learn-more-mental", "keep-daily-routine"]
    assert answers["telling-others"].choice == "tell-few-people"
    assert all(a.changed.isoformat() == "2026-03-18" for a in answers.values())
    async with running(data_dir) as (app, pilot):
        await open_module(pilot, 1)  # back where the person stopped: the checklist
        assert position(app) == "6 of 11"
        checklist = app.screen.query_one(MarkedSelectionList)
        assert checklist.selected == ["learn-more-mental", "keep-daily-routine"]
        lines = [checklist.render_line(y).text for y in range(3)]
        assert [line[:3] for line in lines] == ["[✓]", "[ ]", "[✓]"]
        assert "Learn more about my mental health" in lines[0] and "Keep a daily routine" in lines[2]
        await pilot.press("b")
        await pilot.pause()
        assert [i.value for i in app.screen.query(".line").results(Input)] == ["Music", "Walks"]
        await pilot.press("b", "b")
        await pilot.pause()
        assert app.screen.query_one(RatingScale).value == 4
        assert "[4]" in app.screen.query_one(RatingScale).render().plain
        await pilot.press("b")
        await pilot.pause()
        assert app.screen.query_one(TextArea).text == "Feeling like me"
        assert "Saved today." in text_of(app, "#exercise-recovery-means .saved")
        await open_module(pilot, 2)
        assert "Depression" in text_of(app, "#module-title")
        await pilot.press("escape")
        await pilot.pause()
        row = str(app.screen.query_one(OptionList).get_option_at_index(1).prompt)
        assert "/9 " in row  # the person's own sheet: 6 shared sections and 3 of theirs
        await open_module(pilot, 2)
        chosen = [b for b in app.screen.query(MarkedRadioButton) if b.value]
        assert [str(b.label) for b in chosen] == ["I tell a few people I trust"]


async def test_list_lines_can_be_changed_and_removed_and_checklist_takes_other(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_module(pilot, 1)
        await read_on(pilot, 4)
        await pilot.press("tab")
        for line in ("Tea", "Walks", "My sister"):
            await type_text(pilot, line)
            await pilot.press("enter")
        await pilot.press(*["shift+tab"] * 4)  # back past each line and its Remove button
        await pilot.pause()
        assert isinstance(app.focused, Input) and app.focused.value == "Walks"
        await pilot.press("end")
        await type_text(pilot, " by the canal")
        await pilot.press("enter")
        await pilot.pause()
        assert stored_answers(data_dir)["what-helps"].lines == ["Tea", "Walks by the canal", "My sister"]
        remove = app.screen.query(".remove").results(Button)
        first = next(iter(remove))
        first.scroll_visible(animate=False)
        await pilot.pause()
        await pilot.click(first)
        await pilot.pause()
        assert stored_answers(data_dir)["what-helps"].lines == ["Walks by the canal", "My sister"]
        await pilot.press("escape")
        await read_on(pilot, 2)  # 7: life areas, with "something else"
        other = app.screen.query_one("#exercise-life-areas .other", Input)
        other.focus()
        await type_text(pilot, "Music lessons")
        await pilot.press("enter")
        await pilot.press("shift+tab", "end", "space")  # tick the last option, then untick it
        await pilot.pause()
        assert stored_answers(data_dir)["life-areas"].ticked == ["partner-love-life"]
        await pilot.press("space")
        await pilot.pause()
    life = stored_answers(data_dir)["life-areas"]
    assert life.ticked == [] and life.other == "Music lessons"


async def test_bad_answers_get_a_calm_message_and_keep_everything(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_module(pilot, 1)
        await read_on(pilot, 4)
        await pilot.press("tab", "enter")  # an empty line
        await pilot.pause()
        assert "Write a few words first" in form(app, "what-helps").message
        await type_text(pilot, "Tea")
        await pilot.press("enter")
        app.focused.value = "x" * 250  # a pasted line that is too long
        await pilot.press("enter")
        await pilot.pause()
        assert "up to 200 characters" in form(app, "what-helps").message
        assert app.focused.value == "x" * 250
        await pilot.press("escape")
        await read_on(pilot)  # cannot leave while something would be lost
        assert position(app) == "5 of 11"
        assert app.screen.query_one(".new-line", Input).value == "x" * 250
        assert stored_answers(data_dir)["what-helps"].lines == ["Tea"]
        app.screen.query_one(".new-line", Input).value = "Walks"
        await read_on(pilot)
        assert position(app) == "6 of 11"
        assert stored_answers(data_dir)["what-helps"].lines == ["Tea", "Walks"]
        await pilot.press("b", "b", "b", "b", "tab")
        await pilot.pause()
        area = app.screen.query_one(TextArea)
        area.text = "word " * 500
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "up to 2,000 characters" in form(app, "recovery-means").message
        assert area.text == "word " * 500
    assert "recovery-means" not in stored_answers(data_dir)


async def test_a_failed_save_keeps_the_answer_on_screen(data_dir: Path, monkeypatch: pytest.MonkeyPatch):
    welcomed(data_dir)

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    async with running(data_dir) as (app, pilot):
        await open_module(pilot, 1)
        await read_on(pilot)
        monkeypatch.setattr(storage_module, "_fsync_file", full_disk)
        await pilot.press("tab")
        await type_text(pilot, "Hope")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "still here" in form(app, "recovery-means").message
        assert app.screen.query_one(TextArea).text == "Hope"
        monkeypatch.undo()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert form(app, "recovery-means").message == ""
    assert stored_answers(data_dir)["recovery-means"].text == "Hope"


async def test_quitting_while_typing_keeps_the_answer(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (_app, pilot):
        await open_module(pilot, 1)
        await read_on(pilot)
        await pilot.press("tab")
        await type_text(pilot, "Half a thought")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert stored_answers(data_dir)["recovery-means"].text == "Half a thought"


async def test_mark_a_module_done_and_see_it_in_the_library(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_module(pilot, 3)
        await pilot.press("ctrl+x")
        await pilot.pause()
        assert "✓ done" in position(app)
        await pilot.press("escape")
        await pilot.pause()
        row = str(app.screen.query_one(OptionList).get_option_at_index(2).prompt)
        assert row.rstrip().endswith("✓ done")
        assert "Start (c): Module 4" in str(app.screen.query_one("#continue", Button).label)
    reading = stored_reading(data_dir, "stress-vulnerability")
    assert reading is not None and reading.done and reading.done_on is not None
    assert reading.read == ["what-this-module-is-about"]


async def test_the_sheet_can_be_changed(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_module(pilot, 2)
        assert position(app) == "1 of 15"
        await read_on(pilot, 3)
        await pilot.press("escape")  # decide later: all sheets stay
        await pilot.pause()
        assert position(app) == "4 of 15"
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("down", "enter")  # Bipolar disorder
        await pilot.pause()
        assert position(app) == "4 of 9"
        assert "What bipolar disorder is" in app.screen.query_one("#text").source
    reading = stored_reading(data_dir, "practical-facts")
    assert reading is not None and reading.sheet == "bipolar"


async def test_tool_exercises_open_their_area_or_say_where_it_will_be(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_module(pilot, 1)
        await read_on(pilot, 8)
        goals = app.screen.query_one("#exercise-first-goal .open-tool", Button)
        assert str(goals.label) == "Open Goals (4)"
        goals.scroll_visible(animate=False)
        await pilot.pause()
        await pilot.click(goals)
        await pilot.pause()
        assert app.current_mode == "goals"
        await pilot.press("2")
        await pilot.pause()
        await open_module(pilot, 8)
        await read_on(pilot, 9)
        button = app.screen.query_one("#exercise-good-moment .open-tool", Button)
        assert str(button.label) == "Open Today (1)"
        button.scroll_visible(animate=False)
        await pilot.pause()
        await pilot.click(button)
        await pilot.pause()
        assert app.current_mode == "today"


async def test_what_a_person_types_is_shown_as_typed(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_module(pilot, 1)
        await read_on(pilot, 4)
        await pilot.press("tab")
        await type_text(pilot, "[bold]x[/bold]")
        await pilot.press("enter")
        await pilot.pause()
        assert [i.value for i in app.screen.query(".line").results(Input)] == ["[bold]x[/bold]"]
    assert stored_answers(data_dir)["what-helps"].lines == ["[bold]x[/bold]"]


async def test_tab_into_a_list_goes_to_add_a_line_not_into_a_saved_line(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_module(pilot, 1)
        await read_on(pilot, 4)
        await pilot.press("tab")
        await type_text(pilot, "Music")
        await pilot.press("enter")
        await pilot.press("escape")  # leave the field
        await read_on(pilot)
        await pilot.press("b")
        await pilot.pause()
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is not None and app.focused.has_class("new-line")
        await type_text(pilot, "Tea")
        await pilot.press("enter")
        await pilot.pause()
    assert stored_answers(data_dir)["what-helps"].lines == ["Music", "Tea"]


async def test_an_unchanged_answer_is_not_saved_again(data_dir: Path):
    from datetime import date, datetime

    from imr_companion.models.handouts import answer_id

    welcomed(data_dir)
    earlier = Answer(
        id=answer_id("recovery-strategies", "recovery-means"),
        handout="recovery-strategies",
        exercise="recovery-means",
        kind="text",
        text="Feeling like me again",
        changed=date(2026, 1, 5),
        updated=datetime(2026, 1, 5, 9, 0),
    )
    db = Database.open(data_dir)
    Repository.of(db, Answer).add(earlier)
    db.close()
    async with running(data_dir) as (_app, pilot):
        await open_module(pilot, 1)
        await read_on(pilot)
        await pilot.press("tab", "tab", "ctrl+s")  # into the answer and out again, then save the page
        await pilot.pause()
        await read_on(pilot)
    # Still the day it was written, not "changed today".
    assert stored_answers(data_dir)["recovery-means"] == earlier


async def test_answers_written_together_are_marked_with_the_contact_persons_name(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        app.together_with = "Kim"
        await open_module(pilot, 1)
        await read_on(pilot)
        await pilot.press("tab")
        await type_text(pilot, "Walks")
        await pilot.press("tab")
        await pilot.pause()
    assert stored_answers(data_dir)["recovery-means"].together_with == "Kim"


@pytest.mark.parametrize("theme", ["dark", "light", "high-contrast"])
async def test_headings_do_not_look_like_links(data_dir: Path, theme: str):
    from textual.widgets._markdown import MarkdownHeader

    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        app.theme = theme
        await open_module(pilot, 1)
        heading = app.screen.query(MarkdownHeader).first()
        style = heading.rich_style
        assert style.bold and not style.underline
        # The words' own colour (give or take blending), not the theme's link-like accent.
        words = app.screen.query_one("#text").rich_style.color.triplet
        assert all(abs(a - b) <= 16 for a, b in zip(style.color.triplet, words, strict=True))


async def test_continue_after_the_library_has_waited_a_while(data_dir: Path, monkeypatch):
    # The library imports the reader in the background after a moment; Continue then opens it as ever.
    import sys

    from imr_companion.ui.handouts import screen as library

    monkeypatch.delitem(sys.modules, library.READER, raising=False)
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_library(pilot)
        await pilot.pause(library.READER_IMPORT_DELAY + 0.2)
        await app.workers.wait_for_complete()
        assert library.READER in sys.modules
        await pilot.press("c")
        await pilot.pause()
        assert position(app).startswith("1 of ")
        await read_on(pilot)
        assert position(app).startswith("2 of ")


async def list_lines(app, pilot, count: int) -> list[str]:
    """The list's lines once `count` of them are on screen (mounting takes a moment)."""
    lines: list[str] = []
    for _ in range(200):
        await pilot.pause()
        lines = [line.value for line in app.screen.query(".line").results(Input)]
        if len(lines) >= count:
            break
    return lines


async def test_lines_pasted_into_add_a_line_become_lines_of_the_list(data_dir: Path):
    from textual import events

    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_module(pilot, 1)
        await read_on(pilot, 4)
        await pilot.press("tab")
        field = app.screen.query_one(".new-line", Input)
        assert app.focused is field
        await type_text(pilot, "Tea ")
        # As a person pastes once they see their letters: on a busy machine the last
        # key can still be on its way to the field when the test posts the paste.
        for _ in range(200):
            if field.value == "Tea ":
                break
            await pilot.pause()
        field.post_message(events.Paste("with Jo\r\nWalks by the river\n\n  Music   lessons \n"))
        lines = await list_lines(app, pilot, 3)
        assert lines == ["Tea with Jo", "Walks by the river", "Music lessons"]
        for _ in range(200):  # the field is emptied once the last line is mounted: a moment later
            if field.value == "":
                break
            await pilot.pause()
        assert field.value == ""
        # A line that is too long stays in the field with what follows, and the reason; nothing is lost.
        field.post_message(events.Paste("One more\n" + "x" * 250 + "\nThree"))
        lines = await list_lines(app, pilot, 4)
        assert lines == ["Tea with Jo", "Walks by the river", "Music lessons", "One more"]
        for _ in range(200):
            if field.value:
                break
            await pilot.pause()
        assert field.value == "x" * 250 + " Three"
        assert "up to 200 characters" in form(app, "what-helps").message
        field.value = ""
        await pilot.press("escape")
        await read_on(pilot)
        assert position(app) == "6 of 11"
        assert stored_answers(data_dir)["what-helps"].lines == lines
