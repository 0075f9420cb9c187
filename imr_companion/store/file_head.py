"""The settings at the head of a data file, read without parsing the rest.

The app keeps `_meta` and `settings` first in its document (put_head_first),
so the little that its first frame needs (the schema version, whether the
welcome was seen, the name, the theme) is read from the start of the file
(codec.read_head, the codec being the one reader of the data file's bytes),
and years of records are parsed just after that frame. A file that does not
begin this way (written by an older version, or by hand) is read whole, as
before: the head only ever saves time, it never decides anything alone.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from imr_companion.tables import META, SETTINGS

if TYPE_CHECKING:
    import mmap

HEAD_TABLES = (META, SETTINGS)
HEAD_BYTES = 64 * 1024
"""How far into the file the head is looked for: settings are a few hundred bytes."""

_WHITESPACE = " \t\n\r"


def _refuse(constant: str) -> None:
    raise ValueError(constant)


# Strict as the full reader is about constants: NaN or Infinity means "read it all".
_DECODER = json.JSONDecoder(parse_constant=_refuse)


def schema_version(document: dict[str, Any]) -> int:
    """The schema version the document says it has in `_meta` (1 when it says none). Here, not in the
    gate: opening the data before the app's first frame needs it and nothing else of the gate's."""
    meta = document.get(META)
    for record in meta.values() if isinstance(meta, dict) else ():
        version = record.get("schema_version") if isinstance(record, dict) else None
        if isinstance(version, int) and not isinstance(version, bool) and version >= 1:
            return version
    return 1


def head_tables(content: bytes | mmap.mmap) -> dict[str, Any] | None:
    """`_meta` and `settings` as the file begins with them; None when it begins otherwise.

    The head is only trusted when it holds both tables, or ends the document
    after those it holds: then no later part of the file can hold settings.
    """
    text = content[:HEAD_BYTES].decode("utf-8", errors="replace")
    tables: dict[str, Any] = {}
    at = _skip(text, 0)
    if not text.startswith("{", at):
        return None
    at = _skip(text, at + 1)
    try:
        while len(tables) < len(HEAD_TABLES):
            if text.startswith("}", at):
                return tables  # the whole document, and no settings in it
            name, at = _DECODER.raw_decode(text, at)
            at = _skip(text, at)
            if name not in HEAD_TABLES or name in tables or not text.startswith(":", at):
                return None
            table, at = _DECODER.raw_decode(text, _skip(text, at + 1))
            if not isinstance(table, dict):
                return None
            tables[name] = table
            at = _skip(text, at)
            if text.startswith(",", at):
                at = _skip(text, at + 1)
            elif not text.startswith("}", at):
                return None
    except (ValueError, RecursionError):  # cut off, damaged, too deep, not JSON: the full reader decides
        return None
    return tables


def _skip(text: str, at: int) -> int:
    while at < len(text) and text[at] in _WHITESPACE:
        at += 1
    return at


def put_head_first(document: dict[str, Any]) -> dict[str, Any]:
    """`document` with `_meta` and `settings` first (the same dict when they already are)."""
    present = [name for name in HEAD_TABLES if name in document]
    if list(document)[: len(present)] == present:
        return document
    return {**{name: document[name] for name in present}, **document}
