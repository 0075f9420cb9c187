"""The plan's shared reads: the newest version is found without reading every one."""

from __future__ import annotations

from datetime import date, datetime

from imr_companion.models import PlanVersion
from imr_companion.models.plan import PlanContent
from imr_companion.store import Repository
from imr_companion.store.queries.plan import newest_review_since, newest_version, versions_newest_first


def version(day: date, hour: int) -> PlanVersion:
    return PlanVersion(reviewed_on=day, content=PlanContent(), created=datetime(2026, 1, 1, hour))


def test_the_newest_version_is_the_newest_day_then_the_latest_made(database):
    repository = Repository.of(database, PlanVersion)
    for v in [version(date(2025, 5, 1), 9), version(date(2026, 3, 2), 8), version(date(2026, 3, 2), 10)]:
        repository.add(v)
    repository.add(version(date(2024, 1, 1), 23))
    newest = newest_version(database)
    assert newest == versions_newest_first(database)[0]
    assert (newest.reviewed_on, newest.created.hour) == (date(2026, 3, 2), 10)


def test_no_versions_and_a_damaged_newest_day(database):
    assert newest_version(database) is None
    repository = Repository.of(database, PlanVersion)
    repository.add(version(date(2025, 5, 1), 9))
    document = database.document()
    document["plan_versions"]["2"] = {"id": "x", "reviewed_on": "2026-04-01", "content": "not a plan"}
    database.save_document(document)
    assert newest_version(database).reviewed_on == date(2025, 5, 1)


def test_the_newest_review_since_a_day_is_the_same_read_as_stored_or_through_the_models(database):
    """Once every record has passed the gate, Today reads the reviews' days as stored (no validator)."""
    repository = Repository.of(database, PlanVersion)
    for v in [version(date(2026, 3, 2), 8), version(date(2025, 5, 1), 9), version(date(2026, 1, 9), 10)]:
        repository.add(v)
    assert database.records_checked
    found = [newest_review_since(database, day) for day in (date(2025, 1, 1), date(2026, 3, 3))]
    assert found == [date(2026, 3, 2), None]
    database.storage.checked = False  # as before the record check: through the models
    assert [newest_review_since(database, day) for day in (date(2025, 1, 1), date(2026, 3, 3))] == found
