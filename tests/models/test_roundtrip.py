"""Whatever a person can type is either stored exactly or refused before saving."""

from __future__ import annotations

import math
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from imr_companion.models import RECORD_TABLES, Moment, Settings
from imr_companion.store import Database, Repository

any_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=300)


def _reload_all(folder: Path, model: type) -> list:
    db = Database.open(folder)
    try:
        return Repository.of(db, model).all()
    finally:
        db.close()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=any_text,
    day=st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 1, 1)),
    together=st.none() | any_text,
)
def test_moment_round_trips_or_is_refused(text: str, day: date, together: str | None):
    try:
        moment = Moment(text=text, day=day, together_with=together)
    except ValidationError:
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "d"
        db = Database.open(folder)
        Repository.of(db, Moment).add(moment)
        db.close()
        assert _reload_all(folder, Moment) == [moment]


@settings(max_examples=80, deadline=None)
@given(name=any_text, theme=any_text, welcomed=st.booleans())
def test_settings_round_trip_or_are_refused(name: str, theme: str, welcomed: bool):
    try:
        chosen = Settings(first_name=name, theme=theme, welcomed=welcomed)
    except ValidationError:
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "d"
        db = Database.open(folder)
        db.save_settings(chosen)
        db.close()
        db = Database.open(folder)
        assert db.settings() == chosen
        db.close()


def test_lone_surrogates_control_characters_and_nan_are_refused():
    for bad in ["\ud800 alone", "bell\x07", "null\x00"]:
        try:
            Moment(text=bad)
        except ValidationError:
            continue
        raise AssertionError(f"accepted {bad!r}")
    # No model takes a float that could become NaN in JSON; make sure none sneaks in.
    for model in [*RECORD_TABLES.values(), Settings]:
        for field in model.model_fields.values():
            assert field.annotation is not float
    assert math.isnan(float("nan"))


def test_pasted_windows_newlines_are_kept_as_plain_newlines():
    assert Moment(text="one\r\ntwo").text == "one\ntwo"
