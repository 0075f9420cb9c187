"""Time to open Good moments (key 3) and to page through it, with ten years of data.

Wall time includes Pilot waiting for the app to settle (timers, idle), which
is there even for a key that does nothing; CPU time is the work the app did.
Both are shown, with a key that does nothing as the baseline.
"""

from __future__ import annotations

import asyncio
import time

from _common import demo_folder, summary

from imr_companion.store import Database
from imr_companion.ui.app import CompanionApp


async def measure(runs: int = 7) -> None:
    folder = demo_folder(10)
    opened, paged, idle = [], [], []
    opened_cpu, paged_cpu = [], []
    for _ in range(runs):
        db = Database.open(folder)
        app = CompanionApp(db)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("escape")
            await pilot.pause()
            start = time.perf_counter()
            await pilot.press("f12")  # bound to nothing (a letter on Today starts writing a moment)
            await pilot.pause()
            idle.append(time.perf_counter() - start)
            start, cpu = time.perf_counter(), time.process_time()
            await pilot.press("3")
            await pilot.pause()
            opened.append(time.perf_counter() - start)
            opened_cpu.append(time.process_time() - cpu)
            start, cpu = time.perf_counter(), time.process_time()
            await pilot.press("pagedown")
            await pilot.pause()
            paged.append(time.perf_counter() - start)
            paged_cpu.append(time.process_time() - cpu)
            await pilot.press("1")
        db.close()
    print(summary("baseline: a key that does nothing", idle))
    print(summary("open Good moments, wall", opened))
    print(summary("open Good moments, CPU", opened_cpu))
    print(summary("page down, wall", paged))
    print(summary("page down, CPU", paged_cpu))


if __name__ == "__main__":
    asyncio.run(measure())
