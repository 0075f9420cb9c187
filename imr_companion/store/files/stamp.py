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
with it (files/years.OldYear: the digest its line had when the file was read,
against which its bytes are checked whenever they are read back). Hashing
thirty years of data whole took 3 ms of every save; the lines of this year
and the other tables are a tenth of the file.

The stamp sits inside the plain bytes, so a sealed file (a passphrase)
carries it the same way under its seal (store/codec.py opens it first).
SHA-256 runs at about 1.7 GB/s here: under 3 ms for thirty years of data,
paid once, on reading; each line's digest is kept from that reading
(stamped_lines).
"""

from __future__ import annotations

import hashlib
from typing import Any

from imr_companion import __version__, clock
from imr_companion.store.files import years
from imr_companion.store.files.codec import Plain
from imr_companion.store.files.storage import Document, encode
from imr_companion.store.files.years import OldYear, OldYears, Piece
from imr_companion.tables import META

STAMP = "checked"
"""The field of `_meta`'s record that holds the digest."""
_OPENING = b'{"' + META.encode() + b'":'
_SALT = f"imr-companion {__version__}\n".encode()
"""In every digest: a file stamped by another version of the app is checked again by this one."""


_LINES = b"lines\n"
"""Says the digest is over the lines' digests (an earlier digest, over the bytes whole, never matches it)."""


def _lines_digest(
    meta: bytes,
    pieces: tuple[Piece | Plain, ...],
    skip: int = 0,
    lines: dict[int, bytes] | None = None,
) -> str:
    """The digest of `meta` and of the lines of `pieces` (the bytes after `_meta`, in pieces; the
    first `skip` bytes of the first piece left out).

    An older year still unparsed (files/years.OldYear) that starts a line brings its line's digest,
    known without its bytes. `lines`: filled with each line's digest by where it starts in the
    first piece (for a file read whole: stamped_lines)."""
    digest = hashlib.sha256(_SALT + _LINES)
    digest.update(meta)
    line = hashlib.sha256()
    fresh = True  # nothing of the current line taken in yet
    at = 0
    while at < len(pieces):
        piece = pieces[at]
        at += 1
        if isinstance(piece, OldYear):
            if fresh and at < len(pieces) and pieces[at] == _NEXT_LINE:  # the line: these bytes, a comma
                digest.update(piece.line_digest)
                at += 1
                continue
            piece = piece.members  # read back (and checked): the last line of its table
        # A view (a table between the laid-out ones: a few hundred KB at most) is searched as bytes.
        whole = piece.tobytes() if isinstance(piece, memoryview) else piece
        view = memoryview(whole)
        start, skip = skip, 0
        while (end := whole.find(b"\n", start)) >= 0:
            line.update(view[start:end])
            if lines is not None and at == 1:
                lines[start] = line.digest()
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


def encoded(document: Document, checked: bool, old: OldYears | None = None) -> tuple[Piece, ...]:
    """The file's bytes for `document`, in pieces to be written one after the other.

    Byte for byte what encode_file(document, old) writes (`old`: the older years still
    unparsed, files/years.py), with `_meta` stamped when
    `checked` (every record has passed the gate), and any earlier stamp left
    out when not. The older years still unparsed are pieces of their own (read as they are written).
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
    tail: tuple[Piece, ...]
    if len(rest) > 1:
        tail = (b",", *rest[1:])  # rest[0] is "{"
    else:
        whole = rest[0]  # the whole document in one piece: nothing is laid out (files/years.encode)
        assert isinstance(whole, bytes)
        tail = (b",", memoryview(whole)[1:]) if len(whole) > 2 else (b"}",)
    if checked:
        meta["1"] = {**plain, STAMP: _lines_digest(encode(meta), tail)}
    return (_OPENING + encode(meta), *tail)


def holds_stamp(content: Plain, head: dict[str, Any] | None) -> bool:
    """Whether `content` (a data file's plain bytes) is exactly what this app wrote after checking it.

    `head`: the tables at its head (file_head.head_tables), already read.
    """
    return stamped_lines(content, head) is not None


def stamped_lines(content: Plain, head: dict[str, Any] | None) -> dict[int, bytes] | None:
    """The digest of each line of `content` by where the line starts, when `content` is exactly what
    this app wrote after checking it (holds_stamp); else None. An older year's line is read back
    later and checked against its digest here (files/years.OldYear)."""
    meta = head.get(META) if head is not None else None
    record = meta.get("1") if isinstance(meta, dict) else None
    stamp = record.get(STAMP) if isinstance(record, dict) else None
    if not isinstance(stamp, str):
        return None
    assert isinstance(meta, dict) and isinstance(record, dict)
    try:
        opening = _OPENING + encode(meta)
    except (TypeError, ValueError):
        return None
    if content[: len(opening)] != opening:
        return None
    plain = {**meta, "1": {name: value for name, value in record.items() if name != STAMP}}
    lines: dict[int, bytes] = {}
    digest = _lines_digest(encode(plain), (content,), skip=len(opening), lines=lines)
    return lines if digest == stamp else None
