"""Dated copies of the data file: at most one a day, the newest 14 kept."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from imr_companion.paths import BACKUP_DIR
from imr_companion.store.storage import write_atomically

KEEP = 14
_NAME = re.compile(r"^companion-(\d{4}-\d{2}-\d{2})\.json$")


def folder(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIR


def path_for(data_dir: Path, day: date) -> Path:
    return folder(data_dir) / f"companion-{day.isoformat()}.json"


def listed(data_dir: Path) -> list[tuple[date, Path]]:
    """Backups, newest first."""
    found = []
    try:
        entries = list(folder(data_dir).iterdir())
    except FileNotFoundError:
        return []
    for entry in entries:
        match = _NAME.match(entry.name)
        if match:
            try:
                found.append((date.fromisoformat(match.group(1)), entry))
            except ValueError:
                continue
    return sorted(found, reverse=True)


def newest(data_dir: Path) -> tuple[date, Path] | None:
    backups = listed(data_dir)
    return backups[0] if backups else None


def make_daily(data_dir: Path, day: date, content: bytes) -> Path | None:
    """Keep `content` as the backup for `day` unless one exists; prune old ones."""
    target = path_for(data_dir, day)
    if target.exists():
        return None
    write_atomically(target, content)
    for _, old in listed(data_dir)[KEEP:]:
        old.unlink(missing_ok=True)
    return target
