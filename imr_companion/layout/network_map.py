"""The network card drawn as a map: Me in the middle, three rings, five life areas.

Drawing is a pure function from people and a size to lines of (text, role)
pieces (`draw_map`), so it can be tested and timed without a screen. The
widget only turns roles into styles and clicks into people.

The shape is worked out once per size: each ring's ellipse is traced as a
closed path of rounded box-drawing characters, the life areas are split by
dotted lines, and what is left of each row becomes "runs" of free cells that
belong to exactly one ring and life area. People's labels are packed into
the runs of their cell only, so a label can never cross a line or leave the
map. When a cell is crowded, labels get shorter, then the cell says
"+3 more", and when even that does not fit it just counts ("12").
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rich.cells import cell_len, split_graphemes

from imr_companion.layout.text import shorten
from imr_companion.models.network import LIFE_AREA_SHORT, LIFE_AREA_WORDS, LIFE_AREAS, RINGS, LifeArea, Person

# Roles of the pieces of a drawn line; the widget gives each a style.
LINE = "line"
DIVIDER = "divider"
ME = "me"
AREA = "area"
PERSON = "person"
SELECTED = "selected"
MORE = "more"
BLANK = ""

MIN_WIDTH = 44
MIN_HEIGHT = 13
LONGEST_LABEL = 16
SHORTEST_LABEL = 4
"""Names on the map are cut to the longest width between these at which everyone in the cell fits."""
MORE_LABEL_WIDTHS = (8, 5)
"""Name widths tried beside "+N more" when not everyone fits."""

_BRACKETS = re.compile(r"\([^)]*\)")
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
class ClickArea:
    """Where something that can be clicked is drawn: one person, or a group in one cell."""

    y: int
    x0: int
    x1: int
    ids: tuple[str, ...]


@dataclass
class Drawing:
    lines: list[list[tuple[str, str]]]
    """Each line as (text, role) pieces whose cells add up to the width."""
    click_areas: list[ClickArea] = field(default_factory=list)

    def click_area_at(self, x: int, y: int) -> ClickArea | None:
        for spot in self.click_areas:
            if spot.y == y and spot.x0 <= x < spot.x1:
                return spot
        return None

    @property
    def plain(self) -> list[str]:
        return ["".join(text for text, _ in line) for line in self.lines]


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
def map_shape(width: int, height: int) -> MapShape:
    chars = [[" "] * width for _ in range(height)]
    roles = [[BLANK] * width for _ in range(height)]
    cx, cy = (width - 1) / 2, (height - 1) / 2
    rx, ry = (width - 1) / 2, (height - 1) / 2

    # "Me": a small rounded box in the middle.
    me_y = (height - 1) // 2
    me_x0 = (width - 1) // 2 - 3
    me_box = [f"╭{'─' * 6}╮", "│  Me  │", f"╰{'─' * 6}╯"]
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

    top = f" {LIFE_AREA_SHORT[LifeArea.FAMILY]} "
    x = (width - len(top)) // 2
    if all(roles[0][x + i] == LINE for i in range(len(top))):
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
    for words in (LIFE_AREA_WORDS, LIFE_AREA_SHORT):
        if all(len(words[area]) + 1 <= room[area] for area, _, _ in corners):
            for area, y, side in corners:
                put(words[area], 0 if side == "left" else width - len(words[area]), y)
            return


# --- People on the map ----------------------------------------------------


def map_label(name: str) -> str:
    """A name as it can be drawn safely: no invisible formatting characters.

    Direction marks and overrides would let a right-to-left name reorder the
    rest of the line in some terminals; joiners and emoji variation selectors
    are drawn at different widths by different terminals. Without them every
    character takes the width the layout counted on.
    """
    kept = "".join(
        char
        for char in unicodedata.normalize("NFC", name)
        if unicodedata.category(char) != "Cf" and not 0xFE00 <= ord(char) <= 0xFE0F
    )
    return " ".join(kept.split()) or "?"


def fit_name(name: str, width: int) -> str:
    """`name` in at most `width` cells: whole if it fits, else without a note in brackets, else cut."""
    if cell_len(name) <= width:
        return name
    bare = " ".join(_BRACKETS.sub(" ", name).split()) or name
    return shorten(bare, width)


def _pack(widths: list[int], runs: list[FreeStretch]) -> list[tuple[int, int]] | None:
    """(run index, x) for each slot of `widths`, first fit in the runs' order; None if they do not fit."""
    room = [run.width for run in runs]
    placed: list[list[int]] = [[] for _ in runs]
    for slot, width in enumerate(widths):
        index = next((i for i, free in enumerate(room) if width <= free), None)
        if index is None:
            return None
        room[index] -= width
        placed[index].append(slot)
    # Centre each run's group of labels in the run.
    result: list[tuple[int, int]] = [(0, 0)] * len(widths)
    for index, slots in enumerate(placed):
        x = runs[index].x0 + room[index] // 2
        for slot in slots:
            result[slot] = (index, x)
            x += widths[slot]
    return result


@dataclass
class _Label:
    text: str
    ids: tuple[str, ...]
    role: str


def _cell_labels(
    people: list[Person], runs: list[FreeStretch], selected: str | None
) -> list[tuple[_Label, FreeStretch, int]]:
    """The labels of one cell and where they go: names, shorter names, '+N more', or a count."""
    names = [map_label(person.name) for person in people]
    ids = [person.id for person in people]

    def labels(width: int, shown: list[int]) -> list[_Label]:
        return [
            _Label(fit_name(names[i], width), (ids[i],), SELECTED if ids[i] == selected else PERSON)
            for i in shown
        ]

    def attempt(items: list[_Label]) -> list[tuple[_Label, FreeStretch, int]] | None:
        where = _pack([cell_len(item.text) + 2 for item in items], runs)
        if where is None:
            return None
        return [(item, runs[index], x) for item, (index, x) in zip(items, where, strict=True)]

    everyone = list(range(len(people)))
    low, high, best = SHORTEST_LABEL, LONGEST_LABEL, None
    while low <= high:
        width = (low + high) // 2
        fitted = attempt(labels(width, everyone))
        if fitted:
            best, low = fitted, width + 1
        else:
            high = width - 1
    if best:
        return best
    chosen = ids.index(selected) if selected in ids else None
    for width in MORE_LABEL_WIDTHS:
        # As many names as fit, then "+N more"; the selected person is always among the names.
        low, high, best = 1, len(people) - 1, None
        while low <= high:
            count = (low + high) // 2
            shown = everyone[:count]
            if chosen is not None and chosen not in shown:
                shown = [*everyone[: count - 1], chosen]
            hidden = tuple(ids[i] for i in everyone if i not in shown)
            more = _Label(f"+{len(hidden)} more", hidden, MORE)
            fitted = attempt([*labels(width, shown), more])
            if fitted:
                best, low = fitted, count + 1
            else:
                high = count - 1
        if best:
            return best
    role = SELECTED if chosen is not None else MORE
    for text in (f"{len(people)} people", str(len(people))):
        fitted = attempt([_Label(text, tuple(ids), role)])
        if fitted:
            return fitted
    return []


def _by_name(person: Person) -> tuple:
    return (person.name.casefold(), person.created, person.id)


def draw_map(people: Sequence[Person], width: int, height: int, selected: str | None = None) -> Drawing:
    """The map of `people` in `width` x `height` cells, with the `selected` person's label marked."""
    if width < MIN_WIDTH or height < MIN_HEIGHT:
        return _too_small(width, height)
    shape = map_shape(width, height)
    chars = [row[:] for row in shape.chars]
    roles = [row[:] for row in shape.roles]
    cells: dict[tuple[int, int], list[Person]] = {}
    for person in people:
        cells.setdefault((RINGS.index(person.ring), LIFE_AREAS.index(person.area)), []).append(person)
    click_areas: list[ClickArea] = []
    for key, group in cells.items():
        runs = shape.runs.get(key, [])
        for label, run, x in _cell_labels(sorted(group, key=_by_name), runs, selected):
            text = label.text
            text = f"[{text}]" if label.role == SELECTED else f" {text} "
            spans, _ = split_graphemes(text)
            cursor = x
            for start, stop, cells_wide in spans:
                if cells_wide == 0:
                    chars[run.y][cursor - 1] += text[start:stop]
                    continue
                chars[run.y][cursor] = text[start:stop]
                roles[run.y][cursor] = label.role
                for extra in range(1, cells_wide):
                    chars[run.y][cursor + extra] = ""
                    roles[run.y][cursor + extra] = label.role
                cursor += cells_wide
            # The spaces around a name are part of it for clicks, not for its look.
            if label.role != SELECTED:
                roles[run.y][x] = roles[run.y][cursor - 1] = BLANK
            click_areas.append(ClickArea(run.y, x, cursor, label.ids))
    return Drawing([_pieces(chars[y], roles[y]) for y in range(height)], click_areas)


def _pieces(chars: list[str], roles: list[str]) -> list[tuple[str, str]]:
    pieces: list[tuple[str, str]] = []
    text = ""
    role = roles[0] if roles else BLANK
    for char, char_role in zip(chars, roles, strict=True):
        if char_role != role:
            pieces.append((text, role))
            text, role = "", char_role
        text += char
    pieces.append((text, role))
    return pieces


def _too_small(width: int, height: int) -> Drawing:
    words = ["The map needs a bigger window.", "The list shows everyone."]
    lines = []
    for y in range(max(0, height)):
        text = words[y] if y < len(words) else ""
        lines.append([(shorten(text, width).ljust(width) if width > 0 else "", BLANK)])
    return Drawing(lines)


def legend(counts: dict | None, width: int) -> str:
    """One line saying what the rings mean, with how many people are in each (when there are any)."""
    words = ("very close", "close", "further away")
    if counts is None:
        parts = list(words)
    else:
        parts = [f"{word} {counts[ring]}" for ring, word in zip(RINGS, words, strict=True)]
    for text in (
        f"Rings from Me outwards: {', '.join(parts)}.  [name] = chosen",
        f"Rings from Me: {', '.join(parts)}.  [name] = chosen",
        f"Rings from Me: {', '.join(parts)}.",
        f"From Me: {', '.join(parts)}",
    ):
        if cell_len(text) <= width:
            return text
    return shorten(text, width)
