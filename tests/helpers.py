"""Shared pieces for driving the app as a person would."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from imr_companion.models import Settings
from imr_companion.store import Database
from imr_companion.ui.app import CompanionApp


def welcomed(folder: Path, first_name: str = "Alex") -> None:
    """A data folder whose person has already seen the welcome."""
    db = Database.open(folder)
    db.save_settings(Settings(first_name=first_name, welcomed=True))
    db.close()


@asynccontextmanager
async def running(
    folder: Path, size: tuple[int, int] = (80, 24), *, notifications: bool = False
) -> AsyncIterator:
    """The app on `folder` as `imr-companion` opens it, closed (and its lock released) afterwards.

    With `notifications`, notices are drawn as a person sees them (Textual's tests leave them out)."""
    db = Database.open(folder, defer_check=True, defer_read=True)
    app = CompanionApp(db)
    try:
        async with app.run_test(size=size, notifications=notifications) as pilot:
            # As a person starts once they see it: after the first frame, cards and all.
            for _ in range(500):
                if app.first_frame_shown:
                    break
                await pilot.pause(0.01)
            await pilot.pause()
            await pilot.pause()
            yield app, pilot
    finally:
        db.close()


async def type_text(pilot, text: str) -> None:
    await pilot.press(*[("space" if ch == " " else ch) for ch in text])


async def click_bar(pilot, name: str) -> bool:
    """Click an area's name (its mode) or "help-now" in the area bar, where a person sees it."""
    from imr_companion.ui.common.area_bar import AreaBar

    bar = pilot.app.screen.query_one(AreaBar)
    return await pilot.click(bar, offset=(bar.offset_of(name), 0))


def demo_folder(parent: Path, years: float = 1) -> Path:
    """Sam's demo data in `parent`/data, made on the tests' fixed day (see conftest.FIXED_NOW)."""
    from imr_companion import clock, demo
    from tests.conftest import FIXED_NOW

    clock.fix(FIXED_NOW)
    try:
        folder = parent / "data"
        demo.create(folder, years=years).close()
    finally:
        clock.fix(None)
    return folder
