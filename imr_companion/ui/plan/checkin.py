"""Today's check-in: the person's own early warning signs as a checklist, or none today."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static
from textual.widgets.selection_list import Selection

from imr_companion import clock
from imr_companion.models import CheckIn
from imr_companion.store import Repository, SaveError
from imr_companion.store.queries.plan import checkins_between, load_plan
from imr_companion.ui.common.field_message import FieldMessage
from imr_companion.ui.common.marked_toggle import MarkedSelectionList


class CheckInScreen(ModalScreen[CheckIn | None]):
    DEFAULT_CSS = """
    CheckInScreen { align: center middle; }
    CheckInScreen > Vertical {
        width: 72; max-width: 100%; height: auto; max-height: 100%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    CheckInScreen #question { margin: 1 0; }
    CheckInScreen MarkedSelectionList { height: auto; max-height: 14; }
    CheckInScreen .hint { color: $text-muted; margin-top: 1; }
    CheckInScreen Horizontal { height: auto; align-horizontal: right; margin-top: 1; }
    CheckInScreen Button { margin-left: 2; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("n", "none_today", "None today"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def compose(self) -> ComposeResult:
        database = self.app.database  # type: ignore[attr-defined]
        today = clock.today()
        self.signs = load_plan(database).signs
        earlier = checkins_between(database, today, today).get(today)
        ticked = {sign.id for sign in earlier.noticed} if earlier else set()
        with Vertical() as box:
            box.border_title = f"Check-in, {today:%A %d %B}"
            yield Static("Have you noticed any of your early warning signs today?", id="question")
            yield MarkedSelectionList(
                *(Selection(Content(sign.text), sign.id, sign.id in ticked) for sign in self.signs),
                id="signs",
            )
            yield Static(
                "Press space or click to tick a sign. Nothing ticked means none today.", classes="hint"
            )
            yield FieldMessage(id="save-message")
            with Horizontal():
                yield Button("Cancel (esc)", id="cancel")
                yield Button("None today (n)", id="none")
                yield Button("Save (ctrl+s)", id="save", variant="primary")

    def on_mount(self) -> None:
        self.query_one(MarkedSelectionList).focus()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#none")
    def action_none_today(self) -> None:
        self._keep([])

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        ticked = set(self.query_one(MarkedSelectionList).selected)
        self._keep([sign.id for sign in self.signs if sign.id in ticked])

    def _keep(self, ids: list[str]) -> None:
        noticed = [sign for sign in self.signs if sign.id in ids]
        checkin = self.app.mark_together(CheckIn.for_day(clock.today(), noticed))  # type: ignore[attr-defined]
        try:
            Repository.of(self.app.database, CheckIn).save(checkin)  # type: ignore[attr-defined]
        except SaveError as error:
            self.query_one("#save-message", FieldMessage).say(str(error), error=True)
            return
        self.notify("Checked in. Noticing early is a strong step." if noticed else "Checked in: none today.")
        self.dismiss(checkin)
