"""Checking every record against its model, one record at a time, so that the app can stop between two.

gate.problems() runs it whole (open, import, restore, doctor). The app, after
its first frame, runs it a few milliseconds at a time while a person types
(Database.checking): a save between two steps may change the document, so
what was found is set right only where it is still in place (still_there).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from imr_companion.i18n import N_
from imr_companion.store.problem import (
    NO_ID,
    PROBLEM_WITH,
    Document,
    Problem,
    encodable,
    holds_unstorable,
    validation_reason,
)
from imr_companion.tables import QUARANTINE, SETTINGS

if TYPE_CHECKING:
    from pydantic import BaseModel


def _models() -> dict[str, type[BaseModel]]:
    """Each table's model, in the order they are checked."""
    from imr_companion.models import RECORD_TABLES, Settings
    from imr_companion.models.set_aside import SetAside

    return {**RECORD_TABLES, SETTINGS: Settings, QUARANTINE: SetAside}


def problem_steps(document: Document, *, odd_values: bool = True) -> Iterator[Problem | None]:
    """problems(), one record at a time: each problem found, and None after every record.

    The app checks years of records this way while a person types: it stops
    between records whenever a key may be waiting (Database.checking).
    """
    from pydantic import ValidationError

    from imr_companion.models import RECORD_TABLES

    for name, model in _models().items():
        table = document.get(name)
        if not isinstance(table, dict):
            continue
        ids: set[str] = set()
        # As the table is now: a save between two steps puts a new table in its place.
        for index, (key, record) in enumerate(list(table.items())):
            if not isinstance(record, dict):
                yield Problem(name, key, N_("not an entry"), record)
            elif odd_values and (holds_unstorable(record) or not encodable(record)):
                yield Problem(name, key, N_("holds a value that cannot be stored"), record)
            elif name == SETTINGS and index > 0:
                yield Problem(name, key, N_("a second settings entry"), record)
            else:
                try:
                    model.model_validate(record)
                except ValidationError as error:
                    yield Problem(name, key, validation_reason(error), record)
                    continue
                if name in RECORD_TABLES:
                    if "id" not in record:
                        yield Problem(name, key, NO_ID, record)
                    elif record["id"] in ids:
                        yield Problem(name, key, N_("the same id as another entry"), record)
                    ids.add(record.get("id", ""))
            yield None


def still_there(document: Document, found: list[Problem]) -> list[Problem]:
    """The problems found step by step that a save since has not set right: the same entry in
    the same place (a save replaces what it changes, or changes a record the models refused,
    which is then looked at again)."""
    from pydantic import ValidationError

    models = _models()
    kept = []
    for problem in found:
        table = document.get(problem.table)
        if not isinstance(table, dict) or table.get(problem.key) is not problem.record:
            continue
        if problem.reason.startswith(PROBLEM_WITH):
            try:
                models[problem.table].model_validate(problem.record)
                continue
            except ValidationError:
                pass
        kept.append(problem)
    return kept
