"""The "together" mark, given in one place: to what the person writes or changes beside a contact person.

While filling in together is on (ctrl+g), the app tells the database the
contact person's name (`Database.together_with`), and `Repository.add` and
`Repository.save` pass every record through `marked()`. No screen marks
anything itself, so no screen can forget to.

What counts as writing:
- a new record, unless its model says it only records what was read
  (`Record.WRITTEN`: False for `Reading`);
- a change to what the record holds: every field but its id, its times
  (`created`, `updated`), the mark itself and the fields its model names in
  `Record.NOT_WRITING` (choosing a goal as the current one);
- lists of entries with ids are compared by id, so moving an entry up or
  down (a ladder's steps, a plan's entries) is not writing;
- entries that carry their own mark (a goal's steps) are judged one by one
  and marked themselves: a step climbed together is marked, not its goal.

A mark, once given, stays: it records the first time something was written
together, so a record first written with Anne and changed later alone, or
with Bob, still says Anne. A save built without the mark (a form that forgot
it) gets it back from the stored record here.
"""

from __future__ import annotations

from collections.abc import Set
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, get_args, get_origin

from pydantic import BaseModel

if TYPE_CHECKING:
    from imr_companion.models import Record

R = TypeVar("R", bound="Record")

MARK = "together_with"
BOOKKEEPING = frozenset({"id", "created", "updated", MARK})
"""Fields every record has that say nothing the person wrote."""


def marked(record: R, stored: dict[str, Any] | None, name: str | None) -> R:
    """`record` as it should be saved over `stored` (its stored form, None when new), beside `name`."""
    model = type(record)
    if not name and not (stored or {}).get(MARK) and not _entries_with_marks(model):
        return record  # written alone, and nothing stored to keep
    data = record.model_dump(mode="json")
    changed = _mark(data, stored, name if model.WRITTEN else None, model)
    return model.model_validate(data) if changed else record


def _mark(
    data: dict[str, Any], stored: dict[str, Any] | None, name: str | None, model: type[BaseModel]
) -> bool:
    """Mark `data` in place where it is written beside `name` or lost its stored mark; True if it changed."""
    changed = False
    own_marks = _entries_with_marks(model)
    for field, entry_model in own_marks.items():
        before = {item.get("id"): item for item in _entries((stored or {}).get(field))}
        for item in data.get(field) or []:
            changed = _mark(item, before.get(item["id"]), name, entry_model) or changed
    if not data.get(MARK):
        kept = (stored or {}).get(MARK)
        if isinstance(kept, str) and kept:
            data[MARK] = kept
            changed = True
        elif name and _written(data, stored, getattr(model, "NOT_WRITING", frozenset()) | own_marks.keys()):
            data[MARK] = name
            changed = True
    return changed


@cache
def _entries_with_marks(model: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """The model's lists of entries that carry marks of their own (a goal's steps), by field."""
    found = {}
    for field, info in model.model_fields.items():
        if get_origin(info.annotation) is list:
            (entry,) = get_args(info.annotation)
            if isinstance(entry, type) and issubclass(entry, BaseModel) and MARK in entry.model_fields:
                found[field] = entry
    return found


def _entries(value: object) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _written(data: dict[str, Any], stored: dict[str, Any] | None, not_writing: Set[str]) -> bool:
    """Whether `data` holds anything the person wrote that `stored` does not."""
    if stored is None:
        return True
    return any(
        _by_id(value) != _by_id(stored.get(field))
        for field, value in data.items()
        if field not in BOOKKEEPING and field not in not_writing
    )


def _by_id(value: object) -> object:
    """Entries with ids by id, so that their order does not count; anything else as it is."""
    if isinstance(value, list) and value and all(isinstance(i, dict) and "id" in i for i in value):
        return {item["id"]: item for item in value}
    return value
