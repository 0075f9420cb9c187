"""Today's check-in: the person's own early warning signs as a checklist, or none today."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static
from textual.widgets.selection_list import Selection

from imr_companion import clock
from imr_companion.i18n import _, date_words
from imr_companion.models import CheckIn
from imr_companion.store import Repository, SaveError
from imr_companion.store.queries.plan import checkins_between, load_plan
from imr_companion.ui.common import stylesheet
from imr_companion.ui.common.choices.marked_toggle import MarkedSelectionList
from imr_companion.ui.common.dialogs.dialog import EditorDialog
from imr_companion.ui.common.fields.field_message import FieldMessage
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.keys.dialogs import CHECKIN


class CheckInScreen(EditorDialog[CheckIn | None]):
    DEFAULT_CSS = stylesheet.beside(__file__, "checkin.tcss")
    # A named key, not a letter: a word typed here does not replace today's check-in.
    BINDINGS = CHECKIN.bindings()

    def compose(self) -> ComposeResult:
        database = self.companion.database
        today = clock.today()
        self.signs = load_plan(database).signs
        earlier = checkins_between(database, today, today).get(today)
        ticked = {sign.id for sign in earlier.noticed} if earlier else set()
        with Vertical(classes="dialog") as box:
            box.border_title = Content(_("Check-in, {day}").format(day=date_words(today, "day")))
            yield Static(_("Have you noticed any of your early warning signs today?"), id="question")
            yield MarkedSelectionList(
                *(Selection(Content(sign.text), sign.id, sign.id in ticked) for sign in self.signs),
                id="signs",
            )
            yield Static(
                _("Press space or click to tick a sign. Nothing ticked means none today."), classes="hint"
            )
            yield FieldMessage(id="save-message")
            with Horizontal(classes="buttons"):
                yield Button(_("Cancel (esc)"), id="cancel")
                # The keys as written in the bindings ("ctrl+n"), as every dialog's buttons name them.
                none_key, save_key = key_for(CheckInScreen, "none_today"), key_for(CheckInScreen, "save")
                yield Button(_("None today ({key})").format(key=none_key), id="none")
                yield Button(_("Save ({key})").format(key=save_key), id="save", variant="primary")

    def on_mount(self) -> None:
        self.query_one(MarkedSelectionList).focus()

    @on(Button.Pressed, "#none")
    def action_none_today(self) -> None:
        self._keep([])

    def save(self) -> None:
        ticked = set(self.query_one(MarkedSelectionList).selected)
        self._keep([sign.id for sign in self.signs if sign.id in ticked])

    def _keep(self, ids: list[str]) -> None:
        noticed = [sign for sign in self.signs if sign.id in ids]
        checkin = CheckIn.for_day(clock.today(), noticed)
        try:
            Repository.of(self.companion.database, CheckIn).save(checkin)
        except SaveError as error:
            self.query_one("#save-message", FieldMessage).say(str(error), error=True)
            return
        app = self.companion
        self.dismiss(checkin)
        if noticed:
            # The person's own plan, calmly, in place of a notice (ui/coping/signs.py).
            app.open_coping("signs:SignsNoticedScreen")
        else:
            self.notify(_("Checked in: none today."))
