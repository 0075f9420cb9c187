"""A month at a glance: days with a good moment carry a mark, not only a colour."""

from __future__ import annotations

import calendar
from datetime import date

from rich.text import Text
from textual.widgets import Static

from imr_companion.i18n import N_, _, date_words, ngettext

MARK = "•"
WEEKDAY_LETTERS = (N_("Mo"), N_("Tu"), N_("We"), N_("Th"), N_("Fr"), N_("Sa"), N_("Su"))
"""The calendar's column heads, Monday first (as weeks start in Denmark and in ISO 8601)."""


def month_text(month: date, marked: set[date], today: date) -> Text:
    text = Text()
    text.append(date_words(month, "month").center(28).rstrip() + "\n", style="bold")
    text.append(" " + "  ".join(f"{_(letters):<2}" for letters in WEEKDAY_LETTERS) + "\n", style="dim")
    # Monday first: the columns above.
    for week in calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(month.year, month.month):
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
        text.append(_("{mark} a day with a good moment").format(mark=MARK) + "\n", style="dim")
        days = ngettext("{count} day this month", "{count} days this month", count).format(count=count)
        text.append(days, style="dim")
        self.update(text)
