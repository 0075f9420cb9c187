"""A word to click with its key beside it, 'Done (t)': a light Button for the small cards on Today."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message
from textual.widgets import Static


class KeyLink(Static):
    """Today has several cards; a Button each would slow its first frame for no gain."""

    DEFAULT_CSS = """
    KeyLink { width: auto; height: 1; padding: 0 1; background: $boost; text-style: bold; margin-right: 2; }
    KeyLink:hover { background: $primary 40%; }
    """
    ALLOW_SELECT = False

    @dataclass
    class Clicked(Message):
        link: KeyLink

        @property
        def control(self) -> KeyLink:
            return self.link

    def on_click(self) -> None:
        self.post_message(self.Clicked(self))
