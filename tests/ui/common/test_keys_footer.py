"""The keys footer while its screen is being closed."""

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Button, Input, Static

from imr_companion.ui.common.frame.keys_footer import KeysFooter
from imr_companion.ui.common.textual_internals import FooterKey
from tests.helpers import wait_until


class Listed(Screen):
    """A screen whose keys depend on a widget, as the goals screen's depend on its list."""

    BINDINGS = [Binding("x", "mark", "Mark")]

    def compose(self):
        yield Static("list", id="the-list")
        yield KeysFooter()

    def check_action(self, action, parameters):
        self.query_one("#the-list")
        return True


async def test_a_footer_on_its_way_out_asks_its_screen_nothing():
    """At quit a screen's widgets leave one by one; a footer rebuild queued just
    before asked the screen which keys work after its list had gone (a crash at
    quit, seen in CI). A footer not displayed (as every widget of a closing screen
    is) leaves its keys as they are."""
    app = App()
    async with app.run_test() as pilot:
        await app.push_screen(Listed())
        await pilot.pause()
        footer = app.screen.query_one(KeysFooter)
        footer.display = False
        await app.screen.query_one("#the-list").remove()
        footer.bindings_changed(app.screen)
        await pilot.pause()
        await pilot.pause()


class Writing(Screen):
    """Letters are text in the field: its keys leave the footer there, and come back outside it."""

    BINDINGS = [Binding("n", "next", "Next"), Binding("b", "back", "Back"), Binding("ctrl+t", "mark", "Mark")]

    def compose(self):
        yield Input(id="field")
        yield Button("Go", id="go")
        yield KeysFooter()

    def check_action(self, action, parameters):
        in_field = self.focused is not None and self.focused.id == "field"
        if action == "mark":
            return None if in_field else True  # shown, but not working, in the field
        return not in_field


def drawn(footer: KeysFooter) -> list[tuple[str, str, bool]]:
    """The footer's keys as drawn (the palette's aside): key, words, and whether shown as not working."""
    keys = [key for key in footer.query(FooterKey).results() if not key.has_class("-command-palette")]
    return [(key.key, key.description, key.has_class("-disabled")) for key in keys]


def working_now(screen: Screen) -> list[tuple[str, str, bool]]:
    """What a footer made anew shows: the screen's keys shown now, in order."""
    shown = [(binding, enabled) for _, binding, enabled, _ in screen.active_bindings.values() if binding.show]
    return [(binding.key, binding.description, not enabled) for binding, enabled in shown]


async def test_keys_changed_in_place_show_what_a_footer_made_anew_would():
    """A focus move that changes the keys changes the footer's keys in place (a rebuild held the
    frame the person waited for): it shows what a footer made anew shows, each time."""
    app = App()
    async with app.run_test() as pilot:
        await app.push_screen(Writing())
        screen = app.screen
        footer = screen.query_one(KeysFooter)
        first = None
        for focused in ("#go", "#field", "#go", "#field", "#go"):
            screen.query_one(focused).focus()
            await wait_until(pilot, lambda f=focused: screen.focused is screen.query_one(f), focused)
            await wait_until(pilot, lambda: drawn(footer) == working_now(screen), f"keys after {focused}")
            if focused == "#go":
                outside = [("n", "Next", False), ("b", "Back", False), ("ctrl+t", "Mark", False)]
                assert drawn(footer) == outside
                first = first or footer.query(FooterKey).first()
            else:
                assert drawn(footer) == [("ctrl+t", "Mark", True)]
        assert footer.query(FooterKey).first() is first  # the same key each time, changed in place
        assert "Next" in app.export_screenshot()
