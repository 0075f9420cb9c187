"""Reading what a screen shows, as text, and checking that a person's words in it are as typed."""

from __future__ import annotations

import io
import re
import time
from collections.abc import Callable

from rich.console import Console

from tests.helpers import WAIT_AT_MOST
from tests.markup_seed import ANCHORED, TEXTS


def screen_text(app) -> str:
    """The characters the terminal shows now: the screen in front, dialogs over what is beneath, notices."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True, legacy_windows=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()


def broken(shown: str) -> list[str]:
    """Each place in `shown` where a tagged or anchored text is not followed by what was typed.

    A text may be cut by the edge of its box (the line ends), by a wrap, or
    with "…": what is there must still be the start of what was typed.
    """
    problems = []
    anchors = {tag: TEXTS[tag][len(tag) :] for tag in TEXTS}
    anchors.update(ANCHORED)
    lines = shown.splitlines()
    for number, line in enumerate(lines):
        below = lines[number + 1] if number + 1 < len(lines) else ""
        for anchor, rest in anchors.items():
            for found in re.finditer(re.escape(anchor), line):
                after = line[found.end() :]
                if anchor.startswith("Q") and after[:1].isdigit():
                    continue  # Q1 in Q12
                if after.startswith(rest):
                    continue
                if "…" in after and rest.startswith(after.split("…", 1)[0]):
                    continue  # cut to fit, with the ellipsis saying so
                head = after.split("  ", 1)[0].rstrip()
                if rest.startswith(head) and _wrapped(rest[len(head) :].strip(), after[len(head) :], below):
                    continue
                problems.append(f"{anchor!r} shown as {line.strip()!r}")
    return problems


def _wrapped(remainder: str, after_head: str, below: str) -> bool:
    """The rest of a text went on to the next line: nothing but blanks or a border after it here."""
    if after_head.strip(" │┃▌▐▏▕") and not after_head.startswith("  "):
        return False
    words = remainder.split(" ", 1)[0]
    return bool(words) and re.search(rf"(^|[ │┃]){re.escape(words)}", below) is not None


def shown_whole(shown: str) -> set[str]:
    """The texts shown whole on the screen, exactly as typed."""
    return {value for value in TEXTS.values() if value in shown}


async def wait_for(pilot, condition: Callable[[], object], what: str) -> None:
    """Pause until `condition()` holds; fail with `what` (and the screen) when it never does."""
    deadline = time.monotonic() + WAIT_AT_MOST
    while time.monotonic() < deadline:
        if not pilot.app.is_running or pilot.app._exception is not None:
            raise AssertionError(f"the app stopped while waiting for {what}: {pilot.app._exception!r}")
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError(
        f"waited in vain for {what} on {type(pilot.app.screen).__name__}\n{screen_text(pilot.app)}"
    )


class Walk:
    """Going from screen to screen as a person would, reading each one when it has settled."""

    def __init__(self, app, pilot) -> None:
        self.app = app
        self.pilot = pilot
        self.seen: set[str] = set()
        self.notices: list[str] = []

    async def press(self, *keys: str) -> None:
        for key in keys:
            await self.pilot.press(key)
            await self.pilot.pause()

    async def look(self, where: str, screen: str, *expect: str) -> str:
        """Wait for the screen called `screen` showing every text in `expect`; check all it shows."""
        app = self.app
        await wait_for(self.pilot, lambda: type(app.screen).__name__ == screen, f"{screen} ({where})")
        await wait_for(
            self.pilot,
            lambda: all(text in screen_text(app) for text in expect),
            f"{where} showing {expect}",
        )
        await self.pilot.pause()
        shown = screen_text(app)
        assert app.is_running, f"the app stopped at {where}"
        problems = broken(shown)
        assert not problems, f"{where}: {problems}"
        self.seen |= shown_whole(shown)
        self.notices += [str(n.message) for n in app._notifications]
        return shown
