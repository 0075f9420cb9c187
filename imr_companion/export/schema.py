"""The JSON export's format, as pydantic models, and its published JSON Schema.

`schema.json` beside this file is generated from these models
(`python -m imr_companion.export.schema` writes it; a test fails when it is
stale). `import` validates against the same models, so its one-line error
names the exact place: "tables > moments > entry 3 > created".
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import GenericAlias
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, Field, Strict, ValidationError, create_model

from imr_companion.i18n import N_, _, ngettext
from imr_companion.models import RECORD_TABLES, Settings
from imr_companion.models.base import Model, ShortText
from imr_companion.models.set_aside import SetAside
from imr_companion.store.gate import TABLE_NAME

FORMAT = "imr-companion"
SCHEMA_FILE = Path(__file__).with_name("schema.json")

# pydantic types create_model for fields named one by one, not given as **dict.
ExportTables = create_model(  # type: ignore[call-overload]
    "ExportTables",
    __base__=Model,
    __doc__="Every table of records, each a list in stored order.",
    # GenericAlias(list, (model,)) is list[model], for models known only as values.
    **{
        name: (GenericAlias(list, (model,)), Field(default_factory=list))
        for name, model in RECORD_TABLES.items()
    },
)


class ExportFile(Model):
    """An IMR Companion JSON export: everything needed to restore the data exactly."""

    format: Literal["imr-companion"]
    version: Annotated[int, Strict(), Field(ge=1)]
    app_version: ShortText = ""
    exported: ShortText = ""
    settings: Settings = Field(default_factory=Settings)
    tables: ExportTables
    set_aside: list[SetAside] = Field(default_factory=list)
    other_tables: dict[Annotated[str, Field(pattern=TABLE_NAME.pattern)], list[Any]] = Field(
        default_factory=dict, description="Tables this version does not know, carried along whole."
    )


def json_schema() -> dict[str, Any]:
    schema = ExportFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "imr-companion-export.schema.json"
    _strictest_lengths(schema)
    return schema


def models_within(model: type[BaseModel]) -> list[type[BaseModel]]:
    """`model` and every model its fields hold (in lists and optional ones too), each once."""
    found: list[type[BaseModel]] = []

    def visit(kind: Any) -> None:
        if isinstance(kind, type) and issubclass(kind, BaseModel) and kind not in found:
            found.append(kind)
            for field in kind.model_fields.values():
                visit(field.annotation)
        for inner in get_args(kind):
            visit(inner)

    visit(model)
    return found


def _strictest_lengths(schema: dict[str, Any]) -> None:
    """Where a field narrows its text type's limit (Moment.text: 2000 of LongText's 4000), the
    app keeps both checks and pydantic publishes the last: the schema says the narrowest."""
    for model in models_within(ExportFile):
        properties = schema.get("$defs", {}).get(model.__name__, {}).get("properties", {})
        for name, field in model.model_fields.items():
            most = [c.max_length for c in field.metadata if getattr(c, "max_length", None) is not None]
            least = [c.min_length for c in field.metadata if getattr(c, "min_length", None) is not None]
            if name not in properties or (len(most) < 2 and len(least) < 2):
                continue
            prop = properties[name]
            for branch in prop.get("anyOf", [prop]):
                if branch.get("type") == "string":
                    branch["maxLength"] = min(most)
                    if least:
                        branch["minLength"] = max(least)


def schema_text() -> str:
    return json.dumps(json_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


_PLAIN_NAME = re.compile(r"^[A-Za-z0-9_-]{1,40}$")
# What is wrong, said after the place ("tables > moments > entry 3 > text is empty"); through _() where used.
_KINDS = {
    "missing": N_("is missing"),
    "extra_forbidden": N_("is not something this version knows"),
    "string_too_long": N_("is longer than allowed"),
    "string_too_short": N_("is empty"),
    "too_long": N_("has more items than allowed"),
    "literal_error": N_("is not one of the known values"),
    "enum": N_("is not one of the known values"),
    "string_pattern_mismatch": N_("has characters that are not allowed there"),
}


def where_and_what(error: ValidationError) -> str:
    """The first problem as 'PLACE PROBLEM', naming fields and positions, never values."""
    problem = error.errors()[0]
    parts: list[str] = []
    for step in problem["loc"]:
        if isinstance(step, int):
            parts.append(_("entry {number}").format(number=step + 1))
        elif not str(step).startswith(("function-", "lax-", "strict-", "[key]")):
            # A name from the file itself could be anything: only plain names are repeated.
            # The field names are the file's own (JSON keys), the same in every language.
            parts.append(str(step) if _PLAIN_NAME.match(str(step)) else _("a name"))
    place = " > ".join(parts) or _("the file")
    kind = problem["type"]
    if kind in _KINDS:
        what = _(_KINDS[kind])
    elif kind == "value_error":
        # The models' own words about a value (core's catalogue translates them where they are written).
        what = str((problem.get("ctx") or {}).get("error", ""))
        what = what if what.startswith(("should", "contains", "two", "a ")) else _("is not valid")
    elif kind.startswith(("datetime", "date", "time")):
        what = _("is not a date (and time) in the form the app writes")
    else:
        what = _("is not valid ({kind})").format(kind=kind.replace("_", " "))
    # Translators: PLACE is like "tables > moments > entry 3 > text"; PROBLEM like "is empty".
    sentence = _("{place} {problem}").format(place=place, problem=what)
    extra = len(error.errors()) - 1
    if extra:
        more = ngettext(
            "{sentence} (and {count} more problem)", "{sentence} (and {count} more problems)", extra
        )
        sentence = more.format(sentence=sentence, count=extra)
    return sentence


if __name__ == "__main__":
    SCHEMA_FILE.write_text(schema_text(), encoding="utf-8")
