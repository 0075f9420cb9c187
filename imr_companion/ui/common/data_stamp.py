"""When an area's screen needs to read the stored data again."""

from __future__ import annotations

from datetime import date

from imr_companion import clock
from imr_companion.store import Database


def data_stamp(database: Database) -> tuple[int, date]:
    """Changes when anything is saved, and with the day (what 'this week' or 'today' means).

    An area screen hears ScreenResume twice as it first opens, right after its
    on_mount read everything, and again at every return; reading years of
    records again is only worth it when this stamp differs from the one it
    showed.
    """
    return database.version, clock.today()
