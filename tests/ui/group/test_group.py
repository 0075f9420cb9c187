"""The IMR group: telling the app about it, Today's card before and after a meeting, and the note.

The fixed clock is Wednesday 18 March 2026, 19:30; the group meets on Thursdays at 10:00.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from textual.widgets import OptionList

from imr_companion import clock
from imr_companion.models import GroupNote, Moment, PracticeTask, Settings
from imr_companion.models.group import Meeting, MeetingKind, Phase, phase
from imr_companion.store import Database, Repository
from imr_companion.ui.group.after_note import AfterNote
from imr_companion.ui.group.choose_moment import ChooseMoment
from imr_companion.ui.group.setup import MeetingSetup
from imr_companion.ui.handouts.screen import HandoutsScreen
from imr_companion.ui.today.screen import TodayScreen
from tests.helpers import english_left, running, settled, shown_after, to_card, type_text
from tests.ui.common.test_paste import paste
from tests.ui.markup_walk import screen_text

THURSDAY = date(2026, 3, 19)


def weekly(**changes) -> Meeting:
    return Meeting(kind=MeetingKind.GROUP, weekday=3, at="10:00", module=4).model_copy(update=changes)


def test_the_card_comes_the_day_before_and_stays_until_the_note():
    def at(day: int, hour: int, meeting: Meeting | None = None):
        return phase(meeting or weekly(), datetime(2026, 3, day, hour))

    assert at(17, 12) is None  # Tuesday: two days before
    assert at(18, 19) == (Phase.READY, THURSDAY)  # the day before
    assert at(19, 9) == (Phase.READY, THURSDAY)  # the day, before it starts
    assert at(19, 11) == (Phase.AFTER, THURSDAY)  # it has begun
    assert at(22, 9) == (Phase.AFTER, THURSDAY)  # three days after
    assert at(23, 9) is None  # then it rests until the next one comes near
    assert at(20, 9, weekly(settled=THURSDAY)) is None  # the note was written or set aside
    assert at(19, 16, weekly(at="")) == (Phase.AFTER, THURSDAY)  # no time: the afternoon


def seed(folder: Path, meeting: Meeting | None = None, language: str = "en") -> None:
    db = Database.open(folder)
    db.save_settings(Settings(first_name="Alex", welcomed=True, meeting=meeting, language=language))
    moments = Repository.of(db, Moment)
    moments.add(Moment(text="Baked bread with my sister", day=date(2026, 3, 16)))
    moments.add(Moment(text="A long walk by the lake", day=date(2026, 3, 18)))
    db.close()


def stored(folder: Path) -> Database:
    return Database.open(folder)


async def test_a_group_told_to_the_app_then_a_moment_chosen_to_tell(data_dir: Path):
    seed(data_dir)
    async with running(data_dir) as (app, pilot):
        await pilot.press("escape", "2")
        text = await shown_after(pilot, "g", front=MeetingSetup)
        assert "All of it is optional" in text
        # The radio set starts on the choice marked, "No fixed day"; up twice is "An IMR group".
        await pilot.press("up", "up", "enter")
        await pilot.press("ctrl+s")  # no day chosen yet: nothing is guessed
        await pilot.pause()
        assert "Which day do you meet?" in screen_text(app) and app.settings.meeting is None
        await pilot.press("tab", "enter")  # the day: open the list
        await pilot.pause()
        await pilot.press(*["down"] * 4, "enter")  # from "Choose a day" down to Thursday
        await pilot.press("tab")
        await type_text(pilot, "10:00")
        await pilot.press("tab")
        await type_text(pilot, "4")
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert isinstance(app.screen, HandoutsScreen)
        assert "Your group is on module 4." in screen_text(app)
        await pilot.press("1")
        await settled(pilot)
        assert isinstance(app.screen, TodayScreen)
        card = app.screen.query_one("#meeting-card")
        assert card.display and str(card.border_title) == "Your group meets tomorrow at 10:00"
        await to_card(pilot, "meeting-card")
        text = await shown_after(pilot, "m", front=ChooseMoment)
        assert "A long walk by the lake" in text and "Baked bread" in text
        await pilot.press("down", "enter")
        await settled(pilot)
        assert "A good moment to tell: Baked bread with my sister" in screen_text(app)
    db = stored(data_dir)
    try:
        assert db.settings().meeting == weekly()
        told = [m.text for m in Repository.of(db, Moment).all() if m.told_on == THURSDAY]
        assert told == ["Baked bread with my sister"]
    finally:
        db.close()


async def test_after_the_meeting_a_note_and_the_agreed_practice_in_one_step(data_dir: Path):
    seed(data_dir, weekly())
    clock.fix(datetime(2026, 3, 19, 15, 0))
    async with running(data_dir) as (app, pilot):
        await settled(pilot)
        assert "After the meeting on Thursday 19 March" in screen_text(app)
        await to_card(pilot, "meeting-card")
        await shown_after(pilot, "n", front=AfterNote)
        await type_text(pilot, "Others find mornings hard too")
        # A paste keeps every word: lines kept in the note, joined in the one-line field,
        # an invisible control character taken out.
        await paste(pilot, app.screen.query_one("#took"), "\r\nAnd that helps\x07")
        await pilot.press("tab")
        await type_text(pilot, "Walk before")
        await paste(pilot, app.screen.query_one("#agreed"), " breakfast\nevery day\n")
        await pilot.press("tab", "tab")
        await pilot.press("backspace", "5")
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert isinstance(app.screen, TodayScreen)
        assert "After the meeting" not in screen_text(app)
        assert "Walk before breakfast every day" in screen_text(app)  # on this week's practice card
        # Handouts opens where the group is now; Continue keeps the person's own place.
        await pilot.press("escape", "2")
        await settled(pilot)
        assert app.screen.query_one("#modules", OptionList).highlighted == 4
        assert "Start (c): Module 1" in screen_text(app)
    db = stored(data_dir)
    try:
        (note,) = Repository.of(db, GroupNote).all()
        assert (note.day, note.took, note.agreed) == (
            THURSDAY,
            "Others find mornings hard too\nAnd that helps",
            "Walk before breakfast every day",
        )
        (task,) = Repository.of(db, PracticeTask).all()
        assert (task.text, task.source) == ("Walk before breakfast every day", "group:2026-03-19")
        assert db.settings().meeting == weekly(settled=THURSDAY, module=5)
    finally:
        db.close()


async def test_the_meeting_card_and_its_windows_in_danish(data_dir: Path, danish):
    seed(data_dir, weekly(), language="da")
    async with running(data_dir) as (app, pilot):
        await settled(pilot)
        today = screen_text(app)
        assert "Din gruppe mødes i morgen kl. 10:00" in today, today
        await to_card(pilot, "meeting-card")
        chooser = await shown_after(pilot, "m", front=ChooseMoment)
        await pilot.press("escape")
        await settled(pilot)
        setup = await shown_after(pilot, "escape", "2", "g", front=MeetingSetup)
        own = frozenset(
            {"Alex", "Baked", "bread", "with", "my", "sister", "long", "walk", "by", "the", "lake", "IMR"}
        )
        for text in (today, chooser, setup):
            assert english_left(text, own) == [], text
    clock.fix(datetime(2026, 3, 19, 15, 0))
    async with running(data_dir) as (app, pilot):
        await settled(pilot)
        await to_card(pilot, "meeting-card")
        after = await shown_after(pilot, "n", front=AfterNote)
        assert english_left(screen_text(app), frozenset({"IMR"})) == []
        assert "Efter mødet" in after
