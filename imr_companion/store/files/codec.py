"""The one seam for the bytes of the data folder: the data file, its backups, set-aside copies and
the temporary files they are written through.

Every read and write of those files passes here (tests/store/test_codec_seam.py
holds every other module to it). Without a passphrase the bytes pass as they
are. With one, a file is sealed:

    IMRC-SEALED 1\\n
    {the header: how the data key is wrapped, and what may be seen before unlocking}\\n
    12-byte nonce, then the document encrypted with AES-256-GCM

The header is the associated data: a changed byte anywhere, header or body,
makes the file unreadable (gate.Unreadable: set aside, a backup offered, as
for any damaged file), never silently read. Every write takes a fresh nonce.

The data key, once unlocked, is held in this process (one person, one data
folder per process) until locked again: `forget()`.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeAlias

from imr_companion.i18n import _
from imr_companion.paths import BACKUP_DIR, DATA_FILE, data_file
from imr_companion.store.errors import StoreError, Unreadable
from imr_companion.store.file_head import HEAD_BYTES, head_tables
from imr_companion.store.files.kept import KeptFile
from imr_companion.tables import SETTINGS

if TYPE_CHECKING:
    import mmap

    from imr_companion.store.files import keys
    from imr_companion.store.files.storage import Piece, Prepared
# The passphrase's keys (store/files/keys.py: secrets, hmac, hashlib, ~2 ms to import) only for a
# sealed file, where they are used: the app's first frame on plain data needs none of them.

MAGIC = b"IMRC-SEALED 1\n"
BEFORE_UNLOCKING = ("language", "theme", "region")
"""Settings kept plain in the header: what the unlock screen and Help now need, naming nobody."""
_MOST_HEADER = 16 * 1024


class Locked(StoreError):
    """The data is locked with a passphrase and has not been unlocked in this process."""

    def __init__(self) -> None:
        super().__init__(_("Your data is locked with a passphrase. Nothing was changed."))


class Unlocked(NamedTuple):
    """A named tuple, not a frozen dataclass: this module is imported before the app's first frame."""

    data_key: bytes
    wrapping: keys.Wrapping


_held: Unlocked | None = None


def hold(unlocked: Unlocked | None) -> None:
    """From now on, writes are sealed with `unlocked` (None: written plain)."""
    global _held
    _held = unlocked


def held() -> Unlocked | None:
    return _held


def forget() -> None:
    """Lock: the data key leaves this process's keeping."""
    hold(None)


# --- sealing and opening ---------------------------------------------------


def is_sealed(raw: bytes) -> bool:
    return raw.startswith(MAGIC)


def header(raw: bytes) -> dict[str, Any] | None:
    """The plain header of a sealed file's bytes (or its start); None when it has none we can read."""
    if not is_sealed(raw):
        return None
    end = raw.find(b"\n", len(MAGIC), len(MAGIC) + _MOST_HEADER)
    try:
        found = json.loads(raw[len(MAGIC) : end]) if end > 0 else None
    except ValueError:
        return None
    return found if isinstance(found, dict) else None


def _shown(plain: bytes) -> dict[str, str]:
    """The settings that may be seen before unlocking, from the head of the document."""
    tables = head_tables(plain) or {}
    settings = tables.get(SETTINGS)
    for record in settings.values() if isinstance(settings, dict) else ():
        if isinstance(record, dict):
            return {name: record[name] for name in BEFORE_UNLOCKING if isinstance(record.get(name), str)}
    return {}


def sealed(plain: bytes, unlocked: Unlocked | None = None) -> bytes:
    """`plain` as it goes to the disk: sealed with the held key (or `unlocked`), else as it is."""
    return b"".join(_sealed_pieces(plain, unlocked))


def _sealed_pieces(plain: bytes, unlocked: Unlocked | None = None) -> tuple[bytes, ...]:
    """The header and nonce, then the encrypted body (or `plain` alone when no key is held)."""
    unlocked = unlocked or _held
    if unlocked is None:
        return (plain,)
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from imr_companion.store.files import keys

    head = (
        MAGIC
        + json.dumps(
            {**unlocked.wrapping.as_header(), "before_unlocking": _shown(plain)}, separators=(",", ":")
        ).encode("utf-8")
        + b"\n"
    )
    nonce = os.urandom(keys.NONCE_BYTES)
    return head + nonce, AESGCM(unlocked.data_key).encrypt(nonce, plain, head)


def opened(raw: bytes) -> bytes:
    """The plain bytes of what a file holds: Locked when sealed with a key not held here,
    Unreadable when a byte of it was changed."""
    if not is_sealed(raw):
        return raw
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from imr_companion.store.files import keys

    found = header(raw)
    if found is None:
        raise Unreadable(_("its locked header is damaged"))
    if _held is None or found.get("key_id") != _held.wrapping.key_id:
        raise Locked()
    start = raw.index(b"\n", len(MAGIC)) + 1
    # A view, not a copy: years of data are not copied once more before decrypting.
    nonce, body = raw[start : start + keys.NONCE_BYTES], memoryview(raw)[start + keys.NONCE_BYTES :]
    try:
        return AESGCM(_held.data_key).decrypt(nonce, body, raw[:start])
    except (InvalidTag, ValueError):
        raise Unreadable(_("it was changed or damaged after it was saved")) from None


# --- the files -------------------------------------------------------------


def read_raw(path: Path, limit: int | None = None) -> bytes:
    """The bytes on the disk at `path` (the first `limit`); gate.Unreadable when not an ordinary file.

    Opened without waiting: a pipe in its place would otherwise hold the start forever.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise Unreadable(_("it is not an ordinary file"))
        if limit is not None:
            return os.read(fd, limit)
        with os.fdopen(fd, "rb", closefd=False) as file:
            return file.read()
    finally:
        os.close(fd)


def read_head(path: Path) -> dict[str, Any] | None:
    """The settings at the head of the data file at `path` (store/file_head.py); None when there
    is no file or no sure head."""
    try:
        # Without waiting: a pipe in the file's place is for the full reader to set aside.
        # A sealed file (a passphrase) has no plain head: None, and it is read whole.
        return head_tables(read_raw(path, HEAD_BYTES))
    except (FileNotFoundError, Unreadable):
        return None


def read(path: Path) -> bytes:
    """The plain bytes of the data file, a backup or a set-aside copy at `path`."""
    return opened(read_raw(path))


Read = tuple["Plain | Unreadable | None", KeptFile | None]
"""A data file as read (reading.read_file): its plain bytes (None: no file yet), the file kept open."""



Plain: TypeAlias = "bytes | mmap.mmap"
"""A data file's plain bytes as read_kept gives them: bytes, or (a large plain file) memory of
their own, with bytes' find and slicing (see read_kept)."""
_OWN_MEMORY_FROM = 1024 * 1024


def read_kept(path: Path) -> tuple[Plain, KeptFile | None]:
    """The data file's plain bytes, and the file kept open when it is plain (None when sealed: its plain
    bytes are nowhere on the disk). Raises as read() does.

    A large plain file is read into memory of its own (anonymous, given back whole when let go of),
    not bytes: a buffer of megabytes from the allocator, once freed, made it keep every later
    allocation below that size in its heap instead (glibc's dynamic threshold), a megabyte or more
    of the app's memory for good."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    kept = KeptFile(path, fd)  # closes it, however this ends, once no longer referred to
    status = os.fstat(fd)
    if not stat.S_ISREG(status.st_mode):
        kept.close()
        raise Unreadable(_("it is not an ordinary file"))
    raw = _read_whole(fd, status.st_size)
    if raw[: len(MAGIC)] == MAGIC or os.name == "nt":
        kept.close()
        return opened(raw if isinstance(raw, bytes) else raw[:]), None
    return raw, kept


def _read_whole(fd: int, size: int) -> Plain:
    with os.fdopen(fd, "rb", buffering=0, closefd=False) as file:
        if size >= max(_OWN_MEMORY_FROM, 1) and os.name != "nt":
            import mmap  # not before the first frame: the whole file is read after it

            own = mmap.mmap(-1, size)
            with memoryview(own) as view:
                got = 0
                while got < size and (more := file.readinto(view[got:])):
                    got += more
            if got == size and not file.read(1):
                return own
            own.close()  # the file changed size while being read: read as it is now
            file.seek(0)
        return file.readall()


def write(path: Path, plain: bytes, unlocked: Unlocked | None = None) -> None:
    """Put `plain` at `path` the crash-safe way (storage.write_atomically), sealed when a key is held."""
    from imr_companion.store.files.storage import write_atomically

    write_atomically(path, _sealed_pieces(plain, unlocked))


def prepare(path: Path, plain: bytes | tuple[Piece, ...], *, keep_open: bool = False) -> Prepared:
    """The first step of write(): `plain`, sealed when a key is held, whole and durable beside `path`.

    The caller commits it (or discards it) once it has done what must come in
    between: the data file's save keeps the day's backup there (store/saving.py).
    `plain` may come in pieces (the stamped document, files/stamp.py): written one
    after another as they are, or joined to be sealed (an older year read back is
    then read and joined too). keep_open: the new file stays open when it is plain
    (Prepared.take_fd, for a KeptFile); a sealed file's plain bytes are nowhere on the disk.
    """
    from imr_companion.store.files.storage import prepare_atomically

    keep_open = keep_open and os.name != "nt"  # there, a file open cannot be replaced (KeptFile)
    if isinstance(plain, tuple):
        if _held is None:
            return prepare_atomically(path, plain, keep_open=keep_open)
        from imr_companion.store.files.storage import resolved

        return prepare_atomically(path, _sealed_pieces(b"".join(resolved(plain))))
    return prepare_atomically(path, _sealed_pieces(plain), keep_open=keep_open and _held is None)


def write_plain(path: Path, plain: bytes) -> None:
    """Put `plain` at `path` unsealed whatever is held: passphrase remove, and files naming nobody."""
    from imr_companion.store.files.storage import write_atomically

    write_atomically(path, plain)


def copy(source: int, path: Path) -> None:
    """Copy the open data file `source` to `path` as it is: sealed stays sealed, with the same key."""
    from imr_companion.store.files.storage import copy_atomically

    copy_atomically(source, path)


def put_raw(path: Path, raw: bytes) -> None:
    """Write bytes that are already as they go to the disk (a backup copy made from the data file's own)."""
    from imr_companion.store.files.storage import write_atomically

    write_atomically(path, raw)


# --- the folder ------------------------------------------------------------


def data_files(folder: Path) -> list[Path]:
    """Every file in `folder` holding the person's data: the data file, set-aside copies, backups."""
    found = [data_file(folder)] if (folder / DATA_FILE).exists() else []
    found += sorted(folder.glob("companion.damaged-*.json"))
    backups = folder / BACKUP_DIR
    if backups.is_dir() and not backups.is_symlink():
        found += sorted(p for p in backups.glob("companion-*.json") if p.is_file())
    return found


def sealed_header(folder: Path) -> dict[str, Any] | None:
    """The header of the folder's data (the data file's, else a sealed backup's); None when plain."""
    found = data_files(folder)
    data_file_there = (folder / DATA_FILE).exists()
    for path in found[:1] if data_file_there else found:
        try:
            start = read_raw(path, len(MAGIC) + _MOST_HEADER)
        except (OSError, Unreadable):
            continue
        if is_sealed(start):
            return header(start) or {}
    return None


def is_encrypted(folder: Path) -> bool:
    """Whether the data in `folder` is locked with a passphrase: cheap, reads only a file's first bytes.

    For anything that must show nothing personal when it is (imr-companion hello).
    """
    return sealed_header(folder) is not None


def before_unlocking(folder: Path) -> dict[str, str]:
    """Language, theme and region as kept plain in the header (empty when there are none)."""
    shown = (sealed_header(folder) or {}).get("before_unlocking")
    if not isinstance(shown, dict):
        return {}
    return {
        name: value for name, value in shown.items() if name in BEFORE_UNLOCKING and isinstance(value, str)
    }


def unlock(folder: Path, secret: str) -> bool:
    """Hold the data key that `secret` (the passphrase, or the recovery key) opens. Nothing is written.

    Tries the header of every sealed file, the data file first: a damaged
    header on one still leaves the others. False when `secret` opens none.
    """
    from imr_companion.store.files import keys

    derived: dict[str, bytes] = {}
    for path in data_files(folder):
        try:
            found = header(read_raw(path, len(MAGIC) + _MOST_HEADER))
        except (OSError, Unreadable):
            continue
        wrapping = keys.Wrapping.from_header(found) if found is not None else None
        if wrapping is None:
            continue
        data_key = keys.open_wrapping(wrapping, secret, derived)
        if data_key is not None:
            hold(Unlocked(data_key, wrapping))
            return True
    return False
