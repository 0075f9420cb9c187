"""ctrl+z, from anywhere: the newest delete, remove, let go or mark done of the session put back.

The history itself is `store/undo.py` (`UndoHistory`), kept by the app as
`undo_history`; every action that changes or removes a record runs inside
`undo_history.change(...)` and says that ctrl+z brings it back.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, cast

from textual.app import App, SystemCommand

from imr_companion.i18n import _
from imr_companion.store import SaveError
from imr_companion.ui.common.companion import companion_of
from imr_companion.ui.common.key_names import key_for

if TYPE_CHECKING:
    from imr_companion.store import Database
    from imr_companion.store.undo import UndoHistory


class UndoKeeping:
    """The app's part: one undo history for the session, ctrl+z, and Undo in the list of all actions."""

    database: Database
    _undo_history: UndoHistory | None = None

    @property
    def undo_history(self) -> UndoHistory:
        """Every delete, remove, let go and mark done of this session, newest last (ctrl+z)."""
        if self._undo_history is None:
            from imr_companion.store.undo import UndoHistory

            self._undo_history = UndoHistory(self.database)
        return self._undo_history

    def action_undo(self) -> None:
        undo_last(cast("App", self))  # a part of the app

    def undo_commands(self) -> Iterator[SystemCommand]:
        """Undo is a key without a place in the footer: in the palette it is a click away too."""
        if self._undo_history is not None and self._undo_history.offered:
            key = key_for(type(cast("App", self)), "undo")  # a part of the app
            yield SystemCommand(
                _("Undo"),
                _("Bring back what was last deleted, let go or marked ({key})").format(key=key),
                self.action_undo,
            )


def undo_last(app: App) -> None:
    """Undo the newest change and show the stored data again; a failed save keeps it on offer."""
    companion = companion_of(app)
    try:
        said = companion.undo_history.undo()
    except SaveError as error:
        # The sentence asks to try again in a moment: the change is still on offer.
        app.notify(str(error), severity="warning", markup=False)
        return
    if said is None:
        app.notify(_("There is nothing to undo."), timeout=3)
        return
    app.notify(said, markup=False)
    companion.refresh_areas()
