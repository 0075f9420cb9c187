"""A one-line field that keeps every pasted line.

Textual's Input keeps only the first line of a paste; a person pasting a
few lines from a letter or a note would lose the rest without noticing.
Here the lines are joined with spaces, in the field, before anything is
saved, so the person sees exactly what will be kept.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class OneLineInput(Input):
    def _on_paste(self, event: events.Paste) -> None:
        lines = [line.strip() for line in event.text.splitlines()]
        joined = " ".join(line for line in lines if line)
        if joined:
            selection = self.selection
            if selection.is_empty:
                self.insert_text_at_cursor(joined)
            else:
                self.replace(joined, *selection)
        # Input's own handler would insert the first line again.
        event.prevent_default()
        event.stop()
