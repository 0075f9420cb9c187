"""A one-line-per-row list that draws only the rows on screen.

Ten years of good moments are thousands of rows; building a widget, or even
measuring wrapped text, for each would make the screen slow to open. Every
row here is exactly one line, so the list's height is simply its row count.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip


@dataclass(frozen=True)
class Row:
    text: str
    key: str | None = None
    """None marks a heading: shown, never selected."""
    detail: str = ""
    """Muted words after the text, such as a date."""

    @property
    def is_heading(self) -> bool:
        return self.key is None


class RowList(ScrollView, can_focus=True):
    DEFAULT_CSS = """
    RowList { background: $surface; overflow-x: hidden; }
    RowList > .row-list--heading { text-style: bold; color: $text-accent; }
    RowList > .row-list--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: bold;
    }
    RowList:blur > .row-list--cursor { background: $block-cursor-blurred-background; text-style: none; }
    RowList > .row-list--detail { color: $text-muted; }
    """
    COMPONENT_CLASSES = {"row-list--heading", "row-list--cursor", "row-list--detail"}
    BINDINGS = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "edge(-1)", "First", show=False),
        Binding("end", "edge(1)", "Last", show=False),
    ]

    cursor: reactive[int] = reactive(-1, always_update=True)

    class Highlighted(Message):
        def __init__(self, row_list: RowList, row: Row | None) -> None:
            super().__init__()
            self.row_list = row_list
            self.row = row

        @property
        def control(self) -> RowList:
            """Lets handlers pick one list: @on(RowList.Highlighted, "#id")."""
            return self.row_list

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[Row] = []
        self._styles: dict[str, Style] = {}

    def set_rows(self, rows: list[Row], keep_key: str | None = None) -> None:
        self.rows = rows
        self.virtual_size = Size(self.size.width, len(rows))
        target = self.index_of(keep_key) if keep_key else None
        self.cursor = target if target is not None else self._selectable_from(0, 1)
        self.refresh()

    def index_of(self, key: str | None) -> int | None:
        for index, row in enumerate(self.rows):
            if row.key == key:
                return index
        return None

    @property
    def current(self) -> Row | None:
        if 0 <= self.cursor < len(self.rows):
            return self.rows[self.cursor]
        return None

    def _selectable_from(self, start: int, step: int) -> int:
        index = start
        while 0 <= index < len(self.rows):
            if not self.rows[index].is_heading:
                return index
            index += step
        return -1

    def watch_cursor(self, cursor: int) -> None:
        if cursor >= 0:
            self.scroll_to_region_of(cursor)
        self.refresh()
        self.post_message(self.Highlighted(self, self.current))

    def scroll_to_region_of(self, index: int) -> None:
        # Keep the month heading above the first row of a month in view.
        top = index - 1 if index > 0 and self.rows[index - 1].is_heading else index
        height = self.scrollable_content_region.height or 1
        if top < self.scroll_y:
            self.scroll_to(y=top, animate=False)
        elif index >= self.scroll_y + height:
            self.scroll_to(y=index - height + 1, animate=False)

    def move_to(self, index: int, step: int = 1) -> None:
        found = self._selectable_from(max(0, min(index, len(self.rows) - 1)), step)
        if found < 0:
            found = self._selectable_from(max(0, min(index, len(self.rows) - 1)), -step)
        if found >= 0:
            self.cursor = found

    def action_move(self, step: int) -> None:
        if self.cursor < 0:
            self.move_to(0)
            return
        found = self._selectable_from(self.cursor + step, step)
        if found >= 0:
            self.cursor = found

    def action_page(self, direction: int) -> None:
        height = max(1, self.scrollable_content_region.height - 1)
        self.move_to(self.cursor + direction * height, direction)

    def action_edge(self, direction: int) -> None:
        if direction < 0:
            self.move_to(0, 1)
        else:
            self.move_to(len(self.rows) - 1, -1)

    def on_click(self, event: events.Click) -> None:
        # Relative to the rows, not the widget: a list may have a border or padding.
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = offset.y + int(self.scroll_y)
        if 0 <= index < len(self.rows) and not self.rows[index].is_heading:
            self.cursor = index

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.rows))

    def render_lines(self, crop):
        # Look the styles up once per paint, not once per line: it is the costly part.
        base = self.rich_style
        self._styles = {
            "base": base,
            "heading": base + self.get_component_rich_style("row-list--heading"),
            "cursor": base + self.get_component_rich_style("row-list--cursor"),
            # Only the muted colour: a partial style loses it in light themes (white on grey).
            "detail": Style(color=self.get_component_rich_style("row-list--detail").color),
        }
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        index = y + int(self.scroll_y)
        width = self.scrollable_content_region.width
        styles = self._styles
        if index >= len(self.rows):
            return Strip.blank(width, styles["base"])
        row = self.rows[index]
        if row.is_heading:
            style = styles["heading"]
        elif index == self.cursor:
            style = styles["cursor"]
        else:
            style = styles["base"]
        segments = [Segment(" " + row.text, style)]
        if row.detail:
            # Muted only off the cursor (muted on the cursor's colour is hard to read).
            detail_style = style if index == self.cursor else style + styles["detail"]
            segments.append(Segment("  " + row.detail, detail_style))
        strip = Strip(segments).crop_extend(0, width, style)
        if Strip(segments).cell_length > width and width > 1:
            strip = strip.crop(0, width - 1).extend_cell_length(width - 1, style)
            strip = Strip([*strip, Segment("…", style)])
        return strip

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.rows)
