"""Reads of good moments for opening the Good moments screen with years of them: newest months first."""

from __future__ import annotations

import heapq

from imr_companion.store.database import Database

TABLE = "moments"


def _stored(database: Database) -> list[dict]:
    return list(database.document().get(TABLE, {}).values())


def recent_months_start(database: Database, at_least: int) -> str | None:
    """The first day (ISO) of the oldest month that the newest `at_least` good moments reach into.

    None when that would be all of them, or when a stored moment has no day as
    text (the model gives it one: only reading them all places it). Whole months,
    so that a month's heading counts every moment in it. Read from the stored
    days, without validating.
    """
    stored = _stored(database)
    days = [day for day in (r.get("day") for r in stored) if isinstance(day, str)]
    if len(stored) <= at_least or len(days) < len(stored):
        return None
    return heapq.nlargest(at_least, days)[-1][:7] + "-01"


def years_before(database: Database, day: str) -> list[list[dict]]:
    """The stored moments from before `day` (ISO), one list per year, the newest year first."""
    years: dict[str, list[dict]] = {}
    for record in _stored(database):
        stored_day = record.get("day")
        if isinstance(stored_day, str) and stored_day < day:
            years.setdefault(stored_day[:4], []).append(record)
    return [years[year] for year in sorted(years, reverse=True)]
