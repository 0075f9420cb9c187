"""Older years of the tables that grow, kept as the bytes they were read as until something asks.

Good moments and check-ins are the tables that grow most with every year of
use (four fifths of a thirty-year file); session notes, self-checks, the
plan's reviews and practice tasks grow too. Today and the areas read the last
months of them; parsing thirty years of them into dicts took three times
their size in memory, held for the whole session. So the data file lays
each older year of these tables out on a line of its own, and a file the
app trusts (it wrote these very bytes: see Database) is read without those
lines: each is an `OldYear`, where the file holds its records (the file is
kept open, store/files/kept.py), read back and checked against its line's
digest (files/stamp.py; not again while nothing wrote to the file) and
parsed when a screen, an export, a change or a save asks. (A sealed file's
are held as bytes: its plain bytes are nowhere on the disk.)

The file stays one JSON document, TinyDB's, whatever reads it: newlines
between the members of an object are whitespace, and orjson never writes a
raw newline inside a string, so the only newlines are the ones written here.
A lazy table with older years is written as

    "moments":{
    "1":{...},"2":{...},            <- 1996, with the comma after it
    "412":{...},"413":{...},        <- 1997
    "9920":{...},"9921":{...}       <- this year's, parsed on every start
    },"reading":{...}

Each older year's line ends with the comma that separates it from the next,
so the document without those lines is still valid JSON (it is what gets
parsed). When there are no recent records, the last older year takes the
recent line's place and is parsed with the rest. Untouched older years are
written back exactly as they were read: the file is written in pieces, and
an older year's piece is the very bytes it was read as, read back from the
file being replaced and checked as it is written (FileChanged when they
are not what was read: the save is refused, store/saving.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

import orjson

from imr_companion.store.errors import FileChanged
from imr_companion.store.files.storage import resolved

if TYPE_CHECKING:
    from imr_companion.store.files.codec import Plain
    from imr_companion.store.files.kept import KeptFile

LAZY_TABLES = {
    "moments": "day",
    "checkins": "day",
    "sessions": "day",
    "self_checks": "day",
    "plan_versions": "reviewed_on",
    "practice": "week_of",
}
"""The tables that grow with the years, and the date each record has: its year is the record's year.
(Nothing nested in their records has a field of that name: a line's first one is its first record's.)"""

RECENT_YEARS = 1
"""This year is always parsed: what Today and the areas mostly read. (Last year's line is
parsed, and not kept, when a read reaches back into it: a few milliseconds early in a year.)"""

_OPENERS = {table: orjson.dumps(table) + b":{" for table in LAZY_TABLES}

Document = dict[str, dict[str, Any]]


class OldYear:
    """One older year of one table, as the file holds it: `"key":{record},...`, unparsed.

    Held as bytes (a sealed file's: its plain bytes are nowhere on the disk), or where the plain
    file holds it (`place`), read back when asked for and checked against the digest its line had
    when the file was read (the stamp's): the very bytes that were trusted, or FileChanged."""

    __slots__ = ("_digest", "_held", "_summary", "place", "table", "year")

    def __init__(
        self,
        table: str,
        year: str,
        members: bytes | None = None,
        *,
        digest: bytes | None = None,
        place: tuple[KeptFile, int, int] | None = None,
    ) -> None:
        self.table, self.year = table, year
        self._held = members
        self._digest = digest
        """SHA-256 of the members and the comma after them: the line's digest in the stamp."""
        self.place = place
        """(the file, where the members start, how long they are), when not held (files/runs.py too)."""
        self._summary: tuple[int, int] | None = None

    @property
    def members(self) -> bytes:
        """Held, or read back and checked (unless KeptFile.unchanged): OSError, FileChanged."""
        if self._held is not None:
            return self._held
        assert self.place is not None and self._digest is not None
        file, at, size = self.place
        members = file.read_at(at, size)
        if len(members) == size and (file.unchanged() or _line_digest(members) == self._digest):
            return members
        # Changed in place: the same bytes moved by a change before them? Else FileChanged.
        content = file.read()
        moved = _line_of(content, size, self._digest)
        if moved is None:
            raise FileChanged()
        self.place = (file, moved, size)
        return content[moved : moved + size]

    @property
    def size(self) -> int:
        return len(self._held) if self._held is not None else self.place[2] if self.place else 0

    @property
    def line_digest(self) -> bytes:
        if self._digest is None:
            self._digest = _line_digest(self.members)
        return self._digest

    def hold(self) -> None:
        """Keep the bytes in memory (read back and checked now): for a file to be sealed."""
        self._held, self.place = self.members, None  # the plain file is let go of

    def now_at(self, file: KeptFile, at: int) -> None:
        """The year's bytes are in `file` from `at` (a save just wrote them there): no longer held."""
        self.line_digest  # noqa: B018  # known before the bytes are let go of
        self.place, self._held = (file, at, self.size), None

    def records(self) -> dict[str, Any]:
        """The year's records by key, parsed now (nothing is kept: the caller decides)."""
        return parsed(self.members)

    def may_hold(self, record_id: str, members: bytes | None = None) -> bool:
        """False when no record of this year has `record_id` (True may be wrong: parse to be sure)."""
        return b'"id":' + orjson.dumps(record_id) in (self.members if members is None else members)

    def may_hold_text(self, text: bytes) -> bool:
        return text in self.members

    def _summed(self) -> tuple[int, int]:
        if self._summary is None:
            keys = self.records().keys()
            self._summary = (len(keys), max((int(key) for key in keys), default=0))
        return self._summary

    @property
    def count(self) -> int:
        return self._summed()[0]

    @property
    def largest_key(self) -> int:
        return self._summed()[1]

    def may_hold_key(self, key: int) -> bool:
        """False when no record of this year is under `key` (a record is an object under its key)."""
        return b'"%d":{' % key in self.members


def kept_file(old: OldYears) -> KeptFile | None:
    """The file the older years `old` are read back from (None: held as bytes, or none)."""
    return next((year.place[0] for table in old.values() for year in table if year.place), None)


def parsed(members: bytes) -> dict[str, Any]:
    """An older year's records by key, from its bytes (OldYear.members)."""
    return orjson.loads(b"{" + members + b"}")


def _line_of(content: bytes, size: int, digest: bytes) -> int | None:
    """Where a line of `content` starts that is `size` bytes and a comma with this digest; or None."""
    start = 0
    while start < len(content):
        end = content.find(b"\n", start)
        end = len(content) if end < 0 else end
        if end - start == size + 1 and _line_digest(content[start : end - 1]) == digest:
            return start
        start = end + 1
    return None


def _line_digest(members: bytes) -> bytes:
    """The digest of an older year's line: its bytes and the comma after them (files/stamp.py)."""
    import hashlib  # not before the first frame (a file's older years are read after it)

    line = hashlib.sha256(members)
    line.update(b",")
    return line.digest()


def free_keys(old: list[OldYear], key: int) -> range:
    """Keys from `key` on that no year of `old` holds (maybe none): up to the next hundred at most.

    One search of the years' bytes for the digits the hundred's keys share
    (what may_hold_key looks for, a hundred keys at once): a new record's key
    is the one after the last, so a hundred saves search once.
    """
    digits = b"%d" % key
    if len(digits) < 3:
        return range(key, key) if any(year.may_hold_key(key) for year in old) else range(key, key + 1)
    shared = b'"' + digits[:-2]
    end = (key // 100 + 1) * 100
    for year in old:
        members = year.members
        at = members.find(shared)
        while at >= 0:
            last = at + len(shared)
            held = members[last : last + 5]  # two digits, then '":{' when they are a record's key
            if held[:2].isdigit() and held[2:] == b'":{':
                found = int(digits[:-2] + held[:2])
                end = found if key <= found < end else end
            at = members.find(shared, last)
    return range(key, end)


OldYears = dict[str, list[OldYear]]
"""By table, oldest year first."""


def first_recent_year(today: date) -> str:
    return str(today.year - RECENT_YEARS + 1)


def _year(record: Any, field: str) -> str | None:
    """The year of a record's stored date, when it has one as the models write it."""
    day = record.get(field) if isinstance(record, dict) else None
    if isinstance(day, str) and len(day) >= 4 and day[:4].isdigit():
        return day[:4]
    return None


def _year_of(content: Plain, low: int, high: int, field: str) -> str | None:
    """The year of a line's first record (the line: `content` from `low` to `high`): every record on
    it is of that year (see encode)."""
    name = b'"' + field.encode() + b'":"'
    at = content.find(name, low, high)
    year = content[at + len(name) : min(at + len(name) + 4, high)] if at >= 0 else b""
    return year.decode() if len(year) == 4 and year.isdigit() else None


def split(
    content: Plain, lines: dict[int, bytes] | None = None, kept: KeptFile | None = None
) -> tuple[bytes, OldYears] | None:
    """(the document without its older years' lines, those years); None when `content` is not
    in this layout after all (then it is parsed whole). Only for files the app trusts.

    `lines`: the digest of each line by where it starts (stamp.stamped_lines), else each older
    year's is made here. `kept`: the plain file `content` was read from, where the older years
    stay (not held in memory); else (a sealed file) they are held as bytes."""
    old: OldYears = {}
    parts: list[memoryview] = []
    view = memoryview(content)
    start = 0
    table: str | None = None
    members_lines: list[tuple[int, int]] = []  # the member lines of the table being read
    while True:
        end = content.find(b"\n", start)
        line_end = len(content) if end < 0 else end
        if table is not None and content[start : start + 1] != b"}":
            members_lines.append((start, line_end))
        else:
            if table is not None:
                if not members_lines:
                    return None
                for low, high in members_lines[:-1]:
                    year = _year_of(content, low, high - 1, LAZY_TABLES[table])
                    if year is None or content[high - 1 : high] != b",":
                        return None
                    digest = (lines or {}).get(low) or _line_digest(content[low : high - 1])
                    older = (
                        OldYear(table, year, digest=digest, place=(kept, low, high - 1 - low))
                        if kept is not None
                        else OldYear(table, year, content[low : high - 1], digest=digest)
                    )
                    old.setdefault(table, []).append(older)
                parts.append(view[members_lines[-1][0] : members_lines[-1][1]])
                members_lines = []
            parts.append(view[start:line_end])
            line = view[start:line_end]
            table = next((name for name, opener in _OPENERS.items() if line[-len(opener) :] == opener), None)
        if end < 0:
            break
        start = end + 1
    if table is not None:
        return None  # cut off inside a table
    return b"".join(parts), old


def _older(record: Any, field: str, first_recent: str) -> bool:
    """_year(record) < first_recent, a comparison for most records (this year's dates are not less)."""
    day = record.get(field) if isinstance(record, dict) else None
    return isinstance(day, str) and day < first_recent and _year(record, field) is not None


def _grouped(
    table: dict[str, Any], field: str, first_recent: str
) -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    """(older years' records by year, the rest) of a parsed table."""
    if not any(_older(record, field, first_recent) for record in table.values()):
        return {}, table  # as mostly (only a change takes an older year in): not copied at every save
    years: dict[str, dict[str, Any]] = {}
    recent: dict[str, Any] = {}
    for key, record in table.items():
        year = _year(record, field)
        if year is not None and year < first_recent:
            years.setdefault(year, {})[key] = record
        else:
            recent[key] = record
    return years, recent


Piece = bytes | memoryview | OldYear
Pieces = list[Piece]
"""A file's bytes in pieces, written one after the other: years of data are not copied to join them.
An older year still unparsed is itself a piece: its bytes are read (and checked) as it is written."""


def encode(document: Document, old: OldYears | None = None, *, today: date) -> Pieces:
    """The data file's bytes for `document` and its unparsed `old` years, in pieces.

    Byte for byte what orjson writes for the whole document (laid out as above):
    `{` first when any table is laid out, else the whole file in one piece.
    `old` never holds a year whose records are in `document` too: a year is
    parsed into the document only by taking it out of `old` (OpenDocument.take_in).
    """
    first_recent = first_recent_year(today)
    laid_out: dict[str, list[Piece]] = {}
    for table, field in LAZY_TABLES.items():
        records = document.get(table)
        unparsed = (old or {}).get(table, [])
        if not isinstance(records, dict) or not (unparsed or records):
            continue
        grouped, recent = _grouped(records, field, first_recent)
        parsed = ((year, orjson.dumps(group)[1:-1]) for year, group in grouped.items())
        lines: list[tuple[str, Piece]] = [*((year.year, year) for year in unparsed), *parsed]
        if lines:
            lines.sort(key=lambda line: line[0])  # stable: two lines of a year keep their order
            laid_out[table] = [piece for _year, piece in lines]
            if recent:  # else the last older year is read with the recent lines (see split)
                laid_out[table].append(orjson.dumps(recent)[1:-1])
    if not laid_out:
        return [orjson.dumps(document)]
    pieces: Pieces = [b"{"]
    run: Document = {}  # tables between the laid-out ones, written together

    def member(*more: Piece) -> None:
        pieces.extend([b","] if len(pieces) > 1 else [])
        pieces.extend(more)

    for name, value in document.items():
        if name not in laid_out:
            run[name] = value
            continue
        if run:
            member(memoryview(orjson.dumps(run))[1:-1])
            run = {}
        member(orjson.dumps(name), b":{\n", laid_out[name][0])
        for members in laid_out[name][1:]:
            pieces.extend((b",\n", members))
        pieces.append(b"\n}")
    if run:
        member(memoryview(orjson.dumps(run))[1:-1])
    pieces.append(b"}")
    return pieces


def records(old: list[OldYear], low: str | None = None, high: str | None = None) -> Iterator[dict[str, Any]]:
    """The records of the years that days from `low` to `high` (ISO, either open) can fall in."""
    for year in old:
        if (low is None or year.year >= low[:4]) and (high is None or year.year <= high[:4]):
            yield from year.records().values()


def encode_file(document: Document, old: OldYears | None = None) -> bytes:
    """The data file's bytes: `document`, each older year of the tables that grow on a line of its own,
    and `old`, the years still unparsed, written back as they were read."""
    from imr_companion import clock

    return b"".join(resolved(encode(document, old, today=clock.today())))


def decode_file(
    content: Plain, lines: dict[int, bytes] | None = None, kept: KeptFile | None = None
) -> tuple[Document, OldYears]:
    """The document in a file this app wrote, without its older years' lines, and those years.

    Only for bytes the app trusts (reading.py decides): anything else is
    parsed whole, through the gate. Raises ValueError when it is not JSON.
    `lines` and `kept`: see split.
    """
    parts = split(content, lines, kept)
    if parts is None:
        return orjson.loads(content if isinstance(content, bytes) else content[:]), {}
    rest, old = parts
    return orjson.loads(rest), old
