"""F2: the things to do with a contact person (or alone), in one short list, and in the command palette."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from textual import on
from textual.app import App, ComposeResult, SystemCommand
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from imr_companion.i18n import N_, _
from imr_companion.ui.common.companion import companion_of
from imr_companion.ui.common.dialogs.base import Dialog
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.common.own_words import plain
from imr_companion.ui.keys.action import Action
from imr_companion.ui.keys.together import TOGETHER_MENU


@dataclass(frozen=True)
class Choice:
    name: str
    """Its action's name in the menu's keys (ui/keys/together.py), where its key and title are."""
    help: str
    """Marked with N_(); "{key}" in it is the app's key for the same (ctrl+g)."""
    open: Callable[[App], None]

    @property
    def action(self) -> Action:
        return next(action for action in TOGETHER_MENU if action.id == f"together_menu.{self.name}")

    @property
    def title(self) -> str:
        """In English, marked: drawn through _()."""
        return self.action.footer

    def key(self) -> str:
        """The key that chooses it in the menu: the usual one or the person's own."""
        return key_for(TogetherMenu, self.action.run)

    def help_words(self, app: App) -> str:
        return _(self.help).format(key=key_for(type(app), "together"))


def _since(app: App) -> None:
    from imr_companion.ui.together.since_we_met import SinceWeMetScreen

    app.push_screen(SinceWeMetScreen())


def _session(app: App) -> None:
    from imr_companion.ui.together.session import SessionScreen

    app.push_screen(SessionScreen())


def _notes(app: App) -> None:
    from imr_companion.ui.together.session_notes import SessionNotesScreen

    app.push_screen(SessionNotesScreen())


def _share(app: App) -> None:
    from imr_companion.ui.together.share import ShareScreen

    app.push_screen(ShareScreen())


def _supporter(app: App) -> None:
    from imr_companion.ui.together.supporter import SupporterScreen

    app.push_screen(SupporterScreen())


def _forget(app: App) -> None:
    from imr_companion.ui.together.forget import ask_to_forget

    ask_to_forget(app)


CHOICES: list[Choice] = [
    Choice(
        "together",
        N_("Start or end marking what you write as done together ({key})"),
        lambda a: companion_of(a).action_together(),
    ),
    Choice("since", N_("Good moments, practice, steps and reading since a day you pick"), _since),
    Choice("session", N_("In IMR order, with someone or as a check-up with yourself"), _session),
    Choice("notes", N_("The notes you kept after each session"), _notes),
    Choice("share", N_("Choose parts, see them, save a page to print"), _share),
    Choice("supporter", N_("One page for one person: the signs they may notice"), _supporter),
    Choice("forget", N_("Remove all your data from this computer (asks twice)"), _forget),
]


def together_commands(app: App) -> Iterator[SystemCommand]:
    for choice in CHOICES:
        # Translators: what a command in ctrl+p's list does, and its keys: "(F2, then s)".
        help = _("{help} ({menu}, then {key})").format(
            help=choice.help_words(app), menu=key_for(type(app), "together_menu"), key=choice.key()
        )
        yield SystemCommand(_(choice.title), help, lambda c=choice: c.open(app))


class TogetherMenu(Dialog[None]):
    DEFAULT_CSS = """
    TogetherMenu OptionList { height: auto; margin-top: 1; }
    TogetherMenu Static { margin-top: 1; color: $text-muted; }
    """
    BINDINGS = TOGETHER_MENU.bindings()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = _("Together, or on my own")
            yield OptionList(
                *(Option(plain(f"{c.key()}  {_(c.title)}"), id=c.name) for c in CHOICES), id="choices"
            )
            yield Static("", id="menu-rhythm")
            yield Static(_("Press a letter or Enter. {key} closes this.").format(key=key_for(self, "close")))

    def on_mount(self) -> None:
        from imr_companion.models import SessionNote
        from imr_companion.store import Repository
        from imr_companion.ui.together.session_notes import rhythm_words

        weeks = self.companion.settings.checkup_weeks
        rhythm = self.query_one("#menu-rhythm", Static)
        if weeks:
            notes = Repository.of(self.companion.database, SessionNote).all()
            rhythm.update(rhythm_words(notes, weeks))
        rhythm.display = bool(weeks)
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.action_choose(str(event.option.id))

    def action_choose(self, name: str) -> None:
        choice = next(c for c in CHOICES if c.name == name)
        app = self.app
        self.dismiss(None)
        app.call_later(choice.open, app)

    def action_close(self) -> None:
        self.dismiss(None)
