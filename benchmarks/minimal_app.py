"""The yardstick: a minimal Textual app with a Static and a Footer.

Every start-up figure is also given as a ratio to this app, started in the
same pseudo-terminal in the same run, so a busy machine moves both alike.
With `--input` it also has a field to type into (focused), the yardstick for
a typed letter's time.
"""

import sys

from textual.app import App, ComposeResult
from textual.widgets import Footer, Input, Static

MARKER = "A minimal Textual app"


class Minimal(App[None]):
    def __init__(self, with_input: bool = False) -> None:
        super().__init__()
        self.with_input = with_input

    def compose(self) -> ComposeResult:
        yield Static(MARKER)
        if self.with_input:
            yield Input()
        yield Footer()


if __name__ == "__main__":
    Minimal(with_input="--input" in sys.argv).run()
