"""Taking the data file in: its bytes, through the gate, into the document the database keeps.

Database.open and finish_reading call take_in(); what it finds wrong is set
right in the document (tables and keys here, records later in
Database.check_records) and said in notices.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from imr_companion.i18n import ngettext
from imr_companion.paths import DATA_FILE, data_file
from imr_companion.store import file_head, gate
from imr_companion.store.errors import NewerData
from imr_companion.store.files import backups, codec
from imr_companion.store.files.data_folder import Notice, offer_notice, set_aside
from imr_companion.store.files.stamp import stamped_lines
from imr_companion.store.files.years import OldYears, decode_file
from imr_companion.store.gate import META, Document, Unreadable, read_document, schema_version
from imr_companion.store.upgrades.migrations import SCHEMA_VERSION, upgrade


def read_file(folder: Path) -> codec.Read:
    """The data file's bytes (through a link, if it is one), None when there is none yet, or
    Unreadable when it is not an ordinary file (it is set aside like a damaged one); and the file,
    kept open when it is plain (codec.read_kept: where its older years stay, take_in)."""
    try:
        return codec.read_kept(data_file(folder))
    except FileNotFoundError:
        return None, None
    except Unreadable as problem:
        return problem, None


def set_meta(document: Document) -> None:
    """Stamp the schema version; anything else _meta holds stays for the gate to set aside."""
    meta = document.get(META)
    record = meta.get("1") if isinstance(meta, dict) else None
    if isinstance(record, dict):
        record["schema_version"] = SCHEMA_VERSION
    else:
        document[META] = {"1": {"schema_version": SCHEMA_VERSION}}


def new_document() -> Document:
    document: Document = {}
    set_meta(document)
    return document


def set_aside_notice(moved: int) -> Notice:
    return Notice(
        ngettext(
            "{count} saved entry could not be read and was set aside safely inside your data file. "
            "Nothing was deleted. 'imr-companion doctor' shows more.",
            "{count} saved entries could not be read and were set aside safely inside your data file. "
            "Nothing was deleted. 'imr-companion doctor' shows more.",
            moved,
        ).format(count=moved)
    )


@dataclass
class Taken:
    """A data file taken in: the document, and what was found on the way."""

    document: Document
    as_on_disk: bool
    """The file holds exactly this document (its bytes are not kept: see saving.OpenDocument)."""
    changed: bool
    """Upgraded, repaired or reordered: to be saved."""
    odd: bool
    """Values the file's writer cannot write back, kept as text until check_records sets them aside."""
    checked: bool = False
    """The file carries the stamp of this app's check (files/stamp.py) and nothing was changed: every
    record passed the gate before it was written, so none is checked again."""
    notices: list[Notice] = field(default_factory=list)
    old: OldYears = field(default_factory=dict)
    """The older years of the tables that grow, left unparsed (files/years.py): only from a stamped file."""


def take_in(
    folder: Path,
    content: codec.Plain | Unreadable | None,
    kept: codec.KeptFile | None = None,
    read_only: bool = False,
) -> Taken:
    """Take in the file's `content` (None: there is no file yet) through the gate.

    An unreadable file is set aside (read_only: Unreadable is raised instead).
    `kept`: the plain file `content` was read from, kept open (read_file): a stamped file's older
    years are read back from there when asked for, not held in memory.
    """
    notices: list[Notice] = []
    document: Document | None = None
    old: OldYears = {}
    odd = stamped = False
    if content is not None:
        try:
            if isinstance(content, Unreadable):
                raise content
            # What this app wrote after checking it is read as the app wrote it: no careful reading.
            lines = stamped_lines(content, file_head.head_tables(content))
            stamped = lines is not None
            if stamped:
                try:
                    # Its older years stay in the file until asked for: they were checked too, and
                    # are checked again (by their lines' digests) whenever they are read back.
                    document, old = decode_file(content, lines, kept)
                except ValueError:  # a stamp copied onto other bytes: the careful reader decides
                    stamped = False
            if not stamped:
                document, odd = read_document(content if isinstance(content, bytes) else content[:])
        except Unreadable as problem:
            if read_only:
                raise
            notices.append(set_aside(folder, folder / DATA_FILE, str(problem)))
    if not notices and not read_only:
        # Set aside at an earlier start: the offer comes back until restored or dismissed.
        offer = backups.pending_offer(folder)
        if offer is not None:
            notices.append(offer_notice(offer))
    if document is None:
        document, content = new_document(), None
    found = schema_version(document)
    if found > SCHEMA_VERSION:
        raise NewerData(found, SCHEMA_VERSION)
    # Odd keys and tables are set right before anything reads the tables.
    moved, renumbered = gate.repair(document, odd_values=False, records=False)
    if moved:
        notices.append(set_aside_notice(moved))
    changed = found < SCHEMA_VERSION or bool(moved or renumbered)
    if found < SCHEMA_VERSION:
        upgrade(document, found)
        set_meta(document)
    in_order = file_head.put_head_first(document)
    # Saved in that order (once), so that the next start reads its settings from the head.
    changed = changed or in_order is not document
    as_on_disk = content is not None and not (changed or odd)
    checked = stamped and not changed
    if kept is not None and not old:
        kept.close()  # nothing is read back from it (else the older years hold it: OldYear)
    return Taken(in_order, as_on_disk, changed, odd, checked=checked, notices=notices, old=old)
