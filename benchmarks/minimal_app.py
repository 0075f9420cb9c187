"""The yardstick: a minimal Textual app with a Static and a Footer.

Every start-up figure is also given as a ratio to this app, started in the
same pseudo-terminal in the same run, so a busy machine moves both alike.
"""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Static

MARKER = "A minimal Textual app"


class Minimal(App[None]):
    def compose(self) -> ComposeResult:
        yield Static(MARKER)
        yield Footer()


if __name__ == "__main__":
    Minimal().run()
