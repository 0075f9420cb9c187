"""What is measured, each in a real pseudo-terminal, to the frame a person sees.

Every round starts the minimal Textual app first, then each scenario once, so
that the machine's load at that moment weighs on both alike; a scenario's
ratio is taken against the minimal app of its own round.
"""

from __future__ import annotations

import os
import re
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.terminal import Terminal

HERE = Path(__file__).parent
MINIMAL_MARKER = "A minimal Textual app"
TODAY = "A good moment today"
WELCOME = "Welcome to IMR Companion"
UNLOCK = "Your data is locked"
# What each card of Today shows when it has something to say (its border title).
CARDS = ("─My plan─", "─Check-in─", "─Your goal", "─Handouts─", "─This week's practice─")
# A shown area marks its own name in the area bar.
AREAS = {
    key: f"▸ {key} {title}"
    for key, title in (
        ("2", "Handouts"),
        ("3", "Good moments"),
        ("4", "Goals"),
        ("5", "Network"),
        ("6", "My plan"),
        ("1", "Today"),
    )
}
AREA_NAMES = {"2": "Handouts", "3": "Good moments", "4": "Goals", "5": "Network", "6": "My plan"}
_POSITION = re.compile(r"\b(\d+) of (\d+)\b")
SETTLE = 0.25
"""Seconds without output that count as 'the screen has settled' between steps."""


@dataclass
class Results:
    """Every figure by name: seconds (timings) or KiB (memory), one entry per run."""

    seconds: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    ratios: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    kib: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))


def _environment() -> dict[str, str]:
    root = str(HERE.parent)
    path = os.environ.get("PYTHONPATH")
    # The markers waited for are the English words: the app speaks English here whatever this computer's
    # language (the demo data is made in English too, benchmarks/data.py), so the two apps draw the same.
    english = {"LANG": "C.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""}
    return dict(os.environ, **english, PYTHONPATH=f"{root}{os.pathsep}{path}" if path else root)


def minimal_app() -> Terminal:
    return Terminal([sys.executable, str(HERE / "minimal_app.py")], _environment())


def companion(folder: Path) -> Terminal:
    return Terminal([sys.executable, "-m", "imr_companion", "--data-dir", str(folder)], _environment())


def cards_shown(folder: Path) -> tuple[str, ...]:
    """The cards Today shows for this data (found once, by looking)."""
    with companion(folder) as app:
        app.wait_for(TODAY)
        app.settle(1.0)
        text = app.screen_text()
    return tuple(card for card in CARDS if card in text)


class Round:
    """One round: the minimal app, then the scenarios, each timed against it."""

    def __init__(self, results: Results) -> None:
        self.results = results
        with minimal_app() as app:
            self.minimal = app.wait_for(MINIMAL_MARKER)
            app.settle(SETTLE)
        self.record("minimal Textual app: first frame", self.minimal)
        self.results.kib["minimal Textual app"].append(app.peak_kib or 0)

    def record(self, name: str, seconds: float, against: float | None = None) -> None:
        self.results.seconds[name].append(seconds)
        self.results.ratios[name].append(seconds / (against or self.minimal))

    def welcome(self, folder: Path) -> None:
        with companion(folder) as app:
            self.record("welcome screen: first frame", app.wait_for(WELCOME))
            app.settle(SETTLE)
        self.results.kib["welcome screen"].append(app.peak_kib or 0)

    def today(self, label: str, folder: Path, cards: tuple[str, ...]) -> None:
        with companion(folder) as app:
            self.record(f"Today, {label}: first frame", app.wait_for(TODAY))
            if cards:
                self.record(f"Today, {label}: every card", app.wait_for(*cards))
            app.settle(SETTLE)
        self.results.kib[f"Today, {label}"].append(app.peak_kib or 0)

    def unlocked(self, label: str, folder: Path, passphrase: str) -> None:
        """The unlock window's first frame, then from Enter to Today's first frame (Argon2 included)."""
        with companion(folder) as app:
            self.record(f"unlock window, {label}: first frame", app.wait_for(UNLOCK))
            app.settle(SETTLE)
            app.press(passphrase)
            app.settle(SETTLE)
            mark = app.mark()
            pressed = app.press("\r")
            self.results.seconds[f"Enter to Today's first frame, {label}"].append(
                app.wait_for(TODAY, after=mark) - pressed
            )
            app.settle(SETTLE)

    def areas(self, label: str, folder: Path, oldest_moment: str) -> None:
        """Each area opened (then reopened), a handout page turned, good moments scrolled to the end."""
        with companion(folder) as app:
            self._leave_field(app)  # out of the good-moment field, so digits open areas
            for turn in ("first open", "reopen"):
                for key, name in AREA_NAMES.items():
                    self._key(app, key, AREAS[key], f"{name}, {label}: {turn}")
                self._key(app, "1", AREAS["1"], None)
                self._leave_field(app)  # Today gives the field the keys again when it comes back
            self._key(app, "2", AREAS["2"], None)
            mark = app.mark()
            self._key(app, "c", "Next (n)", f"handout reader, {label}: open")
            # The reader shows where you are ("5 of 11"); the next page says the next number.
            here, total = _POSITION.findall(app.screen_text(mark))[-1]
            self._key(app, "n", f"{int(here) + 1} of {total}", f"handout page turn, {label}")
            self._key(app, "\x1b", AREAS["2"], None)
            self._key(app, "3", AREAS["3"], None)
            self._key(app, "\x1b[F", oldest_moment, f"good moments scrolled to the end, {label}")
        self.results.kib[f"after every area, {label}"].append(app.peak_kib or 0)

    def network(self, label: str, folder: Path, name: str) -> None:
        with companion(folder) as app:
            self._leave_field(app)
            self._key(app, "5", name, f"network map, {label}: first open")

    @staticmethod
    def _leave_field(app: Terminal) -> None:
        """Wait until Today has settled, then press Escape so that digits open areas."""
        app.wait_for(TODAY)
        app.settle(SETTLE)
        app.press("\x1b")
        app.settle(SETTLE)

    def _key(self, app: Terminal, keys: str, marker: str, name: str | None) -> None:
        """Press `keys`; time until `marker` is drawn after it, then let the screen settle."""
        mark = app.mark()
        pressed = app.press(keys)
        seen = app.wait_for(marker, after=mark)
        if name is not None:
            # A key is measured in absolute time: the minimal app has no keys to compare with.
            self.results.seconds[name].append(seen - pressed)
        app.settle(SETTLE)


Step = Callable[[Round], None]
