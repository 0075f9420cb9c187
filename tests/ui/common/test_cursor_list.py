"""The one cursor list: the same keys move through a list of rows and up a goal ladder."""

from __future__ import annotations

from textual.app import App, ComposeResult

from imr_companion.models import Goal
from imr_companion.models.goals import Step
from imr_companion.ui.common.lists.row_list import Row, RowList
from imr_companion.ui.goals.ladder import GoalLadder


class Host(App[None]):
    def __init__(self, widget) -> None:
        super().__init__()
        self.widget = widget
        self.seen: list[object] = []

    def compose(self) -> ComposeResult:
        yield self.widget

    def on_mount(self) -> None:
        self.widget.focus()

    def on_row_list_highlighted(self, event: RowList.Highlighted) -> None:
        self.seen.append(event.row.key if event.row else None)

    def on_goal_ladder_highlighted(self, event: GoalLadder.Highlighted) -> None:
        self.seen.append(event.step.text if event.step else None)


async def test_rows_skip_headings_with_every_key_and_say_where_the_cursor_is():
    rows = [Row("March"), Row("one", "1"), Row("two", "2"), Row("February"), Row("three", "3")]
    rows += [Row(f"old {n}", f"o{n}") for n in range(40)]
    widget = RowList()
    app = Host(widget)
    async with app.run_test(size=(40, 10)) as pilot:
        widget.set_rows(rows)
        await pilot.pause()
        assert widget.current.key == "1"
        await pilot.press("down", "down")
        assert widget.current.key == "3"  # past the heading
        await pilot.press("up")
        assert widget.current.key == "2"
        await pilot.press("end")
        assert widget.current.key == "o39"
        await pilot.press("home")
        assert widget.current.key == "1"
        await pilot.press("pagedown")
        assert widget.current.key not in ("1", None) and not widget.current.is_heading
        await pilot.pause()
        assert app.seen[-1] == widget.current.key


async def test_up_on_the_ladder_is_up_the_screen_towards_the_goal():
    steps = [Step(text="Find the pool"), Step(text="Get in"), Step(text="Swim a length")]
    goal = Goal(text="Swim", steps=steps)
    widget = GoalLadder()
    app = Host(widget)
    async with app.run_test(size=(60, 20)) as pilot:
        widget.show(goal)
        await pilot.pause()
        assert widget.step.text == "Find the pool"  # the next step, at the bottom
        await pilot.press("up")
        assert widget.step.text == "Get in"
        await pilot.press("home")
        assert widget.step.text == "Swim a length"  # the top rung
        await pilot.press("end")
        assert widget.step.text == "Find the pool"
        await pilot.pause()
        assert app.seen[-1] == "Find the pool"
