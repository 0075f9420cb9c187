"""Time from process start to the first frame of Today, beside a minimal Textual app.

Each run is a fresh process (headless), timed from just before it is started
to the moment it reports that its first screen is up.
"""

from __future__ import annotations

import subprocess
import sys
import time

from _common import demo_folder, summary

# "First frame" is the first refresh after the first screen is mounted, for both apps.
MINIMAL = """
from textual.app import App
from textual.widgets import Static

class Minimal(App):
    def compose(self):
        yield Static("hello")

    def on_mount(self):
        self.call_after_refresh(self.ready)

    def ready(self):
        print("ready", flush=True)
        self.exit()

Minimal().run(headless=True, size=(80, 24))
"""

# The same kinds of widget as Today (input, cards, footer), with no data layer:
# separates what Textual's widgets cost from what our store and models cost.
WIDGETS = """
from textual.app import App
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Input, Static

class Widgets(App):
    def compose(self):
        with Horizontal():
            yield Static("1 Today")
        yield Static("Good evening.")
        with VerticalScroll():
            with Vertical():
                yield Input(placeholder="Something good today")
                yield Static("a moment")
            with Vertical():
                yield Static("this month")
        yield Footer(compact=True)

    def on_mount(self):
        self.call_after_refresh(self.ready)

    def ready(self):
        print("ready", flush=True)
        self.exit()

Widgets().run(headless=True, size=(80, 24))
"""

COMPANION = """
import sys
from pathlib import Path
from imr_companion.store import Database
from imr_companion.ui.app import CompanionApp

db = Database.open(Path(sys.argv[1]), defer_check=True)

class Measured(CompanionApp):
    # The app checks every record right after its first frame; that is the moment.
    def _check_records(self):
        assert self.screen.query("#moment-input"), "Today is not showing"
        print("ready", flush=True)
        if "--complete" in sys.argv:
            # Then until the cards have come in and the screen has settled.
            self.set_timer(0.001, self._cards)
        else:
            self.exit()

    def _cards(self):
        from imr_companion.ui.common.today_card import TodayCard
        if not self.screen.query(TodayCard):
            self.set_timer(0.001, self._cards)
            return
        self.call_after_refresh(self._settled)

    def _settled(self):
        print("complete", flush=True)
        self.exit()

Measured(db).run(headless=True, size=(80, 24))
db.close()
"""


def first_frame(code: str, *args: str, until: str = "ready") -> float:
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True)
    line = ""
    while line.strip() != until:
        line = child.stdout.readline()
        if not line:
            raise SystemExit(f"the app did not start (exit {child.wait()})")
    elapsed = time.perf_counter() - start
    child.wait()
    return elapsed


def main(runs: int = 7) -> None:
    folder = demo_folder(10)
    first_frame(MINIMAL)  # warm the file cache for both
    first_frame(COMPANION, str(folder))
    minimal = [first_frame(MINIMAL) for _ in range(runs)]
    widgets = [first_frame(WIDGETS) for _ in range(runs)]
    companion = [first_frame(COMPANION, str(folder)) for _ in range(runs)]
    complete = [first_frame(COMPANION, str(folder), "--complete", until="complete") for _ in range(runs)]
    print(summary("minimal Textual app, first frame", minimal))
    print(summary("Textual app with Today's widgets", widgets))
    print(summary("IMR Companion Today, 10 years of data", companion))
    print(summary("... with every card filled in", complete))
    ratio = sorted(companion)[runs // 2] / sorted(minimal)[runs // 2]
    print(f"ratio of medians: {ratio:.2f}x (target: at most 1.5x)")


if __name__ == "__main__":
    main()
