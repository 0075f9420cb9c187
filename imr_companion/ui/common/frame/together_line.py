"""A line above the footer while a contact person fills things in with the person."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from imr_companion.i18n import _
from imr_companion.ui.common.companion import Companion, companion_of
from imr_companion.ui.common.key_names import key_for


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
    def companion(self) -> Companion:
        """The app as IMR Companion's own (its data, settings, together mark), typed."""
        return companion_of(self)

    def on_mount(self) -> None:
        self._with: str | None = None
        self.watch(self.app, "together_with", self.show)

    def show(self, name: str | None) -> None:
        self._with = name
        self.update(Content(self._words(name)) if name else "")
        self.display = bool(name)

    def on_resize(self) -> None:
        if self._with:
            self.update(Content(self._words(self._with)))

    def _words(self, name: str) -> str:
        app = type(self.app)  # its bindings name the keys
        return self.words(name, self.size.width, key_for(app, "together"), key_for(app, "together_menu"))

    @staticmethod
    def words(name: str, width: int, end_key: str = "ctrl+g", menu_key: str = "F2") -> str:
        """The longest of the sentences that fits `width` cells; a long name is cut with "…" last.

        The keys are the app's (ctrl+g ends it, F2 opens the together pages), passed in from its bindings."""
        from imr_companion.layout.text import cells, shorten  # not before the app's first frame

        width = width or 78
        full = _("Together with {name}. Press {key} to end it, {menu} for a session or sharing.").format(
            name=name, key=end_key, menu=menu_key
        )
        if cells(full) <= width:
            return full
        short = _("Together with {name}. Press {key} to end it.")
        if cells(short.format(name=name, key=end_key)) <= width:
            return short.format(name=name, key=end_key)
        room = width - cells(short.format(name="", key=end_key))
        return short.format(name=shorten(name, max(room, 6)), key=end_key)

    def on_click(self) -> None:
        self.companion.action_together_menu()
