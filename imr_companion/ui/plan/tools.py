"""My plan's other tools beside its sections, one line each to click: one widget, not a Button each.

Six Buttons took ~12 ms of My plan's first open (each Button is styled, laid out and drawn as
a widget of its own); drawn as one widget's lines they cost about one. Each line looks as a
compact Button did (bold words on $surface across the pane, darker under the mouse) and runs
the same action as its key, shown on it.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.style import Style
from textual.widgets import Static

from imr_companion.i18n import N_, _
from imr_companion.ui.common.key_names import key_for

TOOLS = (
    # (words, the screen's action, a blank line above)
    (N_("Look it over ({key})"), "review", True),
    (N_("Check-ins ({key})"), "history", True),
    (N_("Earlier versions ({key})"), "versions", True),
    (N_("Reminders ({key})"), "reminders", True),
    (N_("Save as file ({key})"), "save_file", False),
    # Things that help me is a separate place (ui/coping), set a line apart from the plan's own.
    (N_("Things that help me ({key})"), "toolbox", True),
)


class PlanTools(Static):
    DEFAULT_CSS = """
    PlanTools {
        width: 100%; height: auto;
        link-color: $button-foreground; link-background: $surface; link-style: none;
        link-color-hover: $button-foreground; link-background-hover: $surface-darken-1;
        link-style-hover: none;
    }
    """
    ALLOW_SELECT = False

    def lines(self) -> list[tuple[str, str]]:
        """(words, action) of each line drawn, "" for a blank one."""
        drawn: list[tuple[str, str]] = []
        for words, action, apart in TOOLS:
            if apart:
                drawn.append(("", ""))
            drawn.append((_(words).format(key=key_for(self.screen, action)), action))
        return drawn

    def render(self) -> Content:
        width = max(1, self.content_size.width)
        lines = []
        for words, action in self.lines():
            if not action:
                lines.append(Content(""))
                continue
            # Centred as a Button centres its words, one space either side of them.
            label = f" {words} "
            left = max(0, width - cell_len(label)) // 2
            line = " " * left + label + " " * max(0, width - left - cell_len(label))
            clicked = Content(line).stylize(Style.from_meta({"@click": f"screen.{action}"}))
            lines.append(clicked.stylize(Style(bold=True), left, left + cell_len(label)))
        return Content("\n").join(lines)
