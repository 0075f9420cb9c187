"""Time to open the longest handout section after a keypress, with ten years of data.

The app runs headless on Sam's ten-year demo data. The reader is opened on
the section before the longest one; each run presses 'b' to step back, then
'n', and times from sending the 'n' to the first screen refresh after the
new section is in place (its text rendered and its exercise forms mounted).
Also timed: the section with the most exercise forms, the heaviest to build.
Target: under 150 ms.
"""

from __future__ import annotations

import asyncio
import time

from _common import demo_folder, summary

from imr_companion import content
from imr_companion.store import Database
from imr_companion.ui.app import CompanionApp


def longest() -> tuple[content.Handout, int]:
    """The handout and index of the section with the most words, as Sam reads module 2."""
    return max(
        ((h, i) for h in content.library() for i, _s in enumerate(h.sections_for("bipolar")) if i > 0),
        key=lambda found: len(found[0].sections_for("bipolar")[found[1]].markdown.split()),
    )


def most_forms() -> tuple[content.Handout, int]:
    return max(
        ((h, i) for h in content.library() for i, _s in enumerate(h.sections_for("bipolar")) if i > 0),
        key=lambda found: sum(
            len(ex.options) + 3
            for ex in (found[0].exercise(e) for e in found[0].sections_for("bipolar")[found[1]].exercises)
            if ex is not None
        ),
    )


async def measure(folder, handout: content.Handout, index: int, runs: int) -> list[float]:
    from imr_companion.ui.handouts import reader as handout_reader
    from imr_companion.ui.handouts.screen import open_reader

    shown: list[float] = []
    show = handout_reader.ReaderScreen._show

    async def timed_show(self, *args, **kwargs) -> None:
        await show(self, *args, **kwargs)
        self.call_after_refresh(lambda: shown.append(time.perf_counter()))

    handout_reader.ReaderScreen._show = timed_show  # type: ignore[method-assign]
    db = Database.open(folder, defer_check=True)
    app = CompanionApp(db)
    times: list[float] = []
    sections = handout.sections_for("bipolar")
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            open_reader(app, handout.id, sections[index - 1].id)
            await pilot.pause()
            for _ in range(runs):
                shown.clear()
                start = time.perf_counter()
                await pilot.press("n")
                while not shown:
                    await asyncio.sleep(0.001)
                times.append(shown[0] - start)
                assert app.screen.query_one("#position").render().plain.startswith(f"{index + 1} of")
                await pilot.press("b")
                await pilot.pause()
    finally:
        handout_reader.ReaderScreen._show = show  # type: ignore[method-assign]
        db.close()
    return times


def label(handout: content.Handout, index: int) -> str:
    section = handout.sections_for("bipolar")[index]
    words = len(section.markdown.split())
    return f"Module {handout.number}, '{section.title}': {words} words, {len(section.exercises)} exercises"


def main(runs: int = 30) -> None:
    folder = demo_folder(10)
    for name, (handout, index) in (("longest section", longest()), ("most forms", most_forms())):
        times = asyncio.run(measure(folder, handout, index, runs))
        print(f"{name}: {label(handout, index)}")
        print(summary(f"open {name} after 'n'", times))
    print("target: under 150 ms")


if __name__ == "__main__":
    main()
