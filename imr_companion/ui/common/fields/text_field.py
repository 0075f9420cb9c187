"""A field for a few lines of writing, with the same paste rule as OneLineInput (see text_fields.py).

Apart from the one-line field because TextArea takes about 13 ms to import,
and Today's first frame needs only the one-line field.
"""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea

from imr_companion.typed_text import pasted


class TextField(TextArea):
    """A field for a few lines of writing: pasted lines are kept.

    A filled field never waits with its cursor before the first word: coming
    back to a written answer, the cursor is at the end, so what is typed adds
    to it ("ZZ" typed once went in front of "Having friends..."). A click
    still puts the cursor where it clicks (that comes after the focus).
    """

    def on_focus(self) -> None:
        if self.text and self.cursor_location == (0, 0) and self.selection.is_empty:
            self.move_cursor(self.document.end)

    async def on_paste(self, event: events.Paste) -> None:
        # Runs before TextArea's own handler, which prevent_default() then skips.
        event.prevent_default()
        event.stop()
        if self.read_only:
            return
        text = pasted(event.text, keep_lines=True)
        if text and (result := self.replace(text, *self.selection, maintain_selection_offset=False)):
            self.move_cursor(result.end_location)
            self.focus()
