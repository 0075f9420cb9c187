"""The first-run welcome: what this is, that it stays here, the language, and a name to greet.

Its first frame holds what is read first (the title, what this is, the
name's field); the choice of language, the region, the two offers and Start
are mounted just after that frame is on screen, into a space kept for them, so
nothing moves. Textual styles every widget before a frame (and reads the
styles of each kind of widget the first time one is mounted): the languages'
radio set and the region's two lists are most of the welcome's widgets.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Static

from imr_companion import i18n
from imr_companion.i18n import _
from imr_companion.typed_text import SHORT_TEXT
from imr_companion.ui.common import stylesheet
from imr_companion.ui.common.companion import Companion, companion_of
from imr_companion.ui.common.fields.field_message import FieldMessage
from imr_companion.ui.common.fields.text_fields import OneLineInput
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.keys.dialogs import WELCOME

if TYPE_CHECKING:
    from textual.widgets import Button, RadioSet
    from textual.worker import WorkType


class WelcomeScreen(Screen):
    DEFAULT_CSS = stylesheet.beside(__file__, "welcome.tcss")
    BINDINGS = WELCOME.bindings()

    def __init__(self) -> None:
        super().__init__()
        self._first_name = ""
        self._region: str | None = None
        self._offers = (False, False)
        """What was typed and chosen, kept while the welcome is drawn again in another language."""
        self._rest_shown = False
        """Whether the region, the offers and Start are mounted (after the first frame)."""

    @property
    def companion(self) -> Companion:
        """The app as IMR Companion's own (its data, settings, together mark), typed."""
        return companion_of(self)

    def compose(self) -> ComposeResult:
        folder = self.companion.database.folder
        with Vertical():
            with Horizontal(id="top"):
                yield Static(_("Welcome to IMR Companion"), id="title")
                # The languages after the first frame, at the end of this line (see the module's words).
                if self._rest_shown:
                    yield self._languages()
            yield Static(
                _(
                    "A quiet place for your recovery work: the IMR handouts, good moments, "
                    "your goals, the people around you and your own plan."
                )
            )
            yield Static(
                _(
                    "Everything stays on this computer. Nothing is sent anywhere. "
                    "You decide what to print or share."
                )
            )
            yield Static(Content(_("Your notes are kept in {folder}").format(folder=folder)), id="folder")
            yield OneLineInput(
                self._first_name,
                placeholder=_("What would you like to be called? (you can leave this empty)"),
                id="name",
            )
            yield FieldMessage(id="name-message")
            # The rest once the first frame is on screen (see the module's words), at once when drawn again.
            with Vertical(id="rest"):
                if self._rest_shown:
                    yield from self._the_rest()

    def _languages(self) -> Widget:
        from imr_companion.ui.common.choices.marked_toggle import ChoiceSet, MarkedRadioButton

        # Each language named in itself; preselected from the computer's language.
        return ChoiceSet(
            *(
                MarkedRadioButton(i18n.LANGUAGE_NAMES[code], value=code == i18n.language(), name=code)
                for code in i18n.LANGUAGES
            ),
            id="language",
            compact=True,
        )

    def _the_rest(self) -> Iterator[Widget]:
        from textual.containers import Center
        from textual.widgets import Button

        from imr_companion.ui.common.choices.region_choice import RegionChoice
        from imr_companion.ui.common.choices.tick_box import TickBox

        yield Static(
            _("Where do you live? Help now ({key}) then shows your emergency number.").format(
                key=key_for(type(self.app), "help_now")
            ),
            id="region-label",
        )
        yield RegionChoice(self._region)
        # Offered once, here, never ticked for the person: the palette has them any time.
        yield Horizontal(
            TickBox(_("An icon to start the app"), self._offers[0], id="offer-shortcut"),
            TickBox(_("A calm hello in the terminal"), self._offers[1], id="offer-hello"),
            id="offers",
        )
        yield Center(Button(_("Start"), variant="primary", id="start"))

    async def _show_the_rest(self) -> None:
        if self._rest_shown:
            return
        self._rest_shown = True
        await self.query_one("#top", Horizontal).mount(self._languages())
        await self.query_one("#rest", Vertical).mount_all(self._the_rest())

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()
        if not self._rest_shown:
            self.companion.after_first_frame(self._first_frame_shown)

    def _first_frame_shown(self) -> None:
        # A worker, not the screen's messages: a key typed into the name meanwhile waits for less.
        show: WorkType[None] = self._show_the_rest  # a function: see ui/starting._checked
        self.run_worker(show, group="welcome")

    def has_unsaved_text(self) -> bool:
        """A name typed but not started with yet: quitting asks first."""
        return bool(self.query_one("#name", Input).value.strip())

    # By their handlers' names, not @on(): the radio set's and the button's code is imported only
    # when they are mounted, after the first frame.
    async def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        if event.radio_set.id != "language" or event.pressed.name == i18n.language():
            return  # the choice as drawn (a radio set says so as it is built)
        i18n.use(event.pressed.name)
        await self.speak_again()
        self.query_one("#language").focus()

    async def speak_again(self) -> None:
        """Drawn again in the language of the moment, with the name and the region as they were."""
        from imr_companion.ui.common.choices.region_choice import RegionChoice
        from imr_companion.ui.common.choices.tick_box import TickBox

        await self._show_the_rest()
        self._first_name = self.query_one("#name", Input).value
        region = self.query_one(RegionChoice).value
        self._region = region if isinstance(region, str) else None
        self._offers = (
            self.query_one("#offer-shortcut", TickBox).value,
            self.query_one("#offer-hello", TickBox).value,
        )
        await self.recompose()

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            await self.action_start()

    @on(Input.Submitted, "#name")
    async def action_start(self) -> None:
        from imr_companion.ui.common.choices.region_choice import RegionChoice
        from imr_companion.ui.common.choices.tick_box import TickBox

        # Enter in the name's field may come before the rest is on screen: its choices as first offered.
        await self._show_the_rest()
        name = self.query_one("#name", Input).value.strip()
        if len(name) > SHORT_TEXT:
            self.query_one("#name-message", FieldMessage).say(
                _("That is longer than fits here: up to {count} characters, please.").format(
                    count=SHORT_TEXT
                ),
                error=True,
            )
            return
        region = self.query_one(RegionChoice).value
        # The language as seen and chosen here: from now on the computer's no longer decides.
        # A first self-check is offered on Today from now on, gently (ui/selfcheck/today_cards.py).
        if self.companion.save_settings(
            welcomed=True, first_name=name, region=region, language=i18n.language(), selfcheck_offer="start"
        ):
            self.companion.leave_welcome()
            from imr_companion.ui.reaching import offers

            if self.query_one("#offer-shortcut", TickBox).value:
                offers.add_shortcut(self.app)
            if self.query_one("#offer-hello", TickBox).value:
                offers.start_hello(self.app)
