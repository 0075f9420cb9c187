"""A person's words are never markup: every screen and dialog shows them exactly as typed.

Every stored field holds text Textual would read as markup ("Anne [/Bob]",
"Dr Lee [GP]", "[Jo]", "[bold]x", "[@click=app.quit]x", ...); the walk opens
every screen and dialog as a person would, reads what the terminal shows and
checks each text is as typed, notices included, and that the app never stops.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from imr_companion.ui.app import CompanionApp
from tests.helpers import running
from tests.markup_seed import FIELD, NAMES, TEXTS, seed_markup
from tests.ui.markup_walk import Walk

LONG = {"timeout": 600}

NOT_SHOWN = {"practice source"}
"""Stored but shown nowhere: where a practice task came from."""


async def test_every_screen_shows_a_persons_words_as_typed(data_dir: Path, monkeypatch: pytest.MonkeyPatch):
    seed_markup(data_dir)
    # Notices stay until the walk has read them, however slow the machine.
    notify = CompanionApp.notify
    monkeypatch.setattr(
        CompanionApp, "notify", lambda app, message, **given: notify(app, message, **given | LONG)
    )
    async with running(data_dir, size=(160, 50), notifications=True) as (app, pilot):
        walk = Walk(app, pilot)
        await walk.look("Today", "TodayScreen", FIELD["first name"])
        await walk.press("escape", "5")
        await walk.look("Network, map", "NetworkScreen", "Anne [/Bob]")
        await walk.press("v")
        await walk.look("Network, list", "NetworkScreen", *NAMES)
        await walk.press("e")
        await walk.look("Person editor", "PersonEditor")
        await walk.press("escape")
        await walk.press("d")
        await walk.look("Removing someone", "Confirm", "off your network card")
        await walk.press("n")
        for _ in NAMES:
            await walk.press("down")
            await walk.look("Network, the next person", "NetworkScreen")
        # Changes are told in notices that name the person.
        await walk.press("ctrl+w")
        await walk.look("Network, a mark changed", "NetworkScreen", "Dr Lee [GP]: no longer marked")
        await walk.press("i", "i")
        shown = await walk.look(
            "Network, as close as can be", "NetworkScreen", "is already in the closest ring."
        )
        assert "Dr Lee [GP] is already in the closest ring." in shown
        # Handouts: the library, a module's answers, this week's practice.
        await walk.press("2")
        await walk.look("Handouts", "HandoutsScreen", "Recovery strategies")
        app.read_handout("recovery-strategies", "what-recovery-can-mean")
        await walk.look("Reader, a written answer", "ReaderScreen")
        for _ in range(4):
            await walk.press("n")
            await walk.look("Reader, reading on", "ReaderScreen")
        await walk.press("w")
        await walk.look("A module's words", "WordsScreen")
        await walk.press("escape")
        await walk.press("escape")
        await walk.press("p")
        await walk.look("This week's practice", "PracticeScreen", FIELD["practice"])
        await walk.press("down", "e")
        await walk.look("Practice editor", "PracticeEditor")
        await walk.press("escape", "escape")
        # Good moments.
        await walk.press("3")
        await walk.look("Good moments", "MomentsScreen", FIELD["moment 18"])
        await walk.press("e")
        await walk.look("Moment editor", "MomentEditor")
        await walk.press("escape")
        await walk.press("slash", "left_square_bracket", "slash", "enter")
        await walk.look("Good moments, a search", "MomentsScreen", "with these words.")
        await walk.press("escape")
        # Goals: the ladder, a step, the goal.
        await walk.press("4")
        await walk.look("Goals", "GoalsScreen", FIELD["goal"])
        for _ in range(2):
            await walk.press("down")
            await walk.look("Goals, a step", "GoalsScreen")
        await walk.press("e")
        await walk.look("Step editor", "StepEditor")
        await walk.press("escape", "left", "e")
        await walk.look("Goal editor", "GoalEditor")
        await walk.press("escape", "down")
        await walk.look("Goals, another goal", "GoalsScreen", FIELD["other goal"])
        # My plan: every section, an entry, looking over, versions, check-ins, reminders.
        await walk.press("6")
        await walk.look("My plan", "PlanScreen")
        for _ in range(8):
            await walk.look("My plan, a section", "PlanScreen")
            await walk.press("down")
        await walk.press("right", "e")
        await walk.look("Plan entry editor", "EntryEditor")
        await walk.press("escape", "left", "up", "up", "up", "right", "a")
        await walk.look("A new helper, chosen from the card", "EntryEditor")
        await walk.press("enter")
        await walk.look("The people to choose from", "EntryEditor", *NAMES[:2])
        await walk.press("escape", "escape", "left", "r")
        await walk.look("Looking over the plan", "ReviewScreen")
        await walk.press("escape")
        await walk.press("v")
        await walk.look("Plan versions", "PlanVersions")
        await walk.press("down")
        await walk.look("Plan versions, one", "PlanVersions", "Dr Lee [GP]")
        await walk.press("escape", "h")
        await walk.look("Check-in history", "CheckInHistory", FIELD["noticed sign"])
        await walk.press("escape", "s")
        await walk.look("Plan reminders", "PlanReminders")
        await walk.press("escape")
        # Help now, and a number added there.
        await walk.press("f1")
        await walk.look("Help now", "HelpNowScreen", *NAMES)
        await walk.press("a")
        await walk.look("Add a number", "AddNumber")
        for _ in range(10):
            if app.focused is not None and app.focused.id == "reach":
                break
            await walk.press("tab")
        await walk.press("1", "2", "3", "ctrl+s")
        await walk.look("Help now, a number added", "HelpNowScreen", "Saved the number for")
        await walk.press("escape")
        # Today's check-in.
        await walk.press("1")
        await walk.look("Today again", "TodayScreen")
        await app.screen.run_action("card('checkin-card', 'check_in')")
        await walk.look("Check-in", "CheckInScreen", FIELD["sign"])
        await walk.press("escape")
        # Filling in together: the names to pick, the notice, the line on every screen.
        await walk.press("ctrl+g")
        await walk.look("Filling in together", "TogetherPrompt", *NAMES)
        people = app.screen.query_one("#people")
        for _ in NAMES:
            if str(people.highlighted_option.prompt) == "Anne [/Bob]":
                break
            await walk.press("down")
        await walk.press("enter")
        await walk.look(
            "Together with Anne",
            "TodayScreen",
            "Together with Anne [/Bob]. Press ctrl+g",
            "together with Anne [/Bob]",
        )
        # On Today a digit goes into the good-moment field: Esc first, as a person does.
        await walk.press("escape", "3")
        await walk.look("Together, Good moments", "MomentsScreen", "Anne [/Bob]")
        await walk.press("ctrl+g")
        await walk.look("Back to just you", "MomentsScreen", "Back to just you")
        # F2: everything done with a contact person.
        await walk.press("f2")
        await walk.look("Together menu", "TogetherMenu")
        await walk.press("s")
        await walk.look("Since we last met", "SinceWeMetScreen", FIELD["moment 18"])
        await walk.press("escape", "f2", "n")
        await walk.look("Session notes", "SessionNotesScreen", "Dr Lee [GP]", FIELD["session note"])
        await walk.press("escape", "f2", "p")
        await walk.look("Share", "ShareScreen")
        await walk.press("escape", "f2", "h")
        await walk.look("Supporter sheet", "SupporterScreen", *NAMES)
        for _ in NAMES:
            await walk.press("down")
            await walk.look("Supporter sheet, the next person", "SupporterScreen")
        await walk.press("escape", "f2", "w")
        await walk.look("A session", "SessionScreen")
        for _ in range(6):
            await walk.press("ctrl+n")
            await walk.look("A session, the next step", "SessionScreen")
        await walk.press("escape")
        await walk.look("Back from the session", "MomentsScreen")
        await walk.press("f2", "d")
        await walk.look("Delete everything", "Confirm")
        await walk.press("n")
    said = [notice for notice in walk.notices if notice.startswith(("Saved the number", "What you write"))]
    assert {"What you write now is marked as together with Anne [/Bob]. Press ctrl+g to end it."} <= set(said)
    assert any(notice.startswith("Saved the number for Q") for notice in said), said
    assert walk.seen == set(TEXTS.values()) - {FIELD[name] for name in NOT_SHOWN}
