"""Undo for one session: each change remembered as its records were before it, and put back on request.

Every delete, remove, let go, mark done and "module done" in the app runs
inside `UndoHistory.change()`, which notes how the records it names are
stored before and after. `undo()` puts the newest change back in one save:
a record that was deleted is stored again with its id (in its old place in
the table when that is free), a changed one gets its old values back. What
was changed since in the same record (a title edited after a step was marked
done) is kept: only what the change itself altered is put back.

The history lives in memory only, for the session: after a restart the data
is simply as it was saved.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from imr_companion.store.database import Database
    from imr_companion.store.repository import Repository

Stored = dict[str, Any]
"""A record as the data file holds it."""

LIMIT = 1000
"""Changes remembered; the oldest go first beyond that (a long session's worth)."""


@dataclass(frozen=True)
class Change:
    undone: str
    """What to say once it is undone, in a full sentence: "The good moment is back."."""
    before: dict[tuple[str, str], tuple[str | None, Stored | None]]
    """(table, id) -> (its key in the table, the record as stored) before the change; None: not there."""
    after: dict[tuple[str, str], Stored | None]


class UndoHistory:
    def __init__(self, database: Database) -> None:
        self.database = database
        self._changes: list[Change] = []

    @property
    def offered(self) -> bool:
        return bool(self._changes)

    @property
    def newest(self) -> Change | None:
        """The change ctrl+z would undo now."""
        return self._changes[-1] if self._changes else None

    def __len__(self) -> int:
        return len(self._changes)

    def _find(self, table: str, record_id: str) -> tuple[str | None, Stored | None]:
        self.database.storage.take_in_record(table, record_id)  # from an older year still unparsed
        for key, record in self.database.held_document().get(table, {}).items():
            if isinstance(record, dict) and record.get("id") == record_id:
                return key, copy.deepcopy(record)
        return None, None

    @contextmanager
    def change(self, undone: str, *records: tuple[Repository, str]) -> Iterator[None]:
        """Run the block's change to `records` (repository, id); once it is saved, it can be undone.

        A block that raises (a SaveError, say) changed nothing and is not remembered.
        """
        keys = [(repository.table, record_id) for repository, record_id in records]
        before = {key: self._find(*key) for key in keys}
        yield
        after = {key: self._find(*key)[1] for key in keys}
        if any(after[key] != before[key][1] for key in keys):
            self._changes.append(Change(undone, before, after))
            del self._changes[:-LIMIT]

    def undo(self) -> str | None:
        """Put the newest change back; what to say, or None when there is nothing to undo.

        A failed save raises SaveError and the change stays on offer, to be tried again.
        """
        if not self._changes:
            return None
        change = self._changes[-1]
        # The held document, changed in place: its older years still unparsed are saved with it.
        document = self.database.held_document()
        for (table, record_id), (old_key, was) in change.before.items():
            self.database.storage.take_in_record(table, record_id)
            past = self.database.storage.next_key(table)
            rows = dict(document.get(table, {}))
            key, now = None, None
            for found_key, record in rows.items():
                if isinstance(record, dict) and record.get("id") == record_id:
                    key, now = found_key, record
                    break
            back = _valid(table, reverted(now, was, change.after[(table, record_id)]), was)
            if key is not None:
                del rows[key]
            if back is not None:
                rows[key or _free_key(rows, old_key, past)] = back
            document[table] = rows
        # What is put back passed the models (_valid) or is as it was stored: the file keeps its stamp,
        # and the next start reads it as checked (older years unparsed). Raises SaveError; the
        # change is kept then.
        self.database.save_document(document, checked=True)
        self._changes.pop()
        return change.undone


def _valid(table: str, record: Stored | None, was: Stored | None) -> Stored | None:
    """`record`, or the record as it was before the change if the two together do not make a valid one.

    (Fields that belong together, such as a goal's status and the day it was
    reached, may have been changed apart since.)
    """
    from pydantic import ValidationError

    from imr_companion.models import RECORD_TABLES

    model = RECORD_TABLES.get(table)
    if record is None or record == was or model is None:
        return record
    try:
        model.model_validate(record)
    except ValidationError:
        return copy.deepcopy(was)
    return record


def _free_key(rows: dict[str, Any], wanted: str | None, past: int) -> str:
    """`wanted` when free, else a key past every key (`past`: older years' unparsed ones too)."""
    if wanted is not None and wanted not in rows:
        return wanted
    numbers = [int(key) for key in rows if key.isdigit()]
    return str(max(max(numbers, default=0) + 1, past))


_GONE = object()


def reverted(now: Any, before: Any, after: Any) -> Any:
    """`now` with the change from `before` to `after` taken back, keeping whatever changed since.

    Records are compared field by field, and lists of records with ids (a
    goal's steps, a plan's entries) entry by entry; anything else that is not
    as the change left it has been changed since and is kept as it is now.
    """
    if now == after:
        return copy.deepcopy(before)
    if isinstance(now, dict) and isinstance(before, dict) and isinstance(after, dict):
        result = {}
        for name in [*now, *(n for n in before if n not in now)]:
            value = reverted(now.get(name, _GONE), before.get(name, _GONE), after.get(name, _GONE))
            if value is not _GONE:
                result[name] = value
        return result
    if _records(now) and _records(before) and _records(after):
        return _reverted_list(now, before, after)
    return now


def _records(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, dict) and "id" in item for item in value)


def _reverted_list(now: list[Stored], before: list[Stored], after: list[Stored]) -> list[Stored]:
    was = {item["id"]: item for item in before}
    then = {item["id"]: item for item in after}
    result: list[Stored] = []
    for item in now:
        value = reverted(item, was.get(item["id"]), then.get(item["id"]))
        if value is not None:
            result.append(value)
    # An entry the change removed goes back where it was, after the entry that came before it then.
    kept = {item["id"] for item in result}
    for index, item in enumerate(before):
        if item["id"] in then or item["id"] in kept:
            continue
        earlier = [b["id"] for b in before[:index]]
        at = max((i + 1 for i, r in enumerate(result) if r["id"] in earlier), default=0)
        result.insert(at, copy.deepcopy(item))
        kept.add(item["id"])
    return result
