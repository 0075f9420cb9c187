"""The Textual app: the areas as modes, global keys, the theme, a calm crash."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, SystemCommand
from textual.dom import DOMNode
from textual.notifications import Notification, SeverityLevel
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import AwaitMount

from imr_companion import areas, i18n
from imr_companion.i18n import N_, _
from imr_companion.store import Database, SaveError
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.common.textual_internals import OwnCrashOutput, keep_parsed_stylesheets, notify_now
from imr_companion.ui.common.undoing import UndoKeeping
from imr_companion.ui.keys import keymap
from imr_companion.ui.keys.declared import APP as APP_KEYS
from imr_companion.ui.keys.declared import AREA_KEYS
from imr_companion.ui.themes import THEMES, plain_theme
from imr_companion.ui.unlock.idle import IdleLock

if TYPE_CHECKING:
    from imr_companion.models import Settings
    from imr_companion.ui.common.companion import Companion

# The models (and pydantic under them) are not imported before the first
# frame: it reads the few settings it needs as stored (Database.stored_setting).


WELCOME_MODE = areas.WELCOME[0]
FIND_AN_ACTION = N_("Find an action…")


FIRST_OPEN = 0.1
"""Seconds an area's first open may take to be drawn, while the start-up's threads wait for it."""


class CompanionApp(UndoKeeping, IdleLock, OwnCrashOutput, App[None]):
    TITLE = "IMR Companion"
    CSS_PATH = Path(__file__).with_name("app.tcss")
    SCREENS_BY_MODE: ClassVar[dict[str, Callable[[], Screen]]] = areas.screen_makers()
    """Every mode's first screen. Textual's MODES holds all but the mode the app starts in."""
    # Starting in Today directly (not switch_mode in on_mount) draws it in the
    # app's first frame: a mode switch holds painting back for a moment.
    DEFAULT_MODE = areas.HOME
    # Declared once with their words and ids (ui/keys/declared.py): the digits
    # of the bar's areas, then the app's own keys; a person's keys file may move them.
    BINDINGS: ClassVar = [*AREA_KEYS.bindings(), *APP_KEYS.bindings()]

    together_with: reactive[str | None] = reactive(None)
    """A contact person's name while they fill things in with the person (not saved)."""

    def __init__(self, database: Database) -> None:
        # The person's language, or the computer's until they choose: before anything is drawn.
        i18n.use(database.stored_setting("language", "") or i18n.from_environment())
        if not database.stored_setting("welcomed", False):
            # Textual starts in DEFAULT_MODE, read in App.__init__: a first run
            # starts in the welcome alone, and Today is built once it is done.
            # Textual annotates DEFAULT_MODE and MODES as ClassVars, yet reads them
            # from the instance in App.__init__: this app chooses them per start.
            self.DEFAULT_MODE = WELCOME_MODE  # type: ignore[misc]
        # The first screen is built by get_default_screen(), not from MODES: see there.
        self.MODES = {  # type: ignore[misc]
            mode: make for mode, make in self.SCREENS_BY_MODE.items() if mode != self.DEFAULT_MODE
        }
        super().__init__()
        # Past 64 stylesheets (opening every screen and dialog of the app) each new kind of widget
        # parsed them all again, 30-40 ms, unless the app keeps them all.
        keep_parsed_stylesheets(self)
        self.database = database
        # The person's own keys, before anything is drawn: a file that is not
        # right is said after the first frame, and the usual keys work meanwhile.
        keys, keys_file_notices = keymap.read(database.folder)
        keymap.use(keys)
        if keys:
            self.set_keymap(keys)
        self._settings: Settings | None = None
        self._built_modes = {self.DEFAULT_MODE}
        self._switching_to_built = False
        self._paint_holds: list[AbstractContextManager] = []
        """Painting held back at a mode switch (delay_update), each ended once."""
        self.waiting_for_first_frame: list[Callable[[], object]] | None = []
        """Work that waits until the first frame is on screen; None once it is (ui/starting.py)."""
        for words in keys_file_notices:
            self.after_first_frame(partial(self.notify, words, severity="warning", timeout=12))
        self.records_checked = False
        """True once every record has been checked (or the file's stamp says so), after the first frame."""
        for theme in THEMES:
            self.register_theme(theme)
        # Chosen before the stylesheet is first read: set later, the theme
        # would have every style parsed and applied a second time (~50 ms).
        before = self.theme
        self.theme = plain_theme(database.stored_setting("theme", ""))
        # Setting it also queued a refresh of every style (Textual's theme watcher), run after the
        # first screen is styled: the stylesheet, made in App.__init__ with the default theme's
        # colours, takes the chosen theme's now, before anything is parsed or styled, so that
        # refresh would parse every stylesheet again and restyle the first screen for nothing
        # (~7 ms of the first frame). refresh_css lets it go.
        self.stylesheet.set_variables(self.get_css_variables())
        self._styles_made_for: str | None = self.theme if self.theme != before else None

    def refresh_css(self, animate: bool = True) -> None:
        made_for, self._styles_made_for = self._styles_made_for, None
        if made_for is not None and made_for == self.theme:
            # The refresh the theme chosen in __init__ queued: every style was made with its colours.
            return
        super().refresh_css(animate)

    def get_default_screen(self) -> Screen:
        """The screen the app starts with (Today, or the welcome on a first run).

        Textual builds a mode from MODES before that screen is on the screen
        stack. Since Python 3.12 `App.run` starts tasks eagerly, so the screen's
        widgets mount at once, and a text field asks for the app's screen as it
        mounts: with the stack still empty, the app stopped with ScreenStackError
        (Textual issue #6444). The default screen is put on the stack first and
        then started, so the starting mode is built here; it is named as a mode
        now, so that switching back to it finds its screen.
        """
        self.add_mode(self.DEFAULT_MODE, self.SCREENS_BY_MODE[self.DEFAULT_MODE])
        return self.SCREENS_BY_MODE[self.DEFAULT_MODE]()

    @property
    def settings(self) -> Settings:
        """The person's settings, validated when first needed (after the first frame)."""
        if self._settings is None:
            self._settings = self.database.settings()
        return self._settings

    @settings.setter
    def settings(self, settings: Settings) -> None:
        self._settings = settings

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every notice is plain text, whatever `markup` says: so many carry a person's words
        (a name, a step) that none is read as markup (ui/common/own_words.py). Shown in the
        next frame of the screen in front, not a frame after it (textual_internals.notify_now)."""
        if timeout is None:
            timeout = self.NOTIFICATION_TIMEOUT
        if not notify_now(self, Notification(message, title, severity, timeout, markup=False)):
            super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def watch_together_with(self, name: str | None) -> None:
        # The store marks what is written meanwhile (store/together_mark.py): no screen does.
        self.database.together_with = name

    def action_together(self) -> None:
        """Start filling in together (asking with whom); when it is on, end it: one key."""
        if self.together_with:
            self.together_with = None
            self.notify(
                _("Back to just you. Press {key} to fill in together again.").format(
                    key=key_for(type(self), "together")
                )
            )
            return
        from imr_companion.store.queries.together import people_to_pick
        from imr_companion.ui.common.dialogs.together import TogetherPrompt

        def chosen(name: str | None) -> None:
            if name:
                self.together_with = name
                self.notify(
                    _("What you write now is marked as together with {name}. Press {key} to end it.").format(
                        name=name, key=key_for(type(self), "together")
                    )
                )

        self.push_screen(TogetherPrompt(people_to_pick(self.database)), chosen)

    def action_together_menu(self) -> None:
        from imr_companion.ui.together.menu import TogetherMenu

        if not isinstance(self.screen, TogetherMenu):
            self.push_screen(TogetherMenu())

    def read_handout(self, handout_id: str, section_id: str | None = None) -> None:
        """The handout reader on top of the screen in front, which is there again when it closes."""
        from imr_companion.ui.handouts.reader import ReaderScreen

        self.push_screen(ReaderScreen(handout_id, section_id))

    def open_coping(self, screen: str = "toolbox:ToolboxScreen") -> None:
        """Things that help me, or the plan after signs ("signs:SignsNoticedScreen"), on top."""
        self.push_screen(areas.load(f"imr_companion.ui.coping.{screen}")())

    async def action_quit(self) -> None:
        from imr_companion.ui.common.quitting import quit_or_ask

        quit_or_ask(self)

    def action_help_now(self) -> None:
        from imr_companion.ui.plan.help_now import HelpNowScreen

        if not isinstance(self.screen, HelpNowScreen):
            self.push_screen(HelpNowScreen())

    @property
    def data_folder(self) -> Path:
        return self.database.folder

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)

    @property
    def first_frame_shown(self) -> bool:
        return self.waiting_for_first_frame is None

    def after_first_frame(self, callback: Callable[[], object]) -> None:
        """Run `callback` once the app's first frame is on screen (soon, if it already is)."""
        if self.waiting_for_first_frame is None:
            self.call_later(callback)
        else:
            self.waiting_for_first_frame.append(callback)

    def on_ready(self) -> None:
        # Textual's Ready comes when the first frame is laid out; it reaches the
        # terminal with the next refresh. Work done now would be drawn in it.
        # What comes after the first frame is imported now, after it (~0.5 ms less before it).
        from imr_companion.ui import starting

        self.call_after_refresh(starting.first_frame_shown, self)

    def show_notice(self, notice) -> None:
        if notice.backup is not None:
            from imr_companion.ui import restore

            restore.offer(self, notice)
            return
        from imr_companion.ui.common.dialogs.confirm import Confirm

        self.push_screen(Confirm(notice.text, yes=_("OK"), no=None))

    def action_restore_backup(self) -> None:
        from imr_companion.ui import restore

        restore.choose_and_restore(self)

    def refresh_areas(self) -> None:
        """Ask every open area to show the stored data again."""
        for screen in self.screen_stack:
            refresh = getattr(screen, "refresh_data", None)
            if refresh is not None:
                refresh()

    def save_settings(self, **changes: object) -> bool:
        updated = self.settings.model_copy(update=changes)
        try:
            self.database.save_settings(updated)
        except SaveError as error:
            self.notify(str(error), severity="warning")
            if self.database.cannot_save is None:
                return False
            # A disk that cannot be written to now: the choice holds until the app closes.
        self.settings = updated
        return True

    def _remember_theme(self, theme) -> None:
        # Only a theme the person chose: the one a fresh notebook starts with writes nothing.
        if theme.name != plain_theme(self.database.stored_setting("theme", "")):
            self.save_settings(theme=theme.name)

    def leave_welcome(self) -> None:
        """The welcome is done: on to Today, and the welcome is gone for good."""

        async def leave() -> None:
            await self.switch_mode(areas.HOME)
            await self.remove_mode(WELCOME_MODE)

        if self.current_mode == WELCOME_MODE:
            self.call_later(leave)

    def update_styles(self, node: DOMNode, animate: bool = True) -> None:
        # A widget's classes set as it is made (a Button's variant and compact look, a field's
        # placeholder...) ask for its styles at once, before it is mounted: styled alone, outside
        # its screen, every rule is matched for nothing (~1 ms a button), and mounting styles it
        # again in its place. Only a widget in the app's DOM is styled here.
        if node.is_attached:
            super().update_styles(node, animate)

    def push_screen(self, *args, **kwargs):
        # A notice belongs to the screen it was said on: one opening on top of
        # it (Help now, a dialog, the reader) ends it, so it never covers that.
        self.clear_notifications()
        return super().push_screen(*args, **kwargs)

    def switch_mode(self, mode: str) -> AwaitMount:
        # Leaving an area ends its notices: a "Deleted." belongs where it happened.
        self.clear_notifications()
        self._switching_to_built = mode in self._built_modes
        first_open = not self._switching_to_built
        self._built_modes.add(mode)
        holds = len(self._paint_holds)
        # A first open imports the area's code and builds its screen: the thread importing ahead
        # waits meanwhile (but goes on while this thread waits for a module it is importing), and
        # while the area is drawn.
        from imr_companion.ui import giving_way  # imported by then (ui/starting.py)

        with giving_way.opening():
            mounted = super().switch_mode(mode)
        if first_open:
            giving_way.busy_for(FIRST_OPEN)
        if first_open and len(self._paint_holds) > holds:
            # The new screen's own messages start once its widgets are mounted and its on_mount
            # has run; this one comes after its ScreenResume (where an area may read its data):
            # then there is nothing half built to hide.
            self.screen.call_later(self._end_paint_hold, self._paint_holds[-1])
        return mounted

    def delay_update(self, delay: float = 0.05) -> None:
        # Textual holds painting back for 50 ms at every mode switch, so that a
        # screen is not seen half built. One built before has nothing to hide:
        # going back to an area shows it as soon as it has taken in the switch;
        # a first open shows it once it is mounted, if that is sooner (switch_mode).
        if self._switching_to_built:
            self._switching_to_built = False
            return
        hold = self.batch_update()
        hold.__enter__()
        self._paint_holds.append(hold)
        self.set_timer(delay, partial(self._end_paint_hold, hold))

    def _end_paint_hold(self, hold: AbstractContextManager) -> None:
        """Paint again after the hold's time, or once the screen it hid is mounted: whichever is first."""
        if hold in self._paint_holds:
            self._paint_holds.remove(hold)
            hold.__exit__(None, None, None)
            self.screen.refresh()

    def action_open_area(self, mode: str) -> None:
        # The welcome is short and asks only a name: the areas come after it.
        if self.current_mode not in (mode, WELCOME_MODE):
            self.switch_mode(mode)

    def action_command_palette(self) -> None:
        # Textual's own says "Search for commands…": a person looks for something to do.
        from imr_companion.ui.palette import Palette

        if self.use_command_palette and not isinstance(self.screen, Palette):
            self.push_screen(Palette(id="--command-palette", placeholder=_(FIND_AN_ACTION)))

    def search_themes(self) -> None:
        from imr_companion.ui.palette import Palette
        from imr_companion.ui.theme_choices import ThemeChoices

        self.push_screen(Palette(providers=[ThemeChoices], placeholder=_("Choose how it looks…")))

    def action_emergency_number(self) -> None:
        from imr_companion.ui.common.dialogs.emergency import EmergencySettings

        self.push_screen(EmergencySettings())

    def get_system_commands(self, screen: Screen) -> Iterator[SystemCommand]:
        from imr_companion.ui.palette import commands

        return commands(self, screen)

    def crash_output(self, error: BaseException) -> str:
        # Textual's crash screen prints local variables, which can hold what the
        # person wrote. Say what happened and where a local report is, never
        # with what data (once, for the first error: OwnCrashOutput).
        from imr_companion import crash
        from imr_companion.ui import kept_styles

        report = crash.write_report(error, self.database.folder)
        # Whatever went wrong, the next start parses its stylesheets afresh rather than trusting kept ones.
        kept_styles.forget()
        return crash.calm_line(error, report)


if TYPE_CHECKING:
    # mypy checks here that the app is what screens and widgets take it for (ui/common/companion.py).
    _THE_APP_IS_A_COMPANION: type[Companion] = CompanionApp
