"""A fictional person's data, for trying the app and for benchmarks.

Sam is invented. The entries are the kind of thing a person in IMR might
write over the years; nothing here comes from a real person.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path

from imr_companion import clock
from imr_companion.demo_handouts import handouts_tables
from imr_companion.models import Moment, Settings
from imr_companion.paths import DATA_FILE
from imr_companion.store.database import SETTINGS, Database, Document, new_document, parse
from imr_companion.store.errors import StoreError

FIRST_NAME = "Sam"

_MOMENT_STARTS = [
    "Had a cup of tea in the sun",
    "Walked to the shop and back",
    "My sister called to say hello",
    "Cooked pasta for the first time in weeks",
    "Slept through the night",
    "Finished a crossword",
    "The cat sat on my lap all evening",
    "Went to my IMR group",
    "Watered the plants on the balcony",
    "Had a good talk with my contact person",
    "Listened to an old favourite album",
    "Took the bus on my own",
    "Fed the ducks in the park",
    "Tidied one drawer",
    "Laughed at a silly film",
    "Found a nice shirt at the charity shop",
    "Made soup with a neighbour",
    "Wrote a letter to my nephew",
    "Swam ten lengths",
    "Had breakfast at the table, not in bed",
    "Helped at the community garden",
    "Read a chapter of my book",
    "Phoned the clinic about my appointment myself",
    "Saw the first snowdrops",
    "Baked bread",
    "Played cards with my brother",
    "Went for a coffee with Ali",
    "Got my bike fixed",
    "Sorted my post and paid a bill",
    "Sat in the library for an hour",
]
_MOMENT_ENDS = [
    "",
    ". It felt calm.",
    ". Small, but it counts.",
    ". I felt proud.",
    ". Nice to feel normal.",
    ". It made me smile.",
    ". Good day overall.",
    " and it went well.",
]
_CONTACT = "Jo"


def _moments(rng: random.Random, start: date, end: date) -> list[Moment]:
    moments = []
    day = start
    while day <= end:
        # Some days have two or three moments, some none: life is uneven.
        count = rng.choices([0, 1, 2, 3], weights=[30, 50, 15, 5])[0]
        for _n in range(count):
            written = datetime.combine(day, time(9 + rng.randrange(12), rng.randrange(60)))
            text = rng.choice(_MOMENT_STARTS) + rng.choice(_MOMENT_ENDS)
            together = _CONTACT if rng.random() < 0.04 else None
            moments.append(
                Moment(text=text, day=day, created=written, updated=written, together_with=together)
            )
        day += timedelta(days=1)
    return moments


Builder = Callable[[random.Random, date, date], dict[str, list[dict]]]


def _moments_tables(rng: random.Random, start: date, end: date) -> dict[str, list[dict]]:
    return {"moments": [m.model_dump(mode="json") for m in _moments(rng, start, end)]}


# Each area adds a builder that returns its tables' records.
BUILDERS: list[Builder] = [_moments_tables, handouts_tables]


def build(years: float, seed: int = 7) -> Document:
    rng = random.Random(seed)
    end = clock.today()
    start = end - timedelta(days=max(1, round(365.25 * years)))
    document = new_document()
    settings = Settings(first_name=FIRST_NAME, welcomed=True, demo=True)
    document[SETTINGS] = {"1": settings.model_dump(mode="json")}
    tables: dict[str, list[dict]] = {}
    for builder in BUILDERS:
        # Several areas may fill one table (practice tasks come from handouts and goals).
        for table, records in builder(rng, start, end).items():
            tables.setdefault(table, []).extend(records)
    for table, records in tables.items():
        document[table] = {str(i): r for i, r in enumerate(records, start=1)}
    return document


class HoldsRealData(StoreError):
    pass


def create(folder: Path, years: float, seed: int = 7) -> Database:
    """Fill an empty (or demo-only) data folder with Sam's data."""
    path = folder / DATA_FILE
    if path.exists():
        try:
            existing = parse(path.read_bytes())
        except Exception:
            existing = {"unreadable": {"1": {}}}
        settings = next(iter(existing.get(SETTINGS, {}).values()), {})
        has_records = any(t for name, t in existing.items() if name not in (SETTINGS, "_meta"))
        if has_records and settings.get("demo") is not True:
            raise HoldsRealData(
                f"{folder} already holds data, so no demo data was written. "
                "Please choose an empty folder for the demo."
            )
    database = Database.open(folder)
    try:
        database.save_document(build(years, seed))
    except BaseException:
        database.close()
        raise
    return database
