"""What a person meets while the app is still busy: typing, opening an area, saving a moment.

Each is timed from the key to the frame where its result is on screen, in the
same pseudo-terminal as the start-up figures (suite.py):

- typing during the first two seconds after the first frame, when the rest of
  the file is read, the records checked and the areas imported ahead: letters
  sent into Today's good-moment field at uneven intervals, each timed to the
  first frame whose field holds it;
- an area's first open with its key pressed at a chosen moment after the
  first frame (one area per program, so every open is a first one);
- a good moment saved: Enter in the field until the moment is listed on Today.
"""

from __future__ import annotations

import random
import re
import string
import tempfile
from pathlib import Path

from benchmarks import stalls
from benchmarks.suite import AREAS, MINIMAL_MARKER, SETTLE, TODAY, Round, companion, leave_field, minimal_app
from benchmarks.terminal import NotSeen, Terminal

TYPING_FOR = 2.0
"""Seconds after the first frame during which letters are typed."""
# Between two letters: a quick typist's pace, uneven so it does not keep step with the app's timers.
GAP = (0.06, 0.10)
RARE = "qxzj"
"""The first letter typed: rare in English, so the field holding it is not found elsewhere on the screen."""


def _field_holds(typed: str, upcoming: str) -> re.Pattern[bytes]:
    """Today's field drawn holding `typed` (maybe with letters typed after it, drawn in the same frame).

    The field's row reads " typed" then the cursor's cell, a space; `upcoming`
    is the letter typed next, for a frame that caught two keys at once.
    """
    return re.compile(re.escape(b" " + typed.encode()) + b"[ " + re.escape(upcoming.encode()) + b"]")


def _type_for_two_seconds(app: Terminal, first: float, seed: int) -> tuple[str, list[tuple[int, float]]]:
    """From `first` on, letters into the focused field at uneven intervals: (the letters, [(mark, sent)])."""
    rng = random.Random(seed)
    start = rng.choice(RARE)
    rest = [letter for letter in string.ascii_lowercase if letter != start]
    text = start + "".join(rng.sample(rest, len(rest)))  # each letter once: every prefix is new
    sent: list[tuple[int, float]] = []
    while app.elapsed() < first + TYPING_FOR and len(sent) < len(text):
        mark = app.mark()
        sent.append((mark, app.press(text[len(sent)])))
        if not app.read_until(sent[-1][1] + rng.uniform(*GAP)):
            raise NotSeen("the app ended while letters were typed")
    typed = text[: len(sent)]
    app.wait_for(f" {typed} ", after=sent[-1][0])  # every letter is in the field
    return typed, sent


def _shown(app: Terminal, typed: str, sent: list[tuple[int, float]]) -> list[float]:
    """When each letter was first shown in the field (alone, or with the next ones in one frame)."""
    times = []
    for n, (mark, _pressed) in enumerate(sent):
        seen = app.first(_field_holds(typed[: n + 1], typed[n + 1 : n + 2]), after=mark)
        if seen is None:
            raise NotSeen(f"the letter {typed[n]!r} ({n + 1} of {len(typed)}) was not seen in the field")
        times.append(seen)
    return times


def typing_while_starting(one: Round, label: str, folder: Path, cards: tuple[str, ...], seed: int) -> None:
    """Letters typed from the first frame on for two seconds, each timed from its key to its frame.

    Besides all letters together, those typed before every card was shown and
    those typed after are counted apart: the cards are drawn in the first
    moments, the records checked and the areas imported ahead after them.
    """
    watched = Path(tempfile.mkstemp(prefix="imr-stalls-")[1]) if STALLS else None
    with companion(folder, watched) as app:
        first = app.wait_for(TODAY)
        typed, sent = _type_for_two_seconds(app, first, seed)
        cards_in = app.wait_for(*cards) if cards else first
        name = f"a typed letter, {label}, first {TYPING_FOR:g} s after the first frame"
        slowest = (0.0, 0.0)
        times = []
        for (_mark, pressed), seen in zip(sent, _shown(app, typed, sent), strict=True):
            one.after_key(name, seen - pressed)
            part = BEFORE_CARDS if pressed < cards_in else AFTER_CARDS
            one.after_key(f"{name}{part}", seen - pressed)
            slowest = max(slowest, (seen - pressed, pressed - first))
            times.append((seen - pressed, pressed, seen))
    one.after_key(f"{name}{SLOWEST_AT}", slowest[1])
    one.after_key(f"{name}{CARDS_IN}", cards_in - first)
    if watched is not None:
        _say_what_held(app, watched, first, sorted(times, reverse=True)[:3])


STALLS = False
"""--stalls: the app is watched while letters are typed (benchmarks/stalls.py), and what held its
thread is printed for the three slowest letters of each try (its figures then cost the watching)."""


def _say_what_held(
    app: Terminal, watched: Path, first: float, slowest: list[tuple[float, float, float]]
) -> None:
    looks = stalls.read(watched)
    watched.unlink()
    for took, pressed, seen in slowest:
        print(f"  a letter typed {pressed - first:.2f} s after the first frame took {took * 1000:.0f} ms:")
        held = stalls.holders(looks, app.started + pressed, app.started + seen)
        print("    " + held.replace("\n", "\n    "), flush=True)


def typing_in_minimal_app(one: Round, seed: int) -> None:
    """The yardstick: the same typing into a bare Textual field (minimal_app.py --input)."""
    with minimal_app("--input") as app:
        first = app.wait_for(MINIMAL_MARKER)
        typed, sent = _type_for_two_seconds(app, first, seed)
        name = (
            f"a typed letter, minimal Textual app with a field, first {TYPING_FOR:g} s after the first frame"
        )
        slowest = (0.0, 0.0)
        for (_mark, pressed), seen in zip(sent, _shown(app, typed, sent), strict=True):
            one.after_key(name, seen - pressed)
            slowest = max(slowest, (seen - pressed, pressed - first))
    one.after_key(f"{name}{SLOWEST_AT}", slowest[1])


BEFORE_CARDS = ": typed before every card was shown"
AFTER_CARDS = ": typed once every card was shown"
SLOWEST_AT = ": the slowest letter typed after the first frame"
CARDS_IN = ": every card shown after the first frame"


MOMENTS = {
    "just after the first frame": 0.0,
    "0.5 s after the first frame": 0.5,
    "1 s after the first frame": 1.0,
}
"""When an area's key is pressed, after Today's first frame: as soon as the
Escape before it has taken the keys out of the field, while the rest of the
file is read and the records checked, and while the areas are imported ahead
(or later, when the Escape took longer)."""


PRESSED_AT = ": pressed after the first frame"


def area_at(one: Round, label: str, folder: Path, key: str, moment: str) -> None:
    """One area's first open, its key pressed at `moment` (Escape out of the field first).

    With --stalls, what held the app's thread between the key and the area's frame is printed."""
    watched = Path(tempfile.mkstemp(prefix="imr-stalls-")[1]) if STALLS else None
    with companion(folder, watched) as app:
        first = app.wait_for(TODAY)
        leave_field(app)  # at once: Escape takes Textual 0.1 s to be known, and longer while the app is busy
        app.read_until(first + MOMENTS[moment])
        mark = app.mark()
        pressed = app.press(key)
        seen = app.wait_for(AREAS[key], after=mark)
        one.after_key(f"first open, {label}, key {moment}", seen - pressed)
        one.after_key(f"first open, {label}, key {moment}{PRESSED_AT}", pressed - first)
    if watched is not None:
        looks = stalls.read(watched)
        watched.unlink()
        took = (seen - pressed) * 1000
        print(f"  area {key} opened {pressed - first:.2f} s after the first frame took {took:.0f} ms:")
        held = stalls.holders(looks, app.started + pressed, app.started + seen, top=8)
        print("    " + held.replace("\n", "\n    "), flush=True)


def saves_to_frame(one: Round, label: str, folder: Path, saves: int) -> None:
    """Good moments written and saved with Enter, each timed until it is listed on Today."""
    with companion(folder) as app:
        first = app.wait_for(TODAY)
        app.wait_idle(since=first + 1.0)
        for n in range(saves):
            words = f"Saved for the benchmark ({n})"
            mark = app.mark()
            app.press(words)
            app.wait_for(f" {words} ", after=mark)  # the field holds it: now Enter
            app.settle(0.1)
            mark = app.mark()
            pressed = app.press("\r")
            seen = app.wait_for(f"• {words}", after=mark)
            one.after_key(f"a good moment, {label}: Enter until it is listed", seen - pressed)
            app.settle(SETTLE)


def _focus_card_with(app: Terminal, footer: str) -> None:
    """From Today's field, Tab to the cards and down until the focused card's keys (the footer) offer
    `footer`."""
    mark = app.mark()
    app.press("\t")
    app.wait_for("Back to writing", after=mark)  # a card's footer: "esc Back to writing"
    for _ in range(8):
        app.settle(0.1)
        if footer in app.screen_text(mark):
            return
        mark = app.mark()
        app.press("\x1b[B")  # down: the next card
    raise NotSeen(f"no card of Today offers {footer!r}")


def goal_step_to_frame(one: Round, label: str, folder: Path) -> None:
    """A step done on Today's goal card: its key until the card says so."""
    with companion(folder) as app:
        first = app.wait_for(TODAY)
        app.wait_idle(since=first + 1.0)
        _focus_card_with(app, "Step done")
        mark = app.mark()
        pressed = app.press("s")
        seen = app.wait_for("✓ Done", after=mark)
        shown = f"a goal's step done on Today's card, {label}: the key until it is shown"
        one.after_key(shown, seen - pressed)


def checkin_to_frame(one: Round, label: str, folder: Path) -> None:
    """A check-in, none today, in the check-in window opened from Today's card: ctrl+n until the
    notice says so (the window closed, Today shown again with its cards read again)."""
    with companion(folder) as app:
        first = app.wait_for(TODAY)
        app.wait_idle(since=first + 1.0)
        _focus_card_with(app, "Check in")
        mark = app.mark()
        app.press("c")
        app.wait_for("Have you noticed", after=mark)
        app.settle(SETTLE)
        mark = app.mark()
        pressed = app.press("\x0e")  # ctrl+n: none today
        seen = app.wait_for("Checked in: none today", after=mark)
        one.after_key(f"a check-in, none today, {label}: the key until it is shown", seen - pressed)


def worksheet_to_frame(one: Round, label: str, folder: Path) -> None:
    """A worksheet answer in the handout reader: words written into a "Write" exercise's field, then
    Tab out of it (the answer is saved as the field is left) until "Saved today." is drawn."""
    with companion(folder) as app:
        first = app.wait_for(TODAY)
        app.wait_idle(since=first + 1.0)
        leave_field(app)
        mark = app.mark()
        app.press("2")
        app.wait_for(AREAS["2"], after=mark)
        app.settle(SETTLE)
        mark = app.mark()
        app.press("c")  # reading on where the reader was left
        app.wait_for("Next (n)", after=mark)
        app.settle(SETTLE)
        for _ in range(20):  # on to a page with an exercise to write in
            if "─ Write" in app.screen_text(mark):
                break
            mark = app.mark()
            app.press("n")
            app.settle(SETTLE)
        else:
            raise NotSeen("no page with a 'Write' exercise after the reader's place")
        app.press("\t")  # from the page into its first field: the only one on a page of one exercise
        app.settle(SETTLE)
        words = "Walk to the shop on Mondays"
        mark = app.mark()
        app.press(words)
        app.wait_for(words, after=mark)
        app.settle(SETTLE)
        mark = app.mark()
        pressed = app.press("\t")
        seen = app.wait_for("Saved today.", after=mark)
        one.after_key(f"a worksheet answer, {label}: Tab out of its field until it is saved", seen - pressed)
