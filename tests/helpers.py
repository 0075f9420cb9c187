"""Shared pieces for driving the app as a person would."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path

from imr_companion.models import Settings
from imr_companion.store import Database
from imr_companion.ui.app import CompanionApp


def welcomed(folder: Path, first_name: str = "Alex") -> None:
    """A data folder whose person has already seen the welcome."""
    db = Database.open(folder)
    db.save_settings(Settings(first_name=first_name, welcomed=True))
    db.close()


@contextmanager
def eager_tasks_as_in_app_run() -> Iterator[None]:
    """Tasks start eagerly, as `App.run` has them on Python 3.12 and later.

    `run_test()` leaves the loop's task factory alone, so without this a test
    would not see what happens in a real terminal there: a screen's widgets
    mounting the moment it is made, before it is on the screen stack.
    """
    eager = getattr(asyncio, "eager_task_factory", None)  # new in Python 3.12
    loop = asyncio.get_running_loop()
    before = loop.get_task_factory()
    if eager is not None:
        loop.set_task_factory(eager)
    try:
        yield
    finally:
        loop.set_task_factory(before)


@asynccontextmanager
async def running(
    folder: Path, size: tuple[int, int] = (80, 24), *, notifications: bool = False
) -> AsyncIterator:
    """The app on `folder` as `imr-companion` opens it, closed (and its lock released) afterwards.

    With `notifications`, notices are drawn as a person sees them (Textual's tests leave them out)."""
    db = Database.open(folder, defer_check=True, defer_read=True)
    app = CompanionApp(db)
    try:
        with eager_tasks_as_in_app_run():
            async with app.run_test(size=size, notifications=notifications) as pilot:
                # As a person starts once they see it: after the first frame, cards and all
                # (Today mounts its cards in a worker after the first frame, in a column
                # shown once all are in: a click before that, on a busy machine, hit nothing).
                def cards_shown() -> bool:
                    mounting = (w for w in app.workers if w.group == "today cards" and not w.is_finished)
                    return app.first_frame_shown and next(mounting, None) is None

                await wait_until(pilot, cards_shown, "the first frame and the cards were never shown")
                await pilot.pause()
                await pilot.pause()
                yield app, pilot
    finally:
        db.close()


WAIT_AT_MOST = 60.0
"""Seconds a test waits for a state before it fails: far longer than any wait on an idle machine,
so that a machine busy with other work (six workers on two cores, other suites) only makes it slower."""


async def wait_until(
    pilot, condition: Callable[[], object], failure: str, seconds: float = WAIT_AT_MOST
) -> None:
    """Wait until `condition()` holds, looking again after every round of the app's messages.

    The limit is in seconds of the clock, not in rounds: under load each round takes longer,
    and the work waited for (a thread importing code, a timer) does not come sooner.
    """
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(failure)
        await pilot.pause(0.01)


async def type_text(pilot, text: str) -> None:
    await pilot.press(*[("space" if ch == " " else ch) for ch in text])


async def click_bar(pilot, name: str) -> bool:
    """Click an area's name (its mode) or "help-now" in the area bar, where a person sees it."""
    from imr_companion.ui.common.frame.area_bar import AreaBar

    bar = pilot.app.screen.query_one(AreaBar)
    return await pilot.click(bar, offset=(bar.offset_of(name), 0))


def link_words(pilot, selector: str) -> str:
    """The words a line of a Today card shows (its links drawn in it, ui/common/key_link.py)."""
    return pilot.app.screen.query_one(selector).render().plain


async def click_link(pilot, selector: str, words: str) -> None:
    """Click on `words` where they show in a card's line, as a person clicks a link there."""
    column = link_words(pilot, selector).index(words)
    await pilot.click(selector, offset=(column + 1, 0))
    await pilot.pause()


async def to_card(pilot, card_id: str) -> None:
    """On Today, move from the good-moment field to a card as a person does: Tab, then the down arrow.

    A card's keys work only there; typed anywhere else its letters are text.
    """
    screen = pilot.app.screen
    await pilot.press("tab")
    await pilot.pause()
    for _ in range(10):
        focused = screen.focused
        if focused is not None and focused.id == card_id:
            return
        await pilot.press("down")
        await pilot.pause()
    raise AssertionError(f"the card {card_id} could not be reached with Tab and the down arrow")


async def settled(pilot) -> None:
    """Wait until the screen shows all it is going to show, however busy the machine.

    Settled means: the work after the first frame is done (the records checked),
    no worker is running (a screen's data read in the background), animations
    have finished, no cursor blinks, and two screenshots taken a moment apart
    are the same (every message handled, every refresh drawn). A fixed pause
    cannot promise this on a loaded machine; this waits for the state itself.
    """
    from textual.widgets import Input, TextArea

    app = pilot.app
    checked = "the records were never checked after the first frame"
    await wait_until(pilot, lambda: getattr(app, "records_checked", True), checked)
    shown = None
    laid_out = False
    for _ in range(200):
        await app.workers.wait_for_complete()
        # This also waits until every widget on the screen has handled its messages, and for idle.
        await pilot.wait_for_scheduled_animations()
        # A blinking cursor never settles, and would be drawn on or off by chance.
        for field in app.screen.query(Input).results():
            field.cursor_blink = False
        for area in app.screen.query(TextArea).results():
            area.cursor_blink = False
        screenshot = app.export_screenshot()
        if screenshot == shown:
            if laid_out:
                return
            # Once more after a full layout of the screen: a widget whose size
            # depends on its text must not be caught at the size of older text.
            laid_out = True
            app.screen.refresh(layout=True)
        shown = screenshot
        # A moment apart (the next round waits for the screen's messages again).
        await asyncio.sleep(0.05)
    raise AssertionError("the screen kept changing: it never settled")


@contextmanager
def fixed_folder(name: str) -> Iterator[Path]:
    """An empty data folder at the same path on every run (a snapshot that shows the path), held alone.

    Other suites on the machine (another worktree, another Python) use the same path:
    a lock beside it keeps one test at a time in it, so none empties it under another.
    """
    import fcntl
    import shutil
    import tempfile

    folder = Path(tempfile.gettempdir()) / name
    with open(folder.with_name(name + ".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            shutil.rmtree(folder, ignore_errors=True)
            yield folder
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


_DEMOS: dict[tuple[float, str], Path] = {}
"""Sam's demo data made once per worker for each (years, language), copied for each test that asks."""


def demo_folder(parent: Path, years: float = 1, language: str = "en") -> Path:
    """Sam's demo data in `parent`/data, made on the tests' fixed day (see conftest.FIXED_NOW).

    Made once per worker and copied byte for byte (the stamp of the check stays true):
    the same data a fresh `demo.create` makes on that day, at a thousandth of the cost.
    """
    import atexit
    import shutil
    import tempfile

    from imr_companion import clock, demo
    from tests.conftest import FIXED_NOW

    made = _DEMOS.get((years, language))
    if made is None:
        before = clock._fixed  # the test's own clock, put back after (the fixed one, unless it chose another)
        clock.fix(FIXED_NOW)
        try:
            place = Path(tempfile.mkdtemp(prefix="imr-demo-"))
            atexit.register(shutil.rmtree, place, True)
            made = place / "data"
            demo.create(made, years=years, language=language).close()  # type: ignore[arg-type]
        finally:
            clock.fix(before)
        _DEMOS[(years, language)] = made
    folder = parent / "data"
    shutil.copytree(made, folder)
    return folder


ENGLISH_ONLY = frozenset(
    {
        "the",
        "and",
        "your",
        "you",
        "with",
        "what",
        "when",
        "where",
        "which",
        "press",
        "write",
        "save",
        "saved",
        "delete",
        "done",
        "back",
        "next",
        "add",
        "this",
        "that",
        "these",
        "here",
        "there",
        "today",
        "week",
        "weeks",
        "good",
        "moments",
        "goals",
        "steps",
        "people",
        "read",
        "none",
        "yet",
        "again",
        "keep",
        "open",
        "change",
        "help",
        "who",
        "how",
        "about",
        "has",
        "not",
        "nothing",
        "would",
        "could",
        "should",
        "their",
        "they",
        "them",
        "its",
        "it's",
        "letting",
        "choose",
        "chosen",
        "close",
        "closing",
        "cancel",
        "yes",
        "less",
        "some",
        "every",
        "any",
        "times",
        "day",
        "days",
        "month",
        "months",
        "year",
        "years",
        "first",
        "new",
        "old",
        "all",
        "also",
        "only",
        "shows",
        "shown",
        "signs",
    }
)
"""Common English words that are not also Danish words ("time", "let", "from", "note" are): on a screen
drawn in Danish, any of them is a word left untranslated (names and the person's own words aside)."""


def english_left(text: str, allowed: frozenset[str] = frozenset()) -> list[str]:
    """The English words in `text` (a screen drawn in Danish), apart from `allowed` (names, own words)."""
    import re

    words = re.findall(r"[A-Za-z']+", text)
    return sorted({word for word in words if word.lower() in ENGLISH_ONLY and word not in allowed})


async def shown_after(pilot, *keys: str, front: type) -> str:
    """Press `keys`, wait until a `front` screen is in front and has settled; its text."""
    from tests.ui.markup_walk import screen_text

    await pilot.press(*keys)
    failure = f"{front.__name__} did not come to the front after {keys}"
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, front), failure)
    await settled(pilot)
    return screen_text(pilot.app)


def models_imported_by(code: str) -> list[str]:
    """The pydantic and imr_companion.models modules a fresh Python has imported after running `code`
    (the paths drawn before pydantic must stay without it)."""
    import json
    import subprocess
    import sys

    probe = (
        f"{code}\nimport json, sys\nprint(json.dumps(sorted(m for m in sys.modules"
        " if m.split('.')[0] == 'pydantic' or m.startswith('imr_companion.models'))))\n"
    )
    found = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return json.loads(found.stdout.splitlines()[-1])
