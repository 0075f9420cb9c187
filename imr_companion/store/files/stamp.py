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

from imr_companion import __version__
from imr_companion.store.files.storage import Document, decode, encode
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


def encoded(document: Document, checked: bool) -> tuple[bytes | memoryview, ...]:
    """The file's bytes for `document`, in pieces to be written one after the other.

    Byte for byte what encode(document) writes, with `_meta` stamped when
    `checked` (every record has passed the gate), and any earlier stamp left
    out when not.
    """
    record = _meta_record(document)
    if record is None:
        return (encode(document),)
    plain = {name: value for name, value in record.items() if name != STAMP}
    meta = {**document[META], "1": plain}
    rest = encode({name: table for name, table in document.items() if name != META})
    # The tables after `_meta`: "{...}" as written alone, ",..." after `_meta` in the file.
    # (A view, not a copy: years of data are not copied once more.)
    tail: tuple[bytes | memoryview, ...] = (b",", memoryview(rest)[1:]) if len(rest) > 2 else (b"}",)
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


def read_stamped(content: bytes, head: dict[str, Any] | None) -> Document | None:
    """The document in `content` when it carries this app's stamp, read as the app wrote it; else None.

    Such a file cannot hide an odd value (a repeated key, NaN, an overlong
    number): the app never writes one, and its bytes are the app's own.
    """
    if not holds_stamp(content, head):
        return None
    try:
        document = decode(content)
    except ValueError:  # a stamp copied onto other bytes: the careful reader decides
        return None
    return document if isinstance(document, dict) else None
