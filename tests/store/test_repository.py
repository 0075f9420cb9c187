"""Records read back from the store behave as the models they are, each on its own."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from imr_companion import clock
from imr_companion.models import CheckIn, Moment
from imr_companion.store import Database, Repository


def test_changing_one_record_read_back_changes_no_other(database: Database):
    moments = Repository.of(database, Moment)
    for text in ("first", "second", "third"):
        moments.add(Moment(text=text))
    first, second, third = sorted(moments.all(), key=lambda m: m.text)
    first.text = "first, changed"
    with pytest.raises(ValidationError):
        second.text = ""
    assert (first.text, second.text, third.text) == ("first, changed", "second", "third")
    assert first.model_copy(update={"text": "a copy"}).text == "a copy"
    moments.save(first)
    assert sorted(m.text for m in moments.all()) == ["first, changed", "second", "third"]


def test_a_record_stored_without_a_later_field_keeps_knowing_which_fields_it_had(database: Database):
    complete = CheckIn.for_day(clock.today(), [])
    Repository.of(database, CheckIn).add(complete)
    document = database.document()
    older = complete.model_dump(mode="json") | {"id": "older", "day": "2026-03-01"}
    del older["noticed"]  # as a version before the field would have stored it
    document["checkins"]["2"] = older
    database.save_document(document)
    read = {c.id: c for c in Repository.of(database, CheckIn).all()}
    assert "noticed" not in read["older"].model_dump(exclude_unset=True)
    assert "noticed" in read[complete.id].model_dump(exclude_unset=True)
    read["older"].noticed = []
    assert "noticed" in read["older"].model_dump(exclude_unset=True)
