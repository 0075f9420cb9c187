"""The stamp a checked document carries in its file, so that the next start can trust what this app wrote.

Every record of a document passes the gate (Database.check_records) before
it is trusted. Checking years of records takes a tenth of a second or more,
so once a document has passed, its file says so: `_meta` (first in the file,
read before the first frame by file_head.py) holds `checked`, a SHA-256 of
every other byte of the file and of this app's version. A file whose bytes
still give that digest is exactly what this version wrote after checking it:
it opens without the record check. Anything else (a byte changed by hand or
by another program, a file from another version, a save made before the
check was done) has no stamp or one that does not match, and goes through
the whole gate as before. A stamp only ever saves time; it never refuses or
sets anything aside.

The digest is over every byte after `_meta` a line at a time: SHA-256 of
the salt, of `_meta` without the stamp, and of the SHA-256 of each line (the
bytes between two newlines; see files/years.py for the lines). Every byte is
in it all the same (each line's digest has a fixed length, so the lines and
their order are fixed too), and a save hashes only the lines it changed: an
older year's line is the same bytes at every save, and its digest is kept
(`Digests`). Hashing thirty years of data whole took 3 ms of every save; the
lines of this year and the other tables are a tenth of the file.

The stamp sits inside the plain bytes, so a sealed file (a passphrase)
carries it the same way under its seal (store/codec.py opens it first).
SHA-256 runs at about 1.7 GB/s here: under 3 ms for thirty years of data,
paid once, on reading (and on the first save).
"""

from __future__ import annotations

import hashlib
from typing import Any

from imr_companion import __version__, clock
from imr_companion.store.files import years
from imr_companion.store.files.storage import Document, encode
from imr_companion.store.files.years import OldYears
from imr_companion.tables import META

STAMP = "checked"
"""The field of `_meta`'s record that holds the digest."""
_OPENING = b'{"' + META.encode() + b'":'
_SALT = f"imr-companion {__version__}\n".encode()
"""In every digest: a file stamped by another version of the app is checked again by this one."""


_LINES = b"lines\n"
"""Says the digest is over the lines' digests (an earlier digest, over the bytes whole, never matches it)."""


class Digests:
    """The SHA-256 of each older year's bytes (files/years.OldYear.members), kept from save to save.

    Known by the bytes themselves (the very object), which the open document
    keeps unchanged until the year is taken in (store/saving.py); each save
    keeps only the years it writes, so nothing is held longer than the
    document holds it.
    """

    def __init__(self) -> None:
        self._kept: dict[int, tuple[bytes, Any, bytes]] = {}

    def of(self, old: OldYears | None) -> dict[int, tuple[bytes, Any, bytes]]:
        """The digests of `old`'s years (by the id of their bytes): those kept, and the others made now.

        Each: the bytes, their SHA-256 (to go on with), and the digest of their line as an older year's
        line is written, the bytes and a comma."""
        kept: dict[int, tuple[bytes, Any, bytes]] = {}
        for year in (year for table in (old or {}).values() for year in table):
            members = year.members
            known = self._kept.get(id(members))
            if known is None or known[0] is not members:
                if b"\n" in members:
                    continue  # never in an older year's line (files/years.py): hashed as it comes
                started = hashlib.sha256(members)
                line = started.copy()
                line.update(b",")
                known = (members, started, line.digest())
            kept[id(members)] = known
        self._kept = kept
        return kept


def _lines_digest(
    meta: bytes,
    pieces: tuple[bytes | memoryview, ...],
    known: dict[int, tuple[bytes, Any, bytes]],
    skip: int = 0,
) -> str:
    """The digest of `meta` and of the lines of `pieces` (the bytes after `_meta`, in pieces; the
    first `skip` bytes of the first piece left out).

    `known`: digests of pieces that start a line and hold no newline (Digests.of), by their id."""
    digest = hashlib.sha256(_SALT + _LINES)
    digest.update(meta)
    line = hashlib.sha256()
    fresh = True  # nothing of the current line taken in yet
    at = 0
    while at < len(pieces):
        piece = pieces[at]
        at += 1
        if fresh and (kept := known.get(id(piece))) is not None and kept[0] is piece:
            if at < len(pieces) and pieces[at] == _NEXT_LINE:  # the line is these bytes and a comma
                digest.update(kept[2])
                at += 1
            else:
                line, fresh = kept[1].copy(), False
            continue
        # A view (a table between the laid-out ones: a few hundred KB at most) is searched as bytes.
        whole = piece if isinstance(piece, bytes) else piece.tobytes()
        view = memoryview(whole)
        start, skip = skip, 0
        while (end := whole.find(b"\n", start)) >= 0:
            line.update(view[start:end])
            digest.update(line.digest())
            line, fresh, start = hashlib.sha256(), True, end + 1
        if start < len(whole):
            line.update(view[start:])
            fresh = False
    digest.update(line.digest())
    return digest.hexdigest()


_NEXT_LINE = b",\n"
"""What follows an older year's bytes in the file (files/years.py), but after the last."""


def _meta_record(document: Document) -> dict[str, Any] | None:
    """`_meta`'s record, when `_meta` is the first table as the app writes it; else None."""
    meta = document.get(META)
    if not isinstance(meta, dict) or next(iter(document)) != META:
        return None
    record = meta.get("1")
    return record if isinstance(record, dict) else None


def encoded(
    document: Document, checked: bool, old: OldYears | None = None, digests: Digests | None = None
) -> tuple[bytes | memoryview, ...]:
    """The file's bytes for `document`, in pieces to be written one after the other.

    Byte for byte what encode_file(document, old) writes (`old`: the older years still
    unparsed, files/years.py), with `_meta` stamped when
    `checked` (every record has passed the gate), and any earlier stamp left
    out when not. `digests`: the older years' digests kept from the last save (and kept for the next).
    """
    record = _meta_record(document)
    if record is None:
        return tuple(years.encode(document, old, today=clock.today()))
    plain = {name: value for name, value in record.items() if name != STAMP}
    meta = {**document[META], "1": plain}
    rest = years.encode(
        {name: table for name, table in document.items() if name != META}, old, today=clock.today()
    )
    # The tables after `_meta`: "{...}" as written alone, ",..." after `_meta` in the file.
    # (Views, not copies: years of data are not copied once more.)
    tail: tuple[bytes | memoryview, ...]
    if len(rest) > 1:
        tail = (b",", *rest[1:])  # rest[0] is "{"
    else:
        tail = (b",", memoryview(rest[0])[1:]) if len(rest[0]) > 2 else (b"}",)
    if checked:
        meta["1"] = {**plain, STAMP: _lines_digest(encode(meta), tail, (digests or Digests()).of(old))}
    return (_OPENING + encode(meta), *tail)


def holds_stamp(content: bytes, head: dict[str, Any] | None) -> bool:
    """Whether `content` (a data file's plain bytes) is exactly what this app wrote after checking it.

    `head`: the tables at its head (file_head.head_tables), already read.
    """
    meta = head.get(META) if head is not None else None
    record = meta.get("1") if isinstance(meta, dict) else None
    stamp = record.get(STAMP) if isinstance(record, dict) else None
    if not isinstance(stamp, str):
        return False
    assert isinstance(meta, dict) and isinstance(record, dict)
    try:
        opening = _OPENING + encode(meta)
    except (TypeError, ValueError):
        return False
    if not content.startswith(opening):
        return False
    plain = {**meta, "1": {name: value for name, value in record.items() if name != STAMP}}
    return _lines_digest(encode(plain), (content,), {}, skip=len(opening)) == stamp
