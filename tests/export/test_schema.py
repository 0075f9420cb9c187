"""The published JSON Schema agrees with the app (issue 19, item 6).

Once, with formats checked, a 10-year export gave 14,099 errors (a local
time published as JSON Schema's date-time, which needs an offset), and seven
text limits were looser than what import accepts. Now a 10-year demo export
validates with every format checked, and every text limit, list limit and
choice in the schema is the one the models enforce, probed field by field.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from imr_companion.export import schema, to_json
from imr_companion.store import Database
from tests.helpers import demo_folder

SCHEMA = json.loads(schema.SCHEMA_FILE.read_text(encoding="utf-8"))
DEFS = SCHEMA["$defs"]
MODELS = {model.__name__: model for model in schema.models_within(schema.ExportFile)}


@pytest.fixture(scope="module")
def ten_years(tmp_path_factory) -> dict:
    database = Database.read_only(demo_folder(tmp_path_factory.mktemp("ten-years"), years=10))
    return json.loads(to_json(database))


def _formats(value: Any) -> set[str]:
    if isinstance(value, dict):
        found = {value["format"]} if isinstance(value.get("format"), str) else set()
        return found.union(*(_formats(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(_formats(v) for v in value))
    return set()


def _validator():
    """The published schema's validator, formats checked.

    Imported here, not at the top: jsonschema's format checkers take over a second to
    import, and every worker of the suite imports every test module.
    """
    from jsonschema import Draft202012Validator, FormatChecker

    return Draft202012Validator(SCHEMA, format_checker=FormatChecker())


def test_every_format_in_the_schema_is_one_the_test_checks():
    # jsonschema skips a format it has no checker for: that is how date-time slipped through.
    assert _formats(SCHEMA) <= set(_validator().format_checker.checkers), _formats(SCHEMA)


def test_a_ten_year_demo_export_validates_and_what_the_schema_refuses_the_app_refuses(ten_years: dict):
    # One test for both (they were two): the ten years are made once, on one worker.
    validator = _validator()
    errors = list(validator.iter_errors(ten_years))
    assert len(ten_years["tables"]["moments"]) > 1000
    first = f"{errors[0].message[:200]} at {list(errors[0].path)}" if errors else ""
    assert errors == [], f"{len(errors)} errors, the first: {first}"
    # What the schema refuses, the app refuses.
    moment = ten_years["tables"]["moments"][0]
    for change in ({"created": "2026-03-18T19:30:00+01:00"}, {"day": "9999-12-31"}, {"text": "x" * 2001}):
        odd = {**ten_years, "tables": {**ten_years["tables"], "moments": [{**moment, **change}]}}
        assert list(validator.iter_errors(odd)), change
        with pytest.raises(ValidationError):
            schema.ExportFile.model_validate(odd)


# --- every limit and choice, probed in the models --------------------------


def _branches(prop: dict) -> list[dict]:
    found = []
    for branch in prop.get("anyOf", [prop]):
        if "$ref" in branch:
            branch = DEFS[branch["$ref"].rsplit("/", 1)[-1]]
        found.append(branch)
    return found


def _refused_at(model: type[BaseModel], data: dict, where: tuple) -> bool:
    try:
        model.model_validate(data)
    except ValidationError as error:
        return any(tuple(e["loc"][: len(where)]) == where for e in error.errors())
    return False


def _probes() -> list[tuple[str, str, str, Any, bool, tuple]]:
    """(model, field, what, value, refused, where) for every limit and choice in the schema."""
    probes = []
    for name in MODELS:
        published = DEFS.get(name, SCHEMA if name == "ExportFile" else {})
        for field, prop in published.get("properties", {}).items():
            for branch in _branches(prop):
                where = (field,)
                item = branch
                if branch.get("type") == "array" and isinstance(branch.get("items"), dict):
                    item = _branches(branch["items"])[0]
                    where = (field, 0)
                    sample = item.get("enum", ["x"])[0] if "enum" in item else "x"
                    if "maxItems" in branch and (item.get("type") == "string"):
                        many = branch["maxItems"]
                        values = list(item["enum"]) if "enum" in item else [sample] * many
                        probes.append((name, field, "maxItems", values[:many], False, (field,)))
                        if "enum" not in item:
                            probes.append((name, field, "maxItems+1", [sample] * (many + 1), True, (field,)))

                def wrap(value: Any, where=where) -> Any:
                    return [value] if len(where) == 2 else value

                if "maxLength" in item:
                    most = item["maxLength"]
                    probes.append((name, field, "maxLength", wrap("x" * most), False, where))
                    probes.append((name, field, "maxLength+1", wrap("x" * (most + 1)), True, where))
                if item.get("minLength", 0) > 0:
                    least = item["minLength"]
                    probes.append((name, field, "minLength", wrap("x" * least), False, where))
                    probes.append((name, field, "minLength-1", wrap("x" * (least - 1)), True, where))
                for value in item.get("enum", []):
                    probes.append((name, field, f"enum {value}", wrap(value), False, where))
                if "enum" in item:
                    probes.append((name, field, "not in enum", wrap("no-such-choice"), True, where))
    return probes


PROBES = _probes()


def test_the_probes_cover_the_limits_that_once_disagreed():
    named = {(model, field, what) for model, field, what, *_ in PROBES}
    for model, field in [("Moment", "text"), ("Person", "note"), ("Person", "name"), ("Goal", "why"),
                         ("SessionNote", "note"), ("SupporterNote", "asks"), ("Helper", "reach")]:
        assert (model, field, "maxLength+1") in named
    assert len(PROBES) > 150


@pytest.mark.parametrize(
    ("model", "field", "what", "value", "refused", "where"),
    PROBES,
    ids=[f"{m}.{f}:{w}" for m, f, w, *_ in PROBES],
)
def test_every_limit_and_choice_in_the_schema_is_the_models(model, field, what, value, refused, where):
    assert _refused_at(MODELS[model], {field: value}, where) == refused


def test_the_schema_names_every_choice_the_models_have():
    for name, model in MODELS.items():
        for field, info in model.model_fields.items():
            choices = getattr(info.annotation, "__members__", None)
            if choices is None:
                continue
            prop = DEFS[name]["properties"][field]
            [branch] = [b for b in _branches(prop) if "enum" in b]
            assert sorted(branch["enum"]) == sorted(c.value for c in choices.values())


def test_the_published_file_is_the_one_the_models_make():
    assert Path(schema.SCHEMA_FILE).read_text(encoding="utf-8") == schema.schema_text()
