"""Copies of the data file in `backups/`, and the rules that keep the last good one.

Kinds: a daily copy of the file as it was before the first save of a day
(`companion-2026-03-18.json`, a hard link to the old file where the disk
allows, the newest 14 days kept), and copies made before an import, before a restore
and on request (`companion-before-import-20260318-193000.json`, the newest 10
of each kind kept). Names never repeat: a second copy in the same second gets
`-2`. A backup dated after today (a clock that was wrong once) never pushes out
real days. When a damaged data file is set aside, every backup there is then
is kept until the person restores one or says they do not need them.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple

from imr_companion import clock
from imr_companion.i18n import _, date_words
from imr_companion.paths import BACKUP_DIR
from imr_companion.store.errors import StoreError
from imr_companion.store.files import codec
from imr_companion.store.files.storage import FILE_MODE, _fsync_dir

KEEP = 14
KEEP_EACH = 10
KINDS = ("daily", "before-import", "before-restore", "manual")
OFFER = "restore-offer.json"
_DAILY = re.compile(r"^companion-(\d{4}-\d{2}-\d{2})\.json$")
_MADE = re.compile(r"^companion-(before-import|before-restore|manual)-(\d{8}-\d{6})(?:-(\d+))?\.json$")


class BackupsUnavailable(StoreError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "The backups folder inside your data folder is not a plain folder (it may be a link), "
                "so no copy could be kept there. Nothing was changed."
            )
        )


class Backup(NamedTuple):
    """Named tuples, not frozen dataclasses, here: this module is imported before the app's first
    frame, and a dataclass takes ~0.5 ms more to define."""

    path: Path
    kind: str
    when: datetime
    number: int = 1
    """The n-th copy of its kind made in that second."""

    @property
    def described(self) -> str:
        """When it was made and what kind it is, in the person's language: "6 December 2026 (daily)"."""
        day = date_words(self.when.date(), "date")
        time = f"{self.when:%H:%M}"
        if self.kind == "daily":
            return _("{date} (daily)").format(date=day)
        if self.kind == "before-import":
            return _("{date}, {time} (before an import)").format(date=day, time=time)
        if self.kind == "before-restore":
            return _("{date}, {time} (before a restore)").format(date=day, time=time)
        return _("{date}, {time} (a copy you made)").format(date=day, time=time)


def folder(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIR


def usable(data_dir: Path) -> bool:
    """The backups folder is a real folder of ours: a link is never followed."""
    try:
        return os.stat(folder(data_dir), follow_symlinks=False).st_mode & 0o170000 == 0o040000
    except FileNotFoundError:
        return False


def path_for(data_dir: Path, day: date) -> Path:
    return folder(data_dir) / f"companion-{day.isoformat()}.json"


def identify(entry: Path) -> Backup | None:
    try:
        match = _DAILY.match(entry.name)
        if match:
            return Backup(
                entry, "daily", datetime.combine(date.fromisoformat(match.group(1)), datetime.min.time())
            )
        match = _MADE.match(entry.name)
        if match:
            when = datetime.strptime(match.group(2), "%Y%m%d-%H%M%S")
            return Backup(entry, match.group(1), when, int(match.group(3) or 1))
    except ValueError:
        pass
    return None


def every(data_dir: Path) -> list[Backup]:
    """All backups, newest first, those dated after now (a wrong clock) last."""
    if not usable(data_dir):
        return []
    found = [b for b in map(identify, folder(data_dir).iterdir()) if b is not None]
    now = clock.now()
    return sorted(found, key=lambda b: (b.when <= now, b.when, b.number), reverse=True)


def listed(data_dir: Path) -> list[tuple[date, Path]]:
    """Daily backups as (day, path), newest first."""
    return [(b.when.date(), b.path) for b in every(data_dir) if b.kind == "daily"]


def newest(data_dir: Path) -> Backup | None:
    found = every(data_dir)
    return found[0] if found else None


def _prune(data_dir: Path, kind: str, keep: int) -> None:
    pinned = set(offer_kept(data_dir))
    now = clock.now()
    mine = [b for b in every(data_dir) if b.kind == kind and b.path.name not in pinned]
    # Wrong-clock backups are counted apart, so they never push out real days.
    for group in ([b for b in mine if b.when <= now], [b for b in mine if b.when > now]):
        for old in group[keep:]:
            old.path.unlink(missing_ok=True)


def link_daily(data_dir: Path, day: date, live: Path) -> bool:
    """Keep the data file `live`, just before a save replaces it, as `day`'s backup: a hard link.

    The save puts a new file in its place (os.replace), so the link keeps the
    old content: nothing is copied, nothing held in memory, no room taken on
    the disk. True when `day` has its backup (made now or earlier); False when
    the disk refuses the link (some file systems have none): then copy_daily.
    Call daily_kept() after the save.
    """
    try:
        os.link(live, path_for(data_dir, day))
    except FileExistsError:
        return True
    except OSError:
        return False
    return True


def copy_daily(data_dir: Path, day: date, old: int) -> None:
    """Keep what the open file `old` holds (the data file before the save) as `day`'s backup.

    Unless `day` has one already. Used where the disk refuses hard links.
    """
    target = path_for(data_dir, day)
    if not target.exists():
        codec.copy(old, target)
    daily_kept(data_dir)


def daily_kept(data_dir: Path) -> None:
    """After a daily backup: make its name durable, keep the newest KEEP days."""
    _fsync_dir(folder(data_dir))
    _prune(data_dir, "daily", KEEP)


class DailyBackup:
    """The day's backup of the data file, kept just as the day's first save replaces it."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self._checked: date | None = None

    def before_save(self, live: Path) -> Callable[[], None] | None:
        """As a save is about to replace `live`: keep the file as it was before the day's first save.

        A hard link where the disk allows (no copy, no room, nothing in
        memory). Elsewhere the old file is opened now and copied once the save
        is done, so the save gets the disk's room first. Never raises: the save
        must not look failed because of its backup, and the next save tries again.
        What it returns runs after the save.
        """
        today = clock.today()
        if self._checked == today or not usable(self.data_dir):
            return None
        if link_daily(self.data_dir, today, live):
            return lambda: self._after_save(today, None)
        try:
            old = os.open(live, os.O_RDONLY)
        except OSError:
            return None
        return lambda: self._after_save(today, old)

    def _after_save(self, today: date, old: int | None) -> None:
        """Copy the old file (`old`, still open) where it was not linked; prune."""
        try:
            if old is None:
                daily_kept(self.data_dir)
            else:
                copy_daily(self.data_dir, today, old)
        except OSError:
            return
        finally:
            if old is not None:
                os.close(old)
        self._checked = today


def make(data_dir: Path, kind: str, content: bytes) -> Path:
    """A new copy of `content` (plain bytes) of `kind`, under a name no other copy has; prune that kind.

    Sealed through the codec when a passphrase is set.
    """
    content = codec.sealed(content)
    where = folder(data_dir)
    if not os.path.lexists(where) and data_dir.is_dir():
        # A data folder copied or made by hand: the backups folder is made, private, as on opening.
        where.mkdir(mode=0o700)
        os.chmod(where, 0o700)
    if not usable(data_dir):
        raise BackupsUnavailable()
    stem = f"companion-{kind}-{clock.now():%Y%m%d-%H%M%S}"
    fd, temp = tempfile.mkstemp(dir=where, prefix=f".{stem}.", suffix=".tmp")
    try:
        try:
            os.fchmod(fd, FILE_MODE)
            view = memoryview(content)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        # After the highest number used in this second, so a pruned name is never reused.
        same = [identify(p) for p in where.glob(f"{stem}*.json")]
        count = max((b.number for b in same if b is not None and b.kind == kind), default=0) + 1
        while True:
            target = where / (f"{stem}.json" if count == 1 else f"{stem}-{count}.json")
            try:
                # A hard link never replaces an existing file: two copies in one second both stay.
                os.link(temp, target)
                break
            except FileExistsError:
                count += 1
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
    _fsync_dir(where)
    _prune(data_dir, kind, KEEP_EACH)
    return target


def clean_leftovers(data_dir: Path) -> None:
    """Remove temporary files a killed save left in `backups/` (call only while holding the lock)."""
    if usable(data_dir):
        for leftover in folder(data_dir).glob(".*.tmp"):
            leftover.unlink(missing_ok=True)


# --- the offer to restore, after a damaged data file was set aside ----------


class Offer(NamedTuple):
    damaged: str
    backup: Backup


def remember_offer(data_dir: Path, damaged: Path) -> Offer | None:
    """Pin every backup there is now and remember the newest, to offer at each start."""
    found = every(data_dir)
    if not found:
        return None
    record = {"damaged": damaged.name, "backup": found[0].path.name, "kept": [b.path.name for b in found]}
    # Only file names: kept plain (codec.write_plain), whatever the passphrase.
    codec.write_plain(folder(data_dir) / OFFER, json.dumps(record).encode("utf-8"))
    return Offer(damaged.name, found[0])


def _offer_record(data_dir: Path) -> dict:
    if not usable(data_dir):
        return {}
    try:
        record = json.loads(codec.read_raw(folder(data_dir) / OFFER))
    except (OSError, ValueError, StoreError):
        return {}
    return record if isinstance(record, dict) else {}


def offer_kept(data_dir: Path) -> list[str]:
    kept = _offer_record(data_dir).get("kept", [])
    return [name for name in kept if isinstance(name, str)] if isinstance(kept, list) else []


def pending_offer(data_dir: Path) -> Offer | None:
    """The backup offered since a damaged file was set aside, until restored or dismissed."""
    record = _offer_record(data_dir)
    name, damaged = record.get("backup"), record.get("damaged")
    if not isinstance(name, str) or not isinstance(damaged, str):
        return None
    backup = identify(folder(data_dir) / name)
    if backup is None or not backup.path.is_file():
        return None
    return Offer(damaged, backup)


def forget_offer(data_dir: Path) -> None:
    """The person restored a backup or said they do not need one: stop offering, stop pinning."""
    if usable(data_dir):
        (folder(data_dir) / OFFER).unlink(missing_ok=True)
