"""Typed access to one table: pydantic records in, pydantic records out."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Generic, TypeVar

from imr_companion.store.database import Database
from imr_companion.store.files.years import LAZY_TABLES

if TYPE_CHECKING:
    from pydantic import TypeAdapter
    from tinydb import TinyDB

    from imr_companion.models import Record
    from imr_companion.models.base import Model

# pydantic and the models are imported where first used, not here: the app
# opens its store before the first frame, and validation can wait for it.
R = TypeVar("R", bound="Record")


@cache
def _list_adapter(model: type[Model]) -> TypeAdapter:
    # Building a validator costs milliseconds for a model with nested lists
    # (the plan): build each once, and only when there is something to read.
    from pydantic import TypeAdapter

    return TypeAdapter(list[model])  # type: ignore[valid-type]  # a model known only as a value


def build_validators(models: list[type[Model]]) -> None:
    """Build the validators all() and where() use for each model now, rather than at the first read
    (the app does so in a thread after its first frame)."""
    for model in models:
        _list_adapter(model)


@cache
def _every_field(model: type[Record]) -> set[str]:
    return set(model.model_fields)


def _share_fields_set(records: list[R]) -> list[R]:
    """Give every record that has all its fields one shared set saying so.

    pydantic keeps, in each model, a set of the fields it was given: 728
    bytes for a good moment's six, more than the rest of the moment
    together, and screens hold thousands of records. A record read back from
    the store has every field, so one set per model serves them all (pydantic
    only ever adds names to it, and these are all there already). A record
    stored before a field existed keeps its own.
    """
    if records:
        every = _every_field(type(records[0]))
        for record in records:
            if record.__pydantic_fields_set__ == every:
                object.__setattr__(record, "__pydantic_fields_set__", every)
    return records


class Repository(Generic[R]):
    def __init__(self, database: Database, table: str, model: type[R]) -> None:
        self.database = database
        self.table = table
        self.model = model

    @classmethod
    def of(cls, database: Database, model: type[R]) -> Repository[R]:
        """The repository of the table that RECORD_TABLES assigns to `model`."""
        from imr_companion.models import RECORD_TABLES

        for name, table_model in RECORD_TABLES.items():
            if table_model is model:
                return cls(database, name, model)
        raise KeyError(model.__name__)

    def _raw(self, low: str | None = None, high: str | None = None) -> list[dict]:
        """The stored records; of a table with older years unparsed, those whose dates can fall
        from `low` to `high` (store/files/years.py)."""
        return self.database.storage.records(self.table, low, high)

    def all(self) -> list[R]:
        # An older year still unparsed at a time (store/files/years.py): only one year's stored
        # dicts are in memory beside the records being made.
        older = [
            self.parse(list(year.records().values()))
            for year in self.database.storage.older_years(self.table)
        ]
        held = self.parse(list(self.database.held_document().get(self.table, {}).values()))
        return [record for records in older for record in records] + held if older else held

    def newest(self, keep: Callable[[R], bool] | None = None) -> R | None:
        """The record of a table that keeps older years unparsed (years.LAZY_TABLES) with the latest
        date, of those `keep` accepts; None when there is none. An older year is parsed only when it
        could hold a later one than those found (Today's cards need only the last self-check or
        session, not thirty years of them)."""
        field = LAZY_TABLES[self.table]

        def latest(records: list[R], found: R | None) -> R | None:
            kept = [r for r in records if keep is None or keep(r)]
            return max((*kept, *([found] if found else [])), key=lambda r: getattr(r, field), default=None)

        found = latest(self.parse(list(self.database.held_document().get(self.table, {}).values())), None)
        for year in reversed(self.database.storage.older_years(self.table)):
            if found is None or int(year.year) >= getattr(found, field).year:
                found = latest(self.parse(list(year.records().values())), found)
        return found

    def parse(self, raw: list[dict]) -> list[R]:
        """Records from stored dicts, skipping any not yet set aside by check_records()."""
        from pydantic import ValidationError

        if not raw:
            return []
        try:
            return _share_fields_set(_list_adapter(self.model).validate_python(raw))
        except ValidationError:
            valid = []
            for record in raw:
                try:
                    valid.append(self.model.model_validate(record))
                except ValidationError:
                    continue
            return _share_fields_set(valid)

    def where(self, field: str, low: str, high: str | None = None) -> list[R]:
        """Records whose stored text `field` lies in [low, high] (e.g. ISO dates), validating only those."""
        # Of a table that keeps older years unparsed, only the years the range can fall in are read.
        stored = self._raw(low, high) if field == LAZY_TABLES.get(self.table) else self._raw()
        raw = [
            r
            for r in stored
            if isinstance(r.get(field), str) and r[field] >= low and (high is None or r[field] <= high)
        ]
        return self.parse(raw)

    def count(self) -> int:
        return self.database.storage.count(self.table)

    def get(self, record_id: str) -> R | None:
        held = list(self.database.held_document().get(self.table, {}).values())
        older = (
            y.records().values()
            for y in self.database.storage.older_years(self.table)
            if y.may_hold(record_id)
        )
        for records in (held, *older):
            for raw in records:
                if raw.get("id") == record_id:
                    return self.model.model_validate(raw)
        return None

    def add(self, record: R) -> R:
        """Store a new `record`; returns it as stored (marked when written together)."""
        record = self._marked(record, None)
        with self.database.writing() as db:
            self._insert(db, record.model_dump(mode="json"))
        return record

    def _insert(self, db: TinyDB, stored: dict) -> None:
        """Insert under a key past every key of the table, older years' still unparsed too."""
        if not self.database.storage.older_years(self.table):
            db.table(self.table).insert(stored)
            return
        from tinydb.table import Document

        db.table(self.table).insert(Document(stored, doc_id=self.database.storage.next_key(self.table)))

    def save(self, record: R) -> R:
        """Store `record`, replacing the stored one with the same id if there is one.

        Returns it as stored: marked when written together, its mark kept if it had one.
        """
        key, before = self._find(record.id)
        record = self._marked(record, before)
        stored = record.model_dump(mode="json")
        with self.database.writing() as db:
            table = db.table(self.table)
            # By its key, not by a query (which reads every record), and not upsert:
            # for a new record that writes the whole file twice.
            if key is not None:
                table.update(stored, doc_ids=[int(key)])
            else:
                self._insert(db, stored)
        return record

    def _find(self, record_id: str) -> tuple[str | None, dict | None]:
        """The key and the stored record with this id; (None, None) when there is none.

        An older year still unparsed that holds it is taken in first: the record is about to change.
        """
        self.database.storage.take_in_record(self.table, record_id)
        for key, raw in self.database.held_document().get(self.table, {}).items():
            if raw.get("id") == record_id:
                return key, raw
        return None, None

    def _marked(self, record: R, before: dict | None) -> R:
        """The one place the together mark is given (store/together_mark.py)."""
        if before is None and not self.database.together_with:
            return record  # new, and written alone: nothing to mark or keep
        from imr_companion.store.together_mark import marked

        return marked(record, before, self.database.together_with)

    def remove(self, record_id: str) -> None:
        key, _ = self._find(record_id)
        if key is None:
            return  # not stored: nothing to save
        with self.database.writing() as db:
            db.table(self.table).remove(doc_ids=[int(key)])
