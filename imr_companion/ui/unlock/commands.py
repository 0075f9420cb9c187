"""The palette's passphrase commands: set one, or lock now, change, remove, and the idle lock."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from textual.app import SystemCommand

from imr_companion.i18n import _
from imr_companion.store.files import codec

if TYPE_CHECKING:
    from imr_companion.ui.app import CompanionApp


def passphrase_commands(app: CompanionApp) -> Iterator[SystemCommand]:
    from imr_companion.ui.unlock import idle
    from imr_companion.ui.unlock.dialogs import IdleMinutes, PassphraseDialog

    def dialog(kind: str):
        return lambda: app.push_screen(PassphraseDialog(kind))

    if codec.held() is None:
        yield SystemCommand(
            _("Set a passphrase"), _("Lock your data on this computer with a passphrase"), dialog("set")
        )
        return
    yield SystemCommand(
        _("Lock now"), _("Close your data until the passphrase is typed"), lambda: idle.lock(app)
    )
    yield SystemCommand(
        _("Lock when idle"),
        _("Lock after some minutes without a key pressed"),
        lambda: app.push_screen(IdleMinutes()),
    )
    yield SystemCommand(_("Change the passphrase"), _("Choose a new passphrase"), dialog("change"))
    yield SystemCommand(
        _("Remove the passphrase"), _("Keep your data as plain files again"), dialog("remove")
    )
