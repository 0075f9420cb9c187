"""The rows of the Good moments list, years of them, held only where a person looks.

Thirty years of good moments are ten thousand records: held as models and
rows for the whole session they took some 15 MiB. The list draws only the
rows on screen (RowList), so it needs every row's place but only the rows in
view: each older year is counted once (its rows, its months, the days with a
moment) and let go; when the list reaches into it (scrolling, End, a month
jump, a search result), its rows are built again from the store, and only the
last few years looked at are kept. The newest months are always held.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import overload

from imr_companion.i18n import _, date_words
from imr_companion.models import Moment
from imr_companion.models.moments import by_month, month_heading
from imr_companion.ui.common.lists.row_list import Row

KEPT_YEARS = 3
"""Older years whose rows and records stay held after being looked at (a screen spans two at most)."""


def moment_rows(moments: list[Moment]) -> list[Row]:
    rows: list[Row] = []
    # Translators: a day in the list of good moments: the weekday's short name and the day of the month.
    day_words = _("{wd} {day}")
    weekdays = [date_words(date(2024, 1, n), "weekday_short") for n in range(1, 8)]
    # Every row's words start in one column, however long this language's weekday names are.
    width = max(len(day_words.format(wd=wd, day=10)) for wd in weekdays)
    for month, group in by_month(moments):
        rows.append(Row(month_heading(month, len(group))))
        for moment in group:
            together = _("with {name}").format(name=moment.together_with) if moment.together_with else ""
            day = day_words.format(wd=weekdays[moment.day.weekday()], day=f"{moment.day.day:>2}")
            rows.append(Row(f"{day:<{width}}  {moment.text.splitlines()[0]}", moment.id, together))
    return rows


@dataclass
class _Held:
    rows: list[Row]
    moments: dict[str, Moment]


@dataclass
class _Part:
    """The newest months (year None) or one older year: where its rows start, how many, its months."""

    year: str | None
    start: int
    size: int
    months: list[tuple[date, int]] = field(default_factory=list)
    """Each month's first day and the index of its heading in the whole list, newest first."""


class MomentRows(Sequence[Row]):
    """Every good moment's row, newest first; an older year's rows built again when looked at."""

    def __init__(self, newest: list[Moment], load: Callable[[str], list[Moment]] | None = None) -> None:
        """`newest`: the moments held for good (the newest months, or search results);
        `load(year)`: an older year's moments, read again from the store."""
        self._load = load
        self._parts: list[_Part] = []
        self._held: OrderedDict[int, _Held] = OrderedDict()
        self._days: dict[date, int] = {}
        """Each month's days with a moment, as bits (1 << day): the calendar's marks."""
        self.moment_count = 0
        """Good moments counted."""
        self._add(None, newest)

    # --- counting ----------------------------------------------------------------

    def add_year(self, year: str, moments: list[Moment]) -> None:
        """An older year's moments, counted (older than every part before it), then let go: they
        are read again when the list reaches them."""
        if moments:
            self._add(year, moments, hold=False)

    def _add(self, year: str | None, moments: list[Moment], hold: bool = True) -> None:
        rows = moment_rows(moments)
        start = len(self)
        part = _Part(year, start, len(rows))
        part.months = [(m.day.replace(day=1), start + i) for i, m in self._headings(rows, moments)]
        for moment in moments:
            month = moment.day.replace(day=1)
            self._days[month] = self._days.get(month, 0) | 1 << moment.day.day
        self.moment_count += len(moments)
        self._parts.append(part)
        if hold:
            self._hold(len(self._parts) - 1, _Held(rows, {m.id: m for m in moments}))

    @staticmethod
    def _headings(rows: list[Row], moments: list[Moment]) -> Iterator[tuple[int, Moment]]:
        """(index of each month's heading, that month's newest moment)."""
        by_id = {m.id: m for m in moments}
        for index, row in enumerate(rows):
            if row.is_heading and index + 1 < len(rows) and rows[index + 1].key in by_id:
                yield index, by_id[rows[index + 1].key or ""]

    def _hold(self, number: int, held: _Held) -> None:
        self._held[number] = held
        self._held.move_to_end(number)
        older = [n for n in self._held if n != 0]
        for number in older[: max(0, len(older) - KEPT_YEARS)]:
            del self._held[number]  # looked at longest ago: built again when needed

    def _part(self, number: int) -> _Held:
        held = self._held.get(number)
        if held is not None:
            self._held.move_to_end(number)
            return held
        part = self._parts[number]
        moments = self._load(part.year) if self._load is not None and part.year is not None else []
        rows = moment_rows(moments)
        # The store changed since the year was counted: the screen reads everything again
        # (MomentsScreen.on_screen_resume); until then the list keeps its length.
        rows = (rows + [Row("")] * part.size)[: part.size]
        held = _Held(rows, {m.id: m for m in moments})
        self._hold(number, held)
        return held

    def _number_of(self, index: int) -> int:
        low, high = 0, len(self._parts) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if self._parts[middle].start <= index:
                low = middle
            else:
                high = middle - 1
        return low

    # --- the sequence the list draws ------------------------------------------------

    def __len__(self) -> int:
        last = self._parts[-1] if self._parts else None
        return last.start + last.size if last else 0

    @overload
    def __getitem__(self, index: int) -> Row: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Row]: ...

    def __getitem__(self, index: int | slice) -> Row | Sequence[Row]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        number = self._number_of(index)
        return self._part(number).rows[index - self._parts[number].start]

    def __iter__(self) -> Iterator[Row]:
        for number in range(len(self._parts)):
            yield from self._part(number).rows

    def index_of(self, key: str | None) -> int | None:
        """The row of the moment `key`: looked for in the parts held first."""
        order = [*reversed(self._held), *(n for n in range(len(self._parts)) if n not in self._held)]
        for number in order:
            rows = self._part(number).rows
            for offset, row in enumerate(rows):
                if row.key == key:
                    return self._parts[number].start + offset
        return None

    # --- what the screen asks ---------------------------------------------------------

    def moment(self, key: str) -> Moment | None:
        """The moment of a row the list has shown (its year is held), else looked for."""
        for held in reversed(self._held.values()):
            if key in held.moments:
                return held.moments[key]
        index = self.index_of(key)
        return None if index is None else self._part(self._number_of(index)).moments.get(key)

    def days_in(self, month: date) -> set[date]:
        bits = self._days.get(month, 0)
        return {month.replace(day=day) for day in range(1, 32) if bits >> day & 1}

    def months(self) -> list[tuple[int, date]]:
        """(the row of each month's newest moment, the month), the newest month first."""
        return [(index + 1, month) for part in self._parts for month, index in part.months]
