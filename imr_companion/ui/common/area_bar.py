"""The slim bar naming the areas and their keys; each name can be clicked."""

from __future__ import annotations

from textual.color import Color
from textual.content import Content
from textual.widget import Widget

from imr_companion.areas import AREAS

HELP_NOW = " F1 Help now "


class AreaBar(Widget):
    """' ▸ 1 Today  2 Handouts ...   F1 Help now', the current area marked.

    One widget drawing one line of links, not a widget per name: the bar is
    on every area screen, and each widget more is time before the first frame.
    """

    DEFAULT_CSS = """
    AreaBar {
        height: 1;
        dock: top;
        background: $panel;
        color: $text-muted;
        link-color: $text-muted;
        link-style: none;
        link-background-hover: $boost;
        link-color-hover: $text;
        link-style-hover: none;
    }
    """

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current
        self.tooltip = "Click an area to open it, or press its number. F1 is Help now, from anywhere."

    def _marked(self) -> str:
        """The style of the current area: the theme's primary colour with text that stands out on it.

        (As "color: $text" does in CSS: in a line of text, $text would not
        know what it is drawn on.)
        """
        primary = Color.parse(self.app.theme_variables.get("primary", "#0178D4"))
        text = primary + primary.get_contrast_text(0.87)
        return f"bold {text.hex} on {primary.hex}"

    def labels(self) -> list[tuple[str, Content]]:
        """Each area's mode and its clickable label, in order; then Help now's."""
        shown: list[tuple[str, Content]] = []
        marked = self._marked()
        for area in AREAS:
            action = f"@click=app.open_area('{area.mode}')"
            if area.mode == self.current:
                # One space either side, as the marked block; the mark is the arrow, not the colour.
                # Not a link: it is open already (and a link's colour would cover the marking).
                text = f"[{marked}] ▸ {area.key} {area.title} [/]"
            else:
                # One space between names, so that six areas and Help now fit in 80 columns.
                text = f"[{action}] {area.key} {area.title}[/]"
            shown.append((area.mode, Content.from_markup(text)))
        shown.append(("help-now", Content.from_markup(f"[@click=app.help_now][bold $text]{HELP_NOW}[/][/]")))
        return shown

    def render(self) -> Content:
        *areas, help_now = [label for _, label in self.labels()]
        names = Content.assemble(*areas)
        gap = max(1, self.size.width - names.cell_length - help_now.cell_length)
        return Content.assemble(names, " " * gap, help_now)

    def offset_of(self, name: str) -> int:
        """The column where `name` (an area's mode, or "help-now") is drawn: for a click."""
        column = 0
        for mode, label in self.labels()[:-1]:
            if mode == name:
                return column + 2
            column += label.cell_length
        return self.size.width - len(HELP_NOW) + 1
