"""The network map as a text drawing, for a shared or printed page (the goal ladder: layout/ladder.py)."""

from __future__ import annotations

from imr_companion.i18n import _
from imr_companion.layout.network_map import draw_map
from imr_companion.models import Person
from imr_companion.models.network import Ring, ring_counts

MAP_WIDTH = 76
MAP_HEIGHT = 25
"""Fits a printed A4 or Letter page in a small fixed-width font."""


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
