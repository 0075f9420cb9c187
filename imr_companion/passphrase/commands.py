"""`imr-companion passphrase set|change|remove`, and unlocking for the other commands."""

from __future__ import annotations

import shutil
import sys
import textwrap
from pathlib import Path

from imr_companion.i18n import _, ngettext
from imr_companion.passphrase import asking
from imr_companion.passphrase import folder as sealing
from imr_companion.passphrase.words import forgetting_warning
from imr_companion.store.errors import AlreadyOpen, StoreError
from imr_companion.store.files import codec, keys
from imr_companion.store.files.lock import WriterLock


def _line(text: str) -> None:
    """A sentence on standard output, wrapped to the terminal's width (never a word cut in two)."""
    print(textwrap.fill(text, width=min(shutil.get_terminal_size().columns, 100) - 1))


def _say(text: str) -> None:
    print(text, file=sys.stderr)


class NotUnlocked(StoreError):
    def __init__(self) -> None:
        super().__init__(_("That passphrase does not open your data. Nothing was changed."))


def unlock_for_command(data: Path) -> None:
    """Before a command that needs the data: ask for the passphrase when it is locked, or NotUnlocked."""
    if codec.held() is not None or not codec.is_encrypted(data):
        return
    if not codec.unlock(data, asking.ask_passphrase()):
        raise NotUnlocked()


def run(data: Path, action: str) -> int:
    writer = WriterLock(data)
    data.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        writer.acquire()
    except AlreadyOpen:
        _say(_("IMR Companion is open. Please close it first; nothing was changed."))
        return 1
    try:
        return {"set": _set, "change": _change, "remove": _remove}[action](data)
    finally:
        writer.release()


def _set(data: Path) -> int:
    if codec.is_encrypted(data):
        _say(_("Your data already has a passphrase. To choose another: imr-companion passphrase change"))
        return 1
    for line in forgetting_warning():
        _line(line)
    passphrase = asking.ask_new(_say)
    if passphrase is None:
        return 1
    recovery = keys.new_recovery_key() if asking.ask_yes(_("Make a recovery key? Type yes or no: ")) else None
    done = sealing.set_passphrase(data, passphrase, recovery)
    print(_files_words(done.files, locked=True))
    if recovery is not None:
        print(_("Your recovery key (write it down now; it is not shown again):"))
        print(f"    {recovery}")
        _line(_("It opens your data in place of the passphrase: imr-companion passphrase change"))
    else:
        _line(_("No recovery key was made: only the passphrase opens your data."))
    _line(_("Exports stay plain text by your choice: the app says so when it writes one."))
    return 0


def _unlock_or_say(data: Path, question: str) -> bool:
    if not codec.is_encrypted(data):
        _say(_("Your data has no passphrase. To set one: imr-companion passphrase set"))
        return False
    if codec.held() is None and not codec.unlock(data, asking.ask_passphrase(question)):
        _say(_("That passphrase does not open your data. Nothing was changed."))
        return False
    return True


def _change(data: Path) -> int:
    if not _unlock_or_say(data, _("Your passphrase now, or your recovery key (hidden as you type): ")):
        return 1
    passphrase = asking.ask_new(_say)
    if passphrase is None:
        return 1
    done = sealing.change_passphrase(data, passphrase)
    print(_files_words(done.files, locked=True))
    return _left(done)


def _remove(data: Path) -> int:
    if not _unlock_or_say(data, _("Your passphrase, or your recovery key (hidden as you type): ")):
        return 1
    done = sealing.remove_passphrase(data)
    print(_files_words(done.files, locked=False))
    return _left(done)


def _files_words(count: int, *, locked: bool) -> str:
    if locked:
        return ngettext(
            "Locked with the passphrase: {count} file (your data and its backups).",
            "Locked with the passphrase: {count} files (your data and its backups).",
            count,
        ).format(count=count)
    return ngettext(
        "The passphrase is removed: {count} file is plain again.",
        "The passphrase is removed: {count} files are plain again.",
        count,
    ).format(count=count)


def _left(done: sealing.Rewritten) -> int:
    if done.left:
        _say(
            ngettext(
                "{count} file could not be read (it may be damaged) and was left as it is.",
                "{count} files could not be read (they may be damaged) and were left as they are.",
                done.left,
            ).format(count=done.left)
        )
        return 1
    return 0
