"""Dialog: the frame every small window shares (its subclasses: dialog.EditorDialog, confirm.Confirm...)."""

from __future__ import annotations

from textual.screen import ModalScreen, ScreenResultType

from imr_companion.ui.common.companion import Companion, companion_of


class Dialog(ModalScreen[ScreenResultType]):
    """Compose a container with `classes="dialog"` holding the content and a
    `Horizontal(classes="buttons")` row. A subclass may set its own width
    in its DEFAULT_CSS (`Name > .dialog { width: 76; }`)."""

    DEFAULT_CSS = """
    Dialog { align: center middle; }
    Dialog > .dialog {
        width: 68; max-width: 100%; height: auto; max-height: 100%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    Dialog .buttons { height: auto; align-horizontal: right; margin-top: 1; }
    Dialog .buttons Button { margin-left: 1; }
    """

    @property
    def companion(self) -> Companion:
        """The app as IMR Companion's own (its data, settings, together mark), typed."""
        return companion_of(self)

    def has_unsaved_text(self) -> bool:
        """True while something typed here would be lost by closing (asked before quitting)."""
        return False
