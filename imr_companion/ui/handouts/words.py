"""A module's Words page: the harder words of the module and what they mean, one key away in the reader."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Markdown

from imr_companion.content import Handout
from imr_companion.i18n import _
from imr_companion.ui.common.dialogs.base import Dialog
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.keys.dialogs import WORDS


class WordsScreen(Dialog[None]):
    """The Words page over the section being read; Esc or Enter goes back to the same place."""

    DEFAULT_CSS = """
    WordsScreen > .dialog { width: 76; }
    WordsScreen #words { height: auto; max-height: 16; }
    WordsScreen #words Markdown { margin: 0; padding: 0; }
    WordsScreen MarkdownHeader { color: $foreground; text-style: bold; }
    """
    BINDINGS = WORDS.bindings()

    def __init__(self, handout: Handout) -> None:
        super().__init__()
        self.handout = handout

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            with VerticalScroll(id="words"):
                yield Markdown(self.handout.words_markdown())
            with Horizontal(classes="buttons"):
                label = _("Back to reading ({key})").format(key=key_for(self, "close"))
                yield Button(label, id="close", variant="primary", compact=True)

    def on_mount(self) -> None:
        # The list scrolls with the arrow keys; the button is a click away.
        self.query_one("#words").focus()

    def on_button_pressed(self) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
