"""Setting, changing and removing the passphrase: every file holding the person's data is
written anew, sealed with the new key or plain, and unfinished temporary copies are removed.

The caller holds the writer lock (the command line takes it; the app holds it
while open). Each file is replaced the crash-safe way, one at a time: a run
cut short leaves every file whole, some under the old key (or plain), and
'imr-companion passphrase change' (or remove) run again finishes the rest.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from imr_companion.paths import DATA_FILE, data_file
from imr_companion.store.errors import StoreError, Unreadable
from imr_companion.store.files import backups, codec, keys
from imr_companion.store.files.data_folder import leftover_temporary_files, prepare_folder
from imr_companion.store.files.storage import encode
from imr_companion.store.reading import new_document


@dataclass
class Rewritten:
    files: int = 0
    left: int = 0
    """Files that could not be read (damaged, or sealed with another key): left as they are."""


def _rewrite(folder: Path, unlocked: codec.Unlocked | None) -> Rewritten:
    """Every data file, backup and set-aside copy written anew: sealed with `unlocked`, or plain."""
    done = Rewritten()
    for path in codec.data_files(folder):
        try:
            plain = codec.read(path)
        except (Unreadable, codec.Locked):
            done.left += 1
            continue
        if unlocked is None:
            codec.write_plain(path, plain)
        else:
            codec.write(path, plain, unlocked=unlocked)
        done.files += 1
    # An interrupted save's temporary files are whole copies of the data, maybe plain.
    for leftover in leftover_temporary_files(folder):
        leftover.unlink(missing_ok=True)
    backups.clean_leftovers(folder)
    return done


def new_key(passphrase: str, recovery_key: str | None) -> codec.Unlocked:
    """A new data key wrapped by `passphrase` (and `recovery_key`). Slow by design (Argon2): the app
    runs it in a thread; the files are then written by seal() where saves happen."""
    data_key = os.urandom(keys.KEY_BYTES)
    key_id = os.urandom(8).hex()
    return codec.Unlocked(data_key, keys.new_wrapping(passphrase, data_key, key_id, recovery_key))


def changed_key(new_passphrase: str) -> codec.Unlocked:
    """The held data key under a new passphrase (the recovery key, if any, still works). Slow."""
    held = _held()
    return codec.Unlocked(held.data_key, keys.rewrapped(held.wrapping, new_passphrase, held.data_key))


def seal(folder: Path, unlocked: codec.Unlocked) -> Rewritten:
    """Every file sealed with `unlocked`, which is held from now on."""
    prepare_folder(folder)  # private, as on opening
    if not (folder / DATA_FILE).exists():
        # Nothing saved yet: an empty document carries the header the passphrase is checked against.
        codec.write(data_file(folder), encode(new_document()), unlocked=unlocked)
    done = _rewrite(folder, unlocked)
    codec.hold(unlocked)
    return done


def set_passphrase(folder: Path, passphrase: str, recovery_key: str | None) -> Rewritten:
    """Seal everything under `passphrase` (and `recovery_key`, when the person took one)."""
    return seal(folder, new_key(passphrase, recovery_key))


def change_passphrase(folder: Path, new_passphrase: str) -> Rewritten:
    """The same data key under a new passphrase. Unlock first."""
    return seal(folder, changed_key(new_passphrase))


def remove_passphrase(folder: Path) -> Rewritten:
    """Everything plain again. Unlock first."""
    _held()
    done = _rewrite(folder, None)
    codec.forget()
    return done


def opens(secret: str) -> bool:
    """Whether `secret` (the passphrase, or the recovery key) opens the held key. Slow (Argon2)."""
    held = codec.held()
    return held is not None and keys.open_wrapping(held.wrapping, secret, {}) == held.data_key


def _held() -> codec.Unlocked:
    held = codec.held()
    if held is None:
        raise codec.Locked()
    return held


class NoPassphrase(StoreError):
    """change or remove where no passphrase is set."""
