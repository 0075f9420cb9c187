"""Today: a calm column of small cards, the good-moment field first."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.css.query import NoMatches
from textual.widgets import Input, Static

from imr_companion import clock
from imr_companion.areas import TODAY_CARDS
from imr_companion.i18n import MONTHS, N_, _, date_words, ngettext
from imr_companion.ui.common import stylesheet
from imr_companion.ui.common.fields.field_message import FieldMessage
from imr_companion.ui.common.fields.text_fields import OneLineInput
from imr_companion.ui.common.frame.area_screen import AreaScreen
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.common.redraw import shown_again
from imr_companion.ui.common.textual_internals import paint_now
from imr_companion.ui.common.today_card import TodayCard
from imr_companion.ui.keys.declared import TODAY
from imr_companion.ui.today.coming_back import mount_newly_shown, read_stamp, same_minute, with_its_notices

if TYPE_CHECKING:
    from textual.worker import WorkType

    from imr_companion.models import Moment
    from imr_companion.store import Repository

# What reads or saves to the store (models, pydantic, the cards) is imported after the first frame.

SHOWN_TODAY = 3
_CARRIED: WeakKeyDictionary[object, str] = WeakKeyDictionary()
"""Words typed in the field, handed from a Today replaced (in a new language) to the new one, per app."""
KEPT_AT_CLOSE = N_("You were writing when the window closed. Your words are kept here.")


def greeting(first_name: str, hour: int) -> str:
    """Words that fit the hour; late at night a plain hello (not "Good morning" at 00:05)."""
    if 5 <= hour < 12:
        return _("Good morning, {name}.").format(name=first_name) if first_name else _("Good morning.")
    if 12 <= hour < 18:
        return _("Good afternoon, {name}.").format(name=first_name) if first_name else _("Good afternoon.")
    if hour >= 18:
        return _("Good evening, {name}.").format(name=first_name) if first_name else _("Good evening.")
    return _("Hello, {name}.").format(name=first_name) if first_name else _("Hello.")


class TodayScreen(AreaScreen):
    """Typing always writes: the good-moment field has the focus whenever Today
    is shown, and every printable key typed there is text, digits and the
    cards' letters included. The cards' keys act only on a card the person
    moved to on purpose (Tab or the down arrow); Esc leaves the field, and
    then the digits open the areas."""

    MODE = "today"
    AUTO_FOCUS = "#moment-input"
    DEFAULT_CSS = stylesheet.beside(__file__, "screen.tcss")
    BINDINGS = TODAY.bindings()  # declared once: ui/keys/declared.py

    def __init__(self) -> None:
        super().__init__()
        self._all_cards: list[TodayCard] = []
        """Today's cards, once they are filled in after the first frame (the footer
        asks check_action on every refresh: a query each time was slow)."""
        self._cards_in = False
        """True once the cards' worker has shown them (or ended without)."""
        self._read_at: object = None  # when the cards were last read (coming_back.read_stamp)

    def keys_settled(self) -> bool:
        """The footer waits for the cards ("tab Cards" comes with them), unless the person has
        left the field meanwhile: then it shows at once where the keys are (KeysFooter)."""
        if self._cards_in:
            return True
        try:
            return self.focused is not self.field
        except NoMatches:  # not composed yet, or closing: nothing to wait for
            return True

    def compose_body(self) -> ComposeResult:
        yield Static(self._greeting(), id="greeting")
        with VerticalScroll(id="cards", can_focus=False):
            yield from self._moment_card()
            # The cards go in here after the first frame, one at a time while it is
            # hidden, and show all at once (_fill_in).
            waiting = Vertical(id="today-cards")
            waiting.display = False
            yield waiting

    def _moment_card(self) -> ComposeResult:
        with Vertical(classes="card", id="moment-card") as card:
            card.border_title = _("A good moment today")
            # No max_length: a long paste is kept whole and the limit explained.
            # Words being written when the window closed come back here (ui/closing.py).
            carried = _CARRIED.pop(self.app, None)
            draft = self.companion.database.stored_setting("moment_draft", "")
            yield OneLineInput(
                draft if carried is None else carried,
                placeholder=_("Something good today, however small? Start writing; Enter saves it."),
                id="moment-input",
                # Focus comes back here after every window closes; selecting
                # the text then would let the next key replace what was typed.
                select_on_focus=False,
            )
            message = FieldMessage(id="moment-message")
            if draft and carried is None:
                message.say(_(KEPT_AT_CLOSE))
            yield message
            yield Static("", id="today-moments")
            yield Static("", id="month-count", classes="muted")

    @property
    def moments(self) -> Repository[Moment]:
        from imr_companion.models import Moment
        from imr_companion.store import Repository

        return Repository.of(self.companion.database, Moment)

    @property
    def field(self) -> Input:
        return self.query_one("#moment-input", Input)

    def on_mount(self) -> None:
        # The greeting and the field where a person writes are on screen first;
        # what reads the store (this day's moments, the cards, each with its
        # own widgets and styles) comes straight after that frame.
        self.companion.after_first_frame(self._fill_in)

    def _fill_in(self) -> None:
        if self.companion.database.stored_setting("moment_draft", ""):
            # The words are in the field now, where ctrl+q asks about them as ever.
            self.companion.save_settings(moment_draft="")
        # In a worker of its own, not the screen's queue: the screen's updates (a typed letter
        # drawn) must not wait behind the cards.
        mount: WorkType[None] = self._mount_cards  # a function: see ui/starting._checked
        self.run_worker(mount, group="today cards")

    async def _mount_cards(self) -> None:
        """Each card that has something to say mounted and filled in turn (a few ms each), a key typed
        meanwhile handled between two cards and drawn at once; the column shows them all in one
        frame once every one is in, as if mounted at once. A card with nothing to say yet
        (TodayCard.shows) is mounted only once it has (_mount_newly_shown): its widgets cost as
        much as a shown card's."""
        from imr_companion.ui.today import cards_in  # and giving_way with it: after the first frame

        waiting = self.query_one("#today-cards")
        cards = [cards_in.card_widget(card) for card in TODAY_CARDS]
        database = self.companion.database
        try:
            if not await cards_in.one_by_one(self, waiting, cards, database, self._typed):
                return
            self._all_cards = cards
            self._read_at = read_stamp(database)
            # This day's moments in the same frame as the cards: one layout and paint of the column
            # for both, not one more between two cards.
            self._show_moments()
            waiting.display = True
            # At once, not at the next tick of the screen's update clock (up to 16 ms later).
            paint_now(self)
            await cards_in.letters_first(self)
        finally:
            # The footer, which waited for the cards, is built now, "tab Cards" with it.
            self._cards_in = True
            self.refresh_bindings()
        # Done once they are on screen: what waits for this worker (the import ahead, a thread that
        # shares Python's lock) would otherwise slow down the frame that shows them.
        await self.wait_for_refresh()

    def _typed(self) -> tuple[str, int]:
        return self.field.value, self.field.cursor_position

    async def on_screen_resume(self) -> None:
        # Whenever Today comes back (from an area, a card's window, Help now),
        # the field has the focus again: the next letters typed are text.
        self.set_focus(self.field, scroll_visible=False)
        if self._all_cards and read_stamp(self.companion.database) != self._read_at:
            self.refresh_data()
        await with_its_notices(self)

    def cards_saved(self, *kinds: type[TodayCard]) -> None:
        """A card's window saved what only the cards of `kinds` show (a check-in): those are read
        again before Today is shown again, the others only in another minute (coming_back)."""
        read_before, self._read_at = self._read_at, read_stamp(self.companion.database)
        if not same_minute(read_before, self._read_at):
            self.refresh_data()
            return
        self._mount_newly_shown()
        for card in (card for card in self._all_cards if isinstance(card, kinds) and card.is_mounted):
            card.refresh_data()
        self.refresh_bindings()

    def _cards(self) -> list[TodayCard]:
        """The cards on show, top to bottom (a hidden card cannot take the focus or act)."""
        return [card for card in self._all_cards if card.is_mounted and card.display]

    def on_paste(self, event: events.Paste) -> None:
        # A paste anywhere on Today is writing.
        if self.focused is not self.field:
            event.stop()
            self._start_writing()
            self.field.post_message(events.Paste(event.text))

    def on_key(self, event: events.Key) -> None:
        # Reaches here before the keys of the screen and the app are looked up,
        # for a key the focused widget did not take (the field takes every
        # printable key itself).
        if not event.is_printable or not event.character:
            return
        field = self.field
        if self.focused is field:
            # Typed just before the field took the focus and still on its way
            # here: text too, spaces, digits and card letters included.
            event.stop()
            event.prevent_default()
            field.insert_text_at_cursor(event.character)
            return
        if isinstance(self.focused, Input):
            return
        active = self.active_bindings.get(event.key)
        if (active is not None and active.enabled) or event.character.isspace():
            # On a card the person moved to: its own key; off the field: a digit opens an area.
            return
        # Any other letter starts writing, whole.
        event.stop()
        event.prevent_default()
        self._start_writing()
        field.insert_text_at_cursor(event.character)

    def _start_writing(self) -> None:
        # At once, not at the next idle moment (as focus() does): the keys
        # typed right after this one must reach the field, spaces and all.
        field = self.field
        self.set_focus(field)
        field.cursor_position = len(field.value)

    def has_unsaved_text(self) -> bool:
        return bool(self.query_one("#moment-input", Input).value.strip())

    def carry_words(self) -> None:
        """This Today is replaced by one in another language: the words in the field go over to it."""
        _CARRIED[self.app] = self.field.value

    def keep_writing(self) -> bool:
        """The window is closing: the moment being written waits for the next start, in the settings."""
        text = self.query_one("#moment-input", Input).value
        if text.strip():
            # Kept as typed; only a character no file can hold (a lone surrogate) is replaced.
            self.companion.save_settings(moment_draft=text.encode("utf-8", "replace").decode("utf-8"))
        return False  # the field itself says so at the next start

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def on_descendant_blur(self) -> None:
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        focused = self.focused
        on_card = isinstance(focused, TodayCard)
        if action == "to_cards":
            return focused is self.field and bool(self._cards())
        if action == "leave_field":
            return focused is self.field
        if action == "to_field":
            return on_card
        if action == "write":
            # Tab after Esc (a second Esc stays out of the field, so Esc Esc 2 opens Handouts).
            return focused is None
        if action in ("card_up", "card_down"):
            return on_card
        if action == "areas":
            return focused is None
        return True

    def action_areas(self) -> None:
        """1 is Today itself: nothing to open."""

    def action_to_cards(self) -> None:
        cards = self._cards()
        if cards:
            self.set_focus(cards[0])

    def action_card_up(self) -> None:
        self._card_step(-1)

    def action_card_down(self) -> None:
        self._card_step(1)

    def _card_step(self, step: int) -> None:
        """Up from the first card goes back to the field; down from the last stays."""
        cards = self._cards()
        focused = self.focused
        if not isinstance(focused, TodayCard) or focused not in cards:
            return
        index = cards.index(focused) + step
        if index < 0:
            self.action_to_field()
        elif index < len(cards):
            self.set_focus(cards[index])

    def action_to_field(self) -> None:
        self._start_writing()

    def action_write(self) -> None:
        self._start_writing()

    async def action_card(self, card_id: str, name: str) -> None:
        """A click on a card's link (the card's keys need the card to have the focus)."""
        for card in self._cards():
            if card.id == card_id:
                done = getattr(card, f"action_{name}")()
                if asyncio.iscoroutine(done):  # an action that waits for what it shows (GoalCard's)
                    await done

    def _mount_newly_shown(self) -> None:
        if mount_newly_shown(self.query_one("#today-cards"), self._all_cards, self.companion.database):
            self.call_after_refresh(self.refresh_bindings)  # "tab Cards" looked at again once it is in

    def refresh_data(self) -> None:
        self._read_at = read_stamp(self.companion.database)
        self._show_moments()
        if self._all_cards:
            self._mount_newly_shown()
        for card in self.query(TodayCard):
            if card.is_mounted:  # one still being mounted reads the store as it mounts
                card.refresh_data()
        self.refresh_bindings()

    def _greeting(self) -> Content:
        now = clock.now()
        # As stored: validating the settings would bring the models in before the first frame.
        first_name = self.companion.database.stored_setting("first_name", "")
        return Content(f"{greeting(first_name, now.hour)}  {date_words(now.date(), 'day')}")

    def _show_moments(self) -> None:
        # After the first frame, as everything that reads the store (calendar and all: ~1 ms before it).
        from imr_companion.store.queries import today_reads

        shown_again(self.query_one("#greeting", Static), self._greeting())
        now = clock.now()
        today = now.date()
        # Only this month's records are read: Today stays instant with years of data. As stored,
        # for a file already checked: no pydantic or models before the cards (today_reads).
        month = today_reads.month_moments(self.companion.database, today)
        todays = today_reads.todays_moments(month, today)
        lines = [f"• {text.splitlines()[0]}" for text in todays[-SHOWN_TODAY:]]
        if len(todays) > SHOWN_TODAY:
            lines.insert(
                0, _("{count} today; the newest {shown}:").format(count=len(todays), shown=SHOWN_TODAY)
            )
        shown_again(self.query_one("#today-moments", Static), Content("\n".join(lines)))
        self.query_one("#today-moments").display = bool(lines)
        count = self.query_one("#month-count", Static)
        # Clickable; the digit itself would type in the field, so the words say Esc first.
        said = ngettext("{count} good moment in {month}.", "{count} good moments in {month}.", len(month))
        see_all = _("To see them all: Esc, then {key}.").format(key=key_for(self.app, "open_area('moments')"))
        shown_again(
            count,
            Content.assemble(
                said.format(count=len(month), month=_(MONTHS[today.month - 1])),
                " ",
                Content.from_markup("[@click=app.open_area('moments')]$words[/]", words=see_all),
            ),
        )
        count.display = bool(month)

    @on(Input.Submitted, "#moment-input")
    def save_moment(self, event: Input.Submitted) -> None:
        from imr_companion.models import Moment
        from imr_companion.ui.common.fields.quick_add import add_from_field

        message = self.query_one("#moment-message", FieldMessage)
        saved = _("Saved. Another one is welcome too.")
        if add_from_field(event.input, message, lambda text: Moment(text=text), self.moments, saved):
            # Only the moments are shown again: no card changes with a new good moment (the
            # meeting card's is one marked as told), and reading every card again took longer
            # than the save itself.
            self._show_moments()

    def action_leave_field(self) -> None:
        self.set_focus(None)
