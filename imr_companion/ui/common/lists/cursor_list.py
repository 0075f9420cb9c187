"""One list with a cursor: the keys and clicks that move it, and the message it sends.

RowList (a line per row) and the goal ladder (rungs drawn from the ground
up) both derive from it, so moving through any list works the same way.
Moves are on the screen: up is the item drawn above, whatever its index.
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView

from imr_companion.i18n import N_


class CursorList(ScrollView, can_focus=True):
    BINDINGS = [
        Binding("up", "move(-1)", N_("Up"), show=False),
        Binding("down", "move(1)", N_("Down"), show=False),
        Binding("pageup", "page(-1)", N_("Page up"), show=False),
        Binding("pagedown", "page(1)", N_("Page down"), show=False),
        Binding("home", "edge(-1)", N_("First"), show=False),
        Binding("end", "edge(1)", N_("Last"), show=False),
    ]
    CLICK_CHOOSES = True
    """A click chooses the item under it (a list that drags on mouse down chooses there)."""

    cursor: reactive[int] = reactive(-1, always_update=True)
    """The index of the chosen item; -1 for none."""

    class Highlighted(Message):
        """The cursor is on another item (or on none)."""

        def __init__(self, source: CursorList, item: object) -> None:
            super().__init__()
            self.source = source
            self.item = item

        @property
        def control(self) -> CursorList:
            """Lets handlers pick one list: @on(RowList.Highlighted, "#id")."""
            return self.source

    # --- what a subclass says about its items ---------------------------------

    def item_count(self) -> int:
        return 0

    def selectable(self, index: int) -> bool:
        return True

    def line_of(self, index: int) -> int | None:
        """The line (from the top of the whole list) the item is drawn on."""
        return index

    def item_on_line(self, line: int) -> int | None:
        return line if 0 <= line < self.item_count() else None

    def lines_in_view(self, index: int) -> tuple[int, int]:
        """The first and last line to keep on screen with the item (a heading above it, say)."""
        line = self.line_of(index) or 0
        return line, line

    def highlighted_item(self) -> object:
        """What the Highlighted message carries."""
        return None

    # --- moving ----------------------------------------------------------------

    def _on_screen(self) -> list[int]:
        """The items that can be chosen, top of the screen first."""
        items = [i for i in range(self.item_count()) if self.selectable(i)]
        lines = {i: self.line_of(i) for i in items}
        return sorted((i for i in items if lines[i] is not None), key=lambda i: lines[i] or 0)

    def action_move(self, direction: int) -> None:
        order = self._on_screen()
        if not order:
            return
        if self.cursor not in order:
            self.cursor = order[0]
            return
        at = order.index(self.cursor) + direction
        if 0 <= at < len(order):
            self.cursor = order[at]

    def action_edge(self, direction: int) -> None:
        order = self._on_screen()
        if order:
            self.cursor = order[0] if direction < 0 else order[-1]

    def action_page(self, direction: int) -> None:
        order = self._on_screen()
        if not order:
            return
        height = max(1, self.scrollable_content_region.height - 1)
        here = self.line_of(self.cursor) if self.cursor in order else None
        target = (here if here is not None else 0) + direction * height
        if direction > 0:
            ahead = [i for i in order if (self.line_of(i) or 0) >= target]
            self.cursor = ahead[0] if ahead else order[-1]
        else:
            behind = [i for i in order if (self.line_of(i) or 0) <= target]
            self.cursor = behind[-1] if behind else order[0]

    def watch_cursor(self, cursor: int) -> None:
        if cursor >= 0 and self.line_of(cursor) is not None:
            top, bottom = self.lines_in_view(cursor)
            height = self.scrollable_content_region.height or 1
            if top < self.scroll_y:
                self.scroll_to(y=max(0, top), animate=False, immediate=True)
            elif bottom >= self.scroll_y + height:
                self.scroll_to(y=bottom - height + 1, animate=False, immediate=True)
        self.refresh()
        self.post_message(self.Highlighted(self, self.highlighted_item()))

    def on_click(self, event: events.Click) -> None:
        if not self.CLICK_CHOOSES:
            return
        # Relative to the lines, not the widget: a list may have a border or padding.
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = self.item_on_line(offset.y + int(self.scroll_y))
        if index is not None and self.selectable(index):
            self.cursor = index
