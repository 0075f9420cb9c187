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
from imr_companion.models.moments import by_month, month_heading
from imr_companion.store import Repository
from imr_companion.store.queries.moments import recent_months_start, years_before
from imr_companion.ui.common import stylesheet
from imr_companion.ui.common.fields.text_fields import OneLineInput
from imr_companion.ui.common.frame.area_screen import AreaScreen
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.common.lists.row_list import Row, RowList
from imr_companion.ui.keys.declared import MOMENTS
from imr_companion.ui.moments.month_calendar import MonthCalendar

# The confirm dialog is imported by the actions that ask: its module cost a first open ~12 ms.


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


FIRST_ROWS = 200
"""Good moments read before the screen is first drawn: more than the tallest window shows."""


class MomentsScreen(AreaScreen):
    MODE = "moments"
    DEFAULT_CSS = stylesheet.beside(__file__, "screen.tcss")
    BINDINGS = MOMENTS.bindings()  # declared once: ui/keys/declared.py

    def __init__(self) -> None:
        super().__init__()
        self._moments: list[Moment] = []
        self._by_id: dict[str, Moment] = {}
        self._days: set[date] = set()
        self._all_rows: list[Row] = []
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
        self._shown_version = database.version
        start = None if self._moments else recent_months_start(database, FIRST_ROWS)
        if start is None:
            self.workers.cancel_group(self, "older")  # everything is read here
            self._moments, self._by_id = [], {}  # not held twice meanwhile (years of them)
            self._use(self.repository.all())
            return
        # Opening with years of moments: the newest months first (a screenful and more),
        # then a year at a time, each a short step between which the screen is drawn
        # and keys are answered. Reading and validating them all at once took longer
        # than the rest of the screen together, and grew with every year.
        self._use(self.repository.where("day", start))
        self.run_worker(self._read_older(years_before(database, start)), group="older", exclusive=True)

    async def _read_older(self, years: Iterable[list[dict]]) -> None:
        version = self._shown_version
        for year in years:
            # Let the screen be drawn and keys be answered between two years.
            await asyncio.sleep(0)
            if version != self.companion.database.version:
                # Something was saved meanwhile: everything is read again. A save from this
                # screen has done it already; another (the record check's stamp just after
                # the start, say) has not, and would leave the older years out.
                if self._shown_version != self.companion.database.version:
                    self.refresh_data()
                return
            older = self.repository.parse(year)
            self._moments += older
            self._by_id.update((m.id, m) for m in older)
            self._days.update(m.day for m in older)
            # A year is older than everything read before it: its months go below theirs.
            self._all_rows += moment_rows(older)
        self._show(keep=self._current_key())

    def _use(self, moments: list[Moment]) -> None:
        self._moments = moments
        self._by_id = {m.id: m for m in moments}
        self._days = {m.day for m in moments}
        self._all_rows = moment_rows(moments)
        self._show(keep=self._current_key())

    def _current_key(self) -> str | None:
        row = self.query_one(RowList).current
        return row.key if row else None

    def _show(self, keep: str | None = None) -> None:
        words = self.query_one("#search", Input).value.strip().casefold()
        shown = [m for m in self._moments if words in m.text.casefold()] if words else self._moments
        self.query_one(RowList).set_rows(moment_rows(shown) if words else self._all_rows, keep_key=keep)
        empty = self.query_one("#empty", Static)
        if not self._moments:
            today = key_for(self.app, "open_area('today')")
            empty.update(
                _("Your good moments will gather here. Write the first one on Today (press {key}).").format(
                    key=today
                )
            )
        elif not shown:
            nothing = _("No good moments with “{words}” yet. Press {key} to see them all again.")
            empty.update(Text(nothing.format(words=words, key=key_for(self, "clear_search"))))
        elif words:
            count = len(shown)
            found = ngettext(
                "{count} good moment with these words.", "{count} good moments with these words.", count
            )
            empty.update(found.format(count=count))
        empty.display = not shown or bool(words)
        self.query_one("#panes").display = bool(shown)
        if not shown:
            self._show_month(clock.today().replace(day=1), None)

    @on(RowList.Highlighted)
    def _highlighted(self, event: RowList.Highlighted) -> None:
        moment = self._by_id.get(event.row.key) if event.row and event.row.key else None
        month = (moment.day if moment else clock.today()).replace(day=1)
        self._show_month(month, moment)

    def _show_month(self, month: date, moment: Moment | None) -> None:
        self.query_one(MonthCalendar).show(month, self._days, clock.today())
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

    def _selected(self) -> Moment | None:
        key = self._current_key()
        return self._by_id.get(key) if key else None

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
        months = [(i, self._by_id[row.key].day.replace(day=1)) for i, row in enumerate(rows.rows) if row.key]
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
