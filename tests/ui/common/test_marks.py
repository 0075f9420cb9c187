"""State shows as a mark, not only as a colour: one tick box, and the rating scale's position."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets.selection_list import Selection

from imr_companion.ui.common.choices.marked_toggle import MarkedRadioButton, MarkedSelectionList
from imr_companion.ui.common.choices.rating_scale import RatingScale
from imr_companion.ui.common.choices.tick_box import TickBox
from imr_companion.ui.plan.checkin import CheckInScreen
from tests.helpers import running
from tests.plan_seed import PHONE, seed_plan


def line_of(widget, y: int) -> str:
    return "".join(segment.text for segment in widget.render_line(y))


class Host(App[None]):
    def compose(self) -> ComposeResult:
        yield RatingScale("Not at all", "Very much", id="scale")
        yield MarkedSelectionList(Selection("Tea", "tea", True), Selection("Music", "music"), id="list")
        yield TickBox("Listening", value=True, id="on")
        yield TickBox("Advice", id="off")
        yield MarkedRadioButton("Yes", value=True, id="yes")


async def test_the_rating_scale_shows_where_the_arrow_keys_are():
    async with Host().run_test() as pilot:
        scale = pilot.app.query_one(RatingScale)
        scale.focus()
        await pilot.press("right")
        await pilot.pause()
        assert "›4‹" in scale.render().plain
        await pilot.press("right")
        await pilot.pause()
        assert "›5‹" in scale.render().plain and "›4‹" not in scale.render().plain
        await pilot.press("enter")
        await pilot.pause()
        assert "[5]" in scale.render().plain and "›" not in scale.render().plain
        await pilot.press("left")
        await pilot.pause()
        assert "›4‹" in scale.render().plain and "[5]" in scale.render().plain


async def test_one_tick_box_look_everywhere():
    async with Host().run_test() as pilot:
        checklist = pilot.app.query_one(MarkedSelectionList)
        assert line_of(checklist, 0).startswith("[✓] Tea")
        assert line_of(checklist, 1).startswith("[ ] Music")
        assert pilot.app.query_one("#on", TickBox).render().plain.startswith("[✓]")
        assert pilot.app.query_one("#off", TickBox).render().plain.startswith("[ ]")
        assert pilot.app.query_one(MarkedRadioButton).render().plain.startswith("(●)")


async def test_the_check_in_ticks_with_a_mark_not_an_x_on_every_row(data_dir: Path):
    seed_plan(data_dir)
    async with running(data_dir) as (app, pilot):
        app.push_screen(CheckInScreen())
        await pilot.pause()
        signs = app.screen.query_one(MarkedSelectionList)
        signs.select(PHONE.id)
        await pilot.pause()
        rows = [line_of(signs, 0), line_of(signs, 1)]
    assert rows[0].startswith("[ ] Sleeping less")
    assert rows[1].startswith("[✓] Not answering the phone")
    assert not any("X" in row for row in rows)
