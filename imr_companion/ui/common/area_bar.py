"""The slim bar naming the areas and their keys; each name can be clicked."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from imr_companion.areas import AREAS


class AreaBar(Horizontal):
    """'1 Today  3 Good moments ...', with the current area marked."""

    DEFAULT_CSS = """
    AreaBar {
        height: 1;
        dock: top;
        background: $panel;
    }
    AreaBar > .area {
        width: auto;
        /* One space between names, so that six areas and Help now fit in 80 columns. */
        padding: 0 0 0 1;
        color: $text-muted;
    }
    AreaBar > .area:hover {
        background: $boost;
        color: $text;
    }
    AreaBar > #spacer {
        width: 1fr;
    }
    AreaBar > #help-now {
        width: auto;
        padding: 0 1;
        text-style: bold;
        color: $text;
    }
    AreaBar > #help-now:hover {
        background: $boost;
    }
    AreaBar > .area.-current {
        padding: 0 1;
        background: $primary;
        color: $text;
        text-style: bold;
    }
    """

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        for area in AREAS:
            marker = "▸ " if area.mode == self.current else ""
            label = f"{marker}{area.key} {area.title}"
            classes = "area -current" if area.mode == self.current else "area"
            static = Static(label, classes=classes, id=f"area-{area.mode}")
            static.tooltip = f"Open {area.title} (press {area.key})"
            yield static
        yield Static("", id="spacer")
        help_now = Static("F1 Help now", id="help-now")
        help_now.tooltip = "Your own steps, people and numbers (F1, from anywhere)"
        yield help_now

    def on_click(self, event) -> None:
        widget = event.widget
        if widget is not None and widget.id == "help-now":
            self.app.action_help_now()  # type: ignore[attr-defined]
        elif widget is not None and widget.id and widget.id.startswith("area-"):
            self.app.switch_mode(widget.id.removeprefix("area-"))
