"""Every use of Textual's private names, in one place.

Textual keeps these names to itself and may change them in any release.
pyproject.toml pins textual to the minor version the snapshots were made
with (`>=8.2.5,<8.3`), and `.ci/run` runs the suite at the lowest version
the range allows (`.ci/floors.py`). Each use below says why the app needs
it and what public API would replace it; tests/ui/common/test_textual_internals.py
has a test per use that names it when a Textual release changes it, and
tests/test_textual_private_names.py keeps every other module off Textual's
private names. Nothing here says words to a person: words stay with the
callers, in their catalogues.
"""

from __future__ import annotations

import asyncio
import sys
import threading
from collections.abc import Awaitable, Callable, Iterable
from contextlib import suppress
from typing import TYPE_CHECKING, Protocol, cast

from rich.text import Text
from textual.app import App, ScreenStackError
from textual.command import CommandList, CommandPalette
from textual.content import Content
from textual.css.query import NoMatches
from textual.dom import DOMNode
from textual.notifications import Notification
from textual.screen import Screen
from textual.widgets import Footer

# FooterKey (one key of the footer) is not exported: textual.widgets lists
# Footer only. KeysFooter translates each key's words as the footer composes
# them, so it must know which children are keys. A public export of FooterKey
# (or a hook for a binding's shown words) would replace this import.
from textual.widgets._footer import FooterKey

# ToastRack (a screen's notices) neither: notify_now shows a notice at once.
from textual.widgets._toast import ToastRack
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from rich.console import RenderableType
    from textual.widget import Widget

__all__ = [
    "DrawnMark",
    "FooterKey",
    "NoMatchesInOwnWords",
    "OwnCrashOutput",
    "footer_bindings_ready",
    "is_exiting",
    "keep_parsed_stylesheets",
    "mark_footer_bindings_ready",
    "notices_mounted",
    "notify_now",
    "paint_now",
    "parse_styles_ahead",
    "parsed_stylesheets",
    "repaint_now",
    "screen_stacks",
    "set_footer_key_disabled",
    "start_update_clock",
    "styles_up_to_date",
    "stylesheet_colours",
    "take_parsed_stylesheets",
    "take_styles_count",
    "take_variable_tokens",
    "toggle_inner_mark",
    "variable_tokens",
]


def screen_stacks(app: App) -> dict[str, list[Screen]]:
    """Every area's (mode's) stack of screens, not only the one in front.

    Quitting, closing the window and a change of language must reach the
    writing in every area. `App.screen_stack` gives only the current mode's;
    a public `App.screen_stacks` (or `App.modes_screens()`) would replace this.
    Read only: the app never changes a stack through it.
    """
    return app._screen_stacks


def is_exiting(app: App) -> bool:
    """True once `App.exit()` was called, while the app is still closing.

    A Today card that finds its parts gone while the app closes (quitting in
    the first split second) is no error. `App.is_running` stays true until the
    end; a public `App.is_exiting` would replace this.
    """
    return app._exit


def start_update_clock(screen: Screen) -> None:
    """Start a new screen's update clock now, as it composes.

    Textual starts it only once the screen is idle, after every widget has
    mounted, and the first paint then waits one more frame period (~16 ms).
    No public API starts it; a screen option to paint as soon as it is
    mounted would replace this.
    """
    screen._update_timer.resume()


def paint_now(screen: Screen) -> None:
    """Lay the screen out and paint it now, not at the next tick of its update clock.

    Textual paints a screen 60 times a second at most, on a timer, and hears of a widget's
    new size only once that widget is idle: a change made just after a tick waits up to 16 ms.
    Today's cards appear in one change (their column shown), and that wait came on top of the
    time a person waits for them. No public API paints at once; a screen method to flush its
    pending update would replace this. Nothing is done while the app holds painting back
    (`App.batch_update`, a mode switch's hold): the hold's end paints it.
    """
    screen.refresh(layout=True)
    screen._on_timer_update()


def notify_now(app: App, notification: Notification) -> bool:
    """Show `notification` on the screen in front now (False where it cannot: App.notify then).
    App.notify posts it, and its toast is mounted once the key that said it is handled whole:
    the check-in window's closing too, so Today was painted without it, then again a frame
    later. Added as App._on_notify does; a public `App.notify(..., now=True)` would replace this."""
    try:
        rack = app.screen.get_child_by_type(ToastRack)
    except (NoMatches, ScreenStackError):  # no screen yet, or one without a rack (notices off)
        return False
    if app._thread_id != threading.get_ident() or not rack.is_attached:
        return False
    app._notifications.add(notification)
    rack.show(app._notifications)
    return True


async def notices_mounted(screen: Screen, at_most: float = 0.1) -> bool:
    """Wait (at most `at_most` s) until every notice on `screen` is mounted; False if none was.
    A notice said as a window closes mounts in tasks of its own while the screen below comes
    back: Today waits for it, painting held (coming_back), so one frame shows both. Only the
    event `is_mounted` is set by can be waited for; ToastRack.show returning its AwaitMount
    would replace this."""
    try:
        rack = screen.get_child_by_type(ToastRack)
    except NoMatches:
        return False
    mounting: list[Awaitable[object]] = [
        holder._mounted_event.wait() for holder in rack.children if not holder.is_mounted
    ]
    if not mounting:
        return False
    with suppress(TimeoutError):
        await asyncio.wait_for(asyncio.gather(*mounting), at_most)
    return True


def repaint_now(widget: Widget) -> None:
    """Paint `widget` (changed in place, its size the same) now, with whatever else waits, not at
    the next tick: its refresh reaches the screen as a message (Screen._on_update), added here
    at once ("Saved today." under a worksheet answer). No public API paints at once (paint_now)."""
    if widget.is_attached and widget.region.area:
        widget.screen._dirty_widgets.add(widget)
    widget.screen._on_timer_update()


def take_styles_count(screen: Screen) -> None:
    """Give a new screen the app's stylesheet count: its widgets are styled as they mount.

    Without it Textual re-parses every stylesheet and restyles every open
    screen when a screen is first shown (Textual PR 5211 notes the refresh
    could be skipped when not needed). No public API says a screen's styles
    are current; Textual skipping the refresh itself would replace this.
    """
    screen._css_update_count = screen.app._css_update_count


def styles_up_to_date(screen: Screen) -> bool:
    """True when the screen was styled with the app's current stylesheet (see take_styles_count).

    AreaScreen then tells ScreenResume not to restyle every widget (3-20 ms a
    time); a theme change raises the app's count, so it still restyles.
    """
    return screen._css_update_count == screen.app._css_update_count


PARSED_STYLESHEETS = 1024
"""Parsed stylesheets the app keeps: far more than it has (about 75 with every screen and dialog)."""


def keep_parsed_stylesheets(app: App) -> None:
    """Let the app's stylesheet keep every stylesheet it parsed, not only the last 64.

    Textual keeps each parsed DEFAULT_CSS in an LRU cache of 64 (Stylesheet._parse_cache), and
    each time a kind of widget first mounts it goes over every stylesheet the app has, in the
    same order, taking each from that cache. Once there are more than 64 (the areas, their
    editors and dialogs, the handout reader's Markdown), such a pass finds none of them
    there: every stylesheet is parsed again, 30-40 ms each time, four times as the network's
    person editor first opened. The parsed rules are held by the stylesheet anyway, so the
    larger cache costs no memory. A larger cache in Textual (or one that a pass in order
    cannot empty) would replace this.
    """
    app.stylesheet._parse_cache.grow(PARSED_STYLESHEETS)


def parsed_stylesheets(app: App) -> list[tuple[tuple, list]]:
    """Every stylesheet the app's stylesheet has parsed so far: (Textual's key for it, its rules).

    The app keeps those of its first frame for its next start (ui/kept_styles.py). Textual's
    key is the stylesheet's text, where it was read from, whether it is a widget's default, its
    tie breaker and scope (Stylesheet._parse_rules); the rules have the colours of the stylesheet's
    variables in them. No public API lists them; a public cache of parsed stylesheets (or a
    faster parse) would replace this and take_parsed_stylesheets.
    """
    cache = app.stylesheet._parse_cache
    return [(key, rules) for key in list(cache.keys()) if (rules := cache.get(key)) is not None]


def take_parsed_stylesheets(app: App, parsed: Iterable[tuple[tuple, list]]) -> None:
    """Hand stylesheets parsed before (parsed_stylesheets) to the app's stylesheet, which takes
    them from its cache under the same key instead of parsing the same text again. Only for
    rules parsed with the colours the stylesheet has now (stylesheet_colours): a change of
    colours empties that cache (Stylesheet.set_variables)."""
    cache = app.stylesheet._parse_cache
    for key, rules in parsed:
        cache[key] = rules


def variable_tokens(app: App) -> dict[str, list]:
    """The tokens of the stylesheet's variables, as Textual reads them before it parses a
    stylesheet or a style written as text (Stylesheet._variable_tokens, made when first needed)."""
    return app.stylesheet._variable_tokens


def take_variable_tokens(app: App, tokens: dict[str, list]) -> None:
    """Give the app's stylesheet the tokens of its variables, read before (variable_tokens) with the
    same colours: ~1 ms less for the first stylesheet or style it parses. A change of colours
    forgets them (Stylesheet.set_variables). Name-mangled in Textual; a public way would replace this."""
    app.stylesheet._Stylesheet__variable_tokens = tokens  # type: ignore[attr-defined]


def stylesheet_colours(app: App) -> dict[str, str]:
    """The variables (the theme's colours) the app's stylesheet parses with now."""
    return dict(app.stylesheet._variables)


def parse_styles_ahead(app: App, kinds: Iterable[type[DOMNode]]) -> Callable[[], None]:
    """Parse the stylesheets (DEFAULT_CSS) of `kinds` of widget the app has not parsed yet.

    In a thread (the areas' code imported ahead, ui/starting.py): a screen's first open parsed
    its own stylesheet and its widgets' as they mounted, 1-2 ms a screen and 4-5 ms for
    Button's (the first screen with a Button). Parsed here with the app's colours as they are
    now, the rules are handed to its stylesheet on the app's thread by the function returned
    (Textual's cache of parsed stylesheets is not safe to share between threads), where Textual
    finds them as the widgets mount: under the key it would use (Stylesheet._parse_rules, from
    DOMNode._get_default_css), and only while the colours are the same. No public API parses a
    widget's stylesheet ahead; a public `Stylesheet.parse_ahead(widget_type)` would replace this.
    """
    from inspect import getfile

    from textual.css.parse import parse
    from textual.css.tokenize import tokenize_values

    sheet = app.stylesheet
    variables = sheet._variables
    tokens = tokenize_values(variables)
    parsed: list[tuple[tuple, list]] = []
    for kind in kinds:
        for tie_breaker, base in enumerate(kind._css_bases(kind)):
            css: str = base.__dict__.get("DEFAULT_CSS", "")
            if not css:
                continue
            try:
                read_from = (getfile(base), f"{base.__name__}.DEFAULT_CSS")
            except (TypeError, OSError):
                read_from = ("", f"{base.__name__}.DEFAULT_CSS")
            scope = base._css_type_name if base.__dict__.get("SCOPED_CSS", True) else ""
            key = (css, read_from, True, -tie_breaker, scope)
            if key in sheet._parse_cache or key in dict(parsed):
                continue
            rules = parse(
                scope, css, read_from, variable_tokens=tokens, is_default_rules=True, tie_breaker=-tie_breaker
            )
            parsed.append((key, list(rules)))

    def hand_over() -> None:
        if sheet._variables is variables:
            for key, rules in parsed:
                sheet._parse_cache[key] = rules

    return hand_over


def footer_bindings_ready(footer: Footer) -> bool:
    """Whether the footer has been told its screen's bindings (Footer.compose draws nothing before)."""
    # KeysFooter remembers what it showed only once there is something to show,
    # as Footer.compose decides by this reactive. A public `Footer.bindings_ready`
    # would replace it.
    return footer._bindings_ready


def mark_footer_bindings_ready(footer: Footer) -> None:
    """What Footer.bindings_changed does first, for KeysFooter's own bindings_changed."""
    footer._bindings_ready = True


def set_footer_key_disabled(key: FooterKey, disabled: bool) -> None:
    """A footer key drawn as working or not, in place (KeysFooter changes its keys in place):
    FooterKey takes it only as it is made, kept in `_disabled` (its click) and -disabled (its
    look). A public way to change a key in place would replace this."""
    key._disabled = disabled
    key.set_class(disabled, "-disabled")


def toggle_inner_mark() -> str:
    """The mark SelectionList draws inside a row's box (ToggleButton.BUTTON_INNER).

    MarkedSelectionList finds the box in each drawn row by it, to draw `[✓]`
    or `[ ]` instead of a colour alone. A public way to draw a SelectionList
    row's box (as ToggleButton's `_button`, below) would replace this.
    """
    # ToggleButton (the base of Checkbox and RadioButton) is not exported either. Imported
    # here, where it is used: not before the app's first frame, where this module is (~1 ms).
    from textual.widgets._toggle_button import ToggleButton

    return ToggleButton.BUTTON_INNER


class _Marks(Protocol):
    def mark(self) -> str: ...


class DrawnMark:
    """A mixin before Checkbox or RadioButton: the box drawn as the class's `mark()` says, in bold.

    Textual's own box shows the same X or dot whether on or off, only its
    colour changes; ToggleButton draws the box from its private `_button`
    property, and no public API changes it. A public `ToggleButton.render_button`
    (or a BUTTON_ON/BUTTON_OFF pair) would replace this.
    """

    # `mark()` is the class's own (mypy checks it through the self-type).
    @property
    def _button(self: _Marks) -> Content:
        return Content.styled(self.mark(), "bold")


class _SaysCrash(Protocol):
    def crash_output(self, error: BaseException) -> RenderableType: ...


class OwnCrashOutput:
    """A mixin before App: what an unexpected error leaves on the terminal is the app's own.

    Textual's crash output (App._fatal_error) prints a traceback with local
    variables, which can hold what the person wrote. Here it prints
    `crash_output(error)` instead, once: the first error, as Textual shows
    only the first. A public hook for the crash output (or a setting to leave
    out the local variables) would replace this.
    """

    # `crash_output(error)` is the app's own (mypy checks it through the self-type).
    def _fatal_error(self: _SaysCrash) -> None:
        app = cast(App, self)
        if app._exit_renderables:
            # The app is already closing after an error: what fails now (a
            # screen still mounting, for one) follows from it.
            return
        error = sys.exc_info()[1] or app._exception or RuntimeError()
        app._exit_renderables.append(self.crash_output(error))
        app._close_messages_no_wait()


class NoMatchesInOwnWords(CommandPalette):
    """Textual's command palette, saying `no_matches_words()` when nothing matches.

    Textual's own says "No matches found" in English, from a private method
    (CommandPalette._start_no_matches_countdown, copied here with the words
    changed). A public class attribute or method for those words would
    replace this.
    """

    def no_matches_words(self) -> str:
        return "No matches found"

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Text(self.no_matches_words(), style="not bold", justify="center"),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
            self._list_visible = bool(search_value)

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
