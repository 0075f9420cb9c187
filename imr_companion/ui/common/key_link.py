"""Words to click with their key beside them, 'Done (t)', for the small cards on Today.

A link is a span of a card's line of text (Content with an @click action), not a
widget of its own: every widget on Today is styled, laid out and drawn while the
cards appear, and a line of three links as one Static costs a third of three
widgets in a row. Its look (bold on $boost, $primary 40% under the mouse) is the
cards' `.actions` rule (ui/today/screen.tcss)."""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.style import Style
from textual.widgets import Static

from imr_companion.layout.text import shorten

GAP = "  "
"""Between two links of a line (as a Button's margin would be)."""


def link(card_id: str, name: str, label: str) -> Content:
    """A clickable ` label ` calling the card's action_<name> (as its key does: TodayScreen.action_card)."""
    return _clickable(label, f"screen.card('{card_id}','{name}')")


def app_link(action: str, label: str) -> Content:
    """A clickable ` label ` that runs one of the app's own actions (its one undo)."""
    return _clickable(label, f"app.{action}")


def _clickable(label: str, action: str) -> Content:
    # The style markup "[@click=...]" makes, built directly: parsing markup took ten times as long.
    return Content(f" {label} ").stylize(Style.from_meta({"@click": action}))


def links(*shown: Content) -> Content:
    """Links side by side."""
    return Content(GAP).join(shown)


class WordsThenLink(Static):
    """One line: words on the left, shortened so that the link on the right is never hidden.

    Laid out as it is drawn, at the width the line has then: worked out when the
    text was set, the width could still be the one from before the card's layout.
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None, gap: int = 2) -> None:
        super().__init__("", id=id, classes=classes)
        self._words = ""
        self._link = Content("")
        self._gap = gap
        """Cells kept free between the words and the link."""

    @property
    def words(self) -> str:
        return self._words

    def show(self, words: str, link: Content) -> None:
        self._words, self._link = words, link
        self.refresh()

    def render(self) -> Content:
        width = self.content_size.width
        gap = self._gap if self._link.cell_length else 0
        words = shorten(self._words, max(0, width - self._link.cell_length - gap))
        space = " " * max(0, width - cell_len(words) - self._link.cell_length)
        return Content.assemble(Content(words), space, self._link)
