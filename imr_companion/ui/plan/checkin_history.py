"""The check-in history: the last weeks at a glance, a row per warning sign."""

from __future__ import annotations

from datetime import timedelta

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Static

from imr_companion import clock
from imr_companion.i18n import _, date_words, ngettext
from imr_companion.layout.checkin_grid import first_monday, grid, legend, rows_for, weeks_that_fit
from imr_companion.store.queries.plan import checkins_between, load_plan
from imr_companion.ui.common import stylesheet
from imr_companion.ui.common.companion import Companion, companion_of
from imr_companion.ui.common.frame.keys_footer import KeysFooter
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.keys.declared import CHECKINS


class CheckInHistory(Screen):
    DEFAULT_CSS = stylesheet.beside(__file__, "checkin_history.tcss")
    BINDINGS = CHECKINS.bindings()  # declared once: ui/keys/declared.py

    @property
    def companion(self) -> Companion:
        """The app as IMR Companion's own (its data, settings, together mark), typed."""
        return companion_of(self)

    def __init__(self) -> None:
        super().__init__()
        self.end = clock.today()

    def compose(self) -> ComposeResult:
        yield Static(_("Your check-ins, week by week"), id="history-title")
        with VerticalScroll():
            yield Static("", id="history-grid")
            yield Static("", id="history-summary")
            yield Static(legend(), id="history-legend")
        with Horizontal(id="history-buttons"):
            yield Button(
                _("Earlier ({key})").format(key=key_for(self, "move(-1)")), id="earlier", compact=True
            )
            yield Button(_("Later ({key})").format(key=key_for(self, "move(1)")), id="later", compact=True)
            yield Button(_("Back (esc)"), id="back", compact=True)
        yield KeysFooter()

    @property
    def weeks(self) -> int:
        return weeks_that_fit(self.size.width or 80)

    def on_mount(self) -> None:
        self._show()

    def on_resize(self) -> None:
        self._show()

    def _show(self) -> None:
        database = self.companion.database
        today = clock.today()
        start = first_monday(self.end, self.weeks)
        last = start + timedelta(weeks=self.weeks) - timedelta(days=1)
        checkins = checkins_between(database, start, min(last, today))
        signs = [(sign.id, sign.text) for sign in load_plan(database).signs]
        rows = rows_for(signs, checkins)
        grid_widget = self.query_one("#history-grid", Static)
        summary = self.query_one("#history-summary", Static)
        if not rows:
            grid_widget.update(
                _(
                    "Your check-ins will show here once your plan has early warning signs "
                    "(My plan, “Early warning signs”)."
                )
            )
            summary.display = False
        else:
            grid_widget.update(grid(rows, checkins, self.end, self.weeks, today))
            with_signs = sum(1 for checkin in checkins.values() if checkin.noticed)
            summary.display = True
            checked = ngettext(
                "checked in on {count} day", "checked in on {count} days", len(checkins)
            ).format(count=len(checkins))
            noticed = ngettext(
                "signs noticed on {count} day", "signs noticed on {count} days", with_signs
            ).format(count=with_signs)
            summary.update(
                Text(
                    # Translators: {checked} is "checked in on 3 days", {noticed} "signs noticed on 1 day".
                    _("{start} to {end}: {checked}, {noticed}.").format(
                        start=date_words(start, "short"),
                        end=date_words(min(last, today), "short_year"),
                        checked=checked,
                        noticed=noticed,
                    )
                )
            )
        self.query_one("#later", Button).disabled = last >= today

    def action_move(self, direction: int) -> None:
        moved = self.end + timedelta(weeks=direction * self.weeks)
        if direction > 0 and first_monday(moved, self.weeks) > clock.today():
            return
        self.end = min(moved, clock.today())
        self._show()

    @on(Button.Pressed, "#earlier")
    def _earlier(self) -> None:
        self.action_move(-1)

    @on(Button.Pressed, "#later")
    def _later(self) -> None:
        self.action_move(1)

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        self.dismiss()
