"""Where the person's data lives."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_VAR = "IMR_COMPANION_DATA_DIR"
DATA_FILE = "companion.json"
LOCK_FILE = ".companion.lock"
BACKUP_DIR = "backups"
KEYS_FILE = "keys.toml"
"""The person's own keys, if they chose any (README "Keys of your own")."""


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """--data-dir wins, then IMR_COMPANION_DATA_DIR, then the platform's user data folder."""
    if override:
        return Path(override).expanduser().absolute()
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return Path(from_env).expanduser().absolute()
    return Path(platformdirs.user_data_dir("imr-companion", appauthor=False))


def data_file(folder: Path) -> Path:
    """The file the data is read from and saved to: companion.json, or the file it links to.

    A person may keep the data elsewhere (an encrypted or a synced folder) and
    link it here. Saves write through the link to that file, so the link stays
    and the daily backup holds the data itself (a dangling link once did).
    """
    path = folder / DATA_FILE
    return Path(os.path.realpath(path)) if path.is_symlink() else path
