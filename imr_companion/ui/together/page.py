"""What the together pages share: a title line, the footer and the together line; Escape goes back."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from imr_companion.i18n import _
from imr_companion.ui.common.companion import Companion, companion_of
from imr_companion.ui.common.frame.keys_footer import KeysFooter
from imr_companion.ui.common.frame.together_line import TogetherLine
from imr_companion.ui.keys.together import TOGETHER_PAGE


class TogetherPage(Screen):
    TITLE_TEXT = ""
    """Marked with N_(), shown through _()."""
    DEFAULT_CSS = """
    TogetherPage #page-title { height: 1; margin: 1 2 0 2; text-style: bold; }
    """
    BINDINGS = TOGETHER_PAGE.bindings()

    @property
    def companion(self) -> Companion:
        return companion_of(self)

    def compose(self) -> ComposeResult:
        yield Static(_(self.TITLE_TEXT) if self.TITLE_TEXT else "", id="page-title")
        yield from self.compose_body()
        yield KeysFooter()
        yield TogetherLine(id="together")

    def compose_body(self) -> ComposeResult:
        yield from ()

    def action_back(self) -> None:
        self.dismiss()

    def refresh_data(self) -> None:
        """Show the stored data again (after a restore or an import)."""
