"""The one gate for data: the checks that opening, importing and restoring share.

A document passes when it is a JSON object of tables, each a JSON object of
records under canonical whole-number keys; every record passes its model;
ids are unique in each table; there is one settings record; set-aside
entries have their shape; and nothing holds a value JSON readers disagree
on (NaN, Infinity, a number too long to read, a key given twice).

Opening repairs what it can without losing a word (odd keys are renumbered,
refused records are set aside whole); importing refuses instead. Reasons
name tables and fields, never what the person wrote.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from imr_companion import clock
from imr_companion.i18n import N_, _
from imr_companion.store.checking import problem_steps, still_there
from imr_companion.store.errors import Unreadable
from imr_companion.store.file_head import schema_version
from imr_companion.store.files.storage import decode, encode
from imr_companion.store.problem import (
    NO_ID,
    PROBLEM_WITH,
    Document,
    Problem,
    Unstorable,
    encodable,
    shown_safely,
)
from imr_companion.tables import META, QUARANTINE, RECORD_TABLE_NAMES, SETTINGS

# Named here too for those who read and check through the gate (doctor, export, hello).
__all__ = ["NO_ID", "Document", "Problem", "Unreadable", "Unstorable", "encodable", "shown_safely"]

# Reading and setting right the tables runs before the app's first frame;
# pydantic and the models are imported only where records are validated.
KNOWN_TABLES = {*RECORD_TABLE_NAMES, SETTINGS, QUARANTINE, META}

# A key TinyDB reads back as the same number it wrote: no sign, no leading
# zero, short enough to stay a plain integer ("06" and "6" would collide).
_CANONICAL_KEY = re.compile(r"^[1-9][0-9]{0,17}$")
# A table this version does not know is kept as it is, if its name is plain.
TABLE_NAME = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
# No field holds a number anywhere near this long.
_MAX_NUMBER_TEXT = 40
# The whole numbers the data file's writer (orjson) can write: 64 bits.
_SMALLEST_INT, _LARGEST_INT = -(2**63), 2**64 - 1
# How deep a set-aside record may nest before the deeper part is kept as its JSON text:
# orjson writes at most 255 levels, and a set-aside record sits four levels down.
_KEPT_DEPTH = 200


def _loader(strict: bool) -> tuple[dict[str, Any], list[bool]]:
    odd: list[bool] = []

    def refuse_or_keep(text: str, why: str) -> Unstorable:
        if strict:
            raise Unreadable(why)
        odd.append(True)
        return Unstorable(text)

    def constant(name: str) -> Unstorable:
        return refuse_or_keep(
            name, _("it holds {name}, which is not a number JSON can store").format(name=name)
        )

    def integer(text: str) -> int | Unstorable:
        if len(text) > _MAX_NUMBER_TEXT:
            return refuse_or_keep(text, _("it holds a number too long to read"))
        value = int(text)
        if not _SMALLEST_INT <= value <= _LARGEST_INT:
            return refuse_or_keep(text, _("it holds a number too large to store"))
        return value

    def number(text: str) -> float | Unstorable:
        value = float(text)
        if len(text) > _MAX_NUMBER_TEXT or not math.isfinite(value):
            return refuse_or_keep(text, _("it holds a number too large to read"))
        return value

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        found = dict(items)
        if len(found) == len(items):  # the usual case, at C speed
            return found
        found = {}
        for key, value in items:
            if key in found:
                if strict:
                    raise Unreadable(_("the same name appears twice in one place"))
                odd.append(True)
                count = 2
                while f"{key} (again {count})" in found:
                    count += 1
                key = Unstorable(f"{key} (again {count})")
            found[key] = value
        return found

    hooks = {
        "parse_constant": constant,
        "parse_int": integer,
        "parse_float": number,
        "object_pairs_hook": pairs,
    }
    return hooks, odd


def _as_the_app_writes_it(content: bytes) -> Any | None:
    """The value in `content` when it is byte for byte what the app writes for it, else None.

    Such a file cannot hide an odd value: a repeated key, NaN or an overlong
    number would not encode back to the same bytes. Reading it with orjson
    takes a few milliseconds where the careful reader below takes ten times
    as long with years of data, before the first frame.
    """
    try:
        value = decode(content)
        # orjson reads deeper nesting than it writes: such a file takes the careful way.
        # The only newlines the app writes are between older years' lines (files/years.py).
        written = encode(value)
        return value if written == content or written == content.replace(b"\n", b"") else None
    except (TypeError, ValueError):
        return None


def loads(content: str | bytes, *, strict: bool = True) -> tuple[Any, bool]:
    """(the JSON value, whether odd values were kept as Unstorable text).

    strict: refuse NaN, Infinity, overlong numbers and repeated keys (imports).
    Otherwise they are kept as text for the gate to set aside (opening).
    """
    if isinstance(content, bytes) and (value := _as_the_app_writes_it(content)) is not None:
        return value, False
    hooks, odd = _loader(strict)
    try:
        text = content.decode("utf-8") if isinstance(content, bytes) else content
        value = json.loads(text, **hooks)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError, ValueError) as error:
        if isinstance(error, Unreadable):
            raise
        raise Unreadable(_("it is not complete, readable data")) from None
    if not odd and not encodable(value):
        # Valid JSON the file's writer cannot write back: a lone surrogate ("\ud800") or
        # nesting deeper than it goes. The records that hold it are set aside like any odd value.
        if strict:
            raise Unreadable(_("it holds text or nesting that cannot be stored"))
        odd.append(True)
    return value, bool(odd)


def storable(value: Any, depth: int = 0) -> Any:
    """`value` in a form the data file can hold, losing nothing: what cannot be written becomes text.

    For set-aside copies. Kept-as-text values and keys become plain text; lone
    surrogates are written as their escape (\\ud800); numbers beyond 64 bits and
    NaN become their digits; keys that are not text become text; anything nested
    deeper than the writer goes is kept as its JSON text.
    """
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return value if _SMALLEST_INT <= value <= _LARGEST_INT else str(value)
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if depth >= _KEPT_DEPTH and isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=True, default=str)
    if isinstance(value, list):
        return [storable(item, depth + 1) for item in value]
    if isinstance(value, dict):
        kept: dict[str, Any] = {}
        for key, item in value.items():
            name = storable(key if isinstance(key, str) else str(key))
            count = 2
            while name in kept:
                name, count = f"{name} (again {count})", count + 1
            kept[name] = storable(item, depth + 1)
        return kept
    return str(value)


def parse_document(content: bytes, *, strict: bool = False) -> Document:
    """The document in `content`, or Unreadable: empty, not JSON, or not a document of tables."""
    return read_document(content, strict=strict)[0]


def read_document(content: bytes, *, strict: bool = False) -> tuple[Document, bool]:
    if not content.strip():
        raise Unreadable(_("the file is empty"))
    try:
        document, odd = loads(content, strict=strict)
    except Unreadable as problem:
        raise Unreadable(_("the file is damaged ({problem})").format(problem=problem)) from None
    if not isinstance(document, dict) or not document:
        raise Unreadable(_("the file does not hold IMR Companion data"))
    return document, odd


# Why a record or a part is refused: kept in English with what is set aside (stored words never
# depend on the language), and said in the person's language by reason_words() where shown.
UNSTORABLE_PART = N_("a part that holds a value that cannot be stored")


def reason_words(reason: str) -> str:
    """A reason the gate gave (or one stored with a set-aside entry), in the person's language."""
    if reason.startswith(PROBLEM_WITH):
        return _("problem with: {fields}").format(fields=reason.removeprefix(PROBLEM_WITH))
    return _(reason) if reason else reason


def shape_problems(document: Document) -> tuple[list[Problem], list[tuple[str, str]]]:
    """(tables that are not tables or have an odd name, keys that are not canonical)."""
    tables: list[Problem] = []
    keys: list[tuple[str, str]] = []
    for name, table in document.items():
        if name not in KNOWN_TABLES and not TABLE_NAME.match(name):
            tables.append(Problem(name, "", N_("a part with a name this version cannot keep")))
        elif not isinstance(table, dict):
            tables.append(Problem(name, "", N_("a part that is not a table")))
        elif name != META:
            keys += [(name, key) for key in table if not _CANONICAL_KEY.match(key)]
    return tables, keys


def problems(document: Document, *, odd_values: bool = True) -> list[Problem]:
    """Every record the models, the id rule or the set-aside shape refuse.

    odd_values: whether the document may hold Unstorable text (skip the walk when not).
    """
    return [problem for problem in problem_steps(document, odd_values=odd_values) if problem is not None]


def _not_entries(document: Document) -> list[Problem]:
    return [
        Problem(name, key, N_("not an entry"))
        for name in (*RECORD_TABLE_NAMES, SETTINGS, QUARANTINE)
        if isinstance(document.get(name), dict)
        for key, record in document[name].items()
        if not isinstance(record, dict)
    ]


def unknown_tables(document: Document) -> list[str]:
    return sorted(name for name in document if name not in KNOWN_TABLES)


def _next_key(table: dict[str, Any]) -> int:
    return max((int(key) for key in table if _CANONICAL_KEY.match(key)), default=0) + 1


def set_aside_entry(table: str, record: Any, reason: str) -> dict[str, Any]:
    """A quarantine entry for `record`, which is kept whole in a form the data file can hold."""
    return {
        "table": storable(table),
        "record": storable(record),
        "reason": reason,
        "set_aside": clock.now().isoformat(),
    }


def repair(
    document: Document, *, odd_values: bool = True, records: bool = True, found: list[Problem] | None = None
) -> tuple[int, int]:
    """Make `document` pass the gate without losing anything: (entries set aside, entries mended).

    Odd keys get the next free number, a record without an id gets one; refused records, odd tables and
    misshapen set-aside entries move to the quarantine table, whole. records=False: only what
    must be set right before anything reads the tables (odd tables and keys, entries that are
    not objects); the full check runs later (Database.check_records). found: the problems
    problem_steps() found, step by step, while the document could still change; each is set
    right only where its entry is still in place.
    """
    odd_tables, odd_keys = shape_problems(document)
    kept: list[dict[str, Any]] = []
    for problem in odd_tables:
        kept.append(set_aside_entry(problem.table, document.pop(problem.table), problem.reason))
    for name, key in odd_keys:
        table = document[name]
        table[str(_next_key(table))] = table.pop(key)
    if not isinstance(document.get(QUARANTINE, {}), dict):
        document.pop(QUARANTINE)
    mended = len(odd_keys)
    if records and odd_values:
        # Parts the models do not check can hold what the file's writer cannot write too.
        for name in [n for n in unknown_tables(document) if not encodable(document[n])]:
            kept.append(set_aside_entry(name, document.pop(name), UNSTORABLE_PART))
        meta = document.get(META)
        if meta is not None and not encodable(meta):
            # The version is all _meta must hold: it is written afresh, the rest kept aside.
            kept.append(set_aside_entry(META, meta, UNSTORABLE_PART))
            document[META] = {"1": {"schema_version": schema_version(document)}}
    # Entries that are not objects go first, even before the deferred record check:
    # TinyDB and the repositories read every entry of a table as an object.
    if found is not None:
        found = still_there(document, found)
    elif records:
        found = problems(document, odd_values=odd_values)
    else:
        found = _not_entries(document)
    for problem in found:
        if problem.reason == NO_ID:
            mended += 1
            # Valid but for its missing id: it gets one (ids are never shown), and stays in place.
            from imr_companion.models.base import new_id

            document[problem.table][problem.key]["id"] = new_id()
            continue
        record = document[problem.table].pop(problem.key)
        if problem.table == QUARANTINE:
            kept.append(set_aside_entry(QUARANTINE, record, N_("an earlier set-aside entry in an odd shape")))
        else:
            kept.append(set_aside_entry(problem.table, record, problem.reason))
    if kept:
        quarantine = document.setdefault(QUARANTINE, {})
        for entry in kept:
            # The next free number: never the key of an entry set aside earlier.
            quarantine[str(_next_key(quarantine))] = entry
    return len(kept), mended
