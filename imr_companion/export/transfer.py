"""The JSON export, and bringing data back in: import, and restore of a backup or an export.

Both ways in pass the store's one gate. An import is all or nothing: the
export must follow the published schema (schema.json, from the models), the
records are saved in the form the models write, and before anything is
saved the resulting file is read back exactly as the app would open it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from imr_companion import __version__, clock, tables
from imr_companion.export.schema import FORMAT, ExportFile, where_and_what
from imr_companion.i18n import _
from imr_companion.models import RECORD_TABLES
from imr_companion.store import gate
from imr_companion.store.database import Database
from imr_companion.store.errors import NewerData
from imr_companion.store.files import backups, codec
from imr_companion.store.files.chosen_file import UnsafePlace, read_chosen
from imr_companion.store.files.storage import encode
from imr_companion.store.gate import (
    META,
    QUARANTINE,
    SETTINGS,
    Document,
    Unreadable,
    read_document,
    schema_version,
)
from imr_companion.store.reading import set_meta
from imr_companion.store.upgrades.migrations import SCHEMA_VERSION, upgrade


class ImportRefused(Exception):
    """The file cannot be imported; str() says why in one line, without quoting its content."""


def _payload(document: Document, settings: dict[str, Any]) -> dict[str, Any]:
    other = {
        name: list(table.values())
        for name, table in document.items()
        if name not in gate.KNOWN_TABLES and isinstance(table, dict)
    }
    payload: dict[str, Any] = {
        "format": FORMAT,
        "version": SCHEMA_VERSION,
        "app_version": __version__,
        "exported": clock.now().isoformat(),
        "settings": settings,
        "tables": {name: list(document.get(name, {}).values()) for name in RECORD_TABLES},
        "set_aside": list(document.get(QUARANTINE, {}).values()),
    }
    if other:
        # Parts a newer version wrote: carried along whole, so an export is complete.
        payload["other_tables"] = other
    return payload


def to_json(database: Database) -> str:
    payload = _payload(database.document(), database.settings().model_dump(mode="json"))
    return json.dumps(payload, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def _refuse(reason: str) -> ImportRefused:
    return ImportRefused(_("Nothing was imported: {reason}.").format(reason=reason))


def document_from_json(text: str | bytes) -> Document:
    """A complete document from an export that opens exactly as the app would open it,
    or ImportRefused with one line. Changes nothing."""
    try:
        payload, _odd = gate.loads(text, strict=True)
    except Unreadable as problem:
        raise ImportRefused(
            _("This file is not an IMR Companion export ({problem}).").format(problem=problem)
        ) from None
    if isinstance(payload, dict) and "format" not in payload and set(payload) & gate.KNOWN_TABLES:
        raise ImportRefused(
            _(
                "This file is a backup of the data, not an export: "
                "put it back with 'imr-companion restore FILE'."
            )
        )
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise ImportRefused(_("This file is not an IMR Companion export."))
    version = payload.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ImportRefused(_("This export has no version number, so it cannot be read safely."))
    if version > SCHEMA_VERSION:
        raise ImportRefused(
            _(
                "This export comes from a newer version of IMR Companion (data version {version}). "
                "Please update the app first."
            ).format(version=version)
        )
    if version < SCHEMA_VERSION:
        payload = _upgraded(payload, version)
    try:
        export = ExportFile.model_validate(payload)
    except ValidationError as error:
        raise _refuse(where_and_what(error)) from None
    document: Document = {SETTINGS: {"1": export.settings.model_dump(mode="json")}}
    for name in RECORD_TABLES:
        records = getattr(export.tables, name)
        # Saved in the form the models write (one form for dates and times, no extras).
        document[name] = {str(i): r.model_dump(mode="json") for i, r in enumerate(records, start=1)}
    if export.set_aside:
        document[QUARANTINE] = {str(i): e.model_dump(mode="json") for i, e in enumerate(export.set_aside, 1)}
    for name, records in export.other_tables.items():
        if name in gate.KNOWN_TABLES:
            raise _refuse(_("other_tables holds a part named like a known one ({name})").format(name=name))
        document[name] = {str(i): record for i, record in enumerate(records, start=1)}
    set_meta(document)
    _opens_as_is(document)
    return document


def _upgraded(payload: dict[str, Any], version: int) -> dict[str, Any]:
    """An older export brought to this version by the same migrations as the data file."""
    tables = payload.get("tables")
    if not isinstance(tables, dict) or not all(isinstance(t, list) for t in tables.values()):
        raise _refuse(_("the export's tables are not lists of entries"))
    known = {name: t for name, t in tables.items() if name in RECORD_TABLES}
    document: Document = {name: {str(i): r for i, r in enumerate(t, 1)} for name, t in known.items()}
    document[META] = {"1": {"schema_version": version}}
    upgrade(document, version)
    settings = payload.get("settings", {})
    upgraded = _payload(document, settings if isinstance(settings, dict) else {})
    # What the migrations do not touch goes on as the file had it, to be checked as any export is:
    # a table this version does not know under 'tables' is refused, 'other_tables' carried along.
    upgraded["tables"].update({name: t for name, t in tables.items() if name not in RECORD_TABLES})
    for field in ("set_aside", "other_tables", "app_version", "exported"):
        if field in payload:
            upgraded[field] = payload[field]
        else:
            upgraded.pop(field, None)
    return upgraded


def _opens_as_is(document: Document) -> None:
    """Refuse unless `document`, written and read back, passes the gate with nothing to repair."""
    try:
        again, odd = gate.read_document(encode(document), strict=True)
    except (Unreadable, ValueError, TypeError):
        raise _refuse(_("the result could not be written as readable data")) from None
    tables, keys = gate.shape_problems(again)
    found = gate.problems(again, odd_values=odd)
    if tables or keys or found:
        first = (tables + found)[0] if tables or found else gate.Problem(*keys[0], _("odd key"))
        raise _refuse(
            _("an entry in {table} would not open ({reason})").format(table=first.table, reason=first.reason)
        )


# --- restore ---------------------------------------------------------------


def restorable(content: bytes) -> Document:
    """A backup's document as opening would leave it: upgraded, repaired. Raises Unreadable or NewerData."""
    document, odd = read_document(content)
    found = schema_version(document)
    if found > SCHEMA_VERSION:
        raise NewerData(found, SCHEMA_VERSION)
    gate.repair(document, odd_values=odd, records=False)
    upgrade(document, found)
    set_meta(document)
    gate.repair(document, odd_values=odd)
    return document


def read_restorable(path: Path) -> Document:
    """The document in a backup (any kind) or a JSON export, checked by the gate.

    Raises ImportRefused with one line when it cannot be restored.
    """
    try:
        # A backup copied elsewhere stays sealed: it opens with the key held now.
        content = codec.opened(read_chosen(path))
    except codec.Locked:
        raise ImportRefused(
            _("That backup is locked with a passphrase this data does not use. Nothing was changed.")
        ) from None
    except UnsafePlace as unsafe:
        raise ImportRefused(str(unsafe)) from None
    except OSError as error:
        reason = error.strerror or _("unknown reason")
        raise ImportRefused(_("That file could not be read ({reason}).").format(reason=reason)) from None
    try:
        looks, _odd = gate.loads(content, strict=False)
    except Unreadable:
        raise ImportRefused(_("That file is not a backup or an export (it is not readable data).")) from None
    if isinstance(looks, dict) and "format" in looks:
        return document_from_json(content)
    if not isinstance(looks, dict) or not set(looks) & gate.KNOWN_TABLES:
        raise ImportRefused(_("That file is not a backup or an export of IMR Companion."))
    try:
        return restorable(content)
    except Unreadable:
        raise ImportRefused(_("That file is not a backup or an export of IMR Companion.")) from None
    except NewerData as newer:
        raise ImportRefused(str(newer)) from None


def restore(database: Database, path: Path) -> Path | None:
    """Make the backup or export at `path` the data; the current data is kept as a backup first.

    Returns where the current data was kept (None when there was none).
    """
    document = read_restorable(path)
    return database.replace(document, "before-restore")


def describe(path: Path) -> str:
    """One line about a backup: when, what kind, and what it holds in the person's words."""
    found = backups.identify(path)
    when = found.described if found else path.name
    try:
        document, _odd = gate.read_document(codec.read(path))
    except (OSError, Unreadable, codec.Locked):
        return _("{backup}: cannot be read").format(backup=when)
    return f"{when}: {tables.holdings(document)}"
