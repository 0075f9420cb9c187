"""Check-ins over the weeks: a row per warning sign, a mark per day, readable without colour.

Drawn once, as rich Text (bold and dim only add to the marks): the plan's
check-in history shows it, and the Markdown export prints its plain lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from rich.cells import cell_len
from rich.text import Text

from imr_companion.i18n import N_, _, date_words
from imr_companion.layout.text import shorten
from imr_companion.models import CheckIn

NOTICED = "●"
CHECKED = "·"
LABEL = 26
WEEK = 8
"""Seven days and a space."""

DAY_LETTERS = N_("MTWTFSS")
"""The weekdays' first letters, Monday first (one letter each)."""


def legend() -> str:
    return _("{noticed} noticed   {checked} checked in, not noticed   blank: no check-in").format(
        noticed=NOTICED, checked=CHECKED
    )


@dataclass(frozen=True)
class SignRow:
    id: str
    label: str
    suffix: str = ""
    """Kept in full when a long label is shortened, e.g. ' (taken out)'."""


def first_monday(end: date, weeks: int) -> date:
    return end - timedelta(days=end.weekday()) - timedelta(weeks=weeks - 1)


def weeks_that_fit(width: int) -> int:
    return max(2, min(26, (width - LABEL - 2) // WEEK))


def _label(text: str, suffix: str = "") -> str:
    return shorten(text, LABEL - 1 - cell_len(suffix)) + suffix


def _week_label(monday: date) -> str:
    """The week's first day in at most seven cells, a space before the next ("13. dec." loses its dot)."""
    return shorten(date_words(monday, "short").rstrip("."), WEEK - 1)


def grid(signs: list[SignRow], checkins: dict[date, CheckIn], end: date, weeks: int, today: date) -> Text:
    """`weeks` weeks ending with the week of `end`; days after `today` stay blank."""
    start = first_monday(end, weeks)
    days = [start + timedelta(days=n) for n in range(weeks * 7)]
    text = Text(" " * LABEL)
    for week in range(weeks):
        text.append(_week_label(days[week * 7]).ljust(WEEK), style="bold")
    text.append("\n" + " " * LABEL)
    letters = _(DAY_LETTERS)
    letters = letters if len(letters) == 7 else DAY_LETTERS
    for day in days:
        text.append(letters[day.weekday()], style="underline" if day == today else "dim")
        if day.weekday() == 6:
            text.append(" ")
    text.append("\n")
    for sign in signs:
        text.append(_label(sign.label, sign.suffix).ljust(LABEL))
        for day in days:
            checkin = checkins.get(day) if day <= today else None
            if checkin is None:
                text.append(" ")
            elif any(noticed.id == sign.id for noticed in checkin.noticed):
                text.append(NOTICED, style="bold")
            else:
                text.append(CHECKED, style="dim")
            if day.weekday() == 6:
                text.append(" ")
        text.append("\n")
    text.rstrip()
    return text


def paper_lines(signs: list[SignRow], checkins: dict[date, CheckIn], today: date, weeks: int) -> list[str]:
    """The grid of the `weeks` weeks up to `today` as plain lines, for a page in a fixed-width font."""
    return [line.rstrip() for line in grid(signs, checkins, today, weeks, today).plain.split("\n")]


def rows_for(plan_signs: list[tuple[str, str]], checkins: dict[date, CheckIn]) -> list[SignRow]:
    """The plan's signs in order, then signs no longer in the plan that were noticed in these weeks."""
    rows = [SignRow(sign_id, text) for sign_id, text in plan_signs]
    known = {row.id for row in rows}
    for day in sorted(checkins):
        for noticed in checkins[day].noticed:
            if noticed.id not in known:
                rows.append(SignRow(noticed.id, noticed.text, " " + _("(taken out)")))
                known.add(noticed.id)
    return rows
