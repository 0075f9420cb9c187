"""The goal ladder, drawn once: the goal at the top, the steps as rungs from the ground up.

Climbed rungs carry a tick and the day they were done; the next step an arrow
and the words "next step"; the rest a plain circle (and the day planned, if
any). Marks and words, not only colour, so that it reads in any theme, on
paper and for people who do not see colours apart.

`rungs()` decides what each rung says, for the screen's ladder
(ui/goals/ladder.py, which styles and moves them), the printed page and the
Markdown export (`paper_lines()`, through sharing/parts.py). `screen_rows()`
lays the rungs out for a screen of a given height.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from rich.cells import cell_len, set_cell_size

from imr_companion.i18n import _
from imr_companion.layout.text import shorten
from imr_companion.models.goals import Goal

DONE_MARK = "✓"
NEXT_MARK = "▶"
LATER_MARK = "○"
CURRENT_MARK = "★"
"""Beside the goal the person is working on now (the goals list, the ladder's header)."""


@dataclass(frozen=True)
class Rung:
    index: int
    """The step's place on the goal's ladder, 0 the first (lowest) step."""
    state: str
    """'done', 'current' (the next step) or 'later'."""
    mark: str
    text: str
    day: date | None = None
    """The day it was done ('done'), or planned ('later'), if any."""

    def note(self, day_words: Callable[[date], str]) -> str:
        """'done 3 Mar', 'next step', 'planned 21 Mar' or '', each day written by `day_words`."""
        if self.state == "current":
            return _("next step")
        if self.day is None:
            return ""
        if self.state == "done":
            return _("done {day}").format(day=day_words(self.day))
        return _("planned {day}").format(day=day_words(self.day))


def rungs(goal: Goal) -> list[Rung]:
    """Every step as a rung, first step first."""
    current = goal.next_step
    shown = []
    for index, step in enumerate(goal.steps):
        if step.done and step.done_on:
            shown.append(Rung(index, "done", DONE_MARK, step.text, step.done_on))
        elif current is not None and step.id == current.id:
            shown.append(Rung(index, "current", NEXT_MARK, step.text))
        else:
            shown.append(Rung(index, "later", LATER_MARK, step.text, step.planned_on))
    return shown


# --- on screen ------------------------------------------------------------------

WIDEST = 66
"""Rungs wider than this are hard to follow across the screen."""


@dataclass(frozen=True)
class Row:
    kind: str
    """'rung', 'gap' (rails only), 'ground' or 'empty' (a ladder without steps)."""
    step: int = -1


def screen_rows(steps: int, height: int) -> list[Row]:
    """The ladder's rows from the top, for a screen `height` rows high.

    A gap between rungs when they fit, so the drawing reads as a ladder; one
    row per rung when the ladder is long."""
    spaced = 2 * steps + 2 <= max(1, height)
    rows: list[Row] = [Row("gap"), Row("empty")] if steps == 0 else []
    for index in reversed(range(steps)):
        if spaced or not rows:
            rows.append(Row("gap"))
        rows.append(Row("rung", index))
    return [*rows, Row("gap"), Row("ground")]


def rail_row(kind: str, inner: int, label: str = "") -> str:
    """A row without a rung: the ground, the rails, or the rails around `label` ('empty')."""
    if kind == "ground":
        return "━┷" + "━" * inner + "┷━"
    if kind == "empty":
        return " │" + set_cell_size(label.center(inner), inner) + "│"
    return " │" + " " * inner + "│"


def rung_words(rung: Rung, note: str, inner: int) -> str:
    """The step's words, shortened to leave room for the rung's ends, its mark and `note`."""
    room = inner - 6 - (cell_len(note) + 1 if note else 0)
    return set_cell_size(shorten(rung.text, room), room)


# --- on paper -------------------------------------------------------------------

PAPER_WIDTH = 76


def paper_lines(goal: Goal, day_words: Callable[[date], str], width: int = PAPER_WIDTH) -> list[str]:
    """The ladder as lines of text for a printed page, in a fixed-width font."""
    inner = width - 4
    lines = [f"  {_cut(goal.text, inner)}", "  " + "─" * min(inner, max(8, len(goal.text)))]
    for rung in reversed(rungs(goal)):
        note = rung.note(day_words)
        note = f"  {note}" if note else ""
        lines += ["  │   │", f"  ├─{rung.mark}─┤ {_cut(rung.text, inner - 8 - len(note))}{note}"]
    if not goal.steps:
        lines.append("  " + _("(no steps yet)"))
    return [*lines, "  │   │", "══╧═══╧══ " + _("where I started")]


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    width = max(8, width)
    return text if len(text) <= width else text[: width - 1] + "…"
