"""The network map on screen: the drawing from `layout.network_map`, styled, with clicks and keys."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from imr_companion.i18n import N_
from imr_companion.layout.network_map import Drawing, draw_map, legend
from imr_companion.models.network import Person

# --- The widgets ----------------------------------------------------------


class MapLegend(Widget):
    """The line under the map; it fits itself to the width it is given."""

    DEFAULT_CSS = """
    MapLegend { height: 1; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.counts: dict | None = None

    def show(self, counts: dict | None) -> None:
        self.counts = counts
        self.refresh()

    def render(self) -> Text:
        return Text(legend(self.counts, max(1, self.content_region.width)), no_wrap=True, overflow="ellipsis")


class NetworkMap(Widget, can_focus=True):
    """The map on screen. Click a name to choose that person; up and down go through everyone."""

    DEFAULT_CSS = """
    NetworkMap { height: 1fr; min-height: 13; background: $surface; }
    NetworkMap > .network-map--line { color: $text-muted; }
    NetworkMap > .network-map--divider { color: $text-muted; }
    NetworkMap > .network-map--me { text-style: bold; color: $text; }
    NetworkMap > .network-map--area { text-style: bold; color: $text-accent; }
    NetworkMap > .network-map--person { color: $text; }
    NetworkMap > .network-map--selected {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: bold;
    }
    NetworkMap > .network-map--more { color: $text-muted; text-style: italic; }
    """
    COMPONENT_CLASSES = {
        "network-map--line",
        "network-map--divider",
        "network-map--me",
        "network-map--area",
        "network-map--person",
        "network-map--selected",
        "network-map--more",
    }
    BINDINGS = [
        Binding("up", "step(-1)", N_("Previous"), show=False),
        Binding("down", "step(1)", N_("Next"), show=False),
    ]

    class Chosen(Message):
        """A person was clicked on the map, or up/down moved the choice."""

        def __init__(self, person_id: str | None, step: int = 0) -> None:
            super().__init__()
            self.person_id = person_id
            self.step = step

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.people: list[Person] = []
        self.selected: str | None = None
        self._drawing: Drawing | None = None
        self._drawn_for: tuple | None = None
        self._styles: dict[str, Style] = {}

    def show(self, people: list[Person], selected: str | None) -> None:
        self.people = people
        self.selected = selected
        self._drawing = None
        self.refresh()

    def choose(self, selected: str | None) -> None:
        if selected != self.selected:
            self.selected = selected
            self._drawing = None
            self.refresh()

    @property
    def drawing(self) -> Drawing:
        size = self.content_region.size
        key = (size.width, size.height)
        if self._drawing is None or self._drawn_for != key:
            self._drawing = draw_map(self.people, size.width, size.height, self.selected)
            self._drawn_for = key
        return self._drawing

    def render_lines(self, crop):
        # Look each role's style up once per paint, not once per piece of every line:
        # the look-ups were most of the time a first open of the map took.
        self._styles = self._role_styles()
        return super().render_lines(crop)

    def _role_styles(self) -> dict[str, Style]:
        base = self.rich_style
        styles = {"": base}
        for name in self.COMPONENT_CLASSES:
            styles[name.removeprefix("network-map--")] = base + self.get_component_rich_style(name)
        return styles

    def render_line(self, y: int) -> Strip:
        drawing = self.drawing
        width = self.content_region.width
        styles = self._styles or self._role_styles()
        base = styles[""]
        if y >= len(drawing.lines):
            return Strip.blank(width, base)
        segments = [Segment(text, styles[role] if role else base) for text, role in drawing.lines[y]]
        return Strip(segments).crop_extend(0, width, base)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        spot = self.drawing.click_area_at(offset.x, offset.y)
        if spot is None:
            return
        if len(spot.ids) == 1:
            self.post_message(self.Chosen(spot.ids[0]))
            return
        # A group ("+3 more" or a count): each click chooses the next person in it.
        ids = list(spot.ids)
        following = ids[(ids.index(self.selected) + 1) % len(ids)] if self.selected in ids else ids[0]
        self.post_message(self.Chosen(following))

    def action_step(self, step: int) -> None:
        self.post_message(self.Chosen(self.selected, step))
