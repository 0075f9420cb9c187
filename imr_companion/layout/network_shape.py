"""The network map's shape for one size: Me in the middle, three rings, five life areas.

Each ring's ellipse is traced as a closed path of rounded box-drawing
characters, the life areas are split by dotted lines, and what is left of
each row becomes stretches of free cells that belong to exactly one ring and
life area (`FreeStretch`). It depends only on the size, so it is worked out
once per size; `network_map` then puts the people into it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from rich.cells import cell_len

from imr_companion.i18n import _
from imr_companion.models.network import LIFE_AREA_SHORT, LIFE_AREA_WORDS, LIFE_AREAS, LifeArea

# Roles of the pieces of a drawn line; the widget gives each a style.
LINE = "line"
DIVIDER = "divider"
ME = "me"
AREA = "area"
PERSON = "person"
SELECTED = "selected"
MORE = "more"
BLANK = ""

_ARROWS = {(1, 0): "R", (-1, 0): "L", (0, 1): "D", (0, -1): "U"}
_BOX = {
    frozenset("LR"): "─",
    frozenset("UD"): "│",
    frozenset("RD"): "╭",
    frozenset("LD"): "╮",
    frozenset("UR"): "╰",
    frozenset("UL"): "╯",
    frozenset("LRD"): "┬",
    frozenset("LRU"): "┴",
    frozenset("UDR"): "├",
    frozenset("UDL"): "┤",
    frozenset("LRUD"): "┼",
}


@dataclass(frozen=True)
class FreeStretch:
    """A stretch of free cells on one row, inside one ring and one life area."""

    y: int
    x0: int
    x1: int

    @property
    def width(self) -> int:
        return self.x1 - self.x0


@dataclass
class MapShape:
    """Everything about the map that depends only on its size."""

    width: int
    height: int
    chars: list[list[str]]
    roles: list[list[str]]
    runs: dict[tuple[int, int], list[FreeStretch]]
    """(ring index, area index) -> runs, best first (nearest the middle of the cell)."""
    radii: list[float]
    """Each ring's outer edge, as a fraction of the outer ellipse (whose edge is 1)."""

    def where(self, x: float, y: float) -> tuple[float, float]:
        """The point's distance from the middle (1 on the outer ring's line) and its angle in degrees."""
        # The outer ellipse's middle and half-widths are the same numbers: it fills the map.
        cx, cy = (self.width - 1) / 2, (self.height - 1) / 2
        nx, ny = (x - cx) / cx, (y - cy) / cy
        return math.hypot(nx, ny), math.degrees(math.atan2(ny, nx))


# --- The shape ------------------------------------------------------------


def _trace(points: list[tuple[int, int]], closed: bool) -> list[tuple[int, int]]:
    """A 4-connected path through `points`: no diagonal steps, so no gaps between line characters."""
    path: list[tuple[int, int]] = []
    for point in points:
        if path and point == path[-1]:
            continue
        if path:
            x0, y0 = path[-1]
            x1, y1 = point
            while (x0, y0) != (x1, y1):
                # Step one cell at a time, along x first then y, so the path never jumps.
                if x0 != x1 and (abs(x1 - x0) >= abs(y1 - y0) or y0 == y1):
                    x0 += 1 if x1 > x0 else -1
                else:
                    y0 += 1 if y1 > y0 else -1
                if (x0, y0) != path[-1]:
                    path.append((x0, y0))
            continue
        path.append(point)
    if closed and len(path) > 1 and path[0] == path[-1]:
        path.pop()
    return path


def _ellipse(cx: float, cy: float, a: float, b: float) -> list[tuple[int, int]]:
    steps = max(16, int(8 * (a + b)))
    points = [
        (round(cx + a * math.cos(2 * math.pi * i / steps)), round(cy + b * math.sin(2 * math.pi * i / steps)))
        for i in range(steps + 1)
    ]
    path = _trace(points, closed=True)
    # Rounding can leave a spur (a step out and straight back); drop such cells.
    changed = True
    while changed and len(path) > 4:
        changed = False
        for i in range(len(path)):
            if path[i - 1] == path[(i + 1) % len(path)]:
                del path[i]
                del path[i % len(path)]
                changed = True
                break
    return path


def _draw_path(path: list[tuple[int, int]], closed: bool, arms: dict[tuple[int, int], set[str]]) -> None:
    count = len(path)
    for i, (x, y) in enumerate(path):
        cell_arms = arms.setdefault((x, y), set())
        neighbours = []
        if closed or i > 0:
            neighbours.append(path[i - 1])
        if closed or i < count - 1:
            neighbours.append(path[(i + 1) % count])
        for nx, ny in neighbours:
            arrow = _ARROWS.get((nx - x, ny - y))
            if arrow:
                cell_arms.add(arrow)


def _box_char(arms: set[str]) -> str:
    key = frozenset(arms)
    if key in _BOX:
        return _BOX[key]
    if arms & {"L", "R"}:
        return "─"
    return "│"


@lru_cache(maxsize=16)
def map_shape(width: int, height: int, language: str = "en") -> MapShape:
    """The shape for one size, with the life areas named in `language` (the one words are drawn in now)."""
    chars = [[" "] * width for _ in range(height)]
    roles = [[BLANK] * width for _ in range(height)]
    cx, cy = (width - 1) / 2, (height - 1) / 2
    rx, ry = (width - 1) / 2, (height - 1) / 2

    # "Me": a small rounded box in the middle.
    me_y = (height - 1) // 2
    me_x0 = (width - 1) // 2 - 3
    # Translators: the person in the middle of the network map (6 letters at most).
    me = _("Me")[:6].center(6)
    me_box = [f"╭{'─' * 6}╮", f"│{me}│", f"╰{'─' * 6}╯"]
    for dy, row in enumerate(me_box):
        for dx, char in enumerate(row):
            chars[me_y - 1 + dy][me_x0 + dx] = char
            roles[me_y - 1 + dy][me_x0 + dx] = ME
    taken = {(me_x0 + dx, me_y - 1 + dy) for dy in range(3) for dx in range(8)}

    # Rings: the middle box takes the first bit of the radius, the three rings share the rest.
    inner = max(2.2 / ry, 5.5 / rx)
    radii = [inner + (1 - inner) * k / 3 for k in (1, 2, 3)]
    arms: dict[tuple[int, int], set[str]] = {}
    for radius in radii:
        # Put the top, bottom and sides exactly on a cell: a curve's flat top that falls
        # halfway between two rows would be drawn with a little bump in it.
        a = round(cx + rx * radius) - cx
        b = cy - round(cy - ry * radius)
        _draw_path(_ellipse(cx, cy, a, b), True, arms)
    for (x, y), cell_arms in arms.items():
        if 0 <= x < width and 0 <= y < height and (x, y) not in taken:
            chars[y][x] = _box_char(cell_arms)
            roles[y][x] = LINE
    taken |= set(arms)

    # Life areas: dotted lines from the middle box to the outer ring, family at the top.
    sector = 360 / len(LIFE_AREAS)
    for k in range(len(LIFE_AREAS)):
        angle = math.radians(-90 - sector / 2 + k * sector)
        steps = int(2 * (rx + ry))
        for i in range(steps + 1):
            s = inner * 0.6 + (1 - inner * 0.6) * i / steps
            x, y = round(cx + s * rx * math.cos(angle)), round(cy + s * ry * math.sin(angle))
            if (x, y) not in taken and 0 <= x < width and 0 <= y < height:
                r = math.hypot((x - cx) / rx, (y - cy) / ry)
                if r < 1:
                    chars[y][x] = "·"
                    roles[y][x] = DIVIDER

    # Which ring each free cell is in (or none: the corners outside the circle).
    def ring_of_point(x: float, y: float) -> int:
        r = math.hypot((x - cx) / rx, (y - cy) / ry)
        return next((k for k, radius in enumerate(radii) if r < radius), -1)

    ring_of = _ring_areas(roles, width, height, ring_of_point)

    # Free runs, each in one ring (the fill) and one life area (the angle at its middle).
    runs: dict[tuple[int, int], list[FreeStretch]] = {}
    for y in range(height):
        x = 0
        while x < width:
            if roles[y][x] != BLANK or ring_of[y][x] < 0:
                x += 1
                continue
            start, ring = x, ring_of[y][x]
            while x < width and roles[y][x] == BLANK and ring_of[y][x] == ring:
                x += 1
            middle = (start + x - 1) / 2
            degrees = math.degrees(math.atan2((y - cy) / ry, (middle - cx) / rx))
            area = int(((degrees + 90 + sector / 2) % 360) // sector)
            runs.setdefault((ring, area), []).append(FreeStretch(y, start, x))

    for key, cell_runs in runs.items():
        total = sum(run.width for run in cell_runs)
        middle_y = sum(run.y * run.width for run in cell_runs) / total
        runs[key] = sorted(cell_runs, key=lambda run: (abs(run.y - middle_y), -run.width))

    _name_areas(chars, roles, width, height)
    return MapShape(width, height, chars, roles, runs, radii)


def _ring_areas(
    roles: list[list[str]], width: int, height: int, ring_of_point: Callable[[float, float], int]
) -> list[list[int]]:
    """For every free cell, the ring it lies in (0 the closest), or -1 for lines, Me and outside.

    The free cells fall into pieces walled in by the ring lines (closed paths, so a piece
    never spans two rings). Each piece takes the ring most of it lies in: judging each cell
    on its own could put a cell next to a line on the wrong side of it. Pieces are joined
    corner to corner too, since two rings' lines may touch that way; a line traced without
    diagonal steps still keeps the rings apart.
    """
    free = (BLANK, DIVIDER)
    spans: list[tuple[int, int, int]] = []  # (y, x0, x1) of each row's stretches of free cells
    parent: list[int] = []

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    above: list[int] = []
    for y in range(height):
        row, here, x = roles[y], [], 0
        while x < width:
            if row[x] not in free:
                x += 1
                continue
            start = x
            while x < width and row[x] in free:
                x += 1
            index = len(spans)
            spans.append((y, start, x))
            parent.append(index)
            for other in above:
                _, o0, o1 = spans[other]
                if o0 <= x and start <= o1:  # overlapping or touching at a corner
                    parent[root(index)] = root(other)
            here.append(index)
        above = here

    votes: dict[int, dict[int, int]] = {}
    for index, (y, x0, x1) in enumerate(spans):
        tally = votes.setdefault(root(index), {})
        # A span's ends may lie in different rings' reach only through rounding; its middle decides.
        ring = ring_of_point((x0 + x1 - 1) / 2, y)
        tally[ring] = tally.get(ring, 0) + (x1 - x0)
    ring_of = [[-1] * width for _ in range(height)]
    for index, (y, x0, x1) in enumerate(spans):
        tally = votes[root(index)]
        ring = max(tally, key=tally.__getitem__)
        ring_of[y][x0:x1] = [ring] * (x1 - x0)
    return ring_of


def _name_areas(chars: list[list[str]], roles: list[list[str]], width: int, height: int) -> None:
    """Family over the top of the circle; the other four in the empty corners, in their own area."""

    def put(text: str, x: int, y: int) -> None:
        for i, char in enumerate(text):
            chars[y][x + i] = char
            roles[y][x + i] = AREA

    top = f" {_(LIFE_AREA_SHORT[LifeArea.FAMILY])} "
    x = (width - cell_len(top)) // 2
    if all(roles[0][x + i] == LINE for i in range(cell_len(top))):
        put(top, x, 0)
    corners = [
        (LifeArea.SERVICES, 0, "left"),
        (LifeArea.FRIENDS, 0, "right"),
        (LifeArea.ACTIVITIES, height - 1, "left"),
        (LifeArea.COMMUNITY, height - 1, "right"),
    ]
    room = {}
    for area, y, side in corners:
        cells = range(width) if side == "left" else range(width - 1, -1, -1)
        room[area] = next((i for i, x in enumerate(cells) if roles[y][x] != BLANK), width)
    # The same kind of name in every corner: all in full words, or all short.
    for names in (LIFE_AREA_WORDS, LIFE_AREA_SHORT):
        words = {area: _(names[area]) for area, _y, _side in corners}
        if all(cell_len(words[area]) + 1 <= room[area] for area, _y, _side in corners):
            for area, y, side in corners:
                put(words[area], 0 if side == "left" else width - cell_len(words[area]), y)
            return
