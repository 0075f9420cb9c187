"""The one place the app asks what time it is.

Tests, snapshots and the demo fix the clock so that dates on screen and in
stored records are the same on every run.
"""

from __future__ import annotations

from datetime import date, datetime

_fixed: datetime | None = None


def now() -> datetime:
    """Local wall-clock time, to the second (nobody needs microseconds here)."""
    return (_fixed or datetime.now()).replace(microsecond=0)


def today() -> date:
    return now().date()


def fix(moment: datetime | None) -> None:
    """Freeze the clock at `moment`, or let it run again with None."""
    global _fixed
    _fixed = moment
