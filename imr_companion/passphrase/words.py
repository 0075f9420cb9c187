"""What is said before a passphrase is set, the same on the command line and in the app."""

from __future__ import annotations

from imr_companion.i18n import _


def forgetting_warning() -> list[str]:
    return [
        _("A passphrase locks your data on this computer: your notes, plan, backups and copies."),
        _(
            "If the passphrase is forgotten, nobody can open the data again: not you, not your contact "
            "person, not the people who made this app."
        ),
        _("A recovery key can open it instead. Write it down or print it, and keep it somewhere safe."),
    ]
