"""A one-line-per-row list that draws only the rows on screen.

Ten years of good moments are thousands of rows; building a widget, or even
measuring wrapped text, for each would make the screen slow to open. Every
row here is exactly one line, so the list's height is simply its row count.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.strip import Strip

from imr_companion.layout.text import shorten
from imr_companion.ui.common.lists.cursor_list import CursorList


@dataclass(frozen=True, slots=True)
class Row:
    text: str
    key: str | None = None
    """None marks a heading: shown, never selected."""
    detail: str = ""
    """Muted words after the text, such as a date."""

    @property
    def is_heading(self) -> bool:
        return self.key is None


class RowList(CursorList):
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

    class Highlighted(CursorList.Highlighted):
        @property
        def row(self) -> Row | None:
            return cast("Row | None", self.item)

        @property
        def row_list(self) -> RowList:
            return cast("RowList", self.source)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: Sequence[Row] = []
        """A list, or a sequence that builds its rows when asked (years of good moments): only the
        rows on screen and around the cursor are ever looked at."""
        self._styles: dict[str, Style] = {}

    def set_rows(self, rows: Sequence[Row], keep_key: str | None = None) -> None:
        self.rows = rows
        self.virtual_size = Size(self.size.width, len(rows))
        target = self.index_of(keep_key) if keep_key else None
        self.cursor = target if target is not None else self._selectable_from(0, 1)
        self.refresh()

    def index_of(self, key: str | None) -> int | None:
        finder = getattr(self.rows, "index_of", None)  # a sequence that knows where to look first
        if finder is not None:
            return finder(key)
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

    # --- what the cursor moves over ------------------------------------------

    def item_count(self) -> int:
        return len(self.rows)

    def selectable(self, index: int) -> bool:
        return not self.rows[index].is_heading

    # A row is a line: the moves walk the rows from the cursor rather than list every row that can
    # be chosen (CursorList's way), which would build years of good moments' rows at each key.

    def action_move(self, direction: int) -> None:
        if not self.rows:
            return
        if not (0 <= self.cursor < len(self.rows)) or self.rows[self.cursor].is_heading:
            self.cursor = self._selectable_from(0, 1)
            return
        found = self._selectable_from(self.cursor + direction, direction)
        if found >= 0:
            self.cursor = found

    def action_edge(self, direction: int) -> None:
        last = len(self.rows) - 1
        found = self._selectable_from(0, 1) if direction < 0 else self._selectable_from(last, -1)
        if found >= 0:
            self.cursor = found

    def action_page(self, direction: int) -> None:
        last = len(self.rows) - 1
        first_row, last_row = self._selectable_from(0, 1), self._selectable_from(last, -1)
        if first_row < 0:
            return
        height = max(1, self.scrollable_content_region.height - 1)
        chosen = 0 <= self.cursor <= last and not self.rows[self.cursor].is_heading
        target = (self.cursor if chosen else 0) + direction * height
        if direction > 0:
            found = self._selectable_from(target, 1) if target <= last else -1
            self.cursor = found if found >= 0 else last_row
        else:
            found = self._selectable_from(target, -1) if target >= 0 else -1
            self.cursor = found if found >= 0 else first_row

    def lines_in_view(self, index: int) -> tuple[int, int]:
        # Keep the month heading above the first row of a month in view.
        return (index - 1 if index > 0 and self.rows[index - 1].is_heading else index), index

    def highlighted_item(self) -> Row | None:
        return self.current

    def move_to(self, index: int, step: int = 1) -> None:
        found = self._selectable_from(max(0, min(index, len(self.rows) - 1)), step)
        if found < 0:
            found = self._selectable_from(max(0, min(index, len(self.rows) - 1)), -step)
        if found >= 0:
            self.cursor = found

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
        text = " " + row.text
        detail = "  " + row.detail if row.detail else ""
        if cell_len(text) + cell_len(detail) > width:
            # Cut the detail first; a row's own words only when they alone are too wide.
            room = width - cell_len(text)
            text, detail = (text, shorten(detail, room)) if room > 3 else (shorten(text + detail, width), "")
        segments = [Segment(text, style)]
        if detail:
            # Muted only off the cursor (muted on the cursor's colour is hard to read).
            detail_style = style if index == self.cursor else style + styles["detail"]
            segments.append(Segment(detail, detail_style))
        return Strip(segments).crop_extend(0, width, style)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.rows)
