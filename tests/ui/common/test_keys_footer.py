"""The keys footer while its screen is being closed."""

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from imr_companion.ui.common.frame.keys_footer import KeysFooter


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
