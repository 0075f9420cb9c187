"""Delete everything, from inside the app: asked twice, then the app closes with an honest word."""

from __future__ import annotations

from typing import TYPE_CHECKING

from imr_companion import forget
from imr_companion.store import SaveError
from imr_companion.ui.common.dialogs.confirm import DELETE_KEY, Confirm

if TYPE_CHECKING:
    from imr_companion.ui.app import CompanionApp

FIRST = (
    "Delete everything? This removes all you wrote in IMR Companion from this computer: good moments, "
    "answers, goals, the network card, your plan, session notes, your backups and your settings. "
    "It cannot be undone. If you might want it later, first keep a copy with “Share or print” (F2)."
)
SECOND = "Are you sure? Everything will be deleted now, and the app will close."


def ask_to_forget(app: CompanionApp) -> None:
    def second(yes: bool | None) -> None:
        if yes:
            delete_everything(app)
        else:
            app.notify("Nothing was deleted.")

    def first(yes: bool | None) -> None:
        if yes:
            # A different answer from the first question's: pressing the same key twice deletes nothing.
            app.push_screen(Confirm(SECOND, yes="Delete everything", no="Keep my data"), second)
        else:
            app.notify("Nothing was deleted.")

    app.push_screen(Confirm(FIRST, yes="Go on", no="Keep my data", key=DELETE_KEY), first)


def _nothing_more() -> SaveError:
    return SaveError("everything was deleted, so nothing more is saved")


def delete_everything(app: CompanionApp) -> None:
    folder = app.data_folder
    # Nothing may be written after this, not even a draft saved by a screen as the app
    # closes: the store refuses every write from now on, as a read-only one does.
    app.database.storage.refuse_writes(_nothing_more)
    try:
        count = forget.forget(folder)
    except OSError:
        app.notify(
            "Some files could not be deleted. Please close the app, open it again "
            "and choose Delete everything (F2) once more."
        )
        return
    app.database.close()
    forget.forget(folder)
    app.exit(message=f"IMR Companion deleted {count} files from {folder}. {forget.HONEST}")
