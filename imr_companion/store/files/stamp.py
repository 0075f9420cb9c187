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

The stamp sits inside the plain bytes, so a sealed file (a passphrase)
carries it the same way under its seal (store/codec.py opens it first).
SHA-256 runs at about 1.7 GB/s here: under 3 ms for thirty years of data.
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


def _digest(meta: bytes, *after: bytes | memoryview) -> str:
    digest = hashlib.sha256(_SALT)
    digest.update(meta)
    for piece in after:
        digest.update(piece)
    return digest.hexdigest()


def _meta_record(document: Document) -> dict[str, Any] | None:
    """`_meta`'s record, when `_meta` is the first table as the app writes it; else None."""
    meta = document.get(META)
    if not isinstance(meta, dict) or next(iter(document)) != META:
        return None
    record = meta.get("1")
    return record if isinstance(record, dict) else None


def encoded(document: Document, checked: bool, old: OldYears | None = None) -> tuple[bytes | memoryview, ...]:
    """The file's bytes for `document`, in pieces to be written one after the other.

    Byte for byte what encode_file(document, old) writes (`old`: the older years still
    unparsed, files/years.py), with `_meta` stamped when
    `checked` (every record has passed the gate), and any earlier stamp left
    out when not.
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
        meta["1"] = {**plain, STAMP: _digest(encode(meta), *tail)}
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
    return _digest(encode(plain), memoryview(content)[len(opening) :]) == stamp
