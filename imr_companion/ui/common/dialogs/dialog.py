"""The look every small window shares: centred, framed, buttons on the right."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import ModalScreen, ScreenResultType
from textual.widgets import Button, Input


class Dialog(ModalScreen[ScreenResultType]):
    """Compose a `Vertical(classes="dialog")` holding the content and a
    `Horizontal(classes="buttons")` row."""

    DEFAULT_CSS = """
    Dialog { align: center middle; }
    Dialog > .dialog {
        width: 68; max-width: 100%; height: auto; max-height: 100%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    Dialog .buttons { height: auto; align-horizontal: right; margin-top: 1; }
    Dialog .buttons Button { margin-left: 1; }
    """


class EditorDialog(Dialog[ScreenResultType]):
    """A small window that changes something: Enter in a field or ctrl+s saves,
    Escape cancels. Subclasses compose `self.save_buttons()` last and implement
    `save()`, which validates, stores and dismisses with the result, or shows
    calm messages next to the fields and stays open with everything typed."""

    DEFAULT_CSS = """
    EditorDialog Label { margin-top: 1; }
    EditorDialog .hint { color: $text-muted; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def save_buttons(self) -> ComposeResult:
        with Horizontal(classes="buttons"):
            yield Button("Cancel (esc)", id="cancel")
            yield Button("Save (ctrl+s)", id="save", variant="primary")

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        self.save()

    def save(self) -> None:
        """Validate, store and dismiss; see the class docstring."""
