"""A line above the footer while a contact person fills things in with the person."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


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

    def on_mount(self) -> None:
        self.watch(self.app, "together_with", self.show)

    def show(self, name: str | None) -> None:
        self.update(
            Content(f"Together with {name}. Press ctrl+g to end it, F2 for a session or sharing.")
            if name
            else ""
        )
        self.display = bool(name)

    def on_click(self) -> None:
        self.app.action_together_menu()  # type: ignore[attr-defined]
