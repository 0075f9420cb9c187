"""What is measured, each in a real pseudo-terminal, to the frame a person sees.

Every round starts the minimal Textual app first, then each scenario once, so
that the machine's load at that moment weighs on both alike; a scenario's
ratio is taken against the minimal app of its own round.

A scenario that does not see what it waits for (a loaded machine, a key that
arrived before the screen was ready) is tried again, up to three times, and
the run says so; only its finished tries count.
"""

from __future__ import annotations

import os
import re
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.terminal import NotSeen, Terminal

HERE = Path(__file__).parent
MINIMAL_MARKER = "A minimal Textual app"
TODAY = "A good moment today"
WELCOME = "Welcome to IMR Companion"
UNLOCK = "Your data is locked"
# Today's footer says where the keys are: in the good-moment field (Escape, "then 1-6: areas")
# or out of it, where digits open areas.
IN_FIELD, OUT_OF_FIELD = "then 1-6: areas", "1-6 Areas"
# What each card of Today shows when it has something to say (its border title).
CARDS = ("─My plan─", "─Check-in─", "─Your goal", "─Handouts─", "─This week's practice─")
# A shown area marks its own name in the area bar.
AREA_NAMES = {"2": "Handouts", "3": "Good moments", "4": "Goals", "5": "Network", "6": "My plan"}
AREAS = {key: f"▸ {key} {title}" for key, title in (*AREA_NAMES.items(), ("1", "Today"))}
SETTLE = 0.25
"""Seconds without output that count as 'the screen has settled' between steps."""
TRIES = 3
WORK_DONE = ": start-up work done"


@dataclass
class Results:
    """Every figure by name: seconds (timings) or KiB (memory), one entry per run."""

    seconds: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    ratios: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    kib: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    # Scenario tries dropped (what and why), and scenarios that never finished in a round.
    dropped: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    finished: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)

    def merge(self, other: Results) -> None:
        for name, seconds in other.seconds.items():
            self.seconds[name] += seconds
        for name, ratios in other.ratios.items():
            self.ratios[name] += ratios
        for name, kib in other.kib.items():
            self.kib[name] += kib
        self.notes += other.notes


def environment(with_this_checkout: bool = True) -> dict[str, str]:
    # The markers waited for are the English words: the app speaks English here whatever this computer's
    # language (the demo data is made in English too, benchmarks/data.py), so the two apps draw the same.
    english = dict(os.environ, LANG="C.UTF-8", LANGUAGE="", LC_ALL="", LC_MESSAGES="")
    if not with_this_checkout:
        return english
    root = str(HERE.parent)
    path = os.environ.get("PYTHONPATH")
    return dict(english, PYTHONPATH=f"{root}{os.pathsep}{path}" if path else root)


def minimal_app(*arguments: str) -> Terminal:
    return Terminal([sys.executable, str(HERE / "minimal_app.py"), *arguments], environment())


def companion(folder: Path, stalls: Path | None = None) -> Terminal:
    """The app on `folder`; with `stalls`, watched by benchmarks/stalls.py, which writes there."""
    watched = ["-m", "benchmarks.stalls", str(stalls)] if stalls is not None else ["-m", "imr_companion"]
    return Terminal([sys.executable, *watched, "--data-dir", str(folder)], environment())


def keep_first_frame_styles(welcome: Path, today: Path) -> None:
    """The welcome and Today started once each, until the app has kept their first frames' stylesheets
    (ui/kept_styles.py): as every start of a person's but the first after installing finds them."""
    from imr_companion.ui.kept_styles import WRITE_AFTER

    for folder, marker in ((welcome, WELCOME), (today, TODAY)):
        with companion(folder) as app:
            app.wait_for(marker)
            app.read_until(app.elapsed() + WRITE_AFTER + 0.5)


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
        self.part = Results()
        self.minimal = 0.0
        if not self.attempt("minimal Textual app", self._minimal):
            raise NotSeen("the minimal Textual app did not start: no round can be measured")

    def _minimal(self) -> None:
        with minimal_app() as app:
            self.minimal = app.wait_for(MINIMAL_MARKER)
            app.settle(SETTLE)
        self.record("minimal Textual app: first frame", self.minimal)
        self.part.kib["minimal Textual app"].append(app.peak_kib or 0)

    def attempt(self, what: str, step: Callable[..., None], *arguments: Any) -> bool:
        """Run one scenario; on a state not seen in time, drop that try and run it again."""
        for n in range(1, TRIES + 1):
            self.part = Results()
            try:
                step(*arguments)
            except NotSeen as error:
                reason = str(error).splitlines()[0][:160]
                print(f"  dropped a try of {what} ({n} of {TRIES}): {reason}", flush=True)
                self.results.dropped.append(f"{what}: {reason}")
                continue
            self.results.merge(self.part)
            self.results.finished.add(what)
            return True
        self.results.failed.append(what)
        return False

    def record(self, name: str, seconds: float, against: float | None = None) -> None:
        self.part.seconds[name].append(seconds)
        self.part.ratios[name].append(seconds / (against or self.minimal))

    def after_key(self, name: str, seconds: float) -> None:
        """A key's time, in absolute time: the minimal app has no keys to compare with."""
        self.part.seconds[name].append(seconds)

    def welcome(self, folder: Path) -> None:
        with companion(folder) as app:
            self.record("welcome screen: first frame", app.wait_for(WELCOME))
            app.settle(SETTLE)
        self.part.kib["welcome screen"].append(app.peak_kib or 0)

    def today(self, label: str, folder: Path, cards: tuple[str, ...], memory: bool) -> None:
        """First frame and every card; with `memory`, the peak once the start-up work has finished."""
        with companion(folder) as app:
            first = app.wait_for(TODAY)
            self.record(f"Today, {label}: first frame", first)
            if cards:
                self.record(f"Today, {label}: every card", app.wait_for(*cards))
            if memory:
                self.background_done(app, label, first)
            else:
                app.settle(SETTLE)
        if memory:
            self.part.kib[f"Today, {label}"].append(app.peak_kib or 0)

    def background_done(self, app: Terminal, label: str, first: float) -> None:
        """Wait until the work after the first frame (record check, imports ahead) is done.

        Seen from outside: the program's CPU time stops growing (terminal.wait_idle),
        at the earliest a second after the first frame, so the wait before the
        record check is not taken for the end.
        """
        quiet = app.wait_idle(since=first + 1.0)
        if quiet is None:
            self.part.notes.append(f"Today, {label}: still busy 15 s after its first frame")
        else:
            self.after_key(f"Today, {label}{WORK_DONE}", quiet - first)

    def unlocked(self, label: str, folder: Path, passphrase: str) -> None:
        """The unlock window's first frame, then from Enter to Today's first frame (Argon2 included)."""
        with companion(folder) as app:
            self.record(f"unlock window, {label}: first frame", app.wait_for(UNLOCK))
            app.settle(SETTLE)
            app.press(passphrase)
            app.settle(SETTLE)
            mark = app.mark()
            pressed = app.press("\r")
            shown = app.wait_for(TODAY, after=mark)
            self.after_key(f"Enter to Today's first frame, {label}", shown - pressed)
            app.settle(SETTLE)

    def areas(self, folder: Path, label: str, oldest_moment: str) -> None:
        """Each area opened once everything settled (then reopened), a handout page turned,
        good moments scrolled to the end; the peak memory after it all."""
        with companion(folder) as app:
            first = app.wait_for(TODAY)
            app.wait_idle(since=first + 1.0)
            back = 0
            for turn in ("first open, all settled", "reopen"):
                leave_field(app, back)  # Today gives the field the keys each time it comes back
                for key, name in AREA_NAMES.items():
                    self._key(app, key, AREAS[key], f"{name}, {label}: {turn}")
                back = app.mark()
                self._key(app, "1", AREAS["1"], None)
            leave_field(app, back)
            self._key(app, "2", AREAS["2"], None)
            mark = app.mark()
            self._key(app, "c", "Next (n)", f"handout reader, {label}: open")
            # The reader shows where you are ("5 of 11"); the next page says the next number.
            here, total = _position(app.screen_text(mark))
            self._key(app, "n", f"{here + 1} of {total}", f"handout page turn, {label}")
            self._key(app, "\x1b", AREAS["2"], None)
            self._key(app, "3", AREAS["3"], None)
            self._key(app, "\x1b[F", oldest_moment, f"good moments scrolled to the end, {label}")
        self.part.kib[f"after every area, {label}"].append(app.peak_kib or 0)

    def network(self, label: str, folder: Path, name: str) -> None:
        with companion(folder) as app:
            first = app.wait_for(TODAY)
            app.wait_idle(since=first + 1.0)
            leave_field(app)
            self._key(app, "5", name, f"network map, {label}: first open")

    def _key(self, app: Terminal, keys: str, marker: str, name: str | None) -> None:
        """Press `keys`; time until `marker` is drawn after it, then let the screen settle."""
        mark = app.mark()
        pressed = app.press(keys)
        seen = app.wait_for(marker, after=mark)
        if name is not None:
            self.after_key(name, seen - pressed)
        app.settle(SETTLE)


def leave_field(app: Terminal, since: int = 0, timeout: float = 5.0) -> float:
    """Escape from Today's good-moment field so that digits open areas, as a person does.

    Waits for states, not for times: first for the field to have the keys
    (Today gives them back each time it is shown; the footer then offers Escape
    "then 1-6: areas", drawn after the mark `since`), then, after Escape, for
    the footer's "1-6 Areas". Should an Escape still have gone to the field,
    the next one leaves. Returns when the footer said so (seconds since start).
    """
    app.wait_for(IN_FIELD, after=since)
    for _ in range(2):
        mark = app.mark()
        app.press("\x1b")
        try:
            # Escape alone is known only once no other key follows it (Textual waits 0.1 s).
            seen = app.wait_for(OUT_OF_FIELD, after=mark, timeout=timeout)
        except NotSeen:
            continue
        app.settle(0.1)
        text = app.screen_text(mark)
        if text.rfind(OUT_OF_FIELD) > text.rfind(IN_FIELD):  # the last footer drawn says so
            return seen
    raise NotSeen(f"Escape did not leave Today's field (no {OUT_OF_FIELD!r} in its footer)")


def _position(text: str) -> tuple[int, int]:
    here, total = re.findall(r"\b(\d+) of (\d+)\b", text)[-1]
    return int(here), int(total)
