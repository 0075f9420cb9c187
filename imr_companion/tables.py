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
