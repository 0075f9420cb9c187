"""What every stored record shares, and the rules for text a person types."""

from __future__ import annotations

import re
import uuid
from datetime import date, datetime
from typing import Annotated, Any, ClassVar, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from imr_companion import clock
from imr_companion.i18n import N_, _, pgettext
from imr_companion.typed_text import CONTROL, LONG_TEXT, SHORT_TEXT, SURROGATE


def new_id() -> str:
    return uuid.uuid4().hex


# Each reason a field's text is refused, and the sentence a person reads for it (field_messages).
CANNOT_SAVE = "contains a character that cannot be saved"
CONTROL_CHARACTER = "contains an invisible control character"
ONE_LINE = "should be a single line"
_SAID: dict[str, str] = {
    CANNOT_SAVE: N_("This contains a character that cannot be saved; please take it out and try again."),
    CONTROL_CHARACTER: N_("This contains an invisible control character; please take it out and try again."),
    ONE_LINE: N_("This should be a single line; please join the lines and try again."),
}


def _check_characters(value: str) -> str:
    if SURROGATE.search(value):
        raise ValueError(CANNOT_SAVE)
    if CONTROL.search(value):
        raise ValueError(CONTROL_CHARACTER)
    return value


def _tidy(value: object) -> object:
    # Before any length check, so that "   " counts as empty, not as 3 characters.
    # Text pasted from elsewhere may carry Windows or old Mac line ends.
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\r", "\n").strip()
    return value


def _one_line(value: str) -> str:
    if "\n" in value or "\t" in value:
        raise ValueError(ONE_LINE)
    return value


# Free text a person typed: kept exactly, minus surrounding blanks.
LongText = Annotated[
    str,
    BeforeValidator(_tidy),
    AfterValidator(_check_characters),
    Field(max_length=LONG_TEXT),
]
ShortText = Annotated[
    str,
    BeforeValidator(_tidy),
    AfterValidator(_check_characters),
    AfterValidator(_one_line),
    Field(max_length=SHORT_TEXT),
]
RequiredShortText = Annotated[ShortText, Field(min_length=1)]

# The one form the app writes a moment in time: local wall-clock time, no
# offset ("2026-03-18T19:30:00"). A time with an offset, or a number of
# seconds, cannot be compared with the app's own times, so it is refused.
_LOCAL_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?$")


def _local_time(value: object) -> object:
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            raise ValueError("should be a local time without an offset")
        return value
    if isinstance(value, str) and _LOCAL_TIME.match(value):
        return value
    raise ValueError("should be a date and time like 2026-03-14T09:30:00")


# The years a stored date may fall in. Far wider than a life's records, and far from the
# ends of Python's calendar (year 1 and 9999), where a month's weeks or a day after cannot
# be worked out: a good moment dated 9999-12-31 once stopped Good moments at every visit.
FIRST_YEAR, LAST_YEAR = 1900, 2199
_YEARS = r"(19|20|21)\d\d"


def _within_years(value: date) -> date:
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise PydanticCustomError("date_out_of_range", "should be a date between the years 1900 and 2199")
    return value


Day = Annotated[
    date,
    AfterValidator(_within_years),
    WithJsonSchema({"type": "string", "format": "date", "pattern": f"^{_YEARS}-"}),
]
"""A day (2026-03-18) in the years the app keeps."""

# Published as a pattern, not JSON Schema's date-time: that one requires an offset, which
# the app never writes (a local time cannot be compared with one).
Timestamp = Annotated[
    datetime,
    BeforeValidator(_local_time),
    AfterValidator(_within_years),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": f"^{_YEARS}-\\d{{2}}-\\d{{2}}T\\d{{2}}:\\d{{2}}:\\d{{2}}(\\.\\d{{1,6}})?$",
            "description": "A local date and time without an offset, like 2026-03-18T19:30:00.",
        }
    ),
]
RequiredLongText = Annotated[LongText, Field(min_length=1)]


class Model(BaseModel):
    """Strict about what it stores: unknown fields and NaN are refused, not kept."""

    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        allow_inf_nan=False,
        str_strip_whitespace=False,
        # Build each validator when first used, not at import: start-up only
        # pays for the models the first screen needs.
        defer_build=True,
    )


class Record(Model):
    """A stored item with a stable id that never changes, even across export and import."""

    id: str = Field(default_factory=new_id, min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")
    created: Timestamp = Field(default_factory=clock.now)
    updated: Timestamp = Field(default_factory=clock.now)
    together_with: ShortText | None = None
    """The contact person's name when this was filled in side by side (given by store/together_mark.py)."""

    WRITTEN: ClassVar[bool] = True
    """False for records that only keep what was read or opened: never marked as written together."""
    NOT_WRITING: ClassVar[frozenset[str]] = frozenset()
    """Fields whose change alone is not writing (a goal chosen as the current one): no together mark."""

    def touched(self, **changes: object) -> Self:
        """A validated copy with `changes` applied and `updated` set to now."""
        data = self.model_dump()
        data.update(changes, updated=clock.now())
        return type(self).model_validate(data)


def field_messages(error: ValidationError) -> dict[str, str]:
    """One calm, specific sentence per field from a validation error.

    pydantic's own messages quote the input; these never do.
    """
    messages: dict[str, str] = {}
    for problem in error.errors():
        field = str(problem["loc"][0]) if problem["loc"] else ""
        messages.setdefault(field, _plain(problem))
    return messages


def _plain(problem: Any) -> str:
    """The person's words for one problem, in their language."""
    kind = problem["type"]
    context = problem.get("ctx") or {}
    if kind in ("string_too_short", "too_short"):
        return _("Please write a few words here first.")
    if kind in ("string_too_long", "too_long"):
        limit = f"{context.get('max_length', 0):,}".replace(",", pgettext("thousands separator", ","))
        return _("That is longer than fits here: up to {limit} characters, please.").format(limit=limit)
    if kind == "value_error":
        said = _SAID.get(str(context.get("error", "")))
        return (
            _(said)
            if said
            else _("This has something that cannot be saved; please take it out and try again.")
        )
    if kind == "date_out_of_range":
        return _("Please write a date between the years {first} and {last}.").format(
            first=FIRST_YEAR, last=LAST_YEAR
        )
    if kind.startswith("date") or kind.startswith("datetime"):
        return _("Please write a date like {example} (year-month-day).").format(example="2026-03-14")
    if kind.startswith("int") or kind.startswith("float"):
        return _("Please write a number here.")
    return _("Please check this field.")
