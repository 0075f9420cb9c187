"""TinyDB's Table, changed in place: a save no longer rebuilds the whole table first.

TinyDB's Table._update_table copies the table's dict twice on every insert,
update and remove (its keys made ints, then text again), a third of a save's
time at thirty years of good moments. Here TinyDB's own updaters run on the
stored dict itself, seen through _IntIds (TinyDB's int ids on the file's text
keys), and then the document is saved as before. A failed save puts the
document back as the file holds it (saving.OpenDocument), and the database
forgets TinyDB's cached next id with it (Database.writing).

Imported at the first save, with TinyDB: start-up does without both.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, MutableMapping
from typing import Any

from tinydb import TinyDB
from tinydb.table import Table


class _IntIds(MutableMapping[int, Any]):
    """A table's stored dict (text keys, as the file has them) seen with TinyDB's int ids."""

    __slots__ = ("_stored",)

    def __init__(self, stored: dict[str, Any]) -> None:
        self._stored = stored

    def __getitem__(self, doc_id: int) -> Any:
        return self._stored[str(doc_id)]

    def __setitem__(self, doc_id: int, record: Any) -> None:
        self._stored[str(doc_id)] = record

    def __delitem__(self, doc_id: int) -> None:
        del self._stored[str(doc_id)]

    def __contains__(self, doc_id: object) -> bool:
        return str(doc_id) in self._stored

    def __iter__(self) -> Iterator[int]:
        return (int(key) for key in self._stored)

    def __len__(self) -> int:
        return len(self._stored)


class InPlaceTable(Table):
    """TinyDB's Table, whose inserts, updates and removes change the stored table where it is."""

    def _update_table(self, updater: Callable[[dict[int, Any]], None]) -> None:
        tables = self._storage.read()
        assert tables is not None  # the open document (OpenDocument.read), never None
        stored = tables.setdefault(self.name, {})
        # TinyDB's updaters use only [], in, pop and keys(): what a mapping has (typed as dict there).
        updater(_IntIds(stored))  # type: ignore[arg-type]
        self._storage.write(tables)
        self.clear_cache()


def in_place(storage: Any) -> TinyDB:
    """A TinyDB over the open document (`storage`), its tables changed in place."""
    database = TinyDB(storage=lambda: storage)
    database.table_class = InPlaceTable
    return database
