"""The picture of change in one self-check area: a row of marks and its numbers, and a sentence.

Drawn once here for the self-check screen and the exports. Readable without
colour: each rating is a mark of its own height and its number beside it
("▂ ▄ ▄ ▆ █   2 3 3 4 5"); an area skipped that time is a dot. The sentence
says the first and the latest rating ("Coping day to day: 2 in March 2025,
4 now"): no total, no judgement, only what the person said, when.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from imr_companion.i18n import _, date_words
from imr_companion.models.selfcheck import Area

MARKS = {1: "▁", 2: "▂", 3: "▄", 4: "▆", 5: "█"}
SKIPPED = "·"
MOST_SHOWN = 12
"""The newest ratings a row shows: 12 self-checks fit 80 columns with room for the words."""
NOW_DAYS = 45
"""A rating this recent is said as "now" (when it is from the newest self-check)."""

Check = tuple[date, Mapping[Any, int]]
"""One self-check as the picture needs it: its day and its ratings by area id."""
Point = tuple[date, int | None]


@dataclass(frozen=True)
class AreaChange:
    area: Area
    row: str
    """The marks, then the numbers: '▂ ▄ · ▆   2 3 · 4'."""
    words: str
    """'Coping day to day: 2 in March 2025, 4 now'."""


def points(checks: Sequence[Check], area_id: str) -> list[Point]:
    """This area's rating in each self-check, oldest first (None where it was skipped)."""
    return [(day, ratings.get(area_id)) for day, ratings in sorted(checks, key=lambda c: c[0])]


def row(values: Sequence[int | None]) -> str:
    """'▂ ▄ · ▆   2 3 · 4': the newest MOST_SHOWN ratings as marks, then as numbers."""
    shown = list(values)[-MOST_SHOWN:]
    marks = " ".join(MARKS[v] if v else SKIPPED for v in shown)
    numbers = " ".join(str(v) if v else SKIPPED for v in shown)
    return f"{marks}   {numbers}"


def words(title: str, series: Sequence[Point], today: date) -> str:
    """The first and the latest rating in a sentence; '' when the area was never rated."""
    rated = [(day, value) for day, value in series if value]
    if not rated:
        return ""
    (first_day, first), (last_day, last) = rated[0], rated[-1]
    if len(rated) == 1:
        return _("{area}: {value} in {month}").format(
            area=title, value=first, month=date_words(first_day, "month")
        )
    # Skipped in the newest self-check: an older rating is said with its month, never as "now".
    newest_day = max(day for day, _value in series)
    if last_day == newest_day and (today - last_day).days <= NOW_DAYS:
        # Translators: "Coping day to day: 2 in March 2025, 4 now".
        return _("{area}: {first} in {month}, {last} now").format(
            area=title, first=first, month=date_words(first_day, "month"), last=last
        )
    return _("{area}: {first} in {month}, {last} in {latest}").format(
        area=title,
        first=first,
        month=date_words(first_day, "month"),
        last=last,
        latest=date_words(last_day, "month"),
    )


def changes(checks: Sequence[Check], areas: Sequence[Area], today: date) -> list[AreaChange]:
    """Each area rated at least once in `checks`, in the order of `areas`."""
    found = []
    for area in areas:
        series = points(checks, area.id)
        said = words(_(area.title), series, today)
        if said:
            found.append(AreaChange(area, row([value for _day, value in series]), said))
    return found
