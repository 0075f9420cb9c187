"""Share or print: the person picks the parts, sees them, is told the file is not protected, and saves it."""

from __future__ import annotations

from datetime import date, timedelta

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Label, RadioSet, SelectionList, Static

from imr_companion import clock, content
from imr_companion.i18n import N_, _
from imr_companion.sharing.formats import render, suffix
from imr_companion.sharing.parts import PART_TITLES, PARTS, Choice, shared_page
from imr_companion.ui.common import stylesheet
from imr_companion.ui.common.choices.marked_toggle import ChoiceSet, MarkedRadioButton, MarkedSelectionList
from imr_companion.ui.common.fields.field_message import FieldMessage
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.keys.together import SHARE
from imr_companion.ui.together.page import TogetherPage
from imr_companion.ui.together.preview import preview
from imr_companion.ui.together.saving import save_shared

PAGE_TO_PRINT = N_("A page to print")
PLAIN_TEXT_FILE = N_("A plain text file")
NOT_PROTECTED = N_(
    "The file will not be protected: anyone who gets it can read it. Share it only with people you choose."
)


def parse_day(text: str) -> date | None:
    """A day written as 2026-03-01, or None for blank; ValueError for anything else."""
    text = text.strip()
    return date.fromisoformat(text) if text else None


class ShareScreen(TogetherPage):
    TITLE_TEXT = N_("Share or print")
    DEFAULT_CSS = stylesheet.beside(__file__, "share.tcss")
    BINDINGS = SHARE.bindings()

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="share-main"):
            with VerticalScroll(id="share-choices"):
                yield Label(_("Include"))
                yield MarkedSelectionList(
                    *((_(title), part, part in ("plan",)) for part, title in PART_TITLES.items()),
                    id="share-parts",
                )
                yield Label(_("Save it as"))
                with ChoiceSet(id="share-format"):
                    yield MarkedRadioButton(_(PAGE_TO_PRINT), value=True, id="html")
                    yield MarkedRadioButton(_(PLAIN_TEXT_FILE), id="markdown")
                yield Label(_("Good moments from, to (blank: all)"))
                with Horizontal(id="share-span"):
                    start = clock.today() - timedelta(days=91)
                    yield Input(start.isoformat(), id="share-from", max_length=10, placeholder="2026-01-01")
                    yield Input("", id="share-to", max_length=10, placeholder=_("today"))
                yield FieldMessage(id="share-span-message")
                yield Label(_("Answers from these modules"))
                yield MarkedSelectionList(
                    *((f"{h.number}. {h.title}", h.id, True) for h in content.library()), id="share-modules"
                )
            with Vertical(id="share-side"):
                yield Static(_("Preview"), id="share-preview-title")
                with VerticalScroll(id="share-preview-box"):
                    yield Static("", id="share-preview")
        yield Static(Content(_(NOT_PROTECTED)), id="share-warning")
        yield Button(
            _("Save as… ({key})").format(key=key_for(type(self), "save")), id="share-save", variant="primary"
        )

    def on_mount(self) -> None:
        self.query_one("#share-parts").focus()
        self.show_preview()

    def choice(self) -> Choice | None:
        """What is chosen now; None (with a message by the dates) when a date cannot be read."""
        parts = self.query_one("#share-parts", SelectionList).selected
        modules = frozenset(self.query_one("#share-modules", SelectionList).selected)
        message = self.query_one("#share-span-message", FieldMessage)
        try:
            start = parse_day(self.query_one("#share-from", Input).value)
            end = parse_day(self.query_one("#share-to", Input).value)
        except ValueError:
            message.say(
                _("Please write dates like 2026-03-01 (year-month-day), or leave them blank."), error=True
            )
            return None
        message.say("")
        return Choice(tuple(p for p in PARTS if p in parts), modules, start, end)

    @property
    def kind(self) -> str:
        pressed = self.query_one(RadioSet).pressed_button
        return pressed.id if pressed is not None and pressed.id else "html"

    @on(SelectionList.SelectedChanged)
    @on(Input.Submitted)
    @on(Input.Blurred)
    @on(RadioSet.Changed)
    def show_preview(self) -> None:
        choice = self.choice()
        preview = self.query_one("#share-preview", Static)
        if choice is None:
            return
        if not choice.parts:
            preview.update(_("Tick at least one part to include."))
            return
        self._build_preview(choice)

    @work(exclusive=True, thread=True)
    def _build_preview(self, choice: Choice) -> None:
        # Ten years of good moments take a moment to gather: off the screen's thread.
        # Shown as it will be: the printed page, or the plain text file's own text.
        text = preview(shared_page(self.companion.database, choice), self.kind)
        self.app.call_from_thread(self.query_one("#share-preview", Static).update, text)

    @on(Button.Pressed, "#share-save")
    def action_save(self) -> None:
        choice = self.choice()
        if choice is None:
            return
        if not choice.parts:
            self.notify(_("Tick at least one part to include first."), severity="warning")
            return
        kind = self.kind
        text = render(shared_page(self.companion.database, choice), kind)
        save_shared(self.app, text, f"imr-companion-{clock.today().isoformat()}{suffix(kind)}", kind)
