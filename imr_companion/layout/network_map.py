"""The network card drawn as a map: the people placed in the map's shape.

Drawing is a pure function from people and a size to lines of (text, role)
pieces (`draw_map`), so it can be tested and timed without a screen. The
widget only turns roles into styles and clicks into people.

The shape (rings, life areas, and the stretches of free cells in each) comes
from `network_shape`. People's labels are packed into the stretches of their
cell only, so a label can never cross a line or leave the map. When a cell
is crowded, labels get shorter, then the cell says "+3 more", and when even
that does not fit it just counts ("12").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from rich.cells import cell_len, split_graphemes

from imr_companion import i18n
from imr_companion.i18n import _, ngettext
from imr_companion.layout.network_shape import (
    BLANK,
    MORE,
    PERSON,
    SELECTED,
    FreeStretch,
    map_shape,
)
from imr_companion.layout.text import shorten
from imr_companion.models.network import LIFE_AREAS, RINGS, Person, ring_name

MIN_WIDTH = 44
MIN_HEIGHT = 13
LONGEST_LABEL = 16
SHORTEST_LABEL = 4
"""Names on the map are cut to the longest width between these at which everyone in the cell fits."""
MORE_LABEL_WIDTHS = (8, 5)
"""Name widths tried beside "+N more" when not everyone fits."""

_BRACKETS = re.compile(r"\([^)]*\)")


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
            # Translators: on the map, for the people in a crowded place whose names do not fit.
            more = _Label(_("+{count} more").format(count=len(hidden)), hidden, MORE)
            fitted = attempt([*labels(width, shown), more])
            if fitted:
                best, low = fitted, count + 1
            else:
                high = count - 1
        if best:
            return best
    role = SELECTED if chosen is not None else MORE
    everyone_words = ngettext("{count} person", "{count} people", len(people)).format(count=len(people))
    for text in (everyone_words, str(len(people))):
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
    shape = map_shape(width, height, i18n.language())
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
    words = [_("The map needs a bigger window."), _("The list shows everyone.")]
    lines = []
    for y in range(max(0, height)):
        text = words[y] if y < len(words) else ""
        lines.append([(shorten(text, width).ljust(width) if width > 0 else "", BLANK)])
    return Drawing(lines)


def legend(counts: dict | None, width: int) -> str:
    """One line saying what the rings mean, with how many people are in each (when there are any)."""
    words = [ring_name(ring).lower() for ring in RINGS]
    if counts is None:
        parts = words
    else:
        # Translators: a ring and how many people are in it, "close 3".
        parts = [
            _("{ring} {count}").format(ring=word, count=counts[ring])
            for ring, word in zip(RINGS, words, strict=True)
        ]
    rings = ", ".join(parts)
    # Translators: the line under the map; the first that fits is shown. "[name]" is how the chosen
    # person's name looks on the map.
    for text in (
        _("Rings from Me outwards: {rings}.  [name] = chosen").format(rings=rings),
        _("Rings from Me: {rings}.  [name] = chosen").format(rings=rings),
        _("Rings from Me: {rings}.").format(rings=rings),
        _("From Me: {rings}").format(rings=rings),
    ):
        if cell_len(text) <= width:
            return text
    return shorten(text, width)
