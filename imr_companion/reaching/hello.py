"""`imr-companion hello`: at most one short, calm line in the person's language, or nothing.

It may run every time a terminal opens, so it is quick (no Textual, no
pydantic: the data file is read as plain JSON through the store's gate, the
records as stored) and never loud: a file that is not there, not plain JSON
(protected by a passphrase, or damaged) or odd in any way means silence. It
says only what anyone looking over a shoulder may read: the person's first
name, a count of good moments, that a check-up fits this week. Never a
warning sign, the plan, or any other words the person wrote.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from imr_companion import clock, paths, tables
from imr_companion.i18n import _, ngettext
from imr_companion.reaching.rhythm import due_soon, next_checkup_day
from imr_companion.store.files import codec
from imr_companion.store.gate import parse_document, shown_safely


def _day(value: object) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _days(document: dict[str, Any], table: str) -> list[date]:
    records = document.get(table)
    if not isinstance(records, dict):
        return []
    found = (_day(record.get("day")) for record in records.values() if isinstance(record, dict))
    return [day for day in found if day is not None]


def _settings(document: dict[str, Any]) -> dict[str, Any]:
    settings = document.get(tables.SETTINGS)
    for record in settings.values() if isinstance(settings, dict) else ():
        if isinstance(record, dict):
            return record
    return {}


def read_document(folder: Path) -> dict[str, Any] | None:
    """The data as stored, or None when it cannot be read as the app's plain JSON."""
    path = folder / paths.DATA_FILE
    # The head first: a file that does not begin as the app writes it (encrypted, damaged) ends here.
    if codec.is_encrypted(folder) or not codec.read_head(path):
        return None
    try:
        return parse_document(codec.read(path))
    except Exception:  # anything at all: hello stays quiet rather than alarm at a terminal's start
        return None


def line_for(document: dict[str, Any], today: date) -> str:
    """The one line for this data on `today`, in the language of the moment; "" for nothing."""
    settings = _settings(document)
    if not settings.get("welcomed"):
        return ""
    name = settings.get("first_name")
    # Only printable words: a name from the file never reaches the terminal as an escape sequence.
    name = " ".join(shown_safely(name).split()) if isinstance(name, str) else ""
    weeks = settings.get("checkup_weeks")
    weeks = weeks if isinstance(weeks, int) and not isinstance(weeks, bool) else 0
    last = max(_days(document, "sessions"), default=None)
    upcoming = next_checkup_day(last, weeks, today)
    if due_soon(upcoming, today):
        if name:
            return _("{name}, a check-up with yourself fits this week.").format(name=name)
        return _("A check-up with yourself fits this week.")
    monday = today - timedelta(days=today.weekday())
    count = sum(1 for day in _days(document, "moments") if monday <= day <= today)
    if count:
        if name:
            return ngettext(
                "{name}, {count} good moment this week.", "{name}, {count} good moments this week.", count
            ).format(name=name, count=count)
        return ngettext("{count} good moment this week.", "{count} good moments this week.", count).format(
            count=count
        )
    if name:
        return _("{name}, today's good moment is waiting for you.").format(name=name)
    return _("Today's good moment is waiting for you.")


def hello(folder: Path) -> str:
    """The line to print for the data folder `folder` today, or "" (nothing at all)."""
    document = read_document(folder)
    return line_for(document, clock.today()) if document is not None else ""
