"""Goals in Danish: the ladder at 80x24, and a walk through the list, the editors and the delete
questions with no English word left (the person's own words aside)."""

from __future__ import annotations

from pathlib import Path

import pytest

from imr_companion.ui.common.dialogs.confirm import Confirm
from imr_companion.ui.goals.editor import GoalEditor, StepEditor
from imr_companion.ui.goals.ladder import GoalLadder
from imr_companion.ui.goals.screen import GoalsScreen
from tests.conftest import no_blink
from tests.goals_seed import in_danish, own_words, seed_goals
from tests.helpers import english_left, running, settled, shown_after
from tests.ui.markup_walk import screen_text


@pytest.fixture
def danish_goals(data_dir: Path) -> Path:
    seed_goals(data_dir)
    in_danish(data_dir)
    return data_dir


def test_goal_ladder_in_danish(snap_compare, danish_goals: Path, open_app):
    assert snap_compare(
        open_app(danish_goals), terminal_size=(80, 24), press=["escape", "4"], run_before=no_blink
    )


async def test_a_walk_through_goals_in_danish_leaves_no_english(danish_goals: Path):
    seen: dict[str, str] = {}
    async with running(danish_goals) as (app, pilot):

        async def look(name: str, *keys: str, front: type) -> None:
            seen[name] = await shown_after(pilot, *keys, front=front)

        # Today's goal card (the rest of Today belongs to other parts).
        await settled(pilot)
        today = screen_text(app).splitlines()
        card_text = "\n".join(line for line in today if "Dit mål" in line or "Næste skridt" in line)
        assert "Dit mål: Get back to swimming · 3 af 6 delmål klaret" in card_text
        assert "Næste skridt: Get into the water once" in card_text and "Klaret" in card_text
        seen["goal card"] = card_text
        await look("ladder", "escape", "4", front=GoalsScreen)
        assert isinstance(app.screen.focused, GoalLadder)
        assert "næste skridt" in seen["ladder"] and "Dit næste skridt." in seen["ladder"]
        await look("step editor", "e", front=StepEditor)
        await look("ladder again", "escape", front=GoalsScreen)
        await look("delete a step", "d", front=Confirm)
        await look("the list", "escape", "left", front=GoalsScreen)
        await look("goal editor", "e", front=GoalEditor)
        await look("list again", "escape", front=GoalsScreen)
        await look("new goal", "n", front=GoalEditor)
        await look("list once more", "escape", front=GoalsScreen)
        await look("delete a goal", "d", front=Confirm)
        assert "Vil du slette dette mål og dets 6 delmål?" in seen["delete a goal"]
        await look("kept", "escape", front=GoalsScreen)
    left = {name: english_left(text, own_words()) for name, text in seen.items()}
    assert left == {name: [] for name in seen}, "\n\n".join(seen.values())
