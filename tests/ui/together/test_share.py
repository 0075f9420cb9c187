"""Share or print: the person ticks parts, sees them, is told the file is not protected, and saves it."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, SelectionList

from imr_companion.ui.together.share import NOT_PROTECTED, ShareScreen
from tests.helpers import running
from tests.together_seed import NEVER_SHARED, PART_MARKERS, seed_everything


async def test_saves_exactly_the_parts_chosen(data_dir: Path, tmp_path: Path):
    seed_everything(data_dir)
    target = tmp_path / "for-the-team.md"
    async with running(data_dir, size=(100, 40)) as (app, pilot):
        await pilot.press("f2", "p")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ShareScreen)
        assert NOT_PROTECTED in screen.query_one("#share-warning").render().plain
        # The plan is ticked to begin with: untick it, tick goals and session notes.
        await pilot.press("space", "down", "down", "space", "down", "down", "down", "space")
        await pilot.pause()
        assert screen.query_one("#share-parts", SelectionList).selected == ["goals", "sessions"]
        await pilot.click("#markdown")
        await app.workers.wait_for_complete()
        await pilot.pause()
        preview = screen.query_one("#share-preview").render().plain
        assert "MARKER-GOAL-STEP" in preview and "MARKER-WELL" not in preview
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
    text = target.read_text()
    for part, markers in PART_MARKERS.items():
        for marker in markers:
            assert (marker in text) == (part in ("goals", "sessions")), marker
    assert not [m for m in NEVER_SHARED if m in text]
    assert target.stat().st_mode & 0o777 == 0o600


async def test_refuses_to_save_inside_the_data_folder(data_dir: Path):
    seed_everything(data_dir)
    async with running(data_dir, size=(100, 40)) as (app, pilot):
        await pilot.press("f2", "p")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(data_dir / "plan.html")
        await pilot.press("enter")
        await pilot.pause()
        # Said beside the field, before anything is written (the prompt checks the place itself).
        said = app.screen.query_one("#path-message").render().plain
        assert "inside the app's own data folder" in said
    assert not (data_dir / "plan.html").exists()


async def test_a_date_that_cannot_be_read_is_explained(data_dir: Path):
    seed_everything(data_dir)
    async with running(data_dir, size=(100, 40)) as (app, pilot):
        await pilot.press("f2", "p")
        await pilot.pause()
        field = app.screen.query_one("#share-from", Input)
        field.value = "last spring"
        field.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert "year-month-day" in app.screen.query_one("#share-span-message").render().plain
        assert field.value == "last spring"
