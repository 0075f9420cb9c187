"""Reads of good moments for opening the Good moments screen with years of them: newest months first.

Older years may still be unparsed (store/files/years.py): they are parsed
here one at a time, newest first, and only as far as the screen reads.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator

from imr_companion.store.database import Database

TABLE = "moments"


def recent_months_start(database: Database, at_least: int) -> str | None:
    """The first day (ISO) of the oldest month that the newest `at_least` good moments reach into.

    None when that would be all of them, or when a stored moment has no day as
    text (the model gives it one: only reading them all places it). Whole months,
    so that a month's heading counts every moment in it. Read from the stored
    days, without validating; an older year still unparsed is read only when
    the newest moments do not reach back to it.
    """
    stored = list(database.held_document().get(TABLE, {}).values())
    days = [day for day in (r.get("day") for r in stored) if isinstance(day, str)]
    if len(days) < len(stored):
        return None
    for year in reversed(database.storage.older_years(TABLE)):
        if len(days) >= at_least and heapq.nlargest(at_least, days)[-1] > f"{year.year}-12-31":
            # More moments than that, and none of this year or before is among the newest.
            return heapq.nlargest(at_least, days)[-1][:7] + "-01"
        days += [r["day"] for r in year.records().values()]  # every one has its day (years.py)
    if len(days) <= at_least:
        return None
    return heapq.nlargest(at_least, days)[-1][:7] + "-01"


def year_names_before(database: Database, day: str) -> list[str]:
    """The years (as '2019') holding stored moments from before `day` (ISO), the newest first."""
    held = {
        stored_day[:4]
        for stored_day in (r.get("day") for r in database.held_document().get(TABLE, {}).values())
        if isinstance(stored_day, str) and stored_day < day
    }
    older = {year.year for year in database.storage.older_years(TABLE) if year.year <= day[:4]}
    return sorted(held | older, reverse=True)


def stored_in_year(database: Database, name: str, day: str) -> list[dict]:
    """The stored moments of the year `name` from before `day` (ISO); an older year still
    unparsed is parsed now, and nothing of it is kept here."""
    records = [
        record
        for record in database.held_document().get(TABLE, {}).values()
        if isinstance(stored_day := record.get("day"), str) and stored_day < day and stored_day[:4] == name
    ]
    for year in database.storage.older_years(TABLE):
        if year.year == name:
            records += [r for r in year.records().values() if r["day"] < day]
    return records


def years_before(database: Database, day: str) -> Iterator[tuple[str, list[dict]]]:
    """The stored moments from before `day` (ISO), one list per year (with its name), the newest
    year first; each older year still unparsed is parsed when its turn comes."""
    for name in year_names_before(database, day):
        yield name, stored_in_year(database, name, day)
