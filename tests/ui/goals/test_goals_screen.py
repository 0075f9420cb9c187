"""The goal ladder, driven by keys and the mouse as a person would, then read back from the store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input, Select, TextArea

from imr_companion.cli import main
from imr_companion.models import Goal, PracticeTask
from imr_companion.models.goals import GoalStatus, RecoveryArea, Step
from imr_companion.store import Database, Repository
from imr_companion.store.files import storage as storage_module
from imr_companion.ui.common.dialogs.confirm import Confirm
from imr_companion.ui.common.lists.row_list import RowList
from imr_companion.ui.goals.editor import GoalEditor, StepEditor
from imr_companion.ui.goals.ladder import GoalLadder
from tests.goals_seed import seed_goals, stored_goals, swimming
from tests.helpers import click_link, running, to_card, type_text, welcomed


async def open_goals(pilot) -> None:
    await pilot.press("escape", "4")
    await pilot.pause()


def ladder(app) -> GoalLadder:
    return app.screen.query_one(GoalLadder)


def shown(app, selector: str) -> str:
    return app.screen.query_one(selector).render().plain


def list_rows(app) -> list[str]:
    return [row.text for row in app.screen.query_one(RowList).rows]


def stored_texts(folder: Path, goal_id: str = "swimming") -> list[str]:
    return [step.text for step in stored_goals(folder)[goal_id].steps]


# --- goals -----------------------------------------------------------------


async def test_create_a_goal_then_its_first_step(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_goals(pilot)
        assert "Press n to set your first goal" in shown(app, "#empty Static")
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, GoalEditor)
        await type_text(pilot, "Get back to swimming")
        await pilot.press("tab")
        await type_text(pilot, "I love the water")
        await pilot.press("tab", "enter")
        await pilot.pause()
        await pilot.press("up", "up", "up", "enter")  # from Other up to Health
        await pilot.pause()
        assert app.screen.query_one(Select).value is RecoveryArea.HEALTH
        await pilot.press("tab")
        await type_text(pilot, "2026-06-01")
        await pilot.press("enter")
        await pilot.pause()
        # Straight on to a first small step; it becomes the next step.
        assert isinstance(app.screen, StepEditor)
        await type_text(pilot, "Find out when the pool is quiet")
        await pilot.press("enter")
        await pilot.pause()
        assert ladder(app).has_focus and ladder(app).step.text == "Find out when the pool is quiet"
        assert "★ current goal · Health · 1 step on the ladder" in shown(app, "#goal-header")
    (goal,) = stored_goals(data_dir).values()
    assert (goal.text, goal.why, goal.area, str(goal.hoped_for)) == (
        "Get back to swimming",
        "I love the water",
        RecoveryArea.HEALTH,
        "2026-06-01",
    )
    assert goal.made_current is not None and [s.text for s in goal.steps] == [
        "Find out when the pool is quiet"
    ]


async def test_the_empty_screen_button_starts_a_goal_with_the_mouse(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_goals(pilot)
        await pilot.click("#first-goal")
        await pilot.pause()
        assert isinstance(app.screen, GoalEditor)


async def test_empty_goal_text_gets_a_calm_message_and_nothing_typed_is_lost(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_goals(pilot)
        await pilot.press("n")
        await pilot.pause()
        editor = app.screen
        editor.query_one("#why", TextArea).text = "Because it matters"
        editor.query_one("#hoped_for", Input).value = "next summer"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is editor
        assert "Please write a few words here first." in shown(app, "#text-message")
        assert "year-month-day" in shown(app, "#hoped_for-message")
        assert editor.query_one("#why", TextArea).text == "Because it matters"
        assert editor.query_one("#hoped_for", Input).value == "next summer"
    assert stored_goals(data_dir) == {}


async def test_very_long_text_is_refused_with_its_limit_and_kept_in_the_field(data_dir: Path):
    seed_goals(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_goals(pilot)
        await pilot.press("a")
        await pilot.pause()
        field = app.screen.query_one("#text", Input)
        field.value = "x" * 10_000
        await pilot.press("enter")
        await pilot.pause()
        assert "up to 200 characters" in shown(app, "#text-message")
        assert field.value == "x" * 10_000
        # Emoji and right-to-left words are kept exactly.
        field.value = "سباحة 🏊 in the sea"
        await pilot.press("enter")
        await pilot.pause()
    assert stored_texts(data_dir)[-1] == "سباحة 🏊 in the sea"


async def test_pasted_lines_are_joined_not_dropped(data_dir: Path):
    seed_goals(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_goals(pilot)
        await pilot.press("a")
        await pilot.pause()
        field = app.screen.query_one("#text", Input)
        field.post_message(events.Paste("Ask Jo\r\nabout the pool\n\n"))
        await pilot.pause()
        assert field.value == "Ask Jo about the pool"


async def test_markup_in_a_goal_is_shown_as_typed(data_dir: Path):
    seed_goals(data_dir, [Goal(text="[bold]Be[/bold] brave", steps=[Step(text="[red]Try[/]")])])
    async with running(data_dir) as (app, pilot):
        await open_goals(pilot)
        assert "[bold]Be[/bold] brave" in shown(app, "#goal-header")
        assert "★ [bold]Be[/bold] brave" in list_rows(app)
        assert "[red]Try[/]" in shown(app, "#step-detail")
        await pilot.press("space")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)


async def test_change_a_goal(data_dir: Path):
    seed_goals(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_goals(pilot)
        await pilot.press("left", "e")
        await pilot.pause()
        await pilot.press("end")
        await type_text(pilot, " this spring")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Get back to swimming this spring" in shown(app, "#goal-header")
    assert stored_goals(data_dir)["swimming"].text == "Get back to swimming this spring"


async def test_several_goals_one_current(data_dir: Path):
    seed_goals(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_goals(pilot)
        assert list_rows(app)[:3] == ["Working on", "★ Get back to swimming", "  Find a part-time job"]
        await pilot.press("left", "down", "c")
        await pilot.pause()
        assert list_rows(app)[1:3] == ["★ Find a part-time job", "  Get back to swimming"]
        assert "★ current goal" in shown(app, "#goal-header")
    async with running(data_dir) as (app, pilot):
        assert "Find a part-time job" in app.screen.query_one("#goal-card").border_title


# --- steps -----------------------------------------------------------------


async def test_add_and_reorder_steps_with_keys(data_dir: Path):
    seed_goals(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_goals(pilot)
        assert ladder(app).step.text == "Get into the water once"
        await pilot.press("a")
        await pilot.pause()
        await type_text(pilot, "Swim twenty lengths")
        await pilot.press("enter")
        await pilot.pause()
        # A new step goes to the top of the ladder and is selected.
        assert ladder(app).step.text == "Swim twenty lengths"
        await pilot.press("shift+down", "shift+down")
        await pilot.pause()
        assert ladder(app).step.text == "Swim twenty lengths"
        await pilot.press("down", "shift+up")
        await pilot.pause()
    assert stored_texts(data_dir)[3:] == [
        "Swim twenty lengths",
        "Get into the water once",
        "Swim four lengths",
        "Swim ten lengths",
    ]


async def test_a_step_cannot_be_moved_below_the_climbed_rungs(data_dir: Path):
    seed_goals(data_dir)
    async with running(data_dir) as (_app, pilot):
        await open_goals(pilot)
        await pilot.press("shift+down")
        await pilot.pause()
    assert stored_texts(data_dir) == [step.text for step in swimming().steps]


async def test_change_a_step_and_its_done_date(data_dir: Path):
    seed_goals(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_goals(pilot)
        await pilot.press("down", "enter")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, StepEditor)
        editor.query_one("#done_on", Input).value = "2026-04-10"
        editor.query_one("#planned_on", Input).value = "soon"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "year-month-day" in shown(app, "#planned_on-message")
        assert "still to come" in shown(app, "#done_on-message")
        editor.query_one("#done_on", Input).value = "2026-03-10"
        editor.query_one("#planned_on", Input).value = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Done on Tuesday 10 March 2026." in shown(app, "#step-detail")
    assert str(stored_goals(data_dir)["swimming"].step("s2").done_on) == "2026-03-10"


async def test_mark_done_offers_the_next_step_and_can_be_undone(data_dir: Path):
    seed_goals(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_goals(pilot)
        await pilot.press("space")
        await pilot.pause()
        # The next rung is offered and selected.
        assert ladder(app).step.text == "Swim four lengths"
        said = shown(app, "#goal-said")
        assert said.startswith("Step marked done. Next on your ladder: “Swim four lengths”")
        # Said on its own line, not in a notice over the step below the ladder.
        assert not app._notifications
        assert shown(app, "#step-detail").startswith("Swim four lengths")
        assert "4 of 6 steps done" in shown(app, "#goal-header")
        assert str(stored_goals(data_dir)["swimming"].step("s3").done_on) == "2026-03-18"
        # ctrl+z, the app's one undo (it was u on this screen before).
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "3 of 6 steps done" in shown(app, "#goal-header")
    assert stored_goals(data_dir)["swimming"].steps == swimming().steps


async def test_a_done_step_can_go_back_on_the_ladder(data_dir: Path):
    seed_goals(data_dir)
    async with running(data_dir) as (_app, pilot):
        await open_goals(pilot)
        await pilot.press("down", "space")
        await pilot.pause()
    goal = stored_goals(data_dir)["swimming"]
    assert goal.next_step.id == "s2" and goal.done_count == 2


async def test_the_last_step_offers_to_mark_the_goal_reached_and_reached_goals_reopen(data_dir: Path):
    goal = swimming()
    for step in goal.steps[3:5]:
        goal = goal.step_done(step.id)
    seed_goals(data_dir, [goal])
    async with running(data_dir) as (app, pilot):
        await open_goals(pilot)
        await pilot.press("space")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        assert "Have you reached your goal?" in app.screen.query_one("#question").render().plain
        await pilot.press("tab", "enter")  # moving to "Reached": no letter answers yes
        await pilot.pause()
        assert list_rows(app) == ["Reached: 1 goal", "✓ Get back to swimming"]
        assert "✓ reached 18 March 2026" in shown(app, "#goal-header")
    stored = stored_goals(data_dir)["swimming"]
    assert stored.status is GoalStatus.REACHED and str(stored.reached_on) == "2026-03-18"
    async with running(data_dir) as (app, pilot):
        await open_goals(pilot)
        await pilot.press("left", "o")
        await pilot.pause()
        assert list_rows(app)[:2] == ["Working on", "★ Get back to swimming"]
    assert stored_goals(data_dir)["swimming"].status is GoalStatus.ACTIVE


async def test_not_yet_after_the_last_step_asks_for_the_next_one(data_dir: Path):
    seed_goals(data_dir, [Goal(id="g", text="Walk more", steps=[Step(text="Walk to the shop")])])
    async with running(data_dir) as (app, pilot):
        await open_goals(pilot)
        await pilot.press("space")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, StepEditor)
        assert app.screen.query_one("Vertical").border_title == "What could the next step be?"
        await type_text(pilot, "Walk round the park")
        await pilot.press("enter")
        await pilot.pause()
        assert ladder(app).step.text == "Walk round the park"
    goal = stored_goals(data_dir)["g"]
    assert goal.status is GoalStatus.ACTIVE and goal.next_step.text == "Walk round the park"


async def test_reach_a_goal_from_the_list_asks_first(data_dir: Path):
    seed_goals(data_dir)
    async with running(data_dir) as (_app, pilot):
        await open_goals(pilot)
        await pilot.press("left", "r")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert not stored_goals(data_dir)["swimming"].reached
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("right", "enter")
        await pilot.pause()
    assert stored_goals(data_dir)["swimming"].reached


async def test_delete_a_step_and_a_goal_ask_first(data_dir: Path):
    seed_goals(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_goals(pilot)
        await pilot.press("d", "n")
        await pilot.pause()
        assert len(stored_texts(data_dir)) == 6
        await pilot.press("d", "ctrl+d")
        await pilot.pause()
        assert "Get into the water once" not in stored_texts(data_dir)
        await pilot.press("left", "d")
        await pilot.pause()
        assert "and its 5 steps" in app.screen.query_one("#question").render().plain
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert "swimming" not in stored_goals(data_dir)
        assert list_rows(app)[1] == "★ Find a part-time job"


async def test_delete_a_step_with_the_mouse_from_its_editor(data_dir: Path):
    seed_goals(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_goals(pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.click("#delete")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert not isinstance(app.screen, StepEditor)
    assert "Get into the water once" not in stored_texts(data_dir)


async def test_click_a_rung_to_select_it_and_drag_it_to_move_it(data_dir: Path):
    seed_goals(data_dir)
    async with running(data_dir, size=(100, 40)) as (app, pilot):
        await open_goals(pilot)
        rungs = ladder(app)
        top, below = rungs.line_of(5), rungs.line_of(4)
        await pilot.click(GoalLadder, offset=(10, top))
        await pilot.pause()
        assert rungs.step.text == "Swim ten lengths"
        await pilot.mouse_down(GoalLadder, offset=(10, top))
        await pilot.hover(GoalLadder, offset=(10, below))
        await pilot.mouse_up(GoalLadder, offset=(10, below))
        await pilot.pause()
        assert rungs.step.text == "Swim ten lengths"
    assert stored_texts(data_dir)[4:] == ["Swim ten lengths", "Swim four lengths"]


async def test_put_a_step_into_this_weeks_practice_once(data_dir: Path):
    seed_goals(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_goals(pilot)
        await pilot.press("p")
        await pilot.pause()
        assert shown(app, "#goal-said") == "Added to this week's practice. (ctrl+z undoes it.)"
        await pilot.press("p")
        await pilot.pause()
        assert shown(app, "#goal-said") == "This step is already in this week's practice."
        await pilot.press("down")
        await pilot.pause()
        assert not app.screen.query_one("#goal-said").display
    db = Database.read_only(data_dir)
    (task,) = Repository.of(db, PracticeTask).all()
    assert (task.text, task.source, str(task.week_of)) == (
        "Get into the water once",
        "goal:swimming:s3",
        "2026-03-16",
    )


async def test_a_failed_save_keeps_what_was_typed(data_dir: Path, monkeypatch: pytest.MonkeyPatch):
    seed_goals(data_dir)

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    async with running(data_dir) as (app, pilot):
        await open_goals(pilot)
        await pilot.press("a")
        await pilot.pause()
        monkeypatch.setattr(storage_module, "_fsync_file", full_disk)
        await type_text(pilot, "Swim with Ali")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StepEditor)
        assert app.screen.query_one("#text", Input).value == "Swim with Ali"
        assert any("still here" in n.message for n in app._notifications)
        monkeypatch.undo()
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, StepEditor)
    assert stored_texts(data_dir)[-1] == "Swim with Ali"


async def test_filling_in_together_marks_the_goal_and_the_step(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        app.together_with = "Jo"
        await open_goals(pilot)
        await pilot.press("n")
        await type_text(pilot, "Cook more")
        await pilot.press("enter")
        await pilot.pause()
        await type_text(pilot, "Find a recipe")
        await pilot.press("enter")
        await pilot.pause()
    (goal,) = stored_goals(data_dir).values()
    assert goal.together_with == "Jo" and goal.steps[0].together_with == "Jo"


# --- Today and restarts ------------------------------------------------------


async def test_today_shows_the_next_step_and_marks_it_done_with_undo(data_dir: Path):
    seed_goals(data_dir)
    async with running(data_dir) as (app, pilot):
        card = app.screen.query_one("#goal-card")
        assert card.display and "Next step: Get into the water once" in shown(app, "#goal-next")
        assert str(card.border_title).endswith("3 of 6 steps done")
        # s is text in the good-moment field; on the card, where the person moved, it marks the step.
        assert shown(app, "#goal-next").endswith(" Done ")
        await to_card(pilot, "goal-card")
        assert shown(app, "#goal-next").endswith(" Done (s) ")
        await pilot.press("s")
        await pilot.pause()
        assert "Next step: Swim four lengths" in shown(app, "#goal-next")
        assert "✓ Done: Get into the water once" in shown(app, "#goal-done-line")
        assert stored_goals(data_dir)["swimming"].done_count == 4
        await click_link(pilot, "#goal-done-line", "Undo")
        assert "Next step: Get into the water once" in shown(app, "#goal-next")
        assert not app.screen.query_one("#goal-card").shows_part("goal-done-line")
        await click_link(pilot, "#goal-next", "Done")
    assert stored_goals(data_dir)["swimming"].done_count == 4


async def test_today_has_no_goal_card_without_a_goal(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        assert not any(c.display for c in app.screen.query("#goal-card"))  # hidden, or not mounted yet
        await pilot.press("escape", "s")
        await pilot.pause()
        # The hidden card's letter starts a good moment instead.
        assert app.screen.query_one("#moment-input").value == "s"


async def test_today_follows_changes_made_on_the_ladder(data_dir: Path):
    seed_goals(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_goals(pilot)
        await pilot.press("space")
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        assert "Next step: Swim four lengths" in shown(app, "#goal-next")


async def test_everything_is_kept_across_a_restart(data_dir: Path):
    seed_goals(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_goals(pilot)
        await pilot.press("space", "a")
        await pilot.pause()
        await type_text(pilot, "Swim in the sea")
        await pilot.press("enter")
        await pilot.pause()
    async with running(data_dir) as (app, pilot):
        await open_goals(pilot)
        assert "4 of 7 steps done" in shown(app, "#goal-header")
        assert ladder(app).step.text == "Swim four lengths"
        await pilot.press("home")
        assert ladder(app).step.text == "Swim in the sea"


async def test_goals_survive_a_json_export_and_import(capsys, data_dir: Path, tmp_path: Path):
    seed_goals(data_dir)
    first, second, other = tmp_path / "first.json", tmp_path / "second.json", tmp_path / "other"
    assert main(["export", "--data-dir", str(data_dir), "--output", str(first)]) == 0
    assert main(["import", str(first), "--data-dir", str(other)]) == 0
    assert main(["export", "--data-dir", str(other), "--output", str(second)]) == 0
    exported = json.loads(first.read_text())["tables"]
    assert len(exported["goals"]) == 3
    assert exported["goals"] == json.loads(second.read_text())["tables"]["goals"]


async def test_the_ladder_keys_are_in_the_command_palette_too(data_dir: Path):
    seed_goals(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_goals(pilot)
        names = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Add step", "Done", "Practice", "Move"} <= names
        await pilot.press("ctrl+p")
        await type_text(pilot, "Done")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
    assert stored_goals(data_dir)["swimming"].done_count == 4


def _contrast(one, two) -> float:
    """WCAG contrast ratio of two rich colours."""

    def luminance(color) -> float:
        channels = [c / 255 for c in color.get_truecolor()]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted([luminance(one), luminance(two)], reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("theme", ["dark", "light", "high-contrast"])
async def test_planned_dates_on_the_ladder_are_readable_in_every_theme(data_dir: Path, theme: str):
    from datetime import date

    seed_goals(data_dir)
    db = Database.open(data_dir)
    goal = Repository.of(db, Goal).get("swimming")
    steps = [step.model_copy(update={"planned_on": date(2026, 12, 21)}) for step in goal.steps]
    Repository.of(db, Goal).save(goal.model_copy(update={"steps": steps}))
    db.close()
    async with running(data_dir) as (app, pilot):
        app.theme = theme
        await open_goals(pilot)
        await pilot.pause()
        found = []
        for y in range(ladder(app).size.height):
            for segment in ladder(app).render_line(y):
                if segment.text.strip().startswith("planned"):
                    found.append(segment.style)
        assert found, "the seeded goal has a planned step"
        for style in found:
            assert _contrast(style.color, style.bgcolor) >= 3.0
