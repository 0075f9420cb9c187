"""Where the person is on a handout's page, found again on the page made again.

The reader makes its page again when the stored data changes under it (an undo, a restore):
the focus and the scroll stay where they were, not at the top of the page."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widget import Widget


def place_of(widget: Widget, page: Widget) -> tuple[str | int, ...] | None:
    """Where `widget` is on `page`: each step down by id, or else by place among its siblings."""
    steps: list[str | int] = []
    node = widget
    while node is not page:
        parent = node.parent
        if not isinstance(parent, Widget):
            return None  # not on the page
        steps.append(node.id if node.id else list(parent.children).index(node))
        node = parent
    return tuple(reversed(steps))


def found_at(page: Widget, path: tuple[str | int, ...]) -> Widget | None:
    """The widget at `path` (from `place_of`) on the page made again, if there is one."""
    node: Widget | None = page
    for step in path:
        assert node is not None
        children = list(node.children)
        if isinstance(step, int):
            node = children[step] if step < len(children) else None
        else:
            node = next((child for child in children if child.id == step), None)
        if node is None:
            return None
    return node


class PagePlace:
    """The page's scroll and the focus on it now, found again once the page is made again."""

    def __init__(self, page: VerticalScroll, focused: Widget | None) -> None:
        self.page = page
        self.scrolled = page.scroll_y
        self.path = place_of(focused, page) if focused is not None else None

    def find_again(self) -> None:
        self.page.scroll_to(y=self.scrolled, animate=False, immediate=True)
        widget = found_at(self.page, self.path) if self.path else None
        if widget is not None and widget.focusable:
            widget.focus(scroll_visible=False)
