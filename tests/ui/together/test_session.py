"""A session in IMR order, end to end, with every step skipped, and leaving half way."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Input

from imr_companion.models import Goal, Moment, PracticeTask, SessionNote
from imr_companion.models.goals import Step
from imr_companion.models.practice import PracticeStatus
from imr_companion.store import Database, Repository
from imr_companion.ui.handouts.reader import ReaderScreen
from imr_companion.ui.together.session import SessionScreen
from imr_companion.ui.together.session_notes import SessionNotesScreen
from tests.helpers import running, type_text, welcomed

LAST_WEEK = date(2026, 3, 9)


def seed(folder: Path) -> None:
    welcomed(folder)
    db = Database.open(folder)
    Repository.of(db, PracticeTask).add(PracticeTask(text="Walk round the block", week_of=LAST_WEEK))
    Repository.of(db, PracticeTask).add(PracticeTask(text="Call Ben", week_of=LAST_WEEK))
    Repository.of(db, Goal).add(Goal(text="Swim again", steps=[Step(id="towel", text="Buy a towel")]))
    db.close()


async def test_a_whole_session_together_does_each_thing_and_keeps_a_note(data_dir: Path):
    seed(data_dir)
    async with running(data_dir) as (app, pilot):
        app.together_with = "Jo"
        await pilot.press("f2", "w")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert "Step 1 of 6: A good moment  (with Jo)" in screen.query_one("#session-where").render().plain
        assert "since you last met" in screen.query_one("#step-moment .intro").render().plain
        await type_text(pilot, "Sun on the balcony")
        await pilot.press("enter", "ctrl+n")
        await pilot.pause()
        # Last week's practice: a word on how it went (the field has the focus), then on the list
        # the first done, the second let go.
        assert screen.query_one("#review-note", Input).has_focus
        await type_text(pilot, "Walking was easier")
        await pilot.press("tab", "ctrl+x", "down", "ctrl+l")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert "Next step: Buy a towel" in screen.query_one("#goal-words").render().plain
        await pilot.click("#goal-climbed")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.click("#reading-open")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        app.screen.dismiss()
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("ctrl+n")
        await pilot.pause()
        await type_text(pilot, "Go to the pool once")
        await pilot.press("enter", "ctrl+n")
        await pilot.pause()
        summary = screen.query_one("#summary-lines").render().plain
        assert "A good moment: Sun on the balcony" in summary
        await type_text(pilot, "Next time: the leaflet")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, SessionScreen)

    db = Database.read_only(data_dir)
    (note,) = Repository.of(db, SessionNote).all()
    assert note.together_with == "Jo" and note.day == date(2026, 3, 18)
    assert note.done[0] == "A good moment: Sun on the balcony"
    assert "Last week's practice: 1 done, 1 let go. How it went: Walking was easier" in note.done
    assert "Goal step climbed: Buy a towel" in note.done
    assert any(line.startswith("Read: Module 1") for line in note.done)
    assert "This week's practice: Go to the pool once" in note.done
    assert note.note == "Next time: the leaflet"
    # Each step did the real thing, marked as done together.
    moment = Repository.of(db, Moment).all()[0]
    assert (moment.text, moment.together_with) == ("Sun on the balcony", "Jo")
    tasks = {t.text: t for t in Repository.of(db, PracticeTask).all()}
    assert tasks["Walk round the block"].status is PracticeStatus.DONE
    assert tasks["Call Ben"].status is PracticeStatus.LET_GO and tasks["Call Ben"].together_with == "Jo"
    assert tasks["Go to the pool once"].week_of == date(2026, 3, 16)
    step = Repository.of(db, Goal).all()[0].step("towel")
    assert step.done_on == date(2026, 3, 18) and step.together_with == "Jo"


async def test_every_step_skipped_is_a_check_up_with_myself(data_dir: Path):
    seed(data_dir)
    before = Database.read_only(data_dir).document()
    async with running(data_dir) as (app, pilot):
        await pilot.press("f2", "w")
        await pilot.pause()
        intros = []
        for _ in range(5):
            step = app.screen.steps[app.screen.index]
            intros.append(step.query_one(".intro").render().plain)
            await pilot.press("ctrl+n")
            await pilot.pause()
        # Alone, no step speaks of meeting someone.
        assert not [intro for intro in intros if "meet" in intro or " met" in intro], intros
        # Alone: no "we", no meeting.
        assert "taking the time counts too" in app.screen.query_one("#summary-lines").render().plain
        assert "What I did" in app.screen.query_one("#session-where").render().plain
        await pilot.press("ctrl+s")
        await pilot.pause()
    # After a restart the note is on its own page.
    async with running(data_dir) as (app, pilot):
        await pilot.press("f2", "n")
        await pilot.pause()
        assert isinstance(app.screen, SessionNotesScreen)
        first = str(app.screen.query_one("#notes").get_option_at_index(0).prompt)
        assert "a check-up with myself" in first and "Took stock." in first and "Met" not in first
    db = Database.read_only(data_dir)
    (note,) = Repository.of(db, SessionNote).all()
    assert note.done == [] and note.together_with is None
    after = db.document()
    for table in ("moments", "practice", "goals"):
        assert after.get(table) == before.get(table)


async def test_leaving_half_way_keeps_what_was_typed(data_dir: Path):
    seed(data_dir)
    async with running(data_dir) as (app, pilot):
        await pilot.press("f2", "w")
        await pilot.pause()
        await type_text(pilot, "Typed but not saved")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("n")  # leave, without a note
        await pilot.pause()
        assert not isinstance(app.screen, SessionScreen)
    db = Database.read_only(data_dir)
    assert [m.text for m in Repository.of(db, Moment).all()] == ["Typed but not saved"]
    assert Repository.of(db, SessionNote).all() == []


async def test_a_rhythm_for_check_ups_with_myself_is_kept(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        await pilot.press("f2", "n")
        await pilot.pause()
        assert "press r" in app.screen.query_one("#notes-rhythm").render().plain
        await pilot.press("r")
        await pilot.pause()
        await type_text(pilot, "40")
        await pilot.press("enter")
        await pilot.pause()
        assert "from 1 to 26" in app.screen.query_one("#weeks-message").render().plain
        app.screen.query_one("#weeks", Input).value = ""
        await type_text(pilot, "3")
        await pilot.press("enter")
        await pilot.pause()
        assert "every 3 weeks: today is a good day" in app.screen.query_one("#notes-rhythm").render().plain
    async with running(data_dir) as (app, pilot):
        assert app.settings.checkup_weeks == 3
        await pilot.press("f2")
        await pilot.pause()
        assert "every 3 weeks" in app.screen.query_one("#menu-rhythm").render().plain


async def test_quitting_in_the_middle_keeps_the_typed_words(data_dir: Path):
    seed(data_dir)
    async with running(data_dir) as (_app, pilot):
        await pilot.press("f2", "w")
        await pilot.pause()
        for _ in range(5):
            await pilot.press("ctrl+n")
            await pilot.pause()
        await type_text(pilot, "Half a thought")
        await pilot.press("ctrl+q")
        await pilot.pause()
    (note,) = Repository.of(Database.read_only(data_dir), SessionNote).all()
    assert note.note == "Half a thought"


async def test_finishing_without_a_note_asks_before_letting_typed_words_go(data_dir: Path):
    seed(data_dir)
    async with running(data_dir) as (app, pilot):
        await pilot.press("f2", "w")
        await pilot.pause()
        for _ in range(5):
            await pilot.press("ctrl+n")
            await pilot.pause()
        await type_text(pilot, "Maybe not")
        await pilot.click("#summary-skip")
        await pilot.pause()
        await pilot.press("n")  # keep writing
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        await pilot.click("#summary-skip")
        await pilot.pause()
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, SessionScreen)
    assert Repository.of(Database.read_only(data_dir), SessionNote).all() == []
