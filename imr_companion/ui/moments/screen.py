"""Good moments: all of them, newest first, by month, with a calendar and search."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Static

from imr_companion import clock
from imr_companion.i18n import _, date_words, ngettext
from imr_companion.layout.text import shorten
from imr_companion.models import Moment
from imr_companion.store import Repository
from imr_companion.store.queries.moments import recent_months_start, stored_in_year, years_before
from imr_companion.ui.common import stylesheet
from imr_companion.ui.common.fields.text_fields import OneLineInput
from imr_companion.ui.common.frame.area_screen import AreaScreen
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.common.lists.row_list import RowList
from imr_companion.ui.keys.declared import MOMENTS
from imr_companion.ui.moments.month_calendar import MonthCalendar
from imr_companion.ui.moments.rows import MomentRows, moment_rows

__all__ = ["FIRST_ROWS", "MomentsScreen", "moment_rows"]

# The confirm dialog is imported by the actions that ask: its module cost a first open ~12 ms.


FIRST_ROWS = 200
"""Good moments read before the screen is first drawn: more than the tallest window shows."""


class MomentsScreen(AreaScreen):
    MODE = "moments"
    DEFAULT_CSS = stylesheet.beside(__file__, "screen.tcss")
    BINDINGS = MOMENTS.bindings()  # declared once: ui/keys/declared.py

    def __init__(self) -> None:
        super().__init__()
        self._rows = MomentRows([])
        """Every good moment's row; of the older years only those looked at are held (rows.py)."""
        self._start: str | None = None
        """The first day of the newest months held for good (None: every moment is held)."""
        self._found = MomentRows([])
        """The moments a search found (only these are held while it lasts)."""
        self._shown_version = -1

    def compose_body(self) -> ComposeResult:
        search = _("Search your good moments (press {key} )").format(key=key_for(self, "search"))
        yield OneLineInput(placeholder=search, id="search")
        yield Static("", id="empty")
        with Horizontal(id="panes"):
            yield RowList(id="moment-list")
            with Vertical(id="side"):
                yield MonthCalendar(id="calendar")
                yield Static("", id="detail")

    @property
    def repository(self) -> Repository[Moment]:
        return Repository.of(self.companion.database, Moment)

    def on_mount(self) -> None:
        self.query_one(RowList).focus()

    def on_screen_resume(self) -> None:
        # Reading ten years of moments again is only worth it when something changed.
        if self._shown_version != self.companion.database.version:
            self.refresh_data()

    def refresh_data(self) -> None:
        database = self.companion.database
        again = self._rows.moment_count > 0
        keep = self._current_key() if again else None
        self._shown_version = database.version
        self.workers.cancel_group(self, "older")
        start = recent_months_start(database, FIRST_ROWS)
        self._start = start
        newest = self.repository.all() if start is None else self.repository.where("day", start)
        self._rows = MomentRows(newest, self._read_year)
        if start is None:
            self._show(keep=keep)
            return
        if again:
            # Read again after a change (an edit, a delete, an undo): counted at once, so that
            # the cursor stays on the moment it was on, whatever year it is in.
            for name, year in years_before(database, start):
                self._rows.add_year(name, self.repository.parse(year))
            self._show(keep=keep)
            return
        # Opening with years of moments: the newest months first (a screenful and more),
        # then a year at a time, each a short step between which the screen is drawn
        # and keys are answered. Reading and validating them all at once took longer
        # than the rest of the screen together, and grew with every year.
        self._show()
        self.run_worker(self._count_older(years_before(database, start)), group="older", exclusive=True)

    def _read_year(self, name: str) -> list[Moment]:
        """An older year's moments, read again when the list reaches into it."""
        return self.repository.parse(stored_in_year(self.companion.database, name, self._start or ""))

    async def _count_older(self, years: Iterable[tuple[str, list[dict]]]) -> None:
        version = self._shown_version
        for name, year in years:
            # Let the screen be drawn and keys be answered between two years.
            await asyncio.sleep(0)
            if version != self.companion.database.version:
                # Something was saved meanwhile: everything is read again. A save from this
                # screen has done it already; another (the record check's stamp just after
                # the start, say) has not, and would leave the older years out.
                if self._shown_version != self.companion.database.version:
                    self.refresh_data()
                return
            # A year is older than everything counted before it: its months go below theirs.
            self._rows.add_year(name, self.repository.parse(year))
        self._show(keep=self._current_key())

    def _current_key(self) -> str | None:
        row = self.query_one(RowList).current
        return row.key if row else None

    def _show(self, keep: str | None = None) -> None:
        words = self.query_one("#search", Input).value.strip().casefold()
        self._found = MomentRows(self._matching(words) if words else [])
        shown = self._found if words else self._rows
        self.query_one(RowList).set_rows(shown, keep_key=keep)
        empty = self.query_one("#empty", Static)
        if not self._rows.moment_count:
            today = key_for(self.app, "open_area('today')")
            empty.update(
                _("Your good moments will gather here. Write the first one on Today (press {key}).").format(
                    key=today
                )
            )
        elif not shown.moment_count:
            nothing = _("No good moments with “{words}” yet. Press {key} to see them all again.")
            empty.update(Text(nothing.format(words=words, key=key_for(self, "clear_search"))))
        elif words:
            count = shown.moment_count
            found = ngettext(
                "{count} good moment with these words.", "{count} good moments with these words.", count
            )
            empty.update(found.format(count=count))
        empty.display = not shown.moment_count or bool(words)
        self.query_one("#panes").display = bool(shown.moment_count)
        if not shown.moment_count:
            self._show_month(clock.today().replace(day=1), None)

    def _matching(self, words: str) -> list[Moment]:
        """Every good moment holding `words`, of every year: an older year is read again, its
        stored words looked through, and only what it holds with them is kept."""
        database = self.companion.database
        newest = self.repository.all() if self._start is None else self.repository.where("day", self._start)
        found = [m for m in newest if words in m.text.casefold()]
        if self._start is None:
            return found
        for _name, year in years_before(database, self._start):
            with_words = [r for r in year if isinstance(r.get("text"), str) and words in r["text"].casefold()]
            found += self.repository.parse(with_words)
        return found

    @on(RowList.Highlighted)
    def _highlighted(self, event: RowList.Highlighted) -> None:
        moment = self._moment(event.row.key) if event.row and event.row.key else None
        month = (moment.day if moment else clock.today()).replace(day=1)
        self._show_month(month, moment)

    def _show_month(self, month: date, moment: Moment | None) -> None:
        self.query_one(MonthCalendar).show(month, self._rows.days_in(month), clock.today())
        detail = Text()
        if moment:
            detail.append(date_words(moment.day, "day_year") + "\n", style="bold")
            detail.append(moment.text)
            if moment.together_with:
                together = _("Written together with {name}").format(name=moment.together_with)
                detail.append("\n" + together, style="dim")
            if moment.told_on:
                told = _("Told at the meeting on {day}").format(day=date_words(moment.told_on, "day"))
                detail.append("\n" + told, style="dim")
        self.query_one("#detail", Static).update(detail)

    @on(Input.Changed, "#search")
    def _search(self) -> None:
        self._show(keep=self._current_key())

    @on(Input.Submitted, "#search")
    def _search_done(self) -> None:
        self.query_one(RowList).focus()

    def _moment(self, key: str) -> Moment | None:
        rows = self._found if self._found.moment_count else self._rows
        return rows.moment(key)

    def _selected(self) -> Moment | None:
        key = self._current_key()
        return self._moment(key) if key else None

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_clear_search(self) -> None:
        search = self.query_one("#search", Input)
        if search.value:
            search.value = ""
        self.query_one(RowList).focus()

    def action_month(self, step: int) -> None:
        """Jump to the newest moment of the month before (-1) or after (1) the current one."""
        rows = self.query_one(RowList)
        moment = self._selected()
        if moment is None:
            return
        current = moment.day.replace(day=1)
        months = (self._found if self._found.moment_count else self._rows).months()
        if step < 0:
            target = next((i for i, month in months if month < current), None)
        else:
            later = [(i, month) for i, month in months if month > current]
            nearest = later[-1][1] if later else None
            target = next((i for i, month in later if month == nearest), None)
        if target is None:
            self.notify(_("That is as far as your good moments go."), timeout=2)
            return
        rows.move_to(target)

    def action_edit(self) -> None:
        moment = self._selected()
        if moment is None:
            return
        from imr_companion.ui.moments.editor import MomentEditor

        def done(updated: Moment | None) -> None:
            if updated:
                self.notify(_("Saved."))
                self.refresh_data()

        self.app.push_screen(MomentEditor(moment), done)

    def action_delete(self) -> None:
        from imr_companion.ui.common.dialogs.confirm import confirm_then_remove

        moment = self._selected()
        if moment is None:
            return

        preview = shorten(moment.text, 120)
        confirm_then_remove(
            self,
            Text(
                _("Delete this good moment from {day}?").format(day=date_words(moment.day, "date"))
                + "\n\n"
                # Translators: the person's own words quoted; Danish quotes them »like this«.
                + _("“{text}”").format(text=preview)
            ),
            lambda: self.repository.remove(moment.id),
            records=((self.repository, moment.id),),
            done=self.refresh_data,
            removed=_("Deleted. {key} brings it back.").format(key=key_for(type(self.app), "undo")),
            undone=_("The good moment is back."),
        )


def read_ahead() -> None:
    """The stylesheets of this screen and its widgets, parsed before its first open (ui/starting.py)."""
    stylesheet.read_ahead(MomentsScreen, OneLineInput, RowList, MonthCalendar, Static, Horizontal, Vertical)
