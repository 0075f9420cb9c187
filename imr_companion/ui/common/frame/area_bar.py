"""The slim bar naming the areas and their keys; each name can be clicked."""

from __future__ import annotations

from textual.color import Color
from textual.content import Content, Span
from textual.style import Style
from textual.widget import Widget

from imr_companion.areas import in_bar
from imr_companion.i18n import N_, _
from imr_companion.ui.common.key_names import key_for

HELP_NOW = N_("Help now")
HELP_NOW_CLICK = Style.from_meta({"@click": "app.help_now"})


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

    def on_mount(self) -> None:
        help_key = key_for(type(self.app), "help_now")
        said = _("Click an area to open it, or press its number. {key} is Help now, from anywhere.")
        self.tooltip = said.format(key=help_key)

    def _marked(self) -> Style:
        """The style of the current area: the theme's primary colour with text that stands out on it.

        (As "color: $text" does in CSS: in a line of text, $text would not
        know what it is drawn on.)
        """
        primary = Color.parse(self.app.theme_variables.get("primary", "#0178D4"))
        text = primary + primary.get_contrast_text(0.87)
        return Style(background=Color.parse(primary.hex), foreground=Color.parse(text.hex), bold=True)

    def labels(self) -> list[tuple[str, Content]]:
        """Each area's mode and its clickable label, in order; then Help now's.

        Styled spans, not markup: the markup of seven labels took about 1.5 ms of the first frame
        (a click is the style's meta, as "[@click=...]" makes it).
        """
        shown: list[tuple[str, Content]] = []
        marked = self._marked()
        # Six areas and Help now fit 80 columns in Danish; an area beyond them is not in the bar.
        for area in in_bar():
            if area.mode == self.current:
                # One space either side, as the marked block; the mark is the arrow, not the colour.
                # Not a link: it is open already (and a link's colour would cover the marking).
                label = Content.styled(f" ▸ {area.key} {_(area.title)} ", marked)
            else:
                # One space between names, so that six areas and Help now fit in 80 columns.
                click = Style.from_meta({"@click": f"app.open_area('{area.mode}')"})
                label = Content.styled(f" {area.key} {_(area.title)}", click)
            shown.append((area.mode, label))
        shown.append(("help-now", self._help_now(padded=True)))
        return shown

    def _help_now(self, padded: bool) -> Content:
        words = f" F1 {_(HELP_NOW)} " if padded else f"F1 {_(HELP_NOW)}"
        # Bold in the theme's text colour ($text: the stylesheet's colours), clickable.
        return Content(words, [Span(0, len(words), HELP_NOW_CLICK), Span(0, len(words), "bold $text")])

    def _line(self) -> tuple[Content, int, Content]:
        """The names, the gap and Help now: with a space either side of Help now where there is
        room (the Danish names leave none in 80 columns)."""
        *areas, help_now = [label for _mode, label in self.labels()]
        names = Content.assemble(*areas)
        room = self.size.width - names.cell_length - help_now.cell_length
        if room < 1:
            help_now = self._help_now(padded=False)
            room = self.size.width - names.cell_length - help_now.cell_length
        return names, max(1, room), help_now

    def render(self) -> Content:
        names, gap, help_now = self._line()
        return Content.assemble(names, " " * gap, help_now)

    def offset_of(self, name: str) -> int:
        """The column where `name` (an area's mode, or "help-now") is drawn: for a click."""
        column = 0
        for mode, label in self.labels()[:-1]:
            if mode == name:
                return column + 2
            column += label.cell_length
        names, gap, _help_now = self._line()
        return names.cell_length + gap + 1
