"""Adding a strategy to things that help me: in the person's own words, or chosen from what is offered.

Offered: the plan's "What has helped" and the person's own list from module 8
(their words, copied), then module 9's lists (by option id, drawn in the
person's language). The field has the focus, so every key typed is text.
"""

from __future__ import annotations

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, Static

from imr_companion.i18n import _
from imr_companion.models.base import field_messages
from imr_companion.models.coping import STRATEGY_LIMIT, CopingStrategy
from imr_companion.store import Repository, SaveError
from imr_companion.store.queries.coping import Offer, offers
from imr_companion.ui.common.dialogs.dialog import EditorDialog
from imr_companion.ui.common.fields.field_message import FieldMessage
from imr_companion.ui.common.fields.text_fields import OneLineInput
from imr_companion.ui.common.lists.row_list import Row, RowList
from imr_companion.ui.keys.tools import COPING_ADD


def offer_rows(found: list[Offer]) -> list[Row]:
    """The offers under headings by where they come from; a row's key is its index in `found`."""
    rows: list[Row] = []
    heading = None
    for index, offer in enumerate(found):
        if offer.source.startswith("handout:"):
            words = _("From the modules on coping")
        elif offer.source.startswith("plan:"):
            words = _("From your plan: what has helped")
        else:
            words = _("From your list in module 8")
        if words != heading:
            rows.append(Row(words))
            heading = words
        rows.append(Row(offer.words, str(index)))
    return rows


class AddStrategy(EditorDialog[str | None]):
    """Dismisses with the new strategy's id."""

    DEFAULT_CSS = """
    AddStrategy > .dialog { width: 76; height: 21; }
    AddStrategy RowList { height: 1fr; border: round $primary 40%; }
    AddStrategy RowList:focus { border: round $primary; }
    AddStrategy Label { margin-top: 0; }
    """
    BINDINGS = COPING_ADD.bindings()

    def compose(self) -> ComposeResult:
        self.offers = offers(self.companion.database)
        with Vertical(classes="dialog") as box:
            box.border_title = _("Add something that helps")
            yield Label(_("In your own words"))
            yield OneLineInput(id="own-words", max_length=STRATEGY_LIMIT + 100)
            yield FieldMessage(id="own-words-message")
            if self.offers:
                yield Static(_("Or choose one below (Tab, then Enter):"), classes="hint")
                yield RowList(id="offers")
            yield FieldMessage(id="save-message")
            yield from self.save_buttons(compact=True)

    def on_mount(self) -> None:
        if self.offers:
            self.query_one(RowList).set_rows(offer_rows(self.offers))
        self.query_one("#own-words", OneLineInput).focus()

    def save(self) -> None:
        text = self.query_one("#own-words", OneLineInput).value
        if not text.strip() and isinstance(self.focused, RowList):
            self.action_choose()
            return
        try:
            strategy = CopingStrategy(text=text)
        except ValidationError as error:
            message = field_messages(error).get("text") or _("Please write a few words here first.")
            self.query_one("#own-words-message", FieldMessage).say(message, error=True)
            return
        self._add(strategy)

    def action_choose(self) -> None:
        if not isinstance(self.focused, RowList):
            return
        row = self.focused.current
        if row is None or row.key is None:
            return
        offer = self.offers[int(row.key)]
        self._add(CopingStrategy(text=offer.text, source=offer.source))

    def _add(self, strategy: CopingStrategy) -> None:
        try:
            stored = Repository.of(self.companion.database, CopingStrategy).add(strategy)
        except SaveError as error:
            self.query_one("#save-message", FieldMessage).say(str(error), error=True)
            return
        self.notify(_("Added to things that help you."))
        self.dismiss(stored.id)
