"""A test per use of Textual's private names (ui/common/textual_internals.py).

Each fails naming the use when a Textual release renames it, changes its
shape, or stops doing what the app relies on: then that use needs a new
way, not a wider version range.
"""

from __future__ import annotations

import hashlib
import inspect

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.command import CommandPalette
from textual.message_pump import MessagePump
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Checkbox, Footer, Label, RadioButton, SelectionList

from imr_companion.ui.common import textual_internals as internals


def changed(use: str) -> str:
    return f"Textual changed what textual_internals.{use} relies on: see its comment for the way out"


class WithFooter(Screen):
    def compose(self) -> ComposeResult:
        yield Footer()


class Two(App[None]):
    """Two modes, the first with a footer showing one key."""

    BINDINGS = [Binding("ctrl+o", "noop", "Shown key")]
    MODES = {"first": WithFooter, "second": Screen}

    def on_mount(self) -> None:
        self.switch_mode("first")


class Ticked(internals.DrawnMark, Checkbox):
    def mark(self) -> str:
        return "[on]" if self.value else "[off]"


class Chosen(internals.DrawnMark, RadioButton):
    def mark(self) -> str:
        return "(yes)" if self.value else "(no)"


async def test_screen_stacks_hold_every_mode() -> None:
    app = Two()
    async with app.run_test() as pilot:
        await pilot.pause()
        first = app.screen
        await app.switch_mode("second")
        stacks = internals.screen_stacks(app)
        assert isinstance(stacks, dict), changed("screen_stacks")
        assert stacks.get("first") == [first], changed("screen_stacks")
        assert stacks.get("second") == [app.screen], changed("screen_stacks")


async def test_is_exiting_once_exit_is_called() -> None:
    app = Two()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert internals.is_exiting(app) is False, changed("is_exiting")
        app.exit()
        assert internals.is_exiting(app) is True, changed("is_exiting")


async def test_update_clock_and_styles_count() -> None:
    timer = inspect.getattr_static(Screen, "_update_timer")
    assert isinstance(timer, property), changed("start_update_clock")
    assert "refresh_styles" in inspect.signature(events.ScreenResume).parameters, changed("styles_up_to_date")
    assert "event.refresh_styles" in inspect.getsource(Screen._on_screen_resume), changed("styles_up_to_date")
    app = Two()
    async with app.run_test() as pilot:
        await pilot.pause()
        first = app.screen
        assert isinstance(first._update_timer, Timer), changed("start_update_clock")
        internals.start_update_clock(first)
        while app._batch_count:  # the first mode's switch holds painting back a moment
            await pilot.pause()
        drawn = first.query_one(Footer)
        assert drawn.region
        drawn.display = False  # a change waiting for the screen's next update
        internals.paint_now(first)
        assert not first._layout_required and not drawn.region, changed("paint_now")
        drawn.display = True
        internals.paint_now(first)
        assert drawn.region, changed("paint_now")
        await app.switch_mode("second")
        app.theme = "textual-light"  # the styles of the screens behind are out of date now
        await pilot.pause()
        assert not internals.styles_up_to_date(first), changed("styles_up_to_date")
        await app.switch_mode("first")  # and brought up to date by the switch back
        assert internals.styles_up_to_date(first), changed("styles_up_to_date")
        screen = Screen()
        internals.take_styles_count(screen)
        assert internals.styles_up_to_date(screen), changed("take_styles_count")


async def test_footer_keys_and_bindings_ready() -> None:
    assert callable(getattr(Footer, "bindings_changed", None)), changed("mark_footer_bindings_ready")
    assert "_bindings_ready" in inspect.getsource(Footer.compose), changed("footer_bindings_ready")
    app = Two()
    async with app.run_test() as pilot:
        await pilot.pause()
        footer = app.screen.query_one(Footer)
        assert internals.footer_bindings_ready(footer) is True, changed("footer_bindings_ready")
        keys = list(footer.query(internals.FooterKey))
        assert "Shown key" in [key.description for key in keys], changed("FooterKey")
        assert all(isinstance(key.key_display, str) for key in keys), changed("FooterKey")
        later = Footer()
        assert internals.footer_bindings_ready(later) is False, changed("footer_bindings_ready")
        internals.mark_footer_bindings_ready(later)
        assert internals.footer_bindings_ready(later) is True, changed("mark_footer_bindings_ready")
        off = internals.FooterKey("x", "x", "Off", "noop", disabled=True)
        assert off._disabled and off.has_class("-disabled"), changed("set_footer_key_disabled")
        internals.set_footer_key_disabled(off, False)
        assert not off._disabled and not off.has_class("-disabled"), changed("set_footer_key_disabled")
        clicked = inspect.getsource(internals.FooterKey.on_mouse_down)
        assert "self._disabled" in clicked, changed("set_footer_key_disabled")


async def test_a_widget_repainted_now() -> None:
    app = Two()
    async with app.run_test() as pilot:
        while app._batch_count:  # the first mode's switch holds painting back a moment
            await pilot.pause()
        await pilot.pause()
        footer = app.screen.query_one(Footer)
        painted: list[object] = []
        app._display = lambda screen, update: painted.append(update)  # type: ignore[method-assign]
        footer.refresh()  # its screen hears of it by a message, later
        internals.repaint_now(footer)
        assert painted and painted[-1] is not None, changed("repaint_now")
        assert footer not in app.screen._dirty_widgets, changed("repaint_now")


async def test_a_notice_is_mounted_at_once_and_can_be_waited_for() -> None:
    from textual.notifications import Notification
    from textual.widgets._toast import Toast

    queued = inspect.getsource(App._refresh_notifications)
    assert "call_later(toast_rack.show" in queued, changed("notify_now")
    app = Two()
    async with app.run_test(notifications=True) as pilot:
        await pilot.pause()
        screen = app.screen
        assert not await internals.notices_mounted(screen), changed("notices_mounted")
        notice = Notification("Said at once.", "", "information", 5)
        assert internals.notify_now(app, notice), changed("notify_now")
        assert notice in app._notifications, changed("notify_now")
        assert await internals.notices_mounted(screen), changed("notices_mounted")  # it was mounting
        toasts = list(screen.query(Toast))
        assert [toast.is_mounted for toast in toasts] == [True], changed("notices_mounted")
        assert not await internals.notices_mounted(screen)
        app.notify("Said the usual way.")  # Textual's own call later finds the first one there
        await pilot.pause()
        await pilot.pause()
        assert len(screen.query(Toast)) == 2, changed("notify_now")


async def test_marks_are_drawn_in_the_box() -> None:
    assert isinstance(inspect.getattr_static(Checkbox, "_button"), property), changed("DrawnMark")
    app = Two()
    async with app.run_test() as pilot:
        ticked, chosen = Ticked("Tea", value=True), Chosen("Walk")
        checklist: SelectionList[str] = SelectionList(("Rest", "rest"))
        await app.screen.mount(ticked, chosen, checklist, Label("end"))
        await pilot.pause()
        assert "[on] Tea" in ticked.render().plain, changed("DrawnMark")
        assert "(no) Walk" in chosen.render().plain, changed("DrawnMark")
        segments = list(checklist.render_line(0))
        # MarkedSelectionList redraws [left side, inner mark, right side] as one tick box.
        assert segments[1].text == internals.toggle_inner_mark(), changed("toggle_inner_mark")


class Crashing(internals.OwnCrashOutput, App[None]):
    said: list[BaseException]

    def crash_output(self, error: BaseException) -> str:
        self.said.append(error)
        return "calm line"

    def on_mount(self) -> None:
        raise ValueError("the person's words")


async def test_crash_output_is_the_apps_own() -> None:
    assert inspect.signature(App._fatal_error).parameters.keys() == {"self"}, changed("OwnCrashOutput")
    assert callable(MessagePump._close_messages_no_wait), changed("OwnCrashOutput")
    app = Crashing()
    app.said = []
    with pytest.raises(ValueError):
        async with app.run_test():
            pass
    assert [type(error) for error in app.said] == [ValueError], changed("OwnCrashOutput")
    assert isinstance(app._exception, ValueError), changed("OwnCrashOutput")
    assert isinstance(app._exit_renderables, list), changed("OwnCrashOutput")


# Textual 8.2.5 to 8.2.8: NoMatchesInOwnWords copies this method with other words.
NO_MATCHES_SOURCE = "0bc07d179471"


def test_no_matches_method_is_the_one_copied() -> None:
    source = inspect.getsource(CommandPalette._start_no_matches_countdown)
    digest = hashlib.sha256(source.encode()).hexdigest()[:12]
    assert digest == NO_MATCHES_SOURCE, (
        changed("NoMatchesInOwnWords") + ": compare CommandPalette._start_no_matches_countdown with the copy"
    )
    for name in ("_stop_no_matches_countdown", "_NO_MATCHES", "_NO_MATCHES_COUNTDOWN", "_list_visible"):
        assert hasattr(CommandPalette, name), changed("NoMatchesInOwnWords") + f" ({name})"


def counted_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The stylesheets Textual parses from now on, in order (its own parse, counted)."""
    from textual.css import stylesheet as stylesheets

    parsed: list[str] = []
    parse = stylesheets.parse

    def counted(scope, css, *args, **kwargs):
        parsed.append(css)
        return parse(scope, css, *args, **kwargs)

    monkeypatch.setattr(stylesheets, "parse", counted)
    return parsed


def test_every_parsed_stylesheet_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    # What Textual does each time a new kind of widget mounts: its stylesheet added, then every
    # stylesheet of the app gone over again. With more than the cache holds, each pass parsed them all.
    parsed = counted_parses(monkeypatch)
    app = App()
    internals.keep_parsed_stylesheets(app)
    sheet = app.stylesheet
    assert isinstance(sheet._parse_cache.maxsize, int), changed("keep_parsed_stylesheets")
    kinds = internals.PARSED_STYLESHEETS // 8  # more than Textual's own 64
    for kind in range(kinds):
        sheet.add_source(f"Kind{kind} {{ width: {kind + 1}; }}", read_from=("", f"Kind{kind}.DEFAULT_CSS"))
        sheet.parse()
    assert len(parsed) == kinds, changed("keep_parsed_stylesheets")


class AheadKind(Label):
    DEFAULT_CSS = "AheadKind { width: 7; color: $primary; }"


async def test_stylesheets_parsed_ahead_are_not_parsed_again(monkeypatch: pytest.MonkeyPatch) -> None:
    app = Two()
    async with app.run_test() as pilot:
        await pilot.pause()
        hand_over = internals.parse_styles_ahead(app, [AheadKind])  # in a thread, in the app
        hand_over()  # on the app's thread
        parsed = counted_parses(monkeypatch)
        kind = AheadKind("ahead")
        await app.screen.mount(kind)
        await pilot.pause()
        assert AheadKind.DEFAULT_CSS not in parsed, changed("parse_styles_ahead")
        assert kind.styles.width is not None and kind.styles.width.value == 7, changed("parse_styles_ahead")


def test_stylesheets_parsed_in_one_app_are_not_parsed_again_in_another(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = ("Kept { width: 3; color: $primary; }", ("", "Kept.DEFAULT_CSS"))
    first = App()
    first.stylesheet.add_source(source[0], read_from=source[1])
    first.stylesheet.parse()
    parsed = internals.parsed_stylesheets(first)
    assert any(key[0] == source[0] for key, _ in parsed), changed("parsed_stylesheets")
    assert internals.stylesheet_colours(first)["primary"], changed("stylesheet_colours")
    counted = counted_parses(monkeypatch)
    second = App()
    internals.take_parsed_stylesheets(second, parsed)
    second.stylesheet.add_source(source[0], read_from=source[1])
    second.stylesheet.parse()
    assert source[0] not in counted, changed("take_parsed_stylesheets")
    assert [rule.css for rule in second.stylesheet.rules] == [rule.css for rule in first.stylesheet.rules]


def test_the_colours_tokens_handed_to_another_app_are_used_as_they_are() -> None:
    tokens = internals.variable_tokens(App())
    assert tokens and all(isinstance(value, list) for value in tokens.values()), changed("variable_tokens")
    second = App()
    internals.take_variable_tokens(second, tokens)
    assert second.stylesheet._variable_tokens is tokens, changed("take_variable_tokens")
