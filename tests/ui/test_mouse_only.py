"""Every main action can be reached with the mouse alone: the area bar, buttons, lists and footer keys."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette
from textual.widgets import OptionList

from imr_companion.ui.common.dialogs.emergency import EmergencySettings
from imr_companion.ui.common.dialogs.save_file import SaveFilePrompt
from imr_companion.ui.common.textual_internals import FooterKey
from imr_companion.ui.goals.editor import GoalEditor
from imr_companion.ui.handouts.practice import PracticeScreen
from imr_companion.ui.handouts.reader import ReaderScreen
from imr_companion.ui.network.person_editor import PersonEditor
from imr_companion.ui.plan.add_number import AddNumber
from imr_companion.ui.plan.checkin_history import CheckInHistory
from imr_companion.ui.plan.editor import EntryEditor
from imr_companion.ui.plan.help_now import HelpNowScreen
from imr_companion.ui.plan.review import ReviewScreen
from imr_companion.ui.plan.tools import PlanTools
from tests.helpers import click_bar, running


async def click(pilot, target, **kwargs) -> None:
    if isinstance(target, str) and not kwargs:
        # As a person would scroll with the wheel to a button below the words.
        pilot.app.screen.query_one(target).scroll_visible(animate=False)
        await pilot.pause()
    assert await pilot.click(target, **kwargs), f"nothing to click at {target}"
    await pilot.pause()


async def click_tool(pilot, action: str) -> None:
    """Click one of My plan's tools beside its sections, on its words (one line each)."""
    tools = pilot.app.screen.query_one(PlanTools)
    words, row = next((words, row) for row, (words, name) in enumerate(tools.lines()) if name == action)
    column = tools.render().plain.splitlines()[row].index(words)
    await click(pilot, tools, offset=(column + 1, row))


async def click_footer(pilot, action: str) -> None:
    keys = [key for key in pilot.app.screen.query(FooterKey) if key.action == action]
    assert keys, f"no footer key for {action}"
    await click(pilot, keys[0])


async def test_every_main_action_by_mouse_alone(data_dir: Path):
    async with running(data_dir) as (app, pilot):
        # The welcome, then every area from the bar.
        await click(pilot, "#start")
        for mode in ["handouts", "moments", "goals", "network", "plan", "today"]:
            assert await click_bar(pilot, mode)
            await pilot.pause()
            assert app.current_mode == mode

        # Help now, and what it offers.
        assert await click_bar(pilot, "help-now")
        await pilot.pause()
        assert isinstance(app.screen, HelpNowScreen)
        await click(pilot, "HelpNowScreen #emergency")
        assert isinstance(app.screen, EmergencySettings)
        await click(pilot, "EmergencySettings #cancel")
        await click(pilot, "HelpNowScreen #add-number")
        assert isinstance(app.screen, AddNumber)
        await click(pilot, "AddNumber #cancel")
        await click(pilot, "HelpNowScreen #back")
        assert app.current_mode == "today" and not isinstance(app.screen, HelpNowScreen)

        # Handouts: continue reading, turn a page, back to the library, this week's practice.
        assert await click_bar(pilot, "handouts")
        await pilot.pause()
        await click(pilot, "#continue")
        assert isinstance(app.screen, ReaderScreen)
        await click(pilot, "ReaderScreen #next")
        assert "2 of" in app.screen.query_one("#position").render().plain
        await click(pilot, "ReaderScreen #library")
        await click(pilot, "HandoutsScreen #practice")
        assert isinstance(app.screen, PracticeScreen)
        # The field "Write a task of your own" has the focus; a click on a row moves to the list.
        assert app.screen.focused is not None and app.screen.focused.id == "new-task"
        await click(pilot, "PracticeScreen #tasks")
        assert app.screen.focused.id == "tasks"
        await click(pilot, "PracticeScreen #new-task")
        assert app.screen.focused.id == "new-task"
        await click_footer(pilot, "leave")

        # Goals: set a first goal from its button.
        assert await click_bar(pilot, "goals")
        await pilot.pause()
        await click(pilot, "#first-goal")
        assert isinstance(app.screen, GoalEditor)
        await click(pilot, "GoalEditor #cancel")

        # Network: add a person from the footer.
        assert await click_bar(pilot, "network")
        await pilot.pause()
        await click_footer(pilot, "add")
        assert isinstance(app.screen, PersonEditor)
        await click(pilot, "PersonEditor #cancel")

        # My plan: choose a section in the list, add, look over, check-ins, save as a file.
        assert await click_bar(pilot, "plan")
        await pilot.pause()
        await click(pilot, "#sections", offset=(3, 4))  # the fourth section: What I will do
        await click(pilot, "#add")
        assert isinstance(app.screen, EntryEditor)
        assert app.screen.section.field == "steps"
        await click(pilot, "EntryEditor #cancel")
        await click_tool(pilot, "review")
        assert isinstance(app.screen, ReviewScreen)
        await click(pilot, "ReviewScreen #stop")
        await click_tool(pilot, "history")
        assert isinstance(app.screen, CheckInHistory)
        await click(pilot, "CheckInHistory #back")
        await click_tool(pilot, "save_file")
        assert isinstance(app.screen, SaveFilePrompt)
        await click(pilot, "SaveFilePrompt #cancel")

        # Everything else is in the list of actions, opened from the footer.
        await click_footer(pilot, "command_palette")
        assert isinstance(app.screen, CommandPalette)
        await pilot.pause(0.2)
        titles = [str(option.prompt) for option in app.screen.query_one("CommandList", OptionList).options]
        assert any("Colours and contrast" in title for title in titles)
