"""The app as `App.run` starts it on every Python from 3.11 up.

Since Python 3.12 `App.run` starts tasks eagerly: a screen's widgets mount the
moment the screen is made. The first screen used to be made before it was on
the screen stack, and its text field stopped the app with ScreenStackError in
a real terminal, though `run_test()` (which starts tasks lazily) saw nothing.
`tests.helpers.running` starts tasks as `App.run` does, so every test that
opens the app through it runs as a person's terminal would.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

from imr_companion.areas import in_bar
from tests.helpers import running, welcomed

needs_eager_tasks = pytest.mark.skipif(
    sys.version_info < (3, 12), reason="eager tasks (asyncio.eager_task_factory) came with Python 3.12"
)


@needs_eager_tasks
async def test_the_tests_start_tasks_eagerly_as_app_run_does(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir):
        assert asyncio.get_running_loop().get_task_factory() is asyncio.eager_task_factory


@needs_eager_tasks
async def test_a_first_run_opens_on_the_welcome(data_dir: Path):
    async with running(data_dir) as (app, pilot):
        assert type(app.screen).__name__ == "WelcomeScreen"
        await pilot.press("K", "i", "m", "enter")
        await pilot.pause()
        assert "Kim" in app.screen.query_one("#greeting").render().plain


async def test_today_then_every_area_and_help_now(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        assert app.screen.query("#moment-input")
        await pilot.press("escape")  # out of Today's field, where a digit would type
        for area in (*in_bar()[1:], in_bar()[0]):
            await pilot.press(area.key)
            await pilot.pause()
            assert app.current_mode == area.mode
            assert app.screen is app.screen_stack[-1]
        await pilot.press("f1")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpNowScreen"
