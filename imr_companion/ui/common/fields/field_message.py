"""A calm line next to a field: what went wrong and how to fix it, or a short confirmation."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class FieldMessage(Static):
    DEFAULT_CSS = """
    FieldMessage { height: auto; color: $text-muted; display: none; }
    FieldMessage.-error { color: $text-warning; }
    """

    _said = ""

    def say(self, text: str = "", error: bool = False) -> None:
        """Show `text` (plain, never markup); an empty text hides the line."""
        if (text, error, bool(text)) == (self._said, self.has_class("-error"), self.display):
            return  # said already, as it is on screen (Saved. after Saved.): nothing to draw again
        if not text and not self._said and not self.display:
            return  # nothing said, and nothing to say: hidden, whatever its colour (no layout for it)
        self._said = text
        self.update(Content(text))
        self.set_class(error, "-error")
        self.display = bool(text)

    @property
    def text(self) -> str:
        """What the line says now ("" while it is hidden)."""
        return self._said if self.display else ""
