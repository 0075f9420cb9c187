"""The Textual app: the areas as modes, global keys, the theme, a calm crash."""

from __future__ import annotations

import gc
import importlib
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen

from imr_companion.areas import AREAS
from imr_companion.store import Database, SaveError

if TYPE_CHECKING:
    from imr_companion.models import Record, Settings

# The models (and pydantic under them) are not imported before the first
# frame: it reads the few settings it needs as stored (Database.stored_setting).
R = TypeVar("R", bound="Record")


RECORD_CHECK_DELAY = 0.3
"""Seconds after the first frame: Today's cards are drawn by then, even with thirty years of data."""


def _collect_garbage_again() -> None:
    """Collect garbage again, sparing the objects that live as long as the app.

    The command line turns the collector off while the app starts (there is
    nothing to collect yet, and each pass over the new widgets costs time
    before the first frame); freezing keeps later passes off those objects.
    """
    gc.freeze()
    gc.enable()


def _lazy(target: str) -> Callable[[], Screen]:
    module, _, name = target.partition(":")
    return lambda: getattr(importlib.import_module(module), name)()


class CompanionApp(App[None]):
    TITLE = "IMR Companion"
    CSS_PATH = Path(__file__).with_name("app.tcss")
    MODES: ClassVar[dict[str, str | Callable[[], Screen]]] = {area.mode: _lazy(area.screen) for area in AREAS}
    # Starting in Today directly (not switch_mode in on_mount) draws it in the
    # app's first frame: a mode switch holds painting back for a moment.
    DEFAULT_MODE = "today"
    BINDINGS: ClassVar = [
        *(Binding(area.key, f"open_area('{area.mode}')", area.title, show=False) for area in AREAS),
        Binding("ctrl+t", "change_theme", "Theme", show=False),
        Binding("ctrl+g", "together", "Together", show=False),
        # Help now must work from every screen, even while typing: F1 is not
        # used by Input or TextArea, and priority puts it before them.
        Binding("f1", "help_now", "Help now", show=False, priority=True),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    together_with: reactive[str | None] = reactive(None)
    """A contact person's name while they fill things in with the person (not saved)."""

    def __init__(self, database: Database) -> None:
        super().__init__()
        self.database = database
        self._settings: Settings | None = None
        self._waiting_for_first_frame: list[Callable[[], object]] | None = []
        """Work that waits until the first frame is on screen; None once it is."""

    @property
    def settings(self) -> Settings:
        """The person's settings, validated when first needed (after the first frame)."""
        if self._settings is None:
            self._settings = self.database.settings()
        return self._settings

    @settings.setter
    def settings(self, settings: Settings) -> None:
        self._settings = settings

    def mark_together(self, record: R) -> R:
        """`record`, marked as written together when a contact person is beside the person."""
        from imr_companion.models.base import mark_together

        return mark_together(record, self.together_with)

    def action_together(self) -> None:
        from imr_companion.ui.common.dialogs.together import TogetherPrompt

        def chosen(name: str | None) -> None:
            if name is None:
                return
            self.together_with = name or None
            if name:
                self.notify(f"What you write now is marked as together with {name}. Ctrl+G to stop.")
            else:
                self.notify("Back to just you.")

        self.push_screen(TogetherPrompt(self.together_with), chosen)

    def action_help_now(self) -> None:
        from imr_companion.ui.plan.help_now import HelpNowScreen

        if not isinstance(self.screen, HelpNowScreen):
            self.push_screen(HelpNowScreen())

    @property
    def data_folder(self) -> Path:
        return self.database.folder

    def on_mount(self) -> None:
        theme = self.database.stored_setting("theme", "")
        if theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if not self.database.stored_setting("welcomed", False):
            from imr_companion.ui.today.welcome import WelcomeScreen

            self.push_screen(WelcomeScreen())
        for notice in self.database.notices:
            self._tell(notice)

    @property
    def first_frame_shown(self) -> bool:
        return self._waiting_for_first_frame is None

    def after_first_frame(self, callback: Callable[[], object]) -> None:
        """Run `callback` once the app's first frame is on screen (soon, if it already is)."""
        if self.first_frame_shown:
            self.call_later(callback)
        else:
            self._waiting_for_first_frame.append(callback)

    def on_ready(self) -> None:
        # Textual's Ready comes when the first frame is laid out; it reaches the
        # terminal with the next refresh. Work done now would be drawn in it.
        self.call_after_refresh(self._first_frame_shown)

    def _first_frame_shown(self) -> None:
        """The first frame is on screen: now the work that could wait for it."""
        _collect_garbage_again()
        waiting, self._waiting_for_first_frame = self._waiting_for_first_frame or [], None
        for callback in waiting:
            callback()
        # Checking every record takes longer than drawing what was waiting
        # (tens of milliseconds with years of data): it comes once that is
        # on screen. Until then repositories skip any record it would set aside.
        self.set_timer(RECORD_CHECK_DELAY, self._check_records)

    def _check_records(self) -> None:
        before = len(self.database.notices)
        try:
            moved = self.database.check_records()
        except SaveError as error:
            self.notify(str(error), severity="warning")
            return
        for notice in self.database.notices[before:]:
            self._tell(notice)
        if moved:
            self.refresh_areas()

    def _tell(self, notice) -> None:
        from imr_companion.ui.common.dialogs.confirm import Confirm

        if notice.backup is None:
            self.push_screen(Confirm(notice.text, yes="OK", no=None))
            return

        def restore(answer: bool | None) -> None:
            if not answer:
                self.notify("Starting with an empty notebook. The old file is kept safe.")
                return
            try:
                self.database.restore(notice.backup)
            except Exception:
                self.notify("The backup could not be restored. Nothing was changed.", severity="warning")
                return
            self.settings = self.database.settings()
            self.notify("Your backup is back in place.")
            from imr_companion.ui.today.welcome import WelcomeScreen

            if self.settings.welcomed and isinstance(self.screen, WelcomeScreen):
                self.pop_screen()
            self.refresh_areas()

        self.push_screen(
            Confirm(
                notice.text + "\n\nWould you like to restore that backup now?", yes="Restore", no="Not now"
            ),
            restore,
        )

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
            return False
        self.settings = updated
        return True

    def _remember_theme(self, theme) -> None:
        if theme.name != self.database.stored_setting("theme", ""):
            self.save_settings(theme=theme.name)

    def action_open_area(self, mode: str) -> None:
        if self.current_mode != mode:
            self.switch_mode(mode)

    def get_system_commands(self, screen: Screen):
        yield from super().get_system_commands(screen)
        yield SystemCommand(
            "Help now", "Your own steps, people and numbers (F1, from anywhere)", self.action_help_now
        )
        # The screen in front may offer its own commands (the keys in its footer).
        commands = getattr(screen, "commands", None)
        if commands is not None:
            yield from commands()
        yield SystemCommand(
            "Filling in together",
            "Mark what you write as done together with your contact person (ctrl+g)",
            self.action_together,
        )
        for area in AREAS:
            yield SystemCommand(
                f"Open {area.title}",
                f"Go to {area.title} (key {area.key})",
                lambda mode=area.mode: self.action_open_area(mode),
            )
        # Every key of the screen in front is offered here too, also those the
        # footer has no room for, so that everything can be done with the mouse.
        offered: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            # A binding's tooltip, when it has one, is its longer name.
            title = binding.tooltip or binding.description
            if active.node is screen and title and active.enabled:
                if title in offered:
                    continue
                offered.add(title)
                yield SystemCommand(
                    title,
                    f"Key {self.get_key_display(binding)}",
                    partial(screen.run_action, binding.action),
                )

    def _fatal_error(self) -> None:
        # Textual's crash screen prints local variables, which can hold what the
        # person wrote. Say what happened and where, never with what data.
        error = sys.exc_info()[1] or self._exception
        where = ""
        trace = error.__traceback__ if error else None
        while trace and trace.tb_next:
            trace = trace.tb_next
        if trace:
            code = trace.tb_frame.f_code
            where = f" at {Path(code.co_filename).name}:{trace.tb_lineno} in {code.co_name}"
        self._exit_renderables.append(
            "IMR Companion stopped because of a problem in the program. "
            "Everything you saved is safe.\n"
            f"For a developer: {type(error).__name__ if error else 'error'}{where}"
        )
        self._close_messages_no_wait()
