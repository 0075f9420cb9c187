"""The tables of the data file, by name: known to the store before the models are loaded.

Opening the data reads and sets right its tables before the first frame,
when pydantic and the models are not imported yet; `models.RECORD_TABLES`
gives each record table its model (a test keeps the two the same).
"""

RECORD_TABLE_NAMES: tuple[str, ...] = (
    "moments",
    "practice",
    "people",
    "goals",
    "plan",
    "plan_versions",
    "checkins",
    "reading",
    "answers",
    "sessions",
    "supporters",
)
META = "_meta"
SETTINGS = "settings"
QUARANTINE = "_quarantine"


# What a person recognises in a copy of their data, most telling first: (table, one, many).
HOLDINGS = [
    ("moments", "1 good moment", "{:,} good moments"),
    ("goals", "1 goal", "{:,} goals"),
    ("people", "1 person on the network card", "{:,} people on the network card"),
    ("answers", "1 answer", "{:,} answers"),
    ("practice", "1 practice task", "{:,} practice tasks"),
    ("sessions", "1 session note", "{:,} session notes"),
    ("checkins", "1 check-in", "{:,} check-ins"),
]


def holdings(document: dict) -> str:
    """What a copy holds, in the person's words: "1,204 good moments, 3 goals, 12 people ... and more"."""
    counted = {table for table, _, _ in HOLDINGS}
    said = []
    for table, one, many in HOLDINGS:
        records = document.get(table)
        count = len(records) if isinstance(records, dict) else 0
        if count:
            said.append(one if count == 1 else many.format(count))
    # The plan, its reviews, reading marks, supporter notes: said as "more", never as a count of records.
    other = any(
        isinstance(document.get(table), dict) and document[table]
        for table in RECORD_TABLE_NAMES
        if table not in counted
    )
    if len(said) > 3 or (said and other):
        said = [*said[:3], "more"]
    if not said:
        return "some of what you wrote" if other else "nothing written yet"
    return said[0] if len(said) == 1 else f"{', '.join(said[:-1])} and {said[-1]}"
