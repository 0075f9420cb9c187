"""ctrl+z, from anywhere: the newest delete, remove, let go or mark done of the session put back.

The history itself is `store/undo.py` (`UndoHistory`), kept by the app as
`undo_history`; every action that changes or removes a record runs inside
`undo_history.change(...)` and says that ctrl+z brings it back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from imr_companion.store import SaveError

if TYPE_CHECKING:
    from imr_companion.ui.app import CompanionApp


def undo_last(app: CompanionApp) -> None:
    """Undo the newest change and show the stored data again; a failed save keeps it on offer."""
    try:
        said = app.undo_history.undo()
    except SaveError as error:
        # The sentence asks to try again in a moment: the change is still on offer.
        app.notify(str(error), severity="warning", markup=False)
        return
    if said is None:
        app.notify("There is nothing to undo.", timeout=3)
        return
    app.notify(said, markup=False)
    app.refresh_areas()
