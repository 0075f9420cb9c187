"""What every area screen shares: the area bar on top, the footer below."""

from __future__ import annotations

import gc

from textual import events, on
from textual.app import ComposeResult
from textual.screen import Screen

from imr_companion.ui.common.companion import Companion, companion_of
from imr_companion.ui.common.frame.area_bar import AreaBar
from imr_companion.ui.common.frame.keys_footer import KeysFooter
from imr_companion.ui.common.textual_internals import start_update_clock, styles_up_to_date, take_styles_count


class AreaScreen(Screen):
    MODE = ""
    HOLDS_COLLECTOR = True
    """Whether the garbage collector waits while the screen is built (see __init__)."""

    def __init__(self) -> None:
        super().__init__()
        # A new screen's widgets are styled as they mount, with the theme in
        # force: the app applies the saved theme's colours (App.__init__ sets
        # it, and Textual refreshes every style once for it) before the first
        # screen is composed. Without this count, Textual would re-parse every
        # stylesheet and restyle every open screen twice when a screen is
        # first shown, and again at each reopen: the count that stops it is
        # set only on a screen already mounted (Textual PR 5211 notes the
        # refresh could be skipped when not needed).
        take_styles_count(self)
        # No pass of the garbage collector while the screen is built and first drawn (one over
        # the objects made since start-up took 10 ms of a first open, at a moment no one chose):
        # it runs once the screen is on show (`_collect_again`). Off already (the start-up turns
        # it off until Today is filled in), it is left to the start-up to turn on.
        self._holding_collector = self.HOLDS_COLLECTOR and gc.isenabled()
        if self._holding_collector:
            gc.disable()

    _first_frame_shown = False

    @on(events.Mount)
    def _after_first_frame(self) -> None:
        # Called once the screen has been refreshed and its messages handled: its first frame.
        self.call_after_refresh(self._first_frame_done)
        self.watch(self.app, "together_with", self._together_line)

    def _together_line(self, name: str | None) -> None:
        """The line saying a contact person fills in with the person, mounted the first time they do
        (it shows and hides itself from then on): hidden, it was a widget more to build in every
        screen's first frame, and most people never use it."""
        if not name:
            return
        from imr_companion.ui.common.frame.together_line import TogetherLine

        if not self.query(TogetherLine):
            self.mount(TogetherLine(id="together"))

    def _first_frame_done(self) -> None:
        self._collect_again()
        self._first_frame_shown = True
        self.refresh_bindings()  # the footer's keys now (keys_settled)

    def keys_settled(self) -> bool:
        """The footer shows the screen's keys once its first frame is on show (KeysFooter): built
        before it, the footer's keys (a widget each, styled and laid out) held it back ~10 ms,
        as often as not, by which of the two came first."""
        return self._first_frame_shown

    @on(events.Unmount)
    def _collect_again(self) -> None:
        # Also as the screen goes: one closed before its first frame does not keep the collector off.
        if not self._holding_collector:
            return
        self._holding_collector = False
        gc.enable()

    @on(events.Resize)
    def _same_size_again(self, event: events.Resize) -> None:
        # As the app starts Textual tells its first screen its size three more times (the app's
        # start, the terminal driver's), the same size each time, and Screen lays out and paints the
        # whole screen again each time: ~3 ms just after Today's first frame, before its cards. At
        # the size it is laid out at already, nothing changes.
        if event.size == self.size and self.size.area:
            event.prevent_default()

    @on(events.ScreenResume)
    def keep_styles_when_up_to_date(self, event: events.ScreenResume) -> None:
        # Runs before Screen's own handler (a class's handlers run before its
        # base's), which restyles every widget at each resume (twice at a first
        # open): 3-20 ms a time. Styles change only with the stylesheet, and a
        # mode switch refreshes it for a screen whose count is behind, so a
        # screen that is up to date keeps its styles.
        if styles_up_to_date(self):
            event.refresh_styles = False

    @on(events.ScreenSuspend)
    def let_go_of_drawn_lines(self) -> None:
        # Each widget keeps the lines it last drew (Textual's Strips, each with its own small
        # caches of cut and restyled copies): some 1-2 MiB a screen with a list or a map, held
        # while the screen is out of sight, for the whole session. Refreshing lets them go now
        # (the lines are drawn again when the screen is next shown, a few milliseconds), so the
        # next area's lines take their place rather than adding to them.
        if self.app.screen is not self:
            for widget in self.walk_children():
                widget.refresh()

    @property
    def companion(self) -> Companion:
        return companion_of(self)

    def compose(self) -> ComposeResult:
        # A new screen paints on the first tick of its own update clock, one
        # frame period (1/60 s) after the clock starts, and Textual starts it
        # only once the screen is idle, after every widget has mounted: the
        # first frame then waited ~16 ms for nothing. Started now, the wait
        # runs while the widgets mount (a tick during the app's start-up batch
        # or a mode switch paints nothing).
        start_update_clock(self)
        yield AreaBar(self.MODE)
        yield from self.compose_body()
        yield KeysFooter()

    def compose_body(self) -> ComposeResult:
        yield from ()

    def has_unsaved_text(self) -> bool:
        """True while one of this screen's own fields holds words not saved yet (quitting asks)."""
        return False

    def refresh_data(self) -> None:
        """Show the stored data again (after a restore or an import)."""
