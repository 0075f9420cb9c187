"""Notices never cover what they refer to, and end when the person leaves.

A notice (Textual's toast) shows at the top right, under the area bar; it
ends when Help now, a dialog or another area opens. Each test draws the
notices as a person sees them (`notifications=True`).
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path

from textual.geometry import Region
from textual.widgets import Button
from textual.widgets._toast import Toast

from imr_companion.ui.common.dialogs.confirm import Confirm
from imr_companion.ui.common.frame.area_bar import AreaBar
from imr_companion.ui.common.frame.keys_footer import KeysFooter
from imr_companion.ui.network.person_editor import PersonEditor
from imr_companion.ui.plan.help_now import HelpNowScreen
from tests.helpers import running, wait_until
from tests.plan_seed import seed_plan

LONG = "Saved. This notice is long enough to take more than one line at eighty columns, on purpose."


async def shown(pilot, count: int = 1) -> list[Toast]:
    """The notices drawn on the screen in front, once `count` of them are there."""
    def drawn() -> list[Toast]:
        return [toast for toast in pilot.app.screen.query(Toast) if toast.region.area]

    with suppress(AssertionError):  # fewer than `count`: the caller says what was missing
        await wait_until(pilot, lambda: len(drawn()) >= count, "")
    return drawn()


def overlaps(region: Region, widget) -> bool:
    return bool(region.overlaps(widget.region)) if widget.region.area else False


async def wait_for_screen(pilot, kind: type) -> None:
    await wait_until(
        pilot, lambda: isinstance(pilot.app.screen, kind) and pilot.app.screen.query(Button), kind.__name__
    )
    await pilot.pause()


async def test_the_check_in_notice_ends_when_help_now_opens(data_dir: Path):
    seed_plan(data_dir)
    async with running(data_dir, notifications=True) as (app, pilot):
        line = app.screen.query_one("#checkin-actions")
        column = line.render().plain.index("None today")
        await pilot.click("#checkin-actions", offset=(column + 1, 0))
        assert any("Checked in" in toast._notification.message for toast in await shown(pilot))
        await pilot.press("f1")
        await wait_for_screen(pilot, HelpNowScreen)
        assert not app._notifications
        assert not [toast for toast in app.screen.query(Toast) if toast.region.area]
        assert app.screen.query_one("#back", Button).region.area


async def test_a_notice_ends_when_the_person_changes_area(data_dir: Path):
    seed_plan(data_dir)
    async with running(data_dir, notifications=True) as (app, pilot):
        line = app.screen.query_one("#checkin-actions")
        column = line.render().plain.index("None today")
        await pilot.click("#checkin-actions", offset=(column + 1, 0))
        assert await shown(pilot)
        await pilot.press("escape", "6")  # on Today the digit would type: Esc first
        await wait_until(pilot, lambda: app.current_mode == "plan", "My plan never opened")
        await pilot.pause()
        assert not app._notifications
        assert not [toast for toast in app.screen.query(Toast) if toast.region.area]


async def test_a_notice_on_an_area_leaves_the_area_bar_the_footer_and_the_list_end_free(data_dir: Path):
    seed_plan(data_dir)
    async with running(data_dir, notifications=True) as (app, pilot):
        await pilot.press("escape", "6")  # on Today the digit would type: Esc first
        await wait_for_screen(pilot, type(app.get_screen_stack("plan")[0]))
        app.notify(LONG)
        app.notify("Deleted.")
        toasts = await shown(pilot, 2)
        assert len(toasts) == 2
        bar = app.screen.query_one(AreaBar)
        footer = app.screen.query_one(KeysFooter)
        for toast in toasts:
            assert not overlaps(toast.region, bar), "Help now's link in the bar stays in view"
            assert not overlaps(toast.region, footer), "the keys (and an undo hint) stay in view"
            # The lower half of the screen, where a list's newest lines are, stays free.
            assert toast.region.bottom <= app.size.height // 2


async def test_a_notice_never_covers_a_dialogs_buttons(data_dir: Path):
    seed_plan(data_dir)
    async with running(data_dir, notifications=True) as (app, pilot):
        for dialog in (HelpNowScreen(), PersonEditor(), Confirm("Delete this?", yes="Delete", no="Keep it")):
            app.push_screen(dialog)
            await wait_for_screen(pilot, type(dialog))
            app.notify(LONG)
            toasts = await shown(pilot)
            assert toasts, type(dialog).__name__
            for toast in toasts:
                for button in app.screen.query(Button):
                    assert not overlaps(toast.region, button), (type(dialog).__name__, str(button.label))
            if isinstance(dialog, HelpNowScreen):
                # Nor the first line of Help now: the number to call in an emergency.
                number = app.screen.query_one("#help-text")
                first_line = Region(number.region.x, number.region.y, number.region.width, 1)
                assert not any(toast.region.overlaps(first_line) for toast in toasts)
            app.pop_screen()
            await pilot.pause()
