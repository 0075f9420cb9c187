"""The network map and the goal ladder as text drawings, for a shared or printed page."""

from __future__ import annotations

from imr_companion.i18n import _, date_words
from imr_companion.layout.network_map import draw_map
from imr_companion.models import Goal, Person
from imr_companion.models.network import Ring, ring_counts

MAP_WIDTH = 76
MAP_HEIGHT = 25
"""Fits a printed A4 or Letter page in a small fixed-width font."""
LADDER_WIDTH = 76

DONE_MARK = "✓"
NEXT_MARK = "▶"
LATER_MARK = "○"


def network_picture(people: list[Person]) -> list[str]:
    """The same map the network card shows, drawn by the same layout code."""
    lines = [line.rstrip() for line in draw_map(people, MAP_WIDTH, MAP_HEIGHT).plain]
    return [*lines, "", _paper_legend(ring_counts(people))]


def _paper_legend(counts: dict[Ring, int]) -> str:
    # The screen's legend (layout/network_map.py) shortens itself to fit and names
    # the screen's marks; on paper there is room for the whole sentence and no marks.
    return _("Rings from Me: very close {very_close}, close {close}, further away {further}.").format(
        very_close=counts[Ring.VERY_CLOSE], close=counts[Ring.CLOSE], further=counts[Ring.FURTHER]
    )


def ladder_picture(goal: Goal) -> list[str]:
    """The goal at the top, the steps as rungs from the ground up, marked (not coloured)."""
    inner = LADDER_WIDTH - 4
    lines = [f"  {_cut(goal.text, inner)}", "  " + "─" * min(inner, max(8, len(goal.text)))]
    next_step = goal.next_step
    for step in reversed(goal.steps):
        if step.done_on:
            mark, note = DONE_MARK, "  " + _("done {date}").format(date=date_words(step.done_on, "date"))
        elif next_step is not None and step.id == next_step.id:
            mark, note = NEXT_MARK, "  " + _("next step")
        else:
            mark, note = LATER_MARK, ""
        lines += ["  │   │", f"  ├─{mark}─┤ {_cut(step.text, inner - 8 - len(note))}{note}"]
    if not goal.steps:
        lines.append("  " + _("(no steps yet)"))
    lines += ["  │   │", "══╧═══╧══ " + _("where I started")]
    return lines


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    width = max(8, width)
    return text if len(text) <= width else text[: width - 1] + "…"
