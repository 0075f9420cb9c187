"""Choosing where to save a shared file, and saving it there (private, never in the data folder)."""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from imr_companion.i18n import N_, _
from imr_companion.store.errors import plain_reason
from imr_companion.store.files.chosen_file import UnsafePlace, write_chosen
from imr_companion.ui.common.companion import companion_of
from imr_companion.ui.common.dialogs.save_file import SaveFilePrompt

HINTS = {
    "html": N_(
        "A page that opens in your web browser and prints cleanly. "
        "It is not protected: share it only if you choose to."
    ),
    "markdown": N_(
        "A plain text file that any program can open. It is not protected: share it only if you choose to."
    ),
}


def save_shared(app: App, text: str, file_name: str, kind: str) -> None:
    def chosen(path: Path | None) -> None:
        if path is None:
            return
        try:
            saved = write_chosen(path, text, companion_of(app).data_folder)
        except UnsafePlace as unsafe:
            app.notify(str(unsafe), severity="warning")
            return
        except OSError as error:
            app.notify(
                _("It could not be saved there ({reason}).").format(
                    reason=plain_reason(error, _("the folder did not accept it"))
                ),
                severity="warning",
            )
            return
        app.notify(_("Saved to {path}. Only you decide who sees it.").format(path=saved))

    app.push_screen(SaveFilePrompt(_("Save to share or print"), file_name, hint=_(HINTS[kind])), chosen)
