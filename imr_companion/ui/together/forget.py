"""Delete everything, from inside the app: asked twice, then the app closes with an honest word."""

from __future__ import annotations

from textual.app import App

from imr_companion import forget
from imr_companion.i18n import N_, _, ngettext
from imr_companion.store import SaveError
from imr_companion.ui.common.companion import companion_of
from imr_companion.ui.common.dialogs.confirm import DELETE_KEY, Confirm
from imr_companion.ui.common.key_names import key_for

FIRST = N_(
    "Delete everything? This removes all you wrote in IMR Companion from this computer: good moments, "
    "answers, goals, the network card, your plan, session notes, your backups and your settings. "
    "It cannot be undone. If you might want it later, first keep a copy with “{share}” ({key})."
)
SECOND = N_("Are you sure? Everything will be deleted now, and the app will close.")


def ask_to_forget(app: App) -> None:
    def second(yes: bool | None) -> None:
        if yes:
            delete_everything(app)
        else:
            app.notify(_("Nothing was deleted."))

    def first(yes: bool | None) -> None:
        if yes:
            # A different answer from the first question's: pressing the same key twice deletes nothing.
            app.push_screen(Confirm(_(SECOND), yes=_("Delete everything"), no=_("Keep my data")), second)
        else:
            app.notify(_("Nothing was deleted."))

    words = _(FIRST).format(share=_("Share or print"), key=key_for(type(app), "together_menu"))
    app.push_screen(Confirm(words, yes=_("Go on"), no=_("Keep my data"), key=DELETE_KEY), first)


def _nothing_more() -> SaveError:
    return SaveError(_("everything was deleted, so nothing more is saved"))


def delete_everything(app: App) -> None:
    folder = companion_of(app).data_folder
    # Nothing may be written after this, not even a draft saved by a screen as the app
    # closes: the store refuses every write from now on, as a read-only one does.
    companion_of(app).database.storage.refuse_writes(_nothing_more)
    try:
        count = forget.forget(folder)
    except OSError:
        app.notify(
            _(
                "Some files could not be deleted. Please close the app, open it again "
                "and choose {delete} ({key}) once more."
            ).format(delete=_("Delete everything"), key=key_for(type(app), "together_menu"))
        )
        return
    companion_of(app).database.close()
    forget.forget(folder)
    deleted = ngettext(
        "IMR Companion deleted {count} file from {folder}.",
        "IMR Companion deleted {count} files from {folder}.",
        count,
    ).format(count=count, folder=folder)
    app.exit(message=f"{deleted} {_(forget.HONEST)}")
