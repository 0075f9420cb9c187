"""What every area screen does as it is first built: the garbage collector waits until it is drawn."""

from __future__ import annotations

import gc

from imr_companion.ui.goals.screen import GoalsScreen
from imr_companion.ui.handouts.practice import PracticeScreen
from tests.helpers import running, wait_until, welcomed


async def test_the_collector_waits_while_an_area_is_built_and_runs_again_after(data_dir, monkeypatch) -> None:
    welcomed(data_dir)
    seen: dict[str, bool] = {}

    def noting(built):
        def on_mount(self) -> None:
            seen[type(self).__name__] = gc.isenabled()
            built(self)

        return on_mount

    for screen in (GoalsScreen, PracticeScreen):
        monkeypatch.setattr(screen, "on_mount", noting(screen.on_mount))
    async with running(data_dir) as (app, pilot):
        await wait_until(pilot, lambda: app.records_checked and gc.isenabled(), "the collector never ran")
        await pilot.press("escape", "4")  # an area's own screen
        await wait_until(pilot, lambda: "GoalsScreen" in seen and gc.isenabled(), "Goals never opened")
        await pilot.press("2", "p")  # a screen on top of an area, let go of when closed
        await wait_until(pilot, lambda: "PracticeScreen" in seen and gc.isenabled(), "practice never opened")
    assert seen == {"GoalsScreen": False, "PracticeScreen": False}
