"""A month at a glance: days with a good moment carry a mark, not only a colour."""

from __future__ import annotations

import calendar
from datetime import date

from rich.text import Text
from textual.widgets import Static

MARK = "•"


def month_text(month: date, marked: set[date], today: date) -> Text:
    text = Text()
    text.append(f"{month:%B %Y}".center(28).rstrip() + "\n", style="bold")
    text.append(" Mo  Tu  We  Th  Fr  Sa  Su\n", style="dim")
    for week in calendar.Calendar().monthdatescalendar(month.year, month.month):
        for day in week:
            if day.month != month.month:
                text.append("    ")
                continue
            has = day in marked
            style = "bold" if has else "dim"
            if day == today:
                style += " underline"
            text.append(MARK if has else " ", style="bold")
            text.append(f"{day.day:>2}", style=style)
            text.append(" ")
        text.append("\n")
    return text


class MonthCalendar(Static):
    DEFAULT_CSS = """
    MonthCalendar { width: 30; height: auto; padding: 0 1; }
    """

    def show(self, month: date, marked: set[date], today: date) -> None:
        count = sum(1 for day in marked if day.year == month.year and day.month == month.month)
        text = month_text(month, marked, today)
        text.append(f"{MARK} a day with a good moment\n", style="dim")
        text.append(f"{count} day{'' if count == 1 else 's'} this month", style="dim")
        self.update(text)
