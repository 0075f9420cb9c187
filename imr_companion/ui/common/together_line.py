"""A line above the footer while a contact person fills things in with the person."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.content import Content
from textual.widgets import Static

from imr_companion.layout.text import cells, shorten

if TYPE_CHECKING:
    from imr_companion.ui.app import CompanionApp


class TogetherLine(Static):
    """Shown only while "filling in together" is on, on every area screen.

    The area bar has no room left at 80 columns, and a person should always
    see that what they write now is marked as done together.
    """

    DEFAULT_CSS = """
    TogetherLine {
        dock: bottom;
        /* Docked widgets share their edge: the margin keeps it above the footer. */
        margin-bottom: 1;
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $text-accent;
        display: none;
    }
    """

    @property
    def companion(self) -> CompanionApp:
        """The app as IMR Companion's own (its data, settings, together mark), typed."""
        return cast("CompanionApp", self.app)

    def on_mount(self) -> None:
        self._with: str | None = None
        self.watch(self.app, "together_with", self.show)

    def show(self, name: str | None) -> None:
        self._with = name
        self.update(Content(self.words(name, self.size.width)) if name else "")
        self.display = bool(name)

    def on_resize(self) -> None:
        if self._with:
            self.update(Content(self.words(self._with, self.size.width)))

    @staticmethod
    def words(name: str, width: int) -> str:
        """The longest of the sentences that fits `width` cells; a long name is cut with "…" last."""
        width = width or 78
        full = f"Together with {name}. Press ctrl+g to end it, F2 for a session or sharing."
        if cells(full) <= width:
            return full
        short = f"Together with {name}. Press ctrl+g to end it."
        if cells(short) <= width:
            return short
        room = width - cells("Together with . Press ctrl+g to end it.")
        return f"Together with {shorten(name, max(room, 6))}. Press ctrl+g to end it."

    def on_click(self) -> None:
        self.companion.action_together_menu()
